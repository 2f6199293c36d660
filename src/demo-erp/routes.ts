import { clearFaultsRoute, faultsRoute, healthRoute, mutateRoute, plantedRoute, resetRoute, setFaultsRoute, statsResetRoute, statsRoute } from './admin';
import type { Handler, Route } from './http/context';
import { issueToken } from './http/oauth';
import { odataRoute } from './odata';
import { cursorRoute, linkRoute, offsetRoute, pageRoute, queryRoute } from './rest';

const token: Handler = (ctx) => {
  const reply = issueToken(ctx.headers, ctx.body, ctx.state.tokens, ctx.state.faults.current.tokenTtlSeconds, ctx.now);
  if (reply.status === 200) ctx.state.stats.tokenIssued();
  return reply;
};

const admin = (name: string, methods: Route['methods']): Route => ({ name, data: false, counted: false, path: new RegExp(`^${name}$`), methods });
const api = (style: string, methods: Route['methods']): Route => ({ name: `/api/${style}`, data: true, counted: true, path: new RegExp(`^/api/${style}/([^/]+)$`), methods });

/** Every route of the demo ERP (API.md is the reference); the first match wins. */
export const ROUTES: readonly Route[] = [
  admin('/health', { GET: healthRoute }),
  admin('/admin/stats', { GET: statsRoute }),
  admin('/admin/stats/reset', { POST: statsResetRoute }),
  admin('/admin/mutate', { POST: mutateRoute }),
  admin('/admin/reset', { POST: resetRoute }),
  admin('/admin/faults', { GET: faultsRoute, POST: setFaultsRoute, DELETE: clearFaultsRoute }),
  admin('/admin/planted', { GET: plantedRoute }),
  { name: '/oauth/token', data: false, counted: true, path: /^\/oauth\/token$/, methods: { POST: token } },
  api('page', { GET: pageRoute }),
  api('offset', { GET: offsetRoute }),
  api('cursor', { GET: cursorRoute }),
  api('link', { GET: linkRoute }),
  api('query', { POST: queryRoute }),
  { name: '/odata', data: true, counted: true, path: /^\/odata(?:\/(.*))?$/, methods: { GET: odataRoute } },
];
