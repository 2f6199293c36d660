import { DEFAULT_SENSITIVITY, readSeriesCsv, scoreSeries, type Direction, type ScoredPoint, type SeriesRow } from '../core/anomaly';
import { AppError, hasErrors } from '../core/errors';
import { formatMessage, type Locale } from '../core/i18n';
import { oneOfFlag, parseFlags, requireFlag, stringFlag, type Flags } from './args';
import { csvField, printProblems, type Io } from './output';
import { readText } from './read-data';

const FORMATS = ['json', 'csv'] as const;
const DIRECTIONS = ['both', 'up', 'down'] as const;
const COLUMNS = ['timestamp', 'value', 'expected', 'lower', 'upper', 'score', 'anomaly'] as const;

/**
 * `finpulse detect --input FILE.csv`: scores a `timestamp,value` series and prints one point per
 * input row, in order. Rows that cannot be read are reported with their line and appear with value
 * null, never as zero; they do not stop the run.
 */
export async function detectCommand(argv: string[], io: Io, locale: Locale): Promise<number> {
  const { flags } = parseFlags(argv, { input: 'string', period: 'string', sensitivity: 'string', format: 'string', batch: 'boolean', direction: 'string' });
  const format = oneOfFlag(flags, 'format', FORMATS, 'json');
  const direction = oneOfFlag<Direction>(flags, 'direction', DIRECTIONS, 'both');
  const period = numberFlag(flags, 'period', locale, 'anomaly.badPeriod', (n) => Number.isInteger(n) && n >= 0);
  const sensitivity = numberFlag(flags, 'sensitivity', locale, 'anomaly.badSensitivity', (n) => n >= 0 && n <= 100);
  const file = requireFlag(flags, 'input');
  const { rows, problems } = readSeriesCsv(await readText(file));
  printProblems(io, problems, locale, `${file}: `);
  if (hasErrors(problems)) return 1;
  const batch = flags['batch'] === true;
  const scored = scoreSeries(rows.map((r) => r.value), { period, sensitivity, batch, direction, timestamps: rows.map((r) => r.time) });
  io.out(format === 'json' ? renderJson(rows, scored.points) : renderCsv(rows, scored.points));
  const anomalies = scored.points.filter((p) => p.anomaly).length;
  io.err(`${formatMessage('anomaly.summary', {
    anomalies,
    points: rows.length,
    period: scored.period || formatMessage('anomaly.noSeason', {}, locale),
    sensitivity: sensitivity ?? DEFAULT_SENSITIVITY,
    mode: formatMessage(batch ? 'anomaly.mode.batch' : 'anomaly.mode.stream', {}, locale),
  }, locale)}\n`);
  return 0;
}

/** A numeric flag, or a usage error in the user's language that says what is allowed. */
function numberFlag(flags: Flags, name: string, locale: Locale, code: 'anomaly.badPeriod' | 'anomaly.badSensitivity', valid: (n: number) => boolean): number | undefined {
  const text = stringFlag(flags, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || !valid(n)) throw new AppError('cli.usage', { detail: `--${name}: ${formatMessage(code, { value: text }, locale)}` });
  return n;
}

function renderJson(rows: readonly SeriesRow[], points: readonly ScoredPoint[]): string {
  const out = rows.map((r, i) => {
    const p = points[i]!;
    return { timestamp: r.timestamp, value: p.value, expected: p.expected, lower: p.lower, upper: p.upper, score: p.score, anomaly: p.anomaly };
  });
  return `${JSON.stringify({ points: out }, null, 2)}\n`;
}

function renderCsv(rows: readonly SeriesRow[], points: readonly ScoredPoint[]): string {
  const text = (x: number | null): string => (x === null ? '' : String(x));
  const lines = rows.map((r, i) => {
    const p = points[i]!;
    return [csvField(r.timestamp), text(p.value), text(p.expected), text(p.lower), text(p.upper), String(p.score), String(p.anomaly)].join(',');
  });
  return `${[COLUMNS.join(','), ...lines].join('\n')}\n`;
}
