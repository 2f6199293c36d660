import { seriesChart } from '../../core/charts';
import { useChartStyles } from './palette';

export interface SparklineProps {
  values: ReadonlyArray<number | null>;
  flagged?: readonly number[];
  /** The text alternative: name and the numbers that matter. */
  label: string;
  width?: number;
  height?: number;
}

const DOT = 2;

/** A small line with flagged points; the same geometry as the report's `sparklineSvg`. */
export function Sparkline({ values, flagged, label, width = 96, height = 24 }: SparklineProps) {
  const styles = useChartStyles();
  const inset = DOT + 1;
  const chart = seriesChart({ values, flagged, width, height, padding: { top: inset, right: inset, bottom: inset, left: inset } });
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={styles.svg}>
      <title>{label}</title>
      {chart.line !== '' && <path d={chart.line} className={styles.line} />}
      {chart.flagged.map((p) => (
        <circle key={p.index} cx={p.x} cy={p.y} r={DOT} className={styles.flagged} />
      ))}
    </svg>
  );
}
