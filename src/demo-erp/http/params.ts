import { isValidCivil } from '../../core/periods';
import type { Problem } from './reply';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads named parameters from a query string or a JSON body, collecting every problem with its
 * location instead of stopping at the first. Whatever was never read is reported as unknown by
 * `finish()`, so a misspelt `pagesize` is an error rather than a silently ignored option.
 */
export class ParamReader {
  readonly problems: Problem[] = [];
  private readonly read = new Set<string>();

  private constructor(
    private readonly values: ReadonlyMap<string, unknown>,
    private readonly where: 'query' | 'body',
  ) {}

  /** `ignore`: parameters handled elsewhere (`api_key` is a credential, not an option). */
  static fromQuery(params: URLSearchParams, ignore: readonly string[] = []): ParamReader {
    const values = new Map<string, unknown>();
    const reader = new ParamReader(values, 'query');
    for (const [name, value] of params) {
      if (ignore.includes(name)) continue;
      if (values.has(name)) reader.problems.push({ path: `query.${name}`, message: 'is given more than once; give it once' });
      values.set(name, value);
    }
    return reader;
  }

  static fromBody(body: unknown): ParamReader {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const reader = new ParamReader(new Map(), 'body');
      reader.problems.push({ path: 'body', message: 'must be a JSON object' });
      return reader;
    }
    return new ParamReader(new Map(Object.entries(body)), 'body');
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** A whole number in [min, max]; `fallback` when absent. Query strings give text, bodies numbers: both are accepted. */
  int(name: string, min: number, max: number, fallback: number): number {
    const raw = this.take(name);
    if (raw === undefined) return fallback;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problem(name, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return n;
  }

  /** A number in [min, max]. */
  number(name: string, min: number, max: number, fallback: number): number {
    const raw = this.take(name);
    if (raw === undefined) return fallback;
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max) {
      this.problem(name, `must be a number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return n;
  }

  /** A calendar date `YYYY-MM-DD`. */
  date(name: string): string | undefined {
    const raw = this.take(name);
    if (raw === undefined) return undefined;
    const m = typeof raw === 'string' ? DATE.exec(raw) : null;
    if (!m || !isValidCivil(Number(m[1]), Number(m[2]), Number(m[3]))) {
      this.problem(name, `must be a date such as 2026-01-31, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return raw as string;
  }

  /** An ISO 8601 instant with a time zone, normalised to `toISOString()` form so it compares as text. */
  instant(name: string): string | undefined {
    const raw = this.take(name);
    if (raw === undefined) return undefined;
    const ms = typeof raw === 'string' && INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(ms)) {
      this.problem(name, `must be an ISO timestamp with a time zone such as 2026-11-20T08:00:00Z, got ${JSON.stringify(raw)}`);
      return undefined;
    }
    return new Date(ms).toISOString();
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.take(name);
    if (raw === undefined) return undefined;
    if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
    return undefined;
  }

  text(name: string): string | undefined {
    const raw = this.take(name);
    if (raw === undefined) return undefined;
    if (typeof raw === 'string' && raw !== '') return raw;
    this.problem(name, `must be a non-empty string, got ${JSON.stringify(raw)}`);
    return undefined;
  }

  /** A non-empty string that must be there ('' when it is not, with the problem recorded). */
  requiredText(name: string): string {
    if (!this.values.has(name) || this.values.get(name) === null) {
      this.take(name);
      this.problem(name, 'is required');
      return '';
    }
    return this.text(name) ?? '';
  }

  /** Marks a parameter as known without reading it (validated elsewhere). */
  raw(name: string): unknown {
    return this.take(name);
  }

  problem(name: string, message: string): void {
    this.problems.push({ path: `${this.where}.${name}`, message });
  }

  /** Reports the parameters nobody read, listing the accepted ones. */
  finish(): Problem[] {
    const known = [...this.read].sort().join(', ');
    for (const name of this.values.keys()) {
      if (!this.read.has(name)) this.problem(name, `is not a parameter of this route; accepted: ${known}`);
    }
    return this.problems;
  }

  private take(name: string): unknown {
    this.read.add(name);
    const v = this.values.get(name);
    return v === null ? undefined : v;
  }
}
