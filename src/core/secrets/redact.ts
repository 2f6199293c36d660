import { AppError, toAppError } from '../errors';
import { base64Utf8 } from '../encoding';

export const REDACTED = '***';

/**
 * Removes secret values from text before it leaves a connector: every error, log line and export.
 * Each secret is also matched in the forms a request carries it in (URL-encoded, and as part of
 * HTTP Basic's base64), so it cannot leak through a URL or a header echoed in an error body.
 */
export class Redactor {
  private readonly values = new Set<string>();

  /** Registers a secret (and the forms a request sends it in); tokens issued during a refresh are added as they arrive. */
  add(secret: string, ...alsoAs: string[]): void {
    for (const v of [secret, encodeURIComponent(secret), ...alsoAs]) if (v !== '') this.values.add(v);
  }

  /** Registers HTTP Basic credentials: the password alone and the base64 of `user:password`. */
  addBasic(username: string, password: string): void {
    this.add(password, base64Utf8(`${username}:${password}`));
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out;
  }

  /** The error as an AppError whose parameters and message carry no secret; the original cause is dropped, as it may quote one. */
  error(err: unknown): AppError {
    const e = toAppError(err);
    const meta: Record<string, string | number> = {};
    let changed = false;
    for (const [k, v] of Object.entries(e.meta)) {
      const clean = typeof v === 'string' ? this.redact(v) : v;
      changed ||= clean !== v;
      meta[k] = clean;
    }
    if (!changed && e.code !== 'internal') return e;
    return new AppError(e.code, meta);
  }
}
