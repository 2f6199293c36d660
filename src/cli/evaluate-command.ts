import { parseCatalog, type Catalog, type MetricDef } from '../core/catalog';
import { evaluateCatalog, type Evaluation, type MetricValue, type SourceInput } from '../core/engine';
import { AppError, hasErrors } from '../core/errors';
import { formatValue } from '../core/format';
import type { Locale } from '../core/i18n';
import type { Mapping } from '../core/ingest';
import { GRAINS, type Grain } from '../core/periods';
import type { PeriodKey } from '../core/brand';
import { oneOfFlag, parseFlags, requireFlag, stringFlag } from './args';
import { csvField, printProblems, renderTable, type Io } from './output';
import { readDataFile, readMapping, readText } from './read-data';
import { saveHistory } from './history';

const FORMATS = ['table', 'json', 'csv'] as const;
const TABLE_PERIODS = 12;

/** `finpulse evaluate --catalog FILE --data FILE …`: metric values per period. */
export async function evaluateCommand(argv: string[], io: Io, locale: Locale, env: Record<string, string | undefined>): Promise<number> {
  const { flags } = parseFlags(argv, {
    catalog: 'string', data: 'string', sheet: 'string', map: 'string', grain: 'string', format: 'string',
    from: 'string', to: 'string', metrics: 'string', breakdown: 'string', source: 'strings', history: 'string', actor: 'string',
  });
  const grain = oneOfFlag<Grain>(flags, 'grain', GRAINS, 'month');
  const format = oneOfFlag(flags, 'format', FORMATS, 'table');
  const catalogFile = requireFlag(flags, 'catalog');
  const { catalog, problems: catalogProblems } = parseCatalog(await readText(catalogFile));
  if (!catalog) {
    printProblems(io, catalogProblems, locale, `${catalogFile}: `);
    return 1;
  }
  const mapping = await mappingFrom(stringFlag(flags, 'map'), stringFlag(flags, 'sheet'), io, locale);
  if (!mapping) return 1;
  const inputs: Array<[string, string, Mapping]> = [[mapping.source ?? 'ledger', requireFlag(flags, 'data'), mapping]];
  for (const spec of (flags['source'] as string[] | undefined) ?? []) {
    const [id, file] = spec.split('=', 2);
    if (!id || !file) throw new AppError('cli.usage', { detail: `--source expects NAME=FILE, got "${spec}"` });
    inputs.push([id, file, { source: id }]);
  }
  const sources: Record<string, SourceInput> = {};
  let dataOk = true;
  for (const [id, file, m] of inputs) {
    const { table, problems } = await readDataFile(file, m);
    printProblems(io, problems, locale, `${file}: `);
    if (hasErrors(problems)) dataOk = false;
    sources[id] = table;
  }
  if (!dataOk) return 1;
  const metrics = stringFlag(flags, 'metrics')?.split(',').map((s) => s.trim());
  unknownMetrics(metrics, catalog);
  const ev = evaluateCatalog({
    catalog, sources, grain, metrics,
    from: stringFlag(flags, 'from') as PeriodKey | undefined,
    to: stringFlag(flags, 'to') as PeriodKey | undefined,
    breakdown: stringFlag(flags, 'breakdown'),
  });
  printProblems(io, ev.problems, locale);
  if (ev.periods.length === 0) return 1;
  const historyDir = stringFlag(flags, 'history');
  if (historyDir) {
    const actor = stringFlag(flags, 'actor') ?? env['USER'] ?? 'finpulse';
    await saveHistory(historyDir, ev, { actor, catalog: catalogFile, data: inputs[0]![1] }, io, locale);
  }
  io.out(render(format, ev, catalog, locale, io, flags['from'] !== undefined || flags['to'] !== undefined));
  return 0;
}

async function mappingFrom(file: string | undefined, sheet: string | undefined, io: Io, locale: Locale): Promise<Mapping | undefined> {
  let mapping: Mapping = {};
  if (file) {
    const read = await readMapping(file);
    printProblems(io, read.problems, locale, `${file}: `);
    if (!read.mapping) return undefined;
    mapping = read.mapping;
  }
  return sheet ? { ...mapping, sheet } : mapping;
}

function unknownMetrics(ids: readonly string[] | undefined, catalog: Catalog): void {
  const known = new Set(catalog.metrics.map((m) => m.id));
  const unknown = (ids ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new AppError('cli.usage', { detail: `unknown metric(s): ${unknown.join(', ')}` });
}

function render(format: (typeof FORMATS)[number], ev: Evaluation, catalog: Catalog, locale: Locale, io: Io, explicitRange: boolean): string {
  const defs = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  if (format === 'json') {
    const metrics = ev.metrics.map((id) => {
      const d = defs.get(id)!;
      return { id, name: d.name, unit: d.unit, currency: d.unit === 'currency' ? (d.currency ?? catalog.currency) : undefined };
    });
    return `${JSON.stringify({ grain: ev.grain, periods: ev.periods, metrics, values: ev.values, problems: ev.problems }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const header = ['metric', 'period', 'member', 'value', 'exact', 'error'];
    const lines = ev.values.map((v) =>
      [v.metricId, v.period, v.member ?? '', v.value === null ? '' : String(v.value), v.exact ?? '', v.error ? `#${v.error.kind}` : ''].map(csvField).join(','),
    );
    return `${[header.join(','), ...lines].join('\n')}\n`;
  }
  const periods = explicitRange ? ev.periods : ev.periods.slice(-TABLE_PERIODS);
  if (periods.length < ev.periods.length) {
    io.err(locale === 'zh-CN'
      ? `显示最近 ${periods.length} 个期间（共 ${ev.periods.length} 个）；用 --from/--to 选择期间\n`
      : `showing the last ${periods.length} of ${ev.periods.length} periods; choose with --from/--to\n`);
  }
  return renderTable([locale === 'zh-CN' ? '指标' : 'Metric', ...periods], tableRows(ev, defs, periods, locale));
}

function tableRows(ev: Evaluation, defs: ReadonlyMap<string, MetricDef>, periods: readonly string[], locale: Locale): string[][] {
  const cell = new Map<string, MetricValue>(ev.values.filter((v) => v.member === undefined).map((v) => [`${v.metricId}|${v.period}`, v]));
  return ev.metrics.map((id) => {
    const def = defs.get(id)!;
    return [def.name[locale], ...periods.map((p) => {
      const v = cell.get(`${id}|${p}`);
      if (!v) return '';
      return v.value === null ? `#${v.error?.kind ?? 'NUM'}` : formatValue(v.value, def, locale);
    })];
  });
}
