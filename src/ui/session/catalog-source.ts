import { validateCatalog, type Catalog } from '../../core/catalog';
import { AppError, toAppError } from '../../core/errors';
import { createCatalogClient, createDexieOfflineCopy, type OfflineCopy } from '../../server/client';
import { notice, perLocale } from './notices';
import type { CatalogOrigin, Notice } from './state';
import { formatMessage } from '../../core/i18n';

/** The per-user secret holding the catalog service token (Settings writes it). */
export const CATALOG_TOKEN_SECRET = 'CATALOG_TOKEN';

export interface LoadedCatalog {
  catalog: Catalog;
  origin: CatalogOrigin;
  notices: Notice[];
}

export interface CatalogServerAccess {
  url: string;
  catalogId?: string;
  token: string;
  fetch: typeof fetch;
  offline?: OfflineCopy;
}

/** The bundled catalog, validated like any other: a broken bundle is a build error the user must hear about. */
export function bundledCatalog(value: unknown): LoadedCatalog {
  const check = validateCatalog(value);
  if (check.catalog) return { catalog: check.catalog, origin: { kind: 'bundled' }, notices: [] };
  const first = check.problems[0];
  throw new AppError('pane.catalogInvalid', { origin: 'bundle', count: check.problems.length, first: first ? `${first.path}: ${first.message['en-US']}` : '' });
}

/**
 * The team's published catalog from the catalog service, or its offline copy when the service is
 * unreachable. The metrics and sources come from the service; the header (currency, fiscal year)
 * from the service's catalog list when online, else from the bundle.
 */
export async function serverCatalog(access: CatalogServerAccess, fallback: Catalog): Promise<LoadedCatalog> {
  const client = createCatalogClient({ baseUrl: access.url, token: access.token, fetch: access.fetch, offline: access.offline ?? createDexieOfflineCopy() });
  const header = await headerOf(client, access, fallback);
  const [metrics, sources] = await Promise.all([client.list(header.id, 'metric'), client.list(header.id, 'source')]);
  const doc = { ...header.fields, metrics: metrics.data.entries.map((e) => e.definition), sources: sources.data.entries.map((e) => e.definition) };
  const check = validateCatalog(doc);
  if (!check.catalog) {
    const first = check.problems[0];
    throw new AppError('pane.catalogInvalid', { origin: access.url, count: check.problems.length, first: first ? `${first.path}: ${first.message['en-US']}` : '' });
  }
  const offline = metrics.source === 'offline';
  const notices = metrics.notice ? [notice('warning', metrics.notice)] : [];
  return { catalog: check.catalog, origin: { kind: 'server', url: access.url, offline }, notices };
}

type Client = ReturnType<typeof createCatalogClient>;

async function headerOf(client: Client, access: CatalogServerAccess, fallback: Catalog): Promise<{ id: string; fields: Record<string, unknown> }> {
  const bundledHeader = { schemaVersion: fallback.schemaVersion, currency: fallback.currency, fiscalYearStartMonth: fallback.fiscalYearStartMonth, fiscalYearLabel: fallback.fiscalYearLabel };
  try {
    const catalogs = await client.catalogs();
    const chosen = catalogs.find((c) => c.id === access.catalogId) ?? (access.catalogId === undefined ? catalogs[0] : undefined);
    if (!chosen) throw new AppError('pane.catalogServerNoCatalog', { url: access.url });
    return { id: chosen.id, fields: { ...bundledHeader, ...chosen.header, schemaVersion: 1 } };
  } catch (err) {
    // Offline: the lists below come from the offline copy, which needs the catalog id the user set.
    if (toAppError(err).code !== 'server.client.unreachable' || access.catalogId === undefined) throw err;
    return { id: access.catalogId, fields: bundledHeader };
  }
}

/** The notice when the service fails and the bundle stands in. */
export function serverFailedNotice(url: string, err: unknown): Notice {
  const error = toAppError(err);
  return notice('warning', perLocale((l) => formatMessage('pane.catalogServerFailed', { url, detail: error.messageIn(l) }, l)));
}
