import { DEFAULT_TOKEN_TTL_SECONDS } from './auth';
import { ParamReader } from './params';
import { failed, ok, type Result } from './reply';

/** Faults on the data routes (`/api`, `/odata`), set as a whole by `POST /admin/faults`. */
export interface Faults {
  /** Added before every data response. */
  latencyMs: number;
  /** The next `times` data requests answer 500. */
  status500: { times: number } | null;
  /** The next `times` data requests answer 429 with `Retry-After`; served before the 500s. */
  status429: { times: number; retryAfterSeconds: number } | null;
  /** This page (1-based, in the route's own paging) answers truncated JSON, every time it is asked for. */
  malformedPage: { page: number } | null;
  /** Schema drift: a field served under another name… */
  renameField: { from: string; to: string } | null;
  /** …or as another JSON type. */
  retypeField: { field: string; as: 'string' | 'number' } | null;
  /** Holds the response headers back this long, for client timeouts and cancellation. */
  hangMs: number;
  /** `expires_in` of tokens issued from now on. */
  tokenTtlSeconds: number;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  status500: null,
  status429: null,
  malformedPage: null,
  renameField: null,
  retypeField: null,
  hangMs: 0,
  tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS,
};

const MAX_DELAY_MS = 120_000;
const MAX_TIMES = 1_000_000;

/** Validates a faults body, reporting every problem with its path. */
export function parseFaults(body: unknown): Result<Faults> {
  const r = ParamReader.fromBody(body);
  const faults: Faults = {
    latencyMs: r.int('latencyMs', 0, MAX_DELAY_MS, 0),
    hangMs: r.int('hangMs', 0, MAX_DELAY_MS, 0),
    tokenTtlSeconds: r.int('tokenTtlSeconds', 1, 86_400, DEFAULT_TOKEN_TTL_SECONDS),
    status500: nested(r, 'status500', (n) => ({ times: n.int('times', 1, MAX_TIMES, 1) })),
    status429: nested(r, 'status429', (n) => ({ times: n.int('times', 1, MAX_TIMES, 1), retryAfterSeconds: n.int('retryAfterSeconds', 0, 3600, 1) })),
    malformedPage: nested(r, 'malformedPage', (n) => ({ page: n.int('page', 1, MAX_TIMES, 1) })),
    renameField: nested(r, 'renameField', (n) => ({ from: n.requiredText('from'), to: n.requiredText('to') })),
    retypeField: nested(r, 'retypeField', (n) => ({ field: n.requiredText('field'), as: n.oneOf('as', ['string', 'number'] as const) ?? 'string' })),
  };
  const problems = r.finish();
  return problems.length > 0 ? failed(problems) : ok(faults);
}

/** An optional sub-object, read by its own reader; its problems are reported under its name. */
function nested<T>(r: ParamReader, name: string, read: (n: ParamReader) => T): T | null {
  const raw = r.raw(name);
  if (raw === undefined) return null;
  const n = ParamReader.fromBody(raw);
  const value = read(n);
  for (const p of n.finish()) r.problems.push({ path: p.path.replace(/^body/, `body.${name}`), message: p.message });
  return value;
}

/** The faults in force, with the 429/500 counters running down as data requests arrive. */
export class FaultState {
  private faults: Faults = NO_FAULTS;
  private remaining429 = 0;
  private remaining500 = 0;

  get current(): Faults {
    return this.faults;
  }

  set(faults: Faults): void {
    this.faults = faults;
    this.remaining429 = faults.status429?.times ?? 0;
    this.remaining500 = faults.status500?.times ?? 0;
  }

  clear(): void {
    this.set(NO_FAULTS);
  }

  /** Counts one data request against the error faults; says which error, if any, it gets. */
  nextError(): { status: 429; retryAfterSeconds: number } | { status: 500 } | null {
    if (this.remaining429 > 0) {
      this.remaining429 -= 1;
      return { status: 429, retryAfterSeconds: this.faults.status429!.retryAfterSeconds };
    }
    if (this.remaining500 > 0) {
      this.remaining500 -= 1;
      return { status: 500 };
    }
    return null;
  }

  /** What an admin reading the faults sees: the set faults and how many errors are left. */
  snapshot(): Faults & { remaining: { status429: number; status500: number } } {
    return { ...this.faults, remaining: { status429: this.remaining429, status500: this.remaining500 } };
  }
}
