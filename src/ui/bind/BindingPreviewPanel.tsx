import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type Locale, fillPlaceholders } from '../../core/i18n';
import type { PreviewRow } from '../session';
import { BIND_STRINGS as S } from './strings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '160px', overflowY: 'auto', overflowWrap: 'anywhere' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  scroller: { overflowX: 'auto' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

export interface PreviewProblem {
  severity: 'error' | 'warning';
  text: string;
}

/** What a binding or an ERP source would read: counts, every problem with its place, the first rows. */
export function PreviewPanel({ summary, problems, rows, locale: l }: { summary?: string; problems: readonly PreviewProblem[]; rows: readonly PreviewRow[]; locale: Locale }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label={S.preview[l]} aria-live="polite">
      {summary && <Text>{summary}</Text>}
      {problems.length > 0 && (
        <>
          <Text weight="semibold">{fillPlaceholders(S.problems[l], { count: problems.length })}</Text>
          <ul className={styles.problems}>
            {problems.map((p, i) => (
              <li key={i} className={p.severity === 'error' ? styles.error : styles.warning}>
                {p.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {rows.length > 0 && <PreviewTable rows={rows} locale={l} />}
    </section>
  );
}

function PreviewTable({ rows, locale: l }: { rows: readonly PreviewRow[]; locale: Locale }) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table size="extra-small" aria-label={S.rows[l]}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{S.dateHeader[l]}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{S.amountHeader[l]}</TableHeaderCell>
            <TableHeaderCell>{S.detailHeader[l]}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell>{r.date}</TableCell>
              <TableCell className={styles.num}>{r.amount}</TableCell>
              <TableCell>{Object.values(r.text).filter(Boolean).join(' · ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
