import { formatMinor } from '../core/money';
import { formatDay } from '../core/periods';
import type { Locale } from '../core/i18n';
import { fetchSource, parseSource, type FetchResult, type KeyedRow, type SourceDefinition, type SourceEvent } from '../core/sources';
import { oneOfFlag, parseFlags, requireFlag, stringFlag } from './args';
import { csvField, printProblems, type Io } from './output';
import { readText } from './read-data';
import { createNodeSecretStore } from './secrets';
import { nodeSourceContext } from './source-runtime';

const FORMATS = ['json', 'csv'] as const;

/**
 * `finpulse fetch --source FILE.json`: fetches an ERP source once and prints its observations
 * (exact decimal amounts). Retries and the summary go to stderr; secrets never appear in either.
 */
export async function fetchCommand(argv: string[], io: Io, locale: Locale, env: Record<string, string | undefined>): Promise<number> {
  const { flags } = parseFlags(argv, { source: 'string', since: 'string', from: 'string', to: 'string', period: 'string', format: 'string', secrets: 'string' });
  const format = oneOfFlag(flags, 'format', FORMATS, 'json');
  const file = requireFlag(flags, 'source');
  const { source, problems } = parseSource(await readText(file));
  printProblems(io, problems, locale, `${file}: `);
  if (!source) return 1;
  const secrets = await createNodeSecretStore(env, stringFlag(flags, 'secrets'));
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  process.once('SIGINT', cancel);
  try {
    const result = await fetchSource(source, nodeSourceContext(secrets, (e) => reportEvent(io, e, locale)), {
      since: stringFlag(flags, 'since'),
      from: stringFlag(flags, 'from'),
      to: stringFlag(flags, 'to'),
      period: stringFlag(flags, 'period'),
      signal: controller.signal,
    });
    printProblems(io, result.problems, locale, `${source.id}: `);
    io.out(format === 'csv' ? toCsv(source, result, io, locale) : toJson(source, result));
    io.err(summary(source.id, result, locale));
    return 0;
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

function reportEvent(io: Io, e: SourceEvent, locale: Locale): void {
  if (e.type !== 'retry') return;
  io.err(locale === 'zh-CN'
    ? `重试 ${e.retry}：${e.reason}，${e.delayMs} 毫秒后重试 ${e.url}\n`
    : `retry ${e.retry}: ${e.reason}; trying ${e.url} again in ${e.delayMs} ms\n`);
}

/** Text columns in a stable order: account first, then the dimensions as the definition lists them. */
function textColumns(def: SourceDefinition): string[] {
  return [...(def.fields.account ? ['account'] : []), ...Object.keys(def.fields.dimensions ?? {})];
}
const measureColumns = (def: SourceDefinition): string[] => ['amount', ...Object.keys(def.fields.measures ?? {})];

function observation(def: SourceDefinition, row: KeyedRow): Record<string, string> {
  const scale = def.scale ?? 2;
  const out: Record<string, string> = { date: formatDay(row.day) };
  for (const m of measureColumns(def)) out[m] = formatMinor(row.measures[m] ?? 0, scale);
  for (const t of textColumns(def)) out[t] = row.text[t] ?? '';
  if (row.key !== undefined) out['key'] = row.key;
  return out;
}

function toJson(def: SourceDefinition, r: FetchResult): string {
  const body = {
    source: def.id,
    mode: r.stats.mode,
    observations: r.changes.rows.map((row) => observation(def, row)),
    deleted: r.changes.deleted,
    watermark: r.changes.maxModified ?? null,
    stats: r.stats,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function toCsv(def: SourceDefinition, r: FetchResult, io: Io, locale: Locale): string {
  const header = ['date', ...measureColumns(def), ...textColumns(def), ...(def.fields.key ? ['key'] : [])];
  const lines = r.changes.rows.map((row) => {
    const o = observation(def, row);
    return header.map((h) => csvField(o[h] ?? '')).join(',');
  });
  if (r.changes.deleted.length > 0) {
    io.err(locale === 'zh-CN' ? `另有 ${r.changes.deleted.length} 条删除记录未列入 CSV（用 --format json 查看）\n` : `${r.changes.deleted.length} deletion(s) are not in the CSV (see them with --format json)\n`);
  }
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

function summary(id: string, r: FetchResult, locale: Locale): string {
  const s = r.stats;
  const mb = (s.bytes / 1e6).toFixed(2);
  const sec = (s.ms / 1000).toFixed(1);
  return locale === 'zh-CN'
    ? `${id}：${r.changes.rows.length} 条观测，${r.changes.deleted.length} 条删除，${s.pages} 页，${s.requests} 次请求，${mb} MB，${sec} 秒（${s.mode}）\n`
    : `${id}: ${r.changes.rows.length} observation(s), ${r.changes.deleted.length} deletion(s), ${s.pages} page(s), ${s.requests} request(s), ${mb} MB in ${sec} s (${s.mode})\n`;
}
