import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoErp } from '../../src/demo-erp';
import { nodeFetch, systemClock } from '../../src/cli/source-runtime';
import { memorySecretStore, type SecretStore } from '../../src/core/secrets';
import {
  parseSource,
  type Clock,
  type SourceContext,
  type SourceDefinition,
  type SourceEvent,
} from '../../src/core/sources';
import type { ObservationTable } from '../../src/core/engine';
import { formatMinor } from '../../src/core/money';
import { AppError } from '../../src/core/errors';

const EXAMPLES = join(__dirname, '../../examples/sources');
const EXAMPLE_BASE = 'http://127.0.0.1:4010';

/** The demo ERP on a free port, with its admin routes as plain HTTP calls. */
export interface Erp {
  url: string;
  close(): Promise<void>;
  admin(path: string, body?: unknown, method?: string): Promise<unknown>;
  faults(faults: Record<string, unknown>): Promise<void>;
  stats(): Promise<{ requests: number; bytesSent: number; tokensIssued: number }>;
  health(): Promise<{ ok: boolean; records: Record<string, number> }>;
}

export async function startErp(opts: { journalLines?: number } = {}): Promise<Erp> {
  const erp = await startDemoErp({ port: 0, ...opts });
  const url = erp.url.replace(/\/+$/, '');
  const admin = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<unknown> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  };
  return {
    url,
    close: () => Promise.resolve(erp.close()),
    admin,
    faults: async (faults) => {
      await admin('/admin/faults', faults);
    },
    stats: async () => (await admin('/admin/stats')) as { requests: number; bytesSent: number; tokensIssued: number },
    health: async () => (await admin('/health')) as { ok: boolean; records: Record<string, number> },
  };
}

/** The demo credentials, as a user's secret store would hold them. */
export const DEMO_SECRETS: Readonly<Record<string, string>> = JSON.parse(readFileSync(join(EXAMPLES, 'demo-secrets.json'), 'utf8')) as Record<string, string>;

/** An example definition from examples/sources pointed at this ERP; it must validate cleanly. */
export function example(name: string, erp: Erp, patch: (d: Record<string, unknown>) => void = () => undefined): SourceDefinition {
  const raw = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8').split(EXAMPLE_BASE).join(erp.url)) as Record<string, unknown>;
  patch(raw);
  const { source, problems } = parseSource(JSON.stringify(raw));
  if (!source) throw new Error(`${name}: ${problems.map((p) => `${p.path} ${p.message['en-US']}`).join('; ')}`);
  return source;
}

export interface Recorded {
  ctx: SourceContext;
  events: SourceEvent[];
}

/** A real context (Node fetch, real clock) that records every event. */
export function context(over: { secrets?: SecretStore; clock?: Clock } & Partial<SourceContext> = {}): Recorded {
  const events: SourceEvent[] = [];
  const ctx: SourceContext = {
    fetch: nodeFetch,
    secrets: memorySecretStore(DEMO_SECRETS),
    clock: systemClock,
    onEvent: (e) => events.push(e),
    ...over,
  };
  return { ctx, events };
}

/** Exact sums per (account, department, month) of a table: what every comparison between paths checks. */
export function sumsByAccountDepartmentMonth(t: ObservationTable): Map<string, string> {
  const sums = new Map<string, bigint>();
  const account = t.text['account']!;
  const department = t.text['department']!;
  const amount = t.measures['amount']!;
  for (let r = 0; r < t.rows; r += 1) {
    const month = new Date(t.day[r]! * 86_400_000).toISOString().slice(0, 7);
    const key = `${account.dict[account.codes[r]!]}|${department.dict[department.codes[r]!]}|${month}`;
    sums.set(key, (sums.get(key) ?? 0n) + BigInt(amount[r]!));
  }
  return new Map([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, formatMinor(v, t.scale)]));
}

/** Rows of a table as sorted text lines (key-independent), for comparing two tables whole. */
export function tableLines(t: ObservationTable): string[] {
  const names = Object.keys(t.text).sort();
  const lines: string[] = [];
  for (let r = 0; r < t.rows; r += 1) {
    const text = names.map((n) => `${n}=${t.text[n]!.dict[t.text[n]!.codes[r]!]}`).join(',');
    lines.push(`${t.day[r]}|${t.measures['amount']![r]}|${text}`);
  }
  return lines.sort();
}

/** The AppError a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the promise to reject with an AppError');
}
