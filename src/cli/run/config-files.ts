import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { locateJsonError } from '../../core/catalog/json-error';
import { problem, type Problem } from '../../core/errors';

/**
 * Reading the files a config names. Problems found inside a named file keep their own JSON path,
 * prefixed by where the config names it: `$.alerts.rules → rules.json $[0].channels[0]`.
 */
export class ConfigFiles {
  constructor(
    readonly configPath: string,
    readonly problems: Problem[],
  ) {}

  /** A path as written in the config, resolved against the config's folder. */
  resolve(path: string): string {
    return isAbsolute(path) ? path : resolve(this.configPath, '..', path);
  }

  /** How a path is shown to people: relative to the working folder when that is shorter. */
  show(path: string): string {
    const rel = relative(process.cwd(), path);
    return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
  }

  async text(path: string, at: string): Promise<string | undefined> {
    const full = this.resolve(path);
    try {
      return await readFile(full, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      this.problems.push(problem(at, 'run.config.file', { file: this.show(full), detail: code === 'ENOENT' ? 'file not found' : code ?? String(err) }));
      return undefined;
    }
  }

  /** Parsed JSON of a named file; undefined (with a located problem) when it cannot be read or parsed. */
  async json(path: string, at: string): Promise<unknown> {
    const text = await this.text(path, at);
    return text === undefined ? undefined : this.parse(text, this.show(this.resolve(path)), at);
  }

  parse(text: string, label: string, at: string): unknown {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (err) {
      const where = locateJsonError(text);
      const first = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
      this.problems.push(problem(at, 'run.config.json', { path: label, detail: `${first}${where ? ` (line ${where.line}, column ${where.column})` : ''}` }));
      return undefined;
    }
  }

  /** A value given as a file path or inline: read the file, or take the value as written. */
  async valueOf(given: unknown, at: string): Promise<{ value: unknown; label: string } | undefined> {
    if (typeof given !== 'string') return { value: given, label: at };
    const value = await this.json(given, at);
    return value === undefined ? undefined : { value, label: `${at} → ${this.show(this.resolve(given))} ` };
  }

  /** Adds a validator's problems under the label of where the value came from. */
  adopt(found: readonly Problem[], label: string): void {
    for (const p of found) this.problems.push({ ...p, path: label.endsWith(' ') ? `${label}${p.path}` : `${label}${p.path.replace(/^\$/, '')}` });
  }
}
