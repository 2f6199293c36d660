import { Input } from '@fluentui/react-components';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { parseA1 } from '../../core/a1';
import { formatMessage, type Locale, type MessageCode, type MessageParams } from '../../core/i18n';
import { cellText } from '../../host/guards';
import type { MemoryHost } from '../../host/memory';
import { Grid, selectionAddress } from './Grid';
import { layoutSheet } from './layout';
import { selectCell, type GridSelection } from './selection';
import { SheetTabs } from './SheetTabs';
import { useGridStyles } from './styles';
import { useSheetView } from './use-sheet-view';

export interface WorkbookViewProps {
  host: MemoryHost;
  locale: Locale;
}

/** The workbook as a spreadsheet shows it: name box, the active cell's content, the grid, sheet tabs. */
export function WorkbookView({ host, locale }: WorkbookViewProps) {
  const styles = useGridStyles();
  const t = (code: MessageCode, params: MessageParams = {}): string => formatMessage(code, params, locale);
  const { view, cells, revealed, show, commit, reveal } = useSheetView(host);
  const sheet = host.workbook.sheet(view.sheet);
  // `cells` changes when the host wrote (results, marks): the sheet's layout is rebuilt then, not on every selection.
  const layout = useMemo(() => sheet && layoutSheet(sheet), [sheet, cells]);
  const [typed, setTyped] = useState<string | null>(null);
  if (!sheet || !layout) return <p className={styles.content}>{t('workbench.emptySheet')}</p>;

  const select = (sel: GridSelection): void => {
    show({ sheet: sheet.name, sel });
    commit({ sheet: sheet.name, address: selectionAddress(sel, layout) });
  };
  const pickSheet = (name: string): void => {
    const sel = selectCell({ row: 0, col: 0 });
    show({ sheet: name, sel });
    commit({ sheet: name, address: 'A1' });
  };
  // The name box goes to an address typed into it, as Excel's does.
  const onNameKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || typed === null) return;
    const area = parseA1(typed);
    setTyped(null);
    if (!area) return;
    // The grid shows the used range and a margin: an address past it goes to the last cell shown.
    const row = (r: number): number => Math.min(r, layout.rows.count - 1);
    const col = (c: number): number => Math.min(c, layout.cols.count - 1);
    select({ anchor: { row: row(area.row), col: col(area.col) }, active: { row: row(area.lastRow), col: col(area.lastCol) } });
    reveal();
  };
  const active = sheet.get(view.sel.active.row, view.sel.active.col);

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Input
          className={styles.nameBox}
          size="small"
          aria-label={t('workbench.nameBox')}
          value={typed ?? selectionAddress(view.sel, layout)}
          onChange={(_, d) => setTyped(d.value)}
          onKeyDown={onNameKey}
          onBlur={() => setTyped(null)}
        />
        <span className={styles.content} title={active?.note ?? undefined}>
          {cellText(active?.value ?? null)}
        </span>
      </div>
      <Grid
        sheet={sheet}
        layout={layout}
        sel={view.sel}
        label={t('workbench.grid', { sheet: sheet.name })}
        noteLabel={(cell) => t('workbench.note', { cell })}
        onSelecting={(sel) => show({ sheet: sheet.name, sel })}
        onSelect={select}
        revealed={revealed}
      />
      <SheetTabs sheets={host.workbook.sheets.filter((s) => s.visible).map((s) => s.name)} active={sheet.name} label={t('workbench.sheets')} onPick={pickSheet} />
    </div>
  );
}
