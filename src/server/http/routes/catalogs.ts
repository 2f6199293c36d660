import { catalogId, VIEWS } from '../../domain/model';
import { etagOf, type CatalogService } from '../../service';
import { queryChoice, type Route } from '../router';

export const catalogRoutes = (service: CatalogService): Route[] => [
  { method: 'GET', path: '/catalogs', handle: async () => ({ status: 200, body: await service.catalogs.list() }) },
  {
    method: 'POST',
    path: '/catalogs',
    handle: async (ctx) => {
      const created = await service.catalogs.create(ctx.user, await ctx.requiredBody());
      return { status: 201, body: created, etag: etagOf(created.seq) };
    },
  },
  {
    method: 'GET',
    path: '/catalogs/:catalog',
    handle: async (ctx) => {
      const catalog = await service.catalogs.get(catalogId(ctx.params['catalog']!));
      return { status: 200, body: catalog, etag: etagOf(catalog.seq) };
    },
  },
  {
    method: 'GET',
    path: '/catalogs/:catalog/export',
    handle: async (ctx) => {
      const view = queryChoice(ctx.query, 'view', VIEWS, 'published');
      const { document, seq } = await service.catalogs.exportDocument(ctx.user, catalogId(ctx.params['catalog']!), view);
      return { status: 200, body: document, etag: etagOf(seq) };
    },
  },
  {
    method: 'PUT',
    path: '/catalogs/:catalog/import',
    handle: async (ctx) => {
      const result = await service.catalogs.importDocument(ctx.user, catalogId(ctx.params['catalog']!), ctx.conditions, await ctx.requiredBody());
      return { status: 200, body: result, etag: etagOf(result.seq) };
    },
  },
];
