import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, toAppError } from '../../core/errors';
import { userId, type User } from '../domain/model';
import type { Gateway } from '../gateway';
import type { CatalogService } from '../service';
import { API_PREFIX } from '../api/types';
import { header, localeOf, pathSegments, queryOf, readJsonBody } from './request';
import { errorBody, sendJson } from './response';
import { createRouter, type Ctx, type Route } from './router';
import { catalogRoutes } from './routes/catalogs';
import { entryRoutes } from './routes/entries';
import { gatewayRoutes } from './routes/gateway';
import { recordRoutes, type StreamRegistry } from './routes/records';
import { userRoutes } from './routes/users';
import { statusOf } from './status';

export interface ServerOptions {
  service: CatalogService;
  /** 0 picks a free port. */
  port?: number;
  /** Loopback by default: exposing the service is a deliberate choice. */
  host?: string;
  maxBodyBytes?: number;
  gateway?: Gateway;
  /** Origins whose pages may call the service (the add-in's https://localhost:3000, say). */
  allowOrigins?: string[];
  /** Where unexpected failures are reported; refusals of bad requests are not logged. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
const PREFIX = API_PREFIX.split('/').filter(Boolean);
/** Stands in for the user on public routes, which never look at it. */
const NOBODY: User = { id: userId('anonymous'), name: 'anonymous', role: 'viewer', departments: [], createdAt: '' };

const etagMatches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');

function allowCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || !origins.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Expose-Headers', 'ETag');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-Match, If-None-Match, Last-Event-ID, Accept-Language');
  res.setHeader('Access-Control-Max-Age', '600');
}

/** The catalog service over node:http: one request handler, JSON in and out, refusals in both languages. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { service } = opts;
  const streams: StreamRegistry = new Set();
  const routes: Route[] = [...recordRoutes(service, streams), ...userRoutes(service), ...catalogRoutes(service), ...entryRoutes(service), ...gatewayRoutes(opts.gateway)];
  const route = createRouter(routes);
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const locale = localeOf(req);
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      allowCors(req, res, opts.allowOrigins ?? []);
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      const method = req.method ?? 'GET';
      const rawUrl = req.url ?? '/';
      const segments = pathSegments(rawUrl);
      const path = rawUrl.split('?')[0]!;
      if (PREFIX.some((p, i) => segments[i] !== p)) throw new AppError('server.notFound.route', { method, path });
      const { route: matched, params } = route(method, segments.slice(PREFIX.length), path);
      const user = matched.public ? NOBODY : await service.users.authenticate(header(req, 'authorization'));
      const ctx: Ctx = {
        req,
        res,
        params,
        query: queryOf(rawUrl),
        locale,
        user,
        conditions: { ifMatch: header(req, 'if-match'), ifNoneMatch: header(req, 'if-none-match') },
        body: () => readJsonBody(req, limit),
        requiredBody: async () => {
          const body = await readJsonBody(req, limit);
          if (body === undefined) throw new AppError('server.body.empty');
          return body;
        },
      };
      const reply = await matched.handle(ctx);
      if ('streamed' in reply) return;
      const etag: Record<string, string> = reply.etag ? { ETag: reply.etag } : {};
      if ((method === 'GET' || method === 'HEAD') && reply.etag && etagMatches(ctx.conditions.ifNoneMatch, reply.etag)) {
        sendJson(res, 304, undefined, etag);
        return;
      }
      sendJson(res, reply.status, reply.body, { ...etag, ...(reply.headers ?? {}) });
    } catch (err) {
      const e = toAppError(err);
      const status = statusOf(e.code);
      if (status >= 500) log(`finpulse serve: ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // An oversized body is not read to its end; closing the connection stops the upload.
      sendJson(res, status, errorBody(e, locale), e.code === 'server.body.tooLarge' ? { Connection: 'close' } : {});
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address, family } = server.address() as AddressInfo;
  const hostText = family === 'IPv6' ? `[${address}]` : address;
  return {
    url: `http://${hostText}:${port}${API_PREFIX}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        service.hub.close();
        streams.forEach((s) => s.end());
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
