import { formatA1, formatRef, parseA1, type Area } from '../../../core/a1';
import type { XlCellProps, XlRange, XlRangeAreas, XlRangeFill, XlRowProps } from '../office-types';
import type { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import { cellGet, cellSet, enter, report, type FakeSheet } from './model';
import { FakeClientResult, FakeObject } from './proxy';

export interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

const cells = (a: Area): number => (a.lastRow - a.row + 1) * (a.lastCol - a.col + 1);

/** An address as `Worksheet.getRange` takes it: `B2`, `$B$2:D4`, `C:C`, `3:5`, or nothing (the whole sheet). */
export function parseAddress(address: string | undefined): Area | undefined {
  if (address === undefined) return { row: 0, col: 0, lastRow: 1_048_575, lastCol: 16_383 };
  const plain = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(plain);
  if (cols) return parseA1(`${cols[1]}1:${cols[2]}1048576`);
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(plain);
  if (rows) return parseA1(`A${rows[1]}:XFD${rows[2]}`);
  return parseA1(plain);
}

const grid = <V>(a: Area, f: (row: number, col: number) => V): V[][] =>
  Array.from({ length: a.lastRow - a.row + 1 }, (_, r) => Array.from({ length: a.lastCol - a.col + 1 }, (_, c) => f(a.row + r, a.col + c)));

/** A 2-D argument (or one value for every cell), checked against the range's size as Excel does. */
function shaped(value: unknown, a: Area, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  const rows = a.lastRow - a.row + 1;
  const cols = a.lastCol - a.col + 1;
  const ok = value.length === rows && value.every((r) => Array.isArray(r) && r.length === cols);
  if (!ok) throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`, `Range.${what}`);
  return (r, c) => (value as unknown[][])[r]![c];
}

const NAMED: Record<string, string> = { yellow: '#FFFF00', red: '#FF0000', white: '#FFFFFF', green: '#008000', blue: '#0000FF', black: '#000000' };

function normaliseColor(color: unknown): string {
  if (typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
  if (typeof color === 'string' && NAMED[color.toLowerCase()]) return NAMED[color.toLowerCase()]!;
  throw new FakeOfficeError('InvalidArgument', `Invalid color ${String(color)}`, 'RangeFill.color');
}

/** `Excel.Range`: values, value types, number formats, hidden rows, fills, merged areas. */
export class FakeRange extends FakeObject<RangeTarget> implements XlRange {
  protected readonly scalars = ['address', 'values', 'valueTypes', 'numberFormat', 'rowHidden', 'rowCount', 'columnCount'] as const;
  readonly format: { readonly fill: FakeRangeFill };
  private readonly formatProxy: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    pathName: string,
    pathArgs: readonly unknown[],
    private readonly finder: () => RangeTarget | null,
    orNull = false,
  ) {
    super(context, parent, pathName, pathArgs, orNull);
    this.formatProxy = new FakeRangeFormat(context, this);
    this.format = { fill: this.formatProxy.fill };
  }

  protected find(): RangeTarget | null {
    return this.finder();
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? this.formatProxy : undefined;
  }

  protected read({ sheet, area }: RangeTarget, prop: string): unknown {
    switch (prop) {
      case 'address':
        return formatRef({ sheet: sheet.name, address: formatA1(area) });
      case 'values':
        return grid(area, (r, c) => report(cellGet(sheet, r, c).content)[0]);
      case 'valueTypes':
        return grid(area, (r, c) => report(cellGet(sheet, r, c).content)[1]);
      case 'numberFormat':
        return grid(area, (r, c) => cellGet(sheet, r, c).format ?? 'General');
      case 'rowHidden': {
        let hidden = 0;
        for (let r = area.row; r <= area.lastRow; r += 1) if (sheet.hiddenRows.has(r)) hidden += 1;
        return hidden === 0 ? false : hidden === area.lastRow - area.row + 1 ? true : null;
      }
      case 'rowCount':
        return area.lastRow - area.row + 1;
      default:
        return area.lastCol - area.col + 1;
    }
  }

  protected override cellsRead({ area }: RangeTarget, props: readonly string[]): number {
    return props.some((p) => p === 'values' || p === 'valueTypes' || p === 'numberFormat') ? cells(area) : 0;
  }

  get address(): string {
    return this.get('address') as string;
  }
  get values(): unknown[][] {
    return this.get('values') as unknown[][];
  }
  set values(value: unknown[][]) {
    this.queue('set', 'values', [value], () => {
      const { sheet, area } = this.target();
      const at = shaped(value, area, 'values');
      for (let r = area.row; r <= area.lastRow; r += 1)
        for (let c = area.col; c <= area.lastCol; c += 1) {
          const content = enter(at(r - area.row, c - area.col), cellGet(sheet, r, c).format);
          if (content !== null) cellSet(sheet, r, c, { content });
        }
      this.context.session.wrote(sheet);
      return { written: cells(area) };
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes') as string[][];
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat') as unknown[][];
  }
  set numberFormat(value: unknown[][]) {
    this.queue('set', 'numberFormat', [value], () => {
      const { sheet, area } = this.target();
      const at = shaped(value, area, 'numberFormat');
      for (let r = area.row; r <= area.lastRow; r += 1)
        for (let c = area.col; c <= area.lastCol; c += 1) {
          const f = at(r - area.row, c - area.col);
          if (f === null) continue;
          if (typeof f !== 'string') throw new FakeOfficeError('InvalidArgument', 'Invalid number format', 'Range.numberFormat');
          cellSet(sheet, r, c, { format: f === '' || f === 'General' ? undefined : f });
        }
      this.context.session.wrote(sheet);
      return { written: cells(area) };
    });
  }
  get rowHidden(): boolean | null {
    return this.get('rowHidden') as boolean | null;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this, 'getCell', [row, column], () => {
      const { sheet, area } = this.target();
      return { sheet, area: { row: area.row + row, col: area.col + column, lastRow: area.row + row, lastCol: area.col + column } };
    });
  }

  getRow(row: number): FakeRange {
    return new FakeRange(this.context, this, 'getRow', [row], () => {
      const { sheet, area } = this.target();
      return { sheet, area: { ...area, row: area.row + row, lastRow: area.row + row } };
    });
  }

  getCellProperties(options: { format: { fill: { color: boolean; pattern: boolean } } }): FakeClientResult<XlCellProps[][]> {
    const result = new FakeClientResult<XlCellProps[][]>();
    this.queue(
      'call',
      'getCellProperties',
      [options],
      () => {
        this.require('1.9', 'Range.getCellProperties');
        const { sheet, area } = this.target();
        const value = grid(area, (r, c) => {
          const fill = cellGet(sheet, r, c).fill;
          const props: { color?: string; pattern?: string } = {};
          if (options.format.fill.color) props.color = fill ?? '#FFFFFF';
          if (options.format.fill.pattern) props.pattern = fill ? 'Solid' : 'None';
          return { format: { fill: props } };
        });
        return { value, read: cells(area) };
      },
      (v) => result.resolve(v as XlCellProps[][]),
    );
    return result;
  }

  getRowProperties(options: { rowHidden: boolean }): FakeClientResult<XlRowProps[]> {
    const result = new FakeClientResult<XlRowProps[]>();
    this.queue(
      'call',
      'getRowProperties',
      [options],
      () => {
        this.require('1.9', 'Range.getRowProperties');
        const { sheet, area } = this.target();
        const value = Array.from({ length: area.lastRow - area.row + 1 }, (_, i) => (options.rowHidden ? { rowHidden: sheet.hiddenRows.has(area.row + i) } : {}));
        return { value };
      },
      (v) => result.resolve(v as XlRowProps[]),
    );
    return result;
  }

  /**
   * Some builds ignore or refuse `select()` on a sheet that is not active (office-js#5118): the fake
   * refuses, so an adapter must activate the sheet first. Excel reports the new selection to the
   * selection handlers, the add-in's own included.
   */
  select(): void {
    this.queue('call', 'select', [], () => {
      const { sheet, area } = this.target();
      const session = this.context.session;
      if (session.book.selection?.sheetId !== sheet.id) throw new FakeOfficeError('InvalidOperation', `Select a range on the active sheet only; ${sheet.name} is not active.`, 'Range.select');
      session.book.selection = { sheetId: sheet.id, area };
      session.selectedByApi();
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this, () => {
      this.require('1.13', 'Range.getMergedAreasOrNullObject');
      const { sheet, area } = this.target();
      const areas = sheet.merges.filter((m) => m.row <= area.lastRow && area.row <= m.lastRow && m.col <= area.lastCol && area.col <= m.lastCol);
      return areas.length ? { sheet, areas } : null;
    });
  }
}

/** `range.format`, only as the path to its fill. */
class FakeRangeFormat extends FakeObject<RangeTarget> {
  protected readonly scalars = [] as const;
  readonly fill: FakeRangeFill;
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context, range, 'format');
    this.fill = new FakeRangeFill(context, range, this);
  }
  protected find(): RangeTarget | null {
    return this.range.target();
  }
  protected read(): unknown {
    return undefined;
  }
  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
}

/** `range.format.fill`: one colour for the range (null when mixed, #FFFFFF when none), set or cleared. */
export class FakeRangeFill extends FakeObject<RangeTarget> implements XlRangeFill {
  protected readonly scalars = ['color', 'pattern'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    format: FakeRangeFormat,
  ) {
    super(context, format, 'fill');
  }

  protected find(): RangeTarget | null {
    return this.range.target();
  }

  protected read({ sheet, area }: RangeTarget, prop: string): unknown {
    const fills = new Set<string | undefined>();
    for (let r = area.row; r <= area.lastRow; r += 1) for (let c = area.col; c <= area.lastCol; c += 1) fills.add(cellGet(sheet, r, c).fill);
    if (fills.size > 1) return null;
    const [fill] = [...fills];
    return prop === 'pattern' ? (fill ? 'Solid' : 'None') : (fill ?? '#FFFFFF');
  }

  get color(): string {
    return this.get('color') as string;
  }
  set color(value: string) {
    this.queue('set', 'color', [value], () => {
      const fill = normaliseColor(value);
      const { sheet, area } = this.range.target();
      for (let r = area.row; r <= area.lastRow; r += 1) for (let c = area.col; c <= area.lastCol; c += 1) cellSet(sheet, r, c, { fill });
      this.context.session.wrote(sheet);
    });
  }

  clear(): void {
    this.queue('call', 'clear', [], () => {
      const { sheet, area } = this.range.target();
      for (let r = area.row; r <= area.lastRow; r += 1) for (let c = area.col; c <= area.lastCol; c += 1) cellSet(sheet, r, c, { fill: undefined });
      this.context.session.wrote(sheet);
    });
  }
}

/** `Excel.RangeAreas` from getMergedAreasOrNullObject: `address` lists every area with its sheet. */
export class FakeRangeAreas extends FakeObject<{ sheet: FakeSheet; areas: Area[] }> implements XlRangeAreas {
  protected readonly scalars = ['address', 'areaCount'] as const;
  constructor(
    context: FakeRequestContext,
    parent: FakeRange,
    private readonly finder: () => { sheet: FakeSheet; areas: Area[] } | null,
  ) {
    super(context, parent, 'getMergedAreasOrNullObject', [], true);
  }
  protected find(): { sheet: FakeSheet; areas: Area[] } | null {
    return this.finder();
  }
  protected read({ sheet, areas }: { sheet: FakeSheet; areas: Area[] }, prop: string): unknown {
    return prop === 'areaCount' ? areas.length : areas.map((a) => formatRef({ sheet: sheet.name, address: formatA1(a) })).join(', ');
  }
  get address(): string {
    return this.get('address') as string;
  }
}
