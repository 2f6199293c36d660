import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { FocusEvent } from 'react';
import type { PaneLocale, PaneMetricRow } from './model';
import { t } from './strings';

const useStyles = makeStyles({
  // The pane is ~320 px wide: the name column stays put, the period columns scroll sideways.
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
  },
  table: {
    tableLayout: 'auto',
    width: 'max-content',
    minWidth: '100%',
  },
  nameCell: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '96px',
    maxWidth: '128px',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
  name: {
    display: 'block',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
  },
  unit: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
  },
  periodHeader: {
    whiteSpace: 'nowrap',
    textAlign: 'right',
  },
  valueCell: {
    whiteSpace: 'nowrap',
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
  missing: {
    color: tokens.colorNeutralForeground4,
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
    cursor: 'help',
  },
});

interface MetricTableProps {
  periods: readonly string[];
  rows: readonly PaneMetricRow[];
  locale: PaneLocale;
}

/** Metrics down, periods across. Arrow keys move between cells (one Tab stop for the whole grid). */
export function MetricTable({ periods, rows, locale }: MetricTableProps) {
  const styles = useStyles();
  const gridNavigation = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  return (
    <div className={styles.scroller} onFocus={keepFocusedCellVisible}>
      <Table
        {...gridNavigation}
        role="grid"
        size="small"
        aria-label={t('tableLabel', locale)}
        className={styles.table}
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell tabIndex={0} className={styles.nameCell}>
              {t('metric', locale)}
            </TableHeaderCell>
            {periods.map((period) => (
              <TableHeaderCell key={period} tabIndex={0} className={styles.periodHeader}>
                {period}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <MetricRow key={row.id} row={row} periods={periods} locale={locale} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * Arrow-key focus does not scroll the cell into view, and a cell scrolled under the sticky name
 * column would be hidden, so bring the focused cell fully into the visible part of the scroller.
 */
function keepFocusedCellVisible(event: FocusEvent<HTMLDivElement>): void {
  const scroller = event.currentTarget;
  const cell = event.target;
  if (!(cell instanceof HTMLElement) || cell === scroller) return;
  cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const stickyCell = cell.parentElement?.firstElementChild;
  if (stickyCell === cell || !(stickyCell instanceof HTMLElement)) return;
  const visibleLeft = stickyCell.getBoundingClientRect().right;
  const visibleRight = scroller.getBoundingClientRect().left + scroller.clientWidth;
  const box = cell.getBoundingClientRect();
  if (box.left < visibleLeft) scroller.scrollLeft -= visibleLeft - box.left;
  else if (box.right > visibleRight) scroller.scrollLeft += box.right - visibleRight;
}

function MetricRow({ row, periods, locale }: { row: PaneMetricRow; periods: readonly string[]; locale: PaneLocale }) {
  const styles = useStyles();
  const byPeriod = new Map(row.periods.map((cell) => [cell.period, cell]));
  return (
    <TableRow>
      <TableCell role="rowheader" tabIndex={0} className={styles.nameCell}>
        <Text weight="semibold" className={styles.name}>
          {row.name[locale]}
        </Text>
        {row.unitLabel !== '' && (
          <Text size={200} className={styles.unit}>
            {row.unitLabel}
          </Text>
        )}
      </TableCell>
      {periods.map((period) => {
        const cell = byPeriod.get(period);
        if (cell === undefined) {
          return (
            <TableCell key={period} role="gridcell" tabIndex={0} className={mergeClasses(styles.valueCell, styles.missing)}>
              <span aria-label={t('noValue', locale)}>—</span>
            </TableCell>
          );
        }
        const hasError = cell.error !== undefined && cell.error !== '';
        return (
          <TableCell
            key={period}
            role="gridcell"
            tabIndex={0}
            title={hasError ? cell.error : undefined}
            aria-description={hasError ? cell.error : undefined}
            className={mergeClasses(styles.valueCell, hasError && styles.error)}
          >
            {cell.display}
          </TableCell>
        );
      })}
    </TableRow>
  );
}
