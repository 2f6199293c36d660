import { Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { Sparkline, compactAmount } from '../charts';
import { changeText, valueText } from './format';
import type { KpiCardModel } from './kpis';
import { STATUS_NAMES, dashboardText } from './strings';

/** The status colours the workbook marks use, on the card's left edge. */
const useStatusStyles = makeStyles({
  ok: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  notice: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  critical: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  error: { borderLeftColor: tokens.colorNeutralStroke1 },
});

const useStyles = makeStyles({
  card: {
    // A native button for keyboard and screen readers, without the browser's button look.
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    margin: 0,
    textAlign: 'left',
    fontFamily: 'inherit',
    cursor: 'pointer',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gridTemplateRows: 'auto auto auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ...shorthands.borderColor(tokens.colorBrandStroke1) },
  name: { gridColumn: '1 / span 2', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  value: { gridRow: 2, gridColumn: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  spark: { gridRow: 2, gridColumn: 2, alignSelf: 'center', color: tokens.colorBrandForeground1 },
  meta: { gridColumn: '1 / span 2', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  // Foreground2: the 1 shades fall below 4.5:1 on a selected or hovered card in the dark theme.
  good: { color: tokens.colorPaletteGreenForeground2 },
  bad: { color: tokens.colorPaletteRedForeground2 },
  status: { fontWeight: tokens.fontWeightSemibold },
});

export interface KpiCardProps {
  card: KpiCardModel;
  locale: Locale;
  selected: boolean;
  onSelect: () => void;
}

/**
 * One KPI: latest value, target, status (border colour and text), change on the prior period and a
 * sparkline. A button, so it is reachable by Tab and selects the trend below.
 */
export function KpiCard({ card, locale, selected, onSelect }: KpiCardProps) {
  const styles = useStyles();
  const statusStyles = useStatusStyles();
  const { def } = card;
  const name = def.name[locale];
  const value = valueText(def, card.value, locale, card.error);
  // Amounts are shown short on the card (103M); the exact value is in the label and tooltip.
  const shown = def.unit === 'currency' && card.value !== null ? compactAmount(card.value, locale) : value;
  const change = card.change ? dashboardText('vsPrior', locale, { change: changeText(card.change, locale) }) : '';
  const tone = card.change?.favourable === true ? styles.good : card.change?.favourable === false ? styles.bad : undefined;
  const sparkValues = card.spark.values.map((v) => (v === null ? dashboardText('noValue', locale) : valueText(def, v, locale))).join(', ');
  return (
    <button
      type="button"
      aria-pressed={selected}
      aria-label={dashboardText('cardLabel', locale, { name, period: card.period ?? '', value, status: STATUS_NAMES[card.status][locale], change })}
      className={mergeClasses(styles.card, statusStyles[card.status], selected && styles.selected)}
      onClick={onSelect}
    >
      <Text size={200} className={styles.name} title={name}>
        {name}
      </Text>
      <span className={styles.spark}>
        <Sparkline values={card.spark.values} flagged={card.spark.flagged} label={dashboardText('sparkLabel', locale, { name, count: card.spark.values.length, values: sparkValues })} width={60} height={24} />
      </span>
      <Text size={400} weight="semibold" className={styles.value} title={value}>
        {shown}
      </Text>
      <span className={styles.meta}>
        <Text size={200} className={styles.status}>
          {STATUS_NAMES[card.status][locale]}
        </Text>
        <Text size={200}>{card.target !== undefined ? dashboardText('target', locale, { value: valueText(def, card.target, locale) }) : card.period}</Text>
        {change !== '' && (
          <Text size={200} className={tone}>
            {change}
          </Text>
        )}
      </span>
    </button>
  );
}
