import type { IncomingHttpHeaders } from 'node:http';
import type { ErpState } from '../state';
import type { Reply } from './reply';

/** What a route handler sees of a request. */
export interface RequestContext {
  url: URL;
  headers: IncomingHttpHeaders;
  /** The request body as text (POST only; '' otherwise). */
  body: string;
  /** `http://host:port` as the client addressed us, for absolute links. */
  base: string;
  state: ErpState;
  /** Wall-clock milliseconds, for token expiry. */
  now: number;
}

export type Handler = (ctx: RequestContext, param: string) => Reply;
export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  /** Key in the stats, e.g. `/api/page`. */
  name: string;
  /** Data routes: credentials required, faults applied, counted in stats. */
  data: boolean;
  /** Whether stats count the route (admin routes are not counted). */
  counted: boolean;
  /** The path pattern; its first group, if any, is the handler's `param`. */
  path: RegExp;
  methods: Partial<Record<Method, Handler>>;
}
