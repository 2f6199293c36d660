import { seriesChart } from '../../core/charts';
import type { Locale } from '../../core/i18n';
import { useVisuallyHidden } from './a11y';
import { useChartStyles } from './palette';
import { chartText } from './strings';

export interface TrendChartProps {
  /** The metric's name, for the text alternative. */
  name: string;
  periods: readonly string[];
  values: ReadonlyArray<number | null>;
  lower?: ReadonlyArray<number | null>;
  upper?: ReadonlyArray<number | null>;
  flagged?: readonly number[];
  highlight?: number;
  /** Full value text (table and tooltips) and short tick labels (see `axisLabels`). */
  format: (value: number) => string;
  tickLabels: (ticks: readonly number[]) => string[];
  locale: Locale;
  width?: number;
  height?: number;
}

const PADDING = { top: 8, right: 8, bottom: 18, left: 44 };
const DOT = 3;
/** Half-width of the caps on an expected-range line. */
const RANGE_CAP = 3;

/**
 * A series with its expected band, flagged points and one highlighted point. Drawn in a viewBox
 * so it fills the pane's width; the numbers are in a visually hidden table for screen readers.
 */
export function TrendChart(props: TrendChartProps) {
  const { periods, values, flagged = [], locale, width = 320, height = 150 } = props;
  const styles = useChartStyles();
  const hidden = useVisuallyHidden();
  const chart = seriesChart({ ...props, flagged, width, height, padding: PADDING, ticks: 4 });
  const summary = chartText('trendSummary', locale, {
    name: props.name,
    count: periods.length,
    first: periods[0] ?? '',
    last: periods[periods.length - 1] ?? '',
    flagged: chart.flagged.length,
  });
  const lastIndex = periods.length - 1;
  const labels = props.tickLabels(chart.yTicks.map((t) => t.value));
  return (
    <figure className={styles.figure}>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" className={styles.svg}>
        {chart.yTicks.map((t, k) => (
          <g key={t.value}>
            <line x1={chart.plot.left} x2={chart.plot.right} y1={t.y} y2={t.y} className={styles.grid} />
            <text x={chart.plot.left - 4} y={t.y} textAnchor="end" dominantBaseline="middle" className={styles.axisText}>
              {labels[k]}
            </text>
          </g>
        ))}
        {chart.band !== '' && <path d={chart.band} className={styles.band} />}
        {chart.ranges.map((r) => (
          <path key={r.index} d={`M${r.x - RANGE_CAP} ${r.top}H${r.x + RANGE_CAP}M${r.x} ${r.top}V${r.bottom}M${r.x - RANGE_CAP} ${r.bottom}H${r.x + RANGE_CAP}`} className={styles.range} />
        ))}
        {chart.line !== '' && <path d={chart.line} className={styles.line} />}
        {chart.flagged.map((p) => (
          <circle key={p.index} cx={p.x} cy={p.y} r={DOT} className={styles.flagged}>
            <title>{`${periods[p.index] ?? ''}: ${props.format(values[p.index]!)}`}</title>
          </circle>
        ))}
        {chart.highlight && <circle cx={chart.highlight.x} cy={chart.highlight.y} r={DOT + 2} className={styles.highlight} />}
        {lastIndex >= 0 && (
          <>
            <text x={chart.x(0)} y={height - 4} textAnchor="start" className={styles.axisText}>
              {periods[0]}
            </text>
            {lastIndex > 0 && (
              <text x={chart.x(lastIndex)} y={height - 4} textAnchor="end" className={styles.axisText}>
                {periods[lastIndex]}
              </text>
            )}
          </>
        )}
      </svg>
      {/* The wrapper is hidden, not the table: a table ignores the 1px width and would widen the pane. */}
      <div className={hidden.root}>
        <table>
          <caption>{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{chartText('period', locale)}</th>
              <th scope="col">{chartText('value', locale)}</th>
              <th scope="col">{chartText('expectedRange', locale)}</th>
              <th scope="col">{chartText('flag', locale)}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period, i) => (
              <DataRow key={period} period={period} index={i} {...props} flagged={flagged} />
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function DataRow(props: TrendChartProps & { period: string; index: number; flagged: readonly number[] }) {
  const { index: i, format, locale } = props;
  const value = props.values[i];
  const lower = props.lower?.[i];
  const upper = props.upper?.[i];
  const hasBand = typeof lower === 'number' && typeof upper === 'number';
  const flags = [props.flagged.includes(i) ? chartText('flagged', locale) : '', props.highlight === i ? chartText('selected', locale) : ''];
  return (
    <tr>
      <th scope="row">{props.period}</th>
      <td>{typeof value === 'number' && Number.isFinite(value) ? format(value) : chartText('noValue', locale)}</td>
      <td>{hasBand ? `${format(lower)} – ${format(upper)}` : ''}</td>
      <td>{flags.filter((f) => f !== '').join(', ')}</td>
    </tr>
  );
}
