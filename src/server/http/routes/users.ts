import type { CatalogService } from '../../service';
import type { Route } from '../router';

export const userRoutes = (service: CatalogService): Route[] => [
  { method: 'GET', path: '/me', handle: (ctx) => Promise.resolve({ status: 200, body: { id: ctx.user.id, name: ctx.user.name, role: ctx.user.role, departments: ctx.user.departments } }) },
  { method: 'GET', path: '/users', handle: async (ctx) => ({ status: 200, body: await service.users.listUsers(ctx.user) }) },
  { method: 'POST', path: '/users', handle: async (ctx) => ({ status: 201, body: await service.users.createUser(ctx.user, await ctx.requiredBody()) }) },
  { method: 'GET', path: '/users/:user/tokens', handle: async (ctx) => ({ status: 200, body: await service.users.listTokens(ctx.user, ctx.params['user']!) }) },
  {
    method: 'POST',
    path: '/users/:user/tokens',
    handle: async (ctx) => ({ status: 201, body: await service.users.issueToken(ctx.user, ctx.params['user']!, await ctx.body()) }),
  },
  {
    method: 'DELETE',
    path: '/tokens/:token',
    handle: async (ctx) => {
      await service.users.revokeToken(ctx.user, ctx.params['token']!);
      return { status: 204 };
    },
  },
];
