import { basename, extname, join, resolve } from 'node:path';
import { validateAlertRules, validateChannels, type AlertRule, type ChannelDef } from '../../core/alerts';
import type { Severity } from '../../core/anomaly';
import { validateBinding, type Binding } from '../../core/bindings';
import { parseCatalog, validateCatalog, type Catalog } from '../../core/catalog';
import { hasErrors, problem, toAppError, type Problem } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import type { Grain } from '../../core/periods';
import { RESULTS_SHEET } from '../../host';
import { validateReconcileRules, type ReconcileRule } from '../../core/reconcile';
import type { SecretStore } from '../../core/secrets';
import { validateSource, type SourceDefinition } from '../../core/sources';
import { ConfigFiles } from './config-files';
import { configShape, type CatalogService, type RunConfigFile } from './config-shape';

export interface WorkbookPlan {
  path: string;
  copy: string;
  bindings: Binding[];
  resultsSheet: string;
}

/** A config with every file it names read and validated: what one run needs. */
export interface RunPlan {
  configPath: string;
  catalog: Catalog;
  sources: SourceDefinition[];
  fetch: { from?: string; to?: string };
  workbooks: WorkbookPlan[];
  rules: AlertRule[];
  channels: ChannelDef[];
  link?: string;
  reconciliations: ReconcileRule[];
  outputDir: string;
  stateDir: string;
  failOn: Severity;
  sensitivity?: number;
  grain: Grain;
  breakdown?: string;
  lang?: Locale;
}

export interface LoadContext {
  secrets: SecretStore;
  fetch: typeof fetch;
}

/**
 * Reads `finpulse.config.json` and everything it names, validating all of it: every problem is
 * listed with its path (inside the config or inside the file it names), in both languages.
 */
export async function loadRunConfig(given: string, ctx: LoadContext): Promise<{ plan?: RunPlan; problems: Problem[] }> {
  // Absolute first: the files it names resolve against its folder, not against the working folder twice.
  const configPath = resolve(given);
  const files = new ConfigFiles(configPath, []);
  const raw = await files.json(configPath, '$');
  if (raw === undefined || !configShape.check(raw, '$', files.problems)) return { problems: files.problems };
  const config = raw as RunConfigFile;
  const catalog = await loadCatalog(config.catalog, files, ctx);
  const sources = [...(catalog?.sources ?? []), ...(await loadSources(config.sources ?? [], files))];
  const workbooks = await loadWorkbooks(config, files);
  const alerts = await loadAlerts(config, catalog, files);
  const reconciliations = await loadReconciliations(config, catalog, files);
  if (sources.length === 0 && (config.workbooks ?? []).length === 0) files.problems.push(problem('$', 'run.config.noInputs'));
  if (!catalog || hasErrors(files.problems)) return { problems: files.problems };
  const plan: RunPlan = {
    configPath: files.resolve(configPath),
    catalog, sources, workbooks, reconciliations, ...alerts,
    fetch: config.fetch ?? {},
    outputDir: files.resolve(config.output ?? 'finpulse-out'),
    stateDir: files.resolve(config.state ?? '.finpulse-state'),
    failOn: config.failOn ?? 'warning',
    grain: config.grain ?? 'month',
  };
  if (config.sensitivity !== undefined) plan.sensitivity = config.sensitivity;
  if (config.breakdown !== undefined) plan.breakdown = config.breakdown;
  if (config.lang !== undefined) plan.lang = config.lang;
  for (const w of workbooks) w.copy = join(plan.outputDir, `${basename(w.path, extname(w.path))}.finpulse.xlsx`);
  return { plan, problems: files.problems };
}

async function loadCatalog(given: string | CatalogService, files: ConfigFiles, ctx: LoadContext): Promise<Catalog | undefined> {
  if (typeof given !== 'string') return fromService(given, files, ctx);
  const text = await files.text(given, '$.catalog');
  if (text === undefined) return undefined;
  const check = parseCatalog(text);
  files.adopt(check.problems, `$.catalog → ${files.show(files.resolve(given))} `);
  return check.catalog;
}

/** The published catalog, exported from the shared service with the token named in the config. */
async function fromService(service: CatalogService, files: ConfigFiles, ctx: LoadContext): Promise<Catalog | undefined> {
  const fail = (detail: string): undefined => {
    files.problems.push(problem('$.catalog', 'run.config.catalogService', { url: service.url, catalog: service.catalog, detail }));
    return undefined;
  };
  const token = await ctx.secrets.get(service.tokenSecret);
  if (!token) return fail(`secret "${service.tokenSecret}" is not set (--secrets FILE or FINPULSE_SECRET_${service.tokenSecret.toUpperCase()})`);
  try {
    // Loaded only here: the client's module also carries the pane's offline copy.
    const { createCatalogClient } = await import('../../server/client');
    const { data } = await createCatalogClient({ baseUrl: service.url, token, fetch: ctx.fetch }).exportCatalog(service.catalog);
    const check = validateCatalog(data);
    files.adopt(check.problems, `$.catalog → ${service.url} `);
    return check.catalog;
  } catch (err) {
    return fail(toAppError(err).message);
  }
}

async function loadSources(entries: readonly unknown[], files: ConfigFiles): Promise<SourceDefinition[]> {
  const out: SourceDefinition[] = [];
  for (const [i, entry] of entries.entries()) {
    const got = await files.valueOf(entry, `$.sources[${i}]`);
    if (!got) continue;
    const check = validateSource(got.value);
    files.adopt(check.problems, got.label);
    if (check.source) out.push(check.source);
  }
  const seen = new Map<string, number>();
  out.forEach((s, i) => {
    if (seen.has(s.id)) files.problems.push(problem(`$.sources[${i}].id`, 'source.duplicateId', { id: s.id, first: `$.sources[${seen.get(s.id)!}]` }));
    else seen.set(s.id, i);
  });
  return out;
}

async function loadWorkbooks(config: RunConfigFile, files: ConfigFiles): Promise<WorkbookPlan[]> {
  const out: WorkbookPlan[] = [];
  const firstByName = new Map<string, string>();
  for (const [i, w] of (config.workbooks ?? []).entries()) {
    const at = `$.workbooks[${i}]`;
    const name = basename(w.path, extname(w.path)).toLowerCase();
    const first = firstByName.get(name);
    if (first) files.problems.push(problem(`${at}.path`, 'run.config.duplicateWorkbook', { path: w.path, first }));
    else firstByName.set(name, `${at}.path`);
    const got = await files.valueOf(w.bindings, `${at}.bindings`);
    const list = got && Array.isArray(got.value) ? got.value : [];
    if (got && !Array.isArray(got.value)) files.problems.push(problem(got.label.trim(), 'run.config.fileOrList', { what: 'bindings' }));
    const bindings = list.flatMap((b, j) => {
      const check = validateBinding(b, `$[${j}]`);
      files.adopt(check.problems, got!.label);
      return check.binding ? [check.binding] : [];
    });
    out.push({ path: files.resolve(w.path), copy: '', bindings, resultsSheet: w.resultsSheet ?? RESULTS_SHEET });
  }
  return out;
}

async function loadAlerts(config: RunConfigFile, catalog: Catalog | undefined, files: ConfigFiles): Promise<{ rules: AlertRule[]; channels: ChannelDef[]; link?: string }> {
  if (!config.alerts) return { rules: [], channels: [] };
  const channelsGot = await files.valueOf(config.alerts.channels, '$.alerts.channels');
  const channelCheck = channelsGot ? validateChannels(channelsGot.value) : { problems: [] };
  if (channelsGot) files.adopt(channelCheck.problems, channelsGot.label);
  const rulesGot = await files.valueOf(config.alerts.rules, '$.alerts.rules');
  const channelIds = channelCheck.channels?.map((c) => c.id);
  const ruleCheck = rulesGot ? validateAlertRules(rulesGot.value, { catalog, channelIds }) : { problems: [] };
  if (rulesGot) files.adopt(ruleCheck.problems, rulesGot.label);
  const out: { rules: AlertRule[]; channels: ChannelDef[]; link?: string } = { rules: ruleCheck.rules ?? [], channels: channelCheck.channels ?? [] };
  if (config.alerts.link) out.link = config.alerts.link;
  return out;
}

async function loadReconciliations(config: RunConfigFile, catalog: Catalog | undefined, files: ConfigFiles): Promise<ReconcileRule[]> {
  if (config.reconciliations === undefined) return [];
  const got = await files.valueOf(config.reconciliations, '$.reconciliations');
  if (!got) return [];
  const check = validateReconcileRules(got.value, catalog ? { catalog } : {});
  files.adopt(check.problems, got.label);
  return check.rules ?? [];
}
