import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PeriodKey } from '../../core/brand';
import type { Locale } from '../../core/i18n';
import { useVisuallyHidden } from '../charts';
import { signedPercent, signedValue, valueText } from './format';
import { dashboardText } from './strings';
import type { VarianceRow } from './variance';

const useStyles = makeStyles({
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { width: 'max-content', minWidth: '100%' },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  name: { minWidth: '88px', whiteSpace: 'normal' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** Actual, budget, variance and variance % per budgeted metric; the colour and the hidden word say favourable or not. */
export function VarianceTable({ rows, period, locale }: { rows: readonly VarianceRow[]; period: PeriodKey | undefined; locale: Locale }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  if (!rows.length || period === undefined) return <Text>{dashboardText('noBudget', locale)}</Text>;
  const caption = dashboardText('variance', locale, { period });
  return (
    <section aria-label={caption}>
      <Text as="h3" size={300} weight="semibold">
        {caption}
      </Text>
      <div className={styles.scroller}>
        <Table size="extra-small" aria-label={caption} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{dashboardText('metric', locale)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{dashboardText('actual', locale)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{dashboardText('budget', locale)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{dashboardText('varianceAmount', locale)}</TableHeaderCell>
              <TableHeaderCell className={styles.number}>{dashboardText('variancePct', locale)}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => {
              const tone = row.favourable === true ? styles.good : row.favourable === false ? styles.bad : undefined;
              const verdict = row.favourable === null ? '' : dashboardText(row.favourable ? 'favourable' : 'unfavourable', locale);
              return (
                <TableRow key={row.key}>
                  <TableCell className={styles.name}>{row.name[locale]}</TableCell>
                  <TableCell className={styles.number}>{valueText(row.def, row.actual, locale)}</TableCell>
                  <TableCell className={styles.number}>{valueText(row.def, row.budget, locale)}</TableCell>
                  <TableCell className={mergeClasses(styles.number, tone)}>{signedValue(row.def, row.variance, locale)}</TableCell>
                  <TableCell className={mergeClasses(styles.number, tone)}>
                    {row.pct === null ? '—' : signedPercent(row.pct, locale)}
                    {verdict !== '' && <span className={hidden.root}> ({verdict})</span>}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
