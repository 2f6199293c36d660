import { catalogId, entryId, KIND_COLLECTIONS, VIEWS, type EntryKind, type EntryRef } from '../../domain/model';
import { etagOf, TRANSITION_ACTIONS, type CatalogService, type TransitionAction } from '../../service';
import { queryChoice, type Ctx, type Route } from '../router';

const KIND_OF = new Map(Object.entries(KIND_COLLECTIONS).map(([kind, collection]) => [collection, kind as EntryKind]));
const kindOf = (ctx: Ctx): EntryKind => KIND_OF.get(ctx.params['kind']!)!;
const refOf = (ctx: Ctx): EntryRef => ({ catalogId: catalogId(ctx.params['catalog']!), kind: kindOf(ctx), id: entryId(ctx.params['id']!) });
const isTransition = (action: string): action is TransitionAction => (TRANSITION_ACTIONS as string[]).includes(action);

/** The list ETag covers the catalog state, the view and the user's access, which all shape the answer. */
const listEtag = (ctx: Ctx, seq: number, view: string): string =>
  `"${seq}-${view}-${ctx.user.role}-${Buffer.from(ctx.user.departments.join(',')).toString('base64url')}"`;

export const entryRoutes = (service: CatalogService): Route[] => [
  {
    method: 'GET',
    path: '/catalogs/:catalog/:kind',
    handle: async (ctx) => {
      const view = queryChoice(ctx.query, 'view', VIEWS, 'published');
      const list = await service.entries.list(ctx.user, catalogId(ctx.params['catalog']!), kindOf(ctx), view);
      return { status: 200, body: list, etag: listEtag(ctx, list.seq, view) };
    },
  },
  {
    method: 'GET',
    path: '/catalogs/:catalog/:kind/:id',
    handle: async (ctx) => {
      const entry = await service.entries.get(ctx.user, refOf(ctx), queryChoice(ctx.query, 'view', VIEWS, 'published'));
      return { status: 200, body: entry, etag: entry.etag };
    },
  },
  {
    method: 'PUT',
    path: '/catalogs/:catalog/:kind/:id',
    handle: async (ctx) => {
      const created = ctx.conditions.ifMatch === undefined;
      const entry = await service.entries.put(ctx.user, refOf(ctx), ctx.conditions, await ctx.requiredBody());
      return { status: created ? 201 : 200, body: entry, etag: entry.etag };
    },
  },
  {
    method: 'POST',
    path: '/catalogs/:catalog/:kind/:id/:action',
    handle: async (ctx) => {
      const action = ctx.params['action']!;
      const ref = refOf(ctx);
      const body = await ctx.body();
      const entry = isTransition(action)
        ? await service.entries.transition(ctx.user, ref, action, ctx.conditions, body)
        : await service.entries.rollback(ctx.user, ref, ctx.conditions, body);
      return { status: 200, body: entry, etag: entry.etag };
    },
  },
  { method: 'GET', path: '/catalogs/:catalog/:kind/:id/versions', handle: async (ctx) => ({ status: 200, body: await service.entries.versions(ctx.user, refOf(ctx)) }) },
  {
    method: 'GET',
    path: '/catalogs/:catalog/:kind/:id/versions/:rev',
    handle: async (ctx) => {
      const version = await service.entries.version(ctx.user, refOf(ctx), Number(ctx.params['rev']));
      return { status: 200, body: version, etag: etagOf(version.rev) };
    },
  },
];
