import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../core/errors';
import { localize, type Locale } from '../core/i18n';
import { createCatalogService, createGateway, DEFAULT_DB, DEFAULT_MAX_BODY, openRepository, parseToken, startServer, userId, type Gateway } from '../server';
import { parseFlags, stringFlag } from './args';
import type { Io } from './output';

export const DEFAULT_PORT = 8787;
export const DEFAULT_TOKEN_FILE = 'finpulse-admin.token';

/** Resolves on Ctrl-C or a service manager's stop. */
const stopSignal = (): Promise<void> =>
  new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });

function intFlag(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(n) || n > max) throw new AppError('cli.usage', { detail: `--${name} must be a whole number up to ${max}` });
  return n;
}

/** The admin token from its file, or a new one written there (readable by its owner only). */
async function adminToken(file: string, ensure: (text: string | undefined) => Promise<string | undefined>): Promise<void> {
  let text: string | undefined;
  if (existsSync(file)) {
    text = (await readFile(file, 'utf8')).trim();
    if (!parseToken(text)) throw new AppError('server.tokenFile', { path: file });
  }
  const fresh = await ensure(text);
  if (fresh) await writeFile(file, `${fresh}\n`, { mode: 0o600 });
}

async function gatewayFrom(allow: string | undefined, configFile: string | undefined): Promise<Gateway | undefined> {
  if (!allow && !configFile) return undefined;
  const config: { allow?: unknown; credentials?: unknown } = configFile ? (JSON.parse(await readFile(configFile, 'utf8')) as object) : {};
  const hosts = [...(allow ? allow.split(',') : []), ...(Array.isArray(config.allow) ? config.allow.map(String) : [])].map((h) => h.trim()).filter(Boolean);
  const credentials = typeof config.credentials === 'object' && config.credentials !== null ? (config.credentials as Record<string, Record<string, string>>) : {};
  return createGateway({ allow: hosts, credentials });
}

/** `finpulse serve`: the shared catalog service, until stopped. */
export async function serveCommand(argv: string[], io: Io, locale: Locale, stop: Promise<void> = stopSignal()): Promise<number> {
  const { flags, positionals } = parseFlags(argv, {
    port: 'string',
    host: 'string',
    db: 'string',
    'admin-token-file': 'string',
    'gateway-allow': 'string',
    'gateway-config': 'string',
    'allow-origin': 'strings',
    'max-body': 'string',
  });
  if (positionals.length > 0) throw new AppError('cli.usage', { detail: `unexpected argument "${positionals[0]}"; see finpulse --help` });
  const db = stringFlag(flags, 'db') ?? DEFAULT_DB;
  const tokenFile = resolve(stringFlag(flags, 'admin-token-file') ?? DEFAULT_TOKEN_FILE);
  const repo = await openRepository(db);
  try {
    const service = createCatalogService({ repo, log: (line) => io.err(`${line}\n`) });
    await adminToken(tokenFile, (text) => service.users.ensureAdmin(userId('admin'), text));
    const server = await startServer({
      service,
      port: intFlag(stringFlag(flags, 'port'), 'port', DEFAULT_PORT, 65535),
      host: stringFlag(flags, 'host') ?? '127.0.0.1',
      maxBodyBytes: intFlag(stringFlag(flags, 'max-body'), 'max-body', DEFAULT_MAX_BODY, 1024 ** 3),
      gateway: await gatewayFrom(stringFlag(flags, 'gateway-allow'), stringFlag(flags, 'gateway-config')),
      allowOrigins: Array.isArray(flags['allow-origin']) ? flags['allow-origin'] : [],
      log: (line) => io.err(`${line}\n`),
    });
    io.out(`${localize('server.listening', { url: server.url, db: repo.label })[locale]}\n`);
    io.out(`${localize('server.adminToken', { path: tokenFile, user: 'admin' })[locale]}\n`);
    await stop;
    io.out(`${localize('server.stopping')[locale]}\n`);
    await server.close();
    return 0;
  } finally {
    await repo.close();
  }
}
