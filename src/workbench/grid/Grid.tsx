import { mergeClasses } from '@fluentui/react-components';
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { cellAddress, columnLetters, formatA1, type Area } from '../../core/a1';
import type { MemorySheet } from '../../host/memory';
import { cellKey, HEADER_HEIGHT, sizeOf, spills, visibleSpan, type SheetLayout } from './layout';
import { formatCell } from './number-format';
import { keySelection, selectCell, selectedArea, type Cell, type GridSelection } from './selection';
import { textOn, useGridStyles } from './styles';
import { useViewport } from './use-viewport';

export interface GridProps {
  sheet: MemorySheet;
  layout: SheetLayout;
  sel: GridSelection;
  label: string;
  noteLabel: (cell: string) => string;
  /** While dragging: the selection shown, not yet told to the host. */
  onSelecting: (sel: GridSelection) => void;
  /** A finished selection (click, drag end, key): the host hears it. */
  onSelect: (sel: GridSelection) => void;
  /** Changes when the selection should be scrolled into view (moved by the add-in, or the name box). */
  revealed: number;
}

const OVERSCAN_ROWS = 4;
const OVERSCAN_COLS = 2;

/**
 * The virtualised sheet: only the rows and columns on screen (plus a margin) are in the DOM, so a
 * 100,000-row sheet scrolls like a 100-row one. Headers stick; merged cells span; hidden rows take
 * no height; notes show a red corner and a tooltip on hover.
 */
export function Grid({ sheet, layout, sel, label, noteLabel, onSelecting, onSelect, revealed }: GridProps) {
  const styles = useGridStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const viewport = useViewport(scroller);
  const dragging = useRef<GridSelection | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);
  const id = useId();
  const area = selectedArea(sel, layout);
  const { rows, cols, rowHeaderWidth: rhw } = layout;
  const x = (c: number): number => rhw + cols.offsets[c]!;
  const y = (r: number): number => HEADER_HEIGHT + rows.offsets[r]!;
  const span = (from: number, to: number, axis: SheetLayout['rows']): number => axis.offsets[to + 1]! - axis.offsets[from]!;

  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 }); // newer browsers return a promise here: not the effect's result
  }, [sheet]);
  useLayoutEffect(() => {
    // Only a reveal scrolls here (to the area's top-left, as Excel does); key moves scroll in the key handler.
    if (revealed > 0) scrollIntoView(scroller.current, layout, sel.anchor);
  }, [revealed]);
  useEffect(() => {
    const stop = (): void => {
      if (dragging.current) onSelect(dragging.current);
      dragging.current = null;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, [onSelect]);

  const [r0, r1] = visibleSpan(rows, viewport.top, viewport.height, OVERSCAN_ROWS);
  const [c0, c1] = visibleSpan(cols, viewport.left, viewport.width, OVERSCAN_COLS);
  const onScreen: Area = { row: r0, col: c0, lastRow: r1, lastCol: c1 };
  const outside = mergesReaching(sheet.merges, onScreen);
  const shownRows = [...new Set([...outside.map((m) => m.row), ...range(r0, r1)])].filter((r) => sizeOf(rows, r) > 0 || outside.some((m) => m.row === r)).sort((a, b) => a - b);

  const cellAt = (target: EventTarget): Cell | undefined => {
    const el = (target as HTMLElement).closest<HTMLElement>('[data-r]');
    return el ? { row: Number(el.dataset['r']), col: Number(el.dataset['c']) } : undefined;
  };
  const onMouseDown = (e: MouseEvent): void => {
    const cell = cellAt(e.target);
    if (!cell || e.button !== 0) return;
    e.preventDefault();
    scroller.current?.focus({ preventScroll: true });
    const next = e.shiftKey ? { anchor: sel.anchor, active: cell } : selectCell(cell);
    dragging.current = next;
    onSelecting(next);
  };
  const onMouseOver = (e: MouseEvent): void => {
    const cell = cellAt(e.target);
    setHover(cell && sheet.get(cell.row, cell.col)?.note ? cell : null);
    if (cell && dragging.current) {
      dragging.current = { anchor: dragging.current.anchor, active: cell };
      onSelecting(dragging.current);
    }
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = keySelection(sel, e, layout);
    if (!next) return;
    e.preventDefault();
    scrollIntoView(scroller.current, layout, next.active);
    onSelect(next);
  };

  const cellNode = (r: number, c: number) => {
    const merge = layout.merges.get(cellKey(r, c));
    if (merge && (merge.row !== r || merge.col !== c)) return null;
    const cell = sheet.get(r, c);
    const shown = formatCell(cell?.value ?? null, cell?.format);
    const fill = cell?.fill ?? undefined;
    const selected = r >= area.row && r <= area.lastRow && c >= area.col && c <= area.lastCol;
    return (
      <div
        key={c}
        id={`${id}-${r}-${c}`}
        role="gridcell"
        aria-colindex={c + 2}
        aria-selected={selected}
        aria-description={cell?.note ?? undefined}
        data-r={r}
        data-c={c}
        className={mergeClasses(styles.cell, merge && styles.merged, cell?.note ? styles.noted : undefined, !merge && spills(sheet, r, c) && styles.spill)}
        style={{
          left: x(c),
          width: merge ? span(merge.col, merge.lastCol, cols) : sizeOf(cols, c),
          height: merge ? span(merge.row, merge.lastRow, rows) : sizeOf(rows, r),
          textAlign: shown.align,
          ...(fill ? { backgroundColor: fill, color: textOn(fill) } : shown.color ? { color: shown.color } : {}),
        }}
      >
        {shown.text}
      </div>
    );
  };

  const hoverNote = hover && sheet.get(hover.row, hover.col)?.note;
  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.count + 1}
      aria-colcount={cols.count + 1}
      aria-multiselectable
      aria-activedescendant={`${id}-${sel.active.row}-${sel.active.col}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onMouseLeave={() => setHover(null)}
    >
      <div className={styles.canvas} style={{ width: rhw + cols.offsets[cols.count]!, height: HEADER_HEIGHT + rows.offsets[rows.count]! }}>
        <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width: rhw + cols.offsets[cols.count]! }}>
          <div role="columnheader" aria-colindex={1} className={styles.corner} style={{ width: rhw }} />
          {range(c0, c1).map((c) => (
            <div key={c} role="columnheader" aria-colindex={c + 2} className={mergeClasses(styles.colHeader, c >= area.col && c <= area.lastCol && styles.headerActive)} style={{ left: x(c), width: sizeOf(cols, c) }}>
              {columnLetters(c)}
            </div>
          ))}
        </div>
        {shownRows.map((r) => (
          <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: y(r), height: sizeOf(rows, r), width: rhw + cols.offsets[cols.count]! }}>
            <div role="rowheader" aria-colindex={1} className={mergeClasses(styles.rowHeader, r >= area.row && r <= area.lastRow && styles.headerActive)} style={{ width: rhw }}>
              {r + 1}
            </div>
            {[...new Set([...outside.filter((m) => m.row === r).map((m) => m.col), ...range(c0, c1)])].map((c) => cellNode(r, c))}
          </div>
        ))}
        <div className={styles.selection} style={{ left: x(area.col), top: y(area.row), width: span(area.col, area.lastCol, cols), height: Math.max(2, span(area.row, area.lastRow, rows)) }} />
        {hover && hoverNote && (
          <div role="tooltip" aria-label={noteLabel(cellAddress(hover.row, hover.col))} className={styles.tooltip} style={{ left: x(hover.col) + sizeOf(cols, hover.col) + 6, top: y(hover.row) }}>
            {hoverNote}
          </div>
        )}
      </div>
    </div>
  );
}

const range = (from: number, to: number): number[] => (to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i));

/** Merged areas that reach into the window but start outside it: their top-left cell must still render. */
function mergesReaching(merges: readonly Area[], window: Area): Area[] {
  return merges.filter((m) => (m.row < window.row || m.col < window.col) && m.lastRow >= window.row && m.row <= window.lastRow && m.lastCol >= window.col && m.col <= window.lastCol);
}

function scrollIntoView(el: HTMLElement | null, layout: SheetLayout, cell: Cell): void {
  if (!el) return;
  const top = layout.rows.offsets[cell.row]!;
  const bottom = layout.rows.offsets[cell.row + 1]!;
  const left = layout.cols.offsets[cell.col]!;
  const right = layout.cols.offsets[cell.col + 1]!;
  const viewH = el.clientHeight - HEADER_HEIGHT;
  const viewW = el.clientWidth - layout.rowHeaderWidth;
  if (top < el.scrollTop) el.scrollTop = top;
  else if (bottom > el.scrollTop + viewH) el.scrollTop = bottom - viewH;
  if (left < el.scrollLeft) el.scrollLeft = left;
  else if (right > el.scrollLeft + viewW) el.scrollLeft = right - viewW;
}

export const selectionAddress = (sel: GridSelection, layout: SheetLayout): string => formatA1(selectedArea(sel, layout));
