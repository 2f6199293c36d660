import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';

export type Flags = Record<string, string | boolean | string[] | undefined>;

/** Parses `--name value` flags for one command; unknown flags are a usage error, not ignored. */
export function parseFlags(argv: string[], spec: Record<string, 'string' | 'boolean' | 'strings'>): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(spec).map(([k, type]) => [k, type === 'strings' ? { type: 'string' as const, multiple: true } : { type }]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return { flags: values as Flags, positionals };
  } catch (err) {
    throw new AppError('cli.usage', { detail: err instanceof Error ? err.message : String(err) });
  }
}

export function stringFlag(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function requireFlag(flags: Flags, name: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new AppError('cli.usage', { detail: `--${name} is required` });
  return v;
}

export function oneOfFlag<T extends string>(flags: Flags, name: string, allowed: readonly T[], fallback: T): T {
  const v = flags[name];
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new AppError('cli.usage', { detail: `--${name} must be one of ${allowed.join(', ')}` });
}
