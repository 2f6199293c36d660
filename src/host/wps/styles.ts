import { cellAddress } from '../../core/a1';
import type { CellStyle, StyleChange } from '../mark-registry';
import { bgrToHex, hexToBgr } from './convert';
import { XL_NONE, type WpsWorksheet } from './wps-types';

/** A cell's own fill and note, read before FinPulse marks it. */
export function readStyle(sheet: WpsWorksheet, row: number, col: number, notes: boolean): CellStyle {
  const cell = sheet.Range(cellAddress(row, col));
  const interior = cell.Interior;
  const none = interior.ColorIndex === XL_NONE || interior.Pattern === XL_NONE || typeof interior.Color !== 'number';
  return { fill: none ? null : bgrToHex(interior.Color as number), note: notes ? (cell.Comment?.Text() ?? null) : null };
}

/** Sets one cell's fill (no fill is ColorIndex xlColorIndexNone) and replaces its note. */
export function applyStyle(sheet: WpsWorksheet, change: StyleChange, notes: boolean): void {
  const cell = sheet.Range(cellAddress(change.row, change.col));
  if (change.fill === null) cell.Interior.ColorIndex = XL_NONE;
  else cell.Interior.Color = hexToBgr(change.fill);
  if (!notes) return;
  const comment = cell.Comment;
  const want = change.note === null || change.note === '' ? null : change.note;
  if ((comment?.Text() ?? null) === want) return;
  comment?.Delete();
  if (want !== null) cell.AddComment?.(want);
}
