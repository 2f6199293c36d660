import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import { ID_PATTERN, KIND_COLLECTIONS, type User } from '../domain/model';
import { TRANSITION_ACTIONS, type Conditions } from '../service';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  locale: Locale;
  /** The signed-in user; routes marked public never read it. */
  user: User;
  conditions: Conditions;
  /** The JSON body, or undefined when none was sent. */
  body(): Promise<unknown>;
  /** The JSON body of a request that cannot do without one (400 when missing). */
  requiredBody(): Promise<unknown>;
}

/** A JSON answer (with an ETag for conditional requests), or a response the handler wrote itself (SSE). */
export type Reply = { status: number; body?: unknown; etag?: string; headers?: Record<string, string> } | { streamed: true };

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  public?: boolean;
  handle(ctx: Ctx): Promise<Reply>;
}

/** Params that select a route (a wrong value means another route or none) versus ids (a wrong value is refused). */
const SELECTORS: Readonly<Record<string, readonly string[]>> = {
  kind: Object.values(KIND_COLLECTIONS),
  action: [...TRANSITION_ACTIONS, 'rollback'],
};
const IDS: Readonly<Record<string, RegExp>> = {
  catalog: ID_PATTERN,
  id: ID_PATTERN,
  user: ID_PATTERN,
  token: /^[a-z0-9]{16}$/,
  rev: /^[1-9]\d{0,9}$/,
};

interface Match {
  route: Route;
  params: Record<string, string>;
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (!p.startsWith(':')) {
      if (p !== s) return undefined;
      continue;
    }
    const name = p.slice(1);
    const allowed = SELECTORS[name];
    if (allowed && !allowed.includes(s)) return undefined;
    params[name] = s;
  }
  return params;
}

/** Routes are tried in order, so literal paths (`/catalogs/:catalog/export`) go before parameters. */
export function createRouter(routes: Route[]): (method: string, segments: string[], path: string) => Match {
  const compiled = routes.map((route) => ({ route, pattern: route.path.split('/').filter(Boolean) }));
  return (method, segments, path) => {
    const candidates = compiled.flatMap(({ route, pattern }) => {
      const params = matchPath(pattern, segments);
      return params ? [{ route, params }] : [];
    });
    if (candidates.length === 0) throw new AppError('server.notFound.route', { method, path });
    const found = candidates.find((c) => c.route.method === method || (method === 'HEAD' && c.route.method === 'GET'));
    if (!found) {
      const allowed = [...new Set(candidates.map((c) => c.route.method))].join(', ');
      throw new AppError('server.method', { method, path, allowed });
    }
    for (const [name, value] of Object.entries(found.params)) {
      if (IDS[name] && !IDS[name].test(value)) throw new AppError('server.path', { path });
    }
    return found;
  };
}

/** Query parameters with a closed set of values are checked, not guessed. */
export function queryChoice<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const v = query.get(name);
  if (v === null) return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new AppError('server.query', { name, value: v.slice(0, 100), allowed: allowed.join(' | ') });
}

export function queryInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const v = query.get(name);
  if (v === null) return fallback;
  const n = /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  if (Number.isNaN(n) || n < min || n > max) throw new AppError('server.query', { name, value: v.slice(0, 100), allowed: `${min}–${max}` });
  return n;
}
