import { AppError } from '../../../core/errors';
import type { Gateway } from '../../gateway';
import type { Route } from '../router';

export const gatewayRoutes = (gateway: Gateway | undefined): Route[] => [
  {
    method: 'POST',
    path: '/gateway',
    handle: async (ctx) => {
      if (!gateway) throw new AppError('server.gateway.off');
      return { status: 200, body: await gateway.call(await ctx.requiredBody()) };
    },
  },
];
