import { createCatalogService, startServer, userId, type CatalogRepository, type ErrorBody, type Gateway, type RunningServer } from '../../src/server';

/** A running service over a repository, with its admin's token and a clock the test can move. */
export interface Service {
  url: string;
  repo: CatalogRepository;
  server: RunningServer;
  adminToken: string;
  clock: { now: string };
  /** Creates a user through the API and returns a token for them. */
  user(id: string, role: string, departments?: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface Answer<T = unknown> {
  status: number;
  etag: string | null;
  body: T;
}

/** One HTTP request to the service with a token, as a pane would send it. */
export async function call<T = unknown>(
  service: Pick<Service, 'url'>,
  token: string | undefined,
  method: string,
  path: string,
  opts: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...opts.headers };
  if (opts.body !== undefined || opts.raw !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(`${service.url}${path}`, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), body: (text ? JSON.parse(text) : undefined) as T };
}

export const errorOf = (answer: Answer): ErrorBody['error'] => (answer.body as ErrorBody).error;

export async function startService(repo: CatalogRepository, opts: { gateway?: Gateway; maxBodyBytes?: number; feedPollMs?: number } = {}): Promise<Service> {
  const clock = { now: '2026-01-05T09:00:00.000Z' };
  const service = createCatalogService({ repo, now: () => clock.now, feedPollMs: opts.feedPollMs ?? 100 });
  const adminToken = (await service.users.ensureAdmin(userId('admin'), undefined))!;
  const server = await startServer({ service, gateway: opts.gateway, maxBodyBytes: opts.maxBodyBytes, log: () => undefined });
  const self: Service = {
    url: server.url,
    repo,
    server,
    adminToken,
    clock,
    async user(id, role, departments = []) {
      const created = await call(self, adminToken, 'POST', '/users', { body: { id, name: id, role, departments } });
      if (created.status !== 201) throw new Error(`cannot create user ${id}: ${JSON.stringify(created.body)}`);
      const issued = await call<{ token: string }>(self, adminToken, 'POST', `/users/${id}/tokens`, { body: { label: 'test' } });
      return issued.body.token;
    },
    close: () => server.close(),
  };
  return self;
}

/** A valid metric definition for the API; override what the test is about. */
export function metric(id: string, department: string | null, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: { 'zh-CN': `指标 ${id}`, 'en-US': `Metric ${id}` },
    category: 'income',
    unit: 'currency',
    direction: 'higherIsBetter',
    kind: 'base',
    accounts: ['6001*'],
    ...(department ? { department } : {}),
    ...overrides,
  };
}
