import { catalogId, VIEWS } from '../../domain/model';
import { changeView, changeVisible, etagOf, type CatalogService } from '../../service';
import { header } from '../request';
import { queryChoice, queryInt, type Ctx, type Reply, type Route } from '../router';

const HEARTBEAT_MS = 15_000;

/** Open event streams, so that closing the service can end them instead of waiting forever. */
export type StreamRegistry = Set<{ end(): void }>;

/**
 * Server-sent events: each visible change as `event: change` with its seq as the event id, so a
 * reconnecting pane (Last-Event-ID) resumes exactly where it stopped.
 */
async function streamChanges(service: CatalogService, streams: StreamRegistry, ctx: Ctx): Promise<Reply> {
  const id = catalogId(ctx.params['catalog']!);
  const view = queryChoice(ctx.query, 'view', VIEWS, 'published');
  const catalog = await service.catalogs.get(id);
  const lastEventId = header(ctx.req, 'last-event-id');
  const since = lastEventId && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : queryInt(ctx.query, 'since', catalog.seq, 0, Number.MAX_SAFE_INTEGER);
  const { req, res, user } = ctx;
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
  res.write(`retry: 2000\n: seq ${catalog.seq}\n\n`);
  const unsubscribe = service.hub.subscribe(id, since, (versions) => {
    for (const v of versions) {
      if (changeVisible(user, v, view)) res.write(`id: ${v.seq}\nevent: change\ndata: ${JSON.stringify(changeView(v))}\n\n`);
    }
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const stream = { end: () => res.end() };
  streams.add(stream);
  req.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
    streams.delete(stream);
  });
  return { streamed: true };
}

export const recordRoutes = (service: CatalogService, streams: StreamRegistry): Route[] => [
  {
    method: 'GET',
    path: '/health',
    public: true,
    handle: async () => ({ status: 200, body: { ok: true, backend: service.repo.backend, auditHead: (await service.repo.auditHead()).seq } }),
  },
  {
    method: 'GET',
    path: '/catalogs/:catalog/changes',
    handle: async (ctx) => {
      const since = queryInt(ctx.query, 'since', 0, 0, Number.MAX_SAFE_INTEGER);
      const view = queryChoice(ctx.query, 'view', VIEWS, 'published');
      const list = await service.records.changes(ctx.user, catalogId(ctx.params['catalog']!), since, view);
      return { status: 200, body: list, etag: etagOf(list.seq) };
    },
  },
  { method: 'GET', path: '/catalogs/:catalog/events', handle: (ctx) => streamChanges(service, streams, ctx) },
  {
    method: 'GET',
    path: '/catalogs/:catalog/acknowledgements',
    handle: async (ctx) => ({
      status: 200,
      body: await service.records.acknowledgements(ctx.user, catalogId(ctx.params['catalog']!), queryInt(ctx.query, 'limit', 100, 1, 1000)),
    }),
  },
  {
    method: 'POST',
    path: '/catalogs/:catalog/acknowledgements',
    handle: async (ctx) => ({ status: 201, body: await service.records.acknowledge(ctx.user, catalogId(ctx.params['catalog']!), await ctx.requiredBody()) }),
  },
  {
    method: 'GET',
    path: '/audit',
    handle: async (ctx) => ({
      status: 200,
      body: await service.records.audit(ctx.user, queryInt(ctx.query, 'from', 1, 1, Number.MAX_SAFE_INTEGER), queryInt(ctx.query, 'limit', 100, 1, 1000)),
    }),
  },
  { method: 'GET', path: '/audit/verify', handle: async (ctx) => ({ status: 200, body: await service.records.verify(ctx.user) }) },
];
