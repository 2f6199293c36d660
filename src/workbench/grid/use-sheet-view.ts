import { useEffect, useRef, useState } from 'react';
import { parseA1, type SheetRef } from '../../core/a1';
import type { MemoryHost } from '../../host/memory';
import { selectCell, type GridSelection } from './selection';

export interface SheetView {
  sheet: string;
  sel: GridSelection;
}

/**
 * Which sheet the grid shows and what is selected, kept in step with the host: the grid's own
 * selections go to `host.userSelects` (the pane hears them), and a selection made for the add-in
 * (`host.select`, e.g. revealing a finding) switches the sheet and moves the grid there.
 * `cells` counts changes of cells, so the layout is rebuilt only when the host wrote.
 */
export function useSheetView(host: MemoryHost): {
  view: SheetView;
  cells: number;
  /** Bumped when the view moved for the add-in, so the grid scrolls to the selection. */
  revealed: number;
  show: (view: SheetView) => void;
  commit: (ref: SheetRef) => void;
  /** Scrolls the grid to the selection (the name box's jump). */
  reveal: () => void;
} {
  const book = host.workbook;
  const [view, setView] = useState<SheetView>(() => initialView(host));
  const [cells, setCells] = useState(0);
  const [revealed, setRevealed] = useState(0);
  const pushed = useRef('');

  useEffect(
    () =>
      book.subscribe((change) => {
        if (change.kind === 'cells') setCells((n) => n + 1);
        if (change.kind !== 'selection') return;
        const key = `${change.ref.sheet}!${change.ref.address}`;
        if (key === pushed.current) return;
        // The add-in moved the selection: clicking back on the cell picked before is news again.
        pushed.current = key;
        setView({ sheet: change.ref.sheet, sel: selectionOf(change.ref.address) });
        setRevealed((n) => n + 1);
      }),
    [book],
  );

  return {
    view,
    cells,
    revealed,
    show: setView,
    reveal: () => setRevealed((n) => n + 1),
    commit(ref) {
      const key = `${ref.sheet}!${ref.address}`;
      if (key === pushed.current) return;
      pushed.current = key;
      host.userSelects(ref);
    },
  };
}

function initialView(host: MemoryHost): SheetView {
  const saved = host.workbook.selection;
  const sheet = saved && host.workbook.sheet(saved.sheet)?.visible ? saved.sheet : host.workbook.sheets.find((s) => s.visible)?.name ?? '';
  return { sheet, sel: saved && saved.sheet === sheet ? selectionOf(saved.address) : selectCell({ row: 0, col: 0 }) };
}

function selectionOf(address: string): GridSelection {
  const area = parseA1(address) ?? parseA1('A1')!;
  return { anchor: { row: area.row, col: area.col }, active: { row: area.lastRow, col: area.lastCol } };
}
