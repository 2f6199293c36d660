import type { Area } from '../../core/a1';
import type { CellMark } from '../contract';
import { areaOf, cellsOf } from '../guards';
import { MarkRegistry, type RegistryState, type StyleChange } from '../mark-registry';
import { Batch, rectangles, type HostLimits } from './batch';
import { officeCode } from './errors';
import type { Features } from './features';
import type { XlContext, XlRun } from './office-types';
import type { RegistryStore } from './registry-store';
import { applyStyles, cellKey, queueFills, readNotes, SheetProxies, type Cell, type CellLookup } from './styles';

export interface MarkDeps {
  run: XlRun;
  features: Features;
  limits: HostLimits;
  store: RegistryStore;
}

/** Each changed cell's note as FinPulse last left it: the latest mark covering it, or its original. */
function notesNow(before: RegistryState, changes: readonly StyleChange[], read: CellLookup): CellLookup {
  const wanted = new Set(changes.map((c) => cellKey(c.sheet, c.row, c.col)));
  const now = new Map<string, string | null>();
  for (const m of before.marks) for (const [row, col] of cellsOf(areaOf(m))) if (wanted.has(cellKey(m.sheet, row, col))) now.set(cellKey(m.sheet, row, col), m.note);
  return (sheet, row, col) => {
    const k = cellKey(sheet, row, col);
    return now.has(k) ? now.get(k)! : read(sheet, row, col);
  };
}

/** Unknown cells grouped into rectangles per sheet, so their fills are read with few commands. */
function areasOf(cells: readonly Cell[]): Array<{ sheet: string; area: Area }> {
  const bySheet = new Map<string, Cell[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push(c);
    bySheet.set(c.sheet, list);
  }
  return [...bySheet].flatMap(([sheet, cs]) => rectangles(cs).map((area) => ({ sheet, area })));
}

/** Reads the notes of these cells in a batch of their own (the recovery path). */
async function readNotesNow(context: XlContext, deps: MarkDeps, changes: readonly StyleChange[]): Promise<CellLookup> {
  const batch = new Batch(context, deps.limits);
  const look = await readNotes(batch, new SheetProxies(context), deps.features.noteKind, changes);
  await batch.flush();
  return look;
}

/** Sheets of these changes that no longer exist (deleted or renamed since they were marked). */
async function goneSheets(context: XlContext, changes: readonly StyleChange[]): Promise<Set<string>> {
  const list = context.workbook.worksheets;
  list.load('items/name');
  await context.sync();
  const names = new Set(list.items.map((ws) => ws.name.toLowerCase()));
  return new Set(changes.map((c) => c.sheet.toLowerCase()).filter((s) => !names.has(s)));
}

const RECOVERABLE = new Set(['ItemNotFound', 'InvalidArgument', 'ItemAlreadyExists']);

/**
 * Writes the style changes and the registry in one request (more only when the payload needs them).
 * Excel refuses the batch when the workbook is not as FinPulse left it: a note edited or deleted by
 * hand, a marked sheet deleted. Then the notes are read as they are, cells on sheets that are gone
 * are dropped (their marks still leave the registry), and the write is done again: it is idempotent.
 */
async function write(context: XlContext, deps: MarkDeps, state: RegistryState, changes: readonly StyleChange[], current: CellLookup): Promise<void> {
  const attempt = async (todo: readonly StyleChange[], now: CellLookup): Promise<() => Promise<void>> => {
    const batch = new Batch(context, deps.limits);
    await applyStyles(batch, new SheetProxies(context), deps.features.noteKind, todo, now);
    const commit = await deps.store.queueSave(batch, state);
    await batch.flush();
    return commit;
  };
  let commit: () => Promise<void>;
  try {
    commit = await attempt(changes, current);
  } catch (err) {
    if (!RECOVERABLE.has(officeCode(err) ?? '')) throw err;
    const gone = officeCode(err) === 'ItemNotFound' ? await goneSheets(context, changes) : new Set<string>();
    if (deps.features.noteKind === 'none' && !gone.size) throw err;
    const todo = changes.filter((c) => !gone.has(c.sheet.toLowerCase()));
    commit = await attempt(todo, deps.features.noteKind === 'none' ? current : await readNotesNow(context, deps, todo));
  }
  await commit();
}

/**
 * Marks cells in two syncs whatever their number: one reads the original fill and note of cells not
 * yet marked, one writes fills, notes and the registry. (Comments, and more than a couple of
 * thousand new cells, list the sheets' notes instead: one sync more.)
 */
export async function mark(deps: MarkDeps, marks: readonly CellMark[]): Promise<void> {
  marks.forEach((m) => areaOf(m)); // a bad address fails before anything is read
  if (!marks.length) return;
  const before = await deps.store.load(deps.run);
  await deps.run(async (context) => {
    const registry = new MarkRegistry(before);
    const unknown = registry.unknownCells(marks);
    const batch = new Batch(context, deps.limits);
    const sheets = new SheetProxies(context);
    const fills = await queueFills(batch, sheets, deps.features, areasOf(unknown));
    const notes = await readNotes(batch, sheets, deps.features.noteKind, unknown);
    await batch.flush();
    const originals = unknown.map((c) => ({ ...c, fill: fills(c.sheet, c.row, c.col), note: notes(c.sheet, c.row, c.col) }));
    const changes = registry.add(marks, originals);
    await write(context, deps, registry.toJSON(), changes, notesNow(before, changes, notes));
  });
}

/** Clears marks in one sync: the registry knows every original, nothing needs reading. Marks on deleted sheets just go. */
export async function clearMarks(deps: MarkDeps, findingIds?: readonly string[]): Promise<void> {
  const before = await deps.store.load(deps.run);
  if (!before.marks.length) return;
  await deps.run(async (context) => {
    const registry = new MarkRegistry(before);
    const changes = registry.clear(findingIds);
    if (!changes.length && registry.all().length === before.marks.length) return;
    await write(context, deps, registry.toJSON(), changes, notesNow(before, changes, () => null));
  });
}
