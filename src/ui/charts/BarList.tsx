import { makeStyles, tokens } from '@fluentui/react-components';
import { barLayout } from '../../core/charts';
import { useChartStyles } from './palette';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** The value as people read it, e.g. "42%" or "1,234.00". */
  display: string;
  tone?: 'good' | 'bad' | 'neutral';
}

const BAR_WIDTH = 96;
const BAR_HEIGHT = 10;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: `minmax(0, 1fr) ${BAR_WIDTH}px auto`,
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  value: { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' },
});

/**
 * Ranked members as labelled bars on one signed scale. The list items carry the text (label and
 * value), so a screen reader reads numbers while the bars are decoration.
 */
export function BarList({ items, label }: { items: readonly BarItem[]; label: string }) {
  const styles = useStyles();
  const chart = useChartStyles();
  const { zero, bars } = barLayout(
    items.map((i) => i.value),
    BAR_WIDTH,
  );
  const toneClass = { good: chart.barGood, bad: chart.barBad, neutral: chart.barNeutral };
  return (
    <ul aria-label={label} className={styles.list}>
      {items.map((item, k) => (
        <li key={item.key} className={styles.item}>
          <span className={styles.label} title={item.label}>
            {item.label}
          </span>
          <svg aria-hidden="true" width={BAR_WIDTH} height={BAR_HEIGHT} viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} className={chart.svg}>
            <rect x={bars[k]!.x} y={1} width={bars[k]!.width} height={BAR_HEIGHT - 2} className={toneClass[item.tone ?? 'neutral']} />
            <line x1={zero} x2={zero} y1={0} y2={BAR_HEIGHT} className={chart.zero} />
          </svg>
          <span className={styles.value}>{item.display}</span>
        </li>
      ))}
    </ul>
  );
}
