import { readFile } from 'node:fs/promises';
import { locateJsonError } from '../core/catalog/json-error';
import { AppError } from '../core/errors';
import { secretEnvName, type SecretStore } from '../core/secrets';

/**
 * Secrets for the CLI, per user and outside any workbook: a JSON file of `{ "NAME": "value" }`
 * (--secrets) first, then the environment variable FINPULSE_SECRET_<NAME>.
 */
export async function createNodeSecretStore(env: Readonly<Record<string, string | undefined>>, file?: string): Promise<Required<SecretStore>> {
  const fromFile = file === undefined ? {} : await readSecretsFile(file);
  return {
    get: (name) => Promise.resolve(Object.hasOwn(fromFile, name) ? fromFile[name] : env[secretEnvName(name)]),
    where: (name) => (file === undefined ? secretEnvName(name) : `${file} / ${secretEnvName(name)}`),
  };
}

async function readSecretsFile(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new AppError('io.read', { path, detail: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The parser's message quotes the file's text, which holds secrets: give only the position.
    const at = locateJsonError(text);
    throw new AppError('io.read', { path, detail: `not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}` });
  }
  const ok = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
  if (!ok) throw new AppError('io.read', { path, detail: 'expected an object of secret names to text values, e.g. {"ERP_TOKEN": "…"}' });
  return value as Record<string, string>;
}
