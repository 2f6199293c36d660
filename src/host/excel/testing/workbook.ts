import type { Area } from '../../../core/a1';
import type { XlCustomXmlPart, XlCustomXmlPartCollection, XlNamedItem, XlNamedItemCollection, XlTable, XlTableCollection, XlWorkbook } from '../office-types';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';
import type { FakeSheet, Part } from './model';
import { FakeClientResult, FakeObject } from './proxy';
import { FakeRange } from './range';
import { FakeWorksheetCollection } from './worksheets';

/** `Excel.Workbook`: the root every path starts from. */
export class FakeWorkbook extends FakeObject<null> implements XlWorkbook {
  protected readonly scalars = [] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;

  constructor(context: FakeRequestContext) {
    super(context, undefined, 'workbook');
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.names = new FakeNamedItemCollection(context, this);
    this.tables = new FakeTableCollection(context, this);
    this.customXmlParts = new FakeCustomXmlPartCollection(context, this);
  }
  protected find(): null {
    return null;
  }
  override locate(): null {
    return null;
  }
  protected read(): unknown {
    return undefined;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, this, 'getSelectedRange', [], () => {
      const book = this.context.session.book;
      const sel = book.selection;
      const sheet = sel && book.sheet(sel.sheetId);
      if (!sel || !sheet) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.', 'Workbook.getSelectedRange');
      return { sheet, area: sel.area };
    });
  }
}

/**
 * A loaded collection's items: `load('items/a,items/b')` fills `items` with bound proxies whose
 * properties are loaded. Shared by names, tables and custom XML parts.
 */
abstract class FakeItems<M, P extends FakeObject<M>> extends FakeObject<M[]> {
  protected readonly scalars = [] as const;
  private loadedItems: P[] | undefined;

  protected abstract item(model: M, index: number): P;
  protected abstract prop(model: M, prop: string): unknown;

  protected read(): unknown {
    return undefined;
  }

  get items(): P[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  override load(names: string | string[]): this {
    const props = (Array.isArray(names) ? names : names.split(',')).map((s) => s.trim().replace(/^items\//, '')).filter(Boolean);
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props.map((p) => `items/${p}`),
      run: () => ({ value: this.target().map((m) => Object.fromEntries(props.map((p) => [p, this.prop(m, p)]))) }),
      deliver: (v) => {
        const models = this.target();
        this.loadedItems = (v as Array<Record<string, unknown>>).map((values, i) => {
          const p = this.item(models[i]!, i);
          p.deliverLoaded(values);
          return p;
        });
      },
    });
    return this;
  }
}

type Named = { name: string; formula: string };

class FakeNamedItem extends FakeObject<Named> implements XlNamedItem {
  protected readonly scalars = ['name', 'type', 'formula', 'visible'] as const;
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, index: number) {
    super(context, parent, 'items', [index]);
  }
  protected find(): Named | null {
    return null;
  }
  protected read(n: Named, prop: string): unknown {
    return namedProp(n, prop);
  }
  get name(): string {
    return this.get('name') as string;
  }
  get type(): string {
    return this.get('type') as string;
  }
  get formula(): unknown {
    return this.get('formula');
  }
}

const namedProp = (n: Named, prop: string): unknown => (prop === 'name' ? n.name : prop === 'type' ? 'Range' : prop === 'formula' ? n.formula : true);

export class FakeNamedItemCollection extends FakeItems<Named, FakeNamedItem> implements XlNamedItemCollection {
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>) {
    super(context, parent, 'names');
  }
  protected find(): Named[] {
    return this.context.session.book.names;
  }
  protected item(model: Named, index: number): FakeNamedItem {
    return new FakeNamedItem(this.context, this, index).bind(model);
  }
  protected prop(model: Named, prop: string): unknown {
    return namedProp(model, prop);
  }
}

type Tbl = { name: string; sheetId: string; area: Area };

class FakeTable extends FakeObject<Tbl> implements XlTable {
  protected readonly scalars = ['name'] as const;
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>, index: number) {
    super(context, parent, 'items', [index]);
  }
  protected find(): Tbl | null {
    return null;
  }
  protected read(t: Tbl): unknown {
    return t.name;
  }
  get name(): string {
    return this.get('name') as string;
  }
  private sheetOf(t: Tbl): FakeSheet {
    return this.context.session.book.sheetOrThrow(t.sheetId, 'Table.worksheet');
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, this, 'getRange', [], () => {
      const t = this.target();
      return { sheet: this.sheetOf(t), area: t.area };
    });
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.context, this, 'getHeaderRowRange', [], () => {
      const t = this.target();
      return { sheet: this.sheetOf(t), area: { ...t.area, lastRow: t.area.row } };
    });
  }
}

export class FakeTableCollection extends FakeItems<Tbl, FakeTable> implements XlTableCollection {
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>) {
    super(context, parent, 'tables');
  }
  protected find(): Tbl[] {
    return this.context.session.book.tables;
  }
  protected item(model: Tbl, index: number): FakeTable {
    return new FakeTable(this.context, this, index).bind(model);
  }
  protected prop(model: Tbl): unknown {
    return model.name;
  }
}

/** `Excel.CustomXmlPart` (ExcelApi 1.5): an XML document stored in the workbook, by id. */
class FakeCustomXmlPart extends FakeObject<Part> implements XlCustomXmlPart {
  protected readonly scalars = ['id', 'namespaceUri'] as const;
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    pathName: string,
    pathArgs: readonly unknown[],
    private readonly finder: () => Part | null,
    orNull = false,
  ) {
    super(context, parent, pathName, pathArgs, orNull);
  }
  protected find(): Part | null {
    this.require('1.5', 'CustomXmlParts');
    return this.finder();
  }
  protected read(p: Part, prop: string): unknown {
    return prop === 'id' ? p.id : p.namespaceUri;
  }
  get id(): string {
    return this.get('id') as string;
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.queue('call', 'getXml', [], () => ({ value: this.target().xml }), (v) => result.resolve(v as string));
    return result;
  }
  setXml(xml: string): void {
    this.queue('call', 'setXml', [xml], () => {
      const p = this.target();
      p.xml = xml;
      p.namespaceUri = namespaceOf(xml);
    });
  }
  delete(): void {
    this.queue('call', 'delete', [], () => {
      this.context.session.book.parts.delete(this.target().id);
    });
  }
}

const namespaceOf = (xml: string): string => /<[\w:.-]+[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? '';

class FakeScopedParts extends FakeItems<Part, FakeCustomXmlPart> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject<unknown>,
    private readonly ns: string,
  ) {
    super(context, parent, 'getByNamespace', [ns]);
  }
  protected find(): Part[] {
    this.require('1.5', 'CustomXmlParts.getByNamespace');
    return [...this.context.session.book.parts.values()].filter((p) => p.namespaceUri === this.ns);
  }
  protected item(model: Part, index: number): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this, 'items', [index], () => model).bind(model);
  }
  protected prop(model: Part, prop: string): unknown {
    return prop === 'id' ? model.id : model.namespaceUri;
  }
}

export class FakeCustomXmlPartCollection extends FakeObject<null> implements XlCustomXmlPartCollection {
  protected readonly scalars = [] as const;
  constructor(context: FakeRequestContext, parent: FakeObject<unknown>) {
    super(context, parent, 'customXmlParts');
  }
  protected find(): null {
    return null;
  }
  override locate(): null {
    return null;
  }
  protected read(): unknown {
    return undefined;
  }
  add(xml: string): FakeCustomXmlPart {
    const part = new FakeCustomXmlPart(this.context, this, 'add', [xml], () => null);
    this.context.enqueue({
      target: part,
      kind: 'call',
      name: 'add',
      run: () => {
        this.require('1.5', 'CustomXmlParts.add');
        if (!/^\s*(<\?xml[^>]*\?>\s*)?<[\w:.-]+[\s\S]*>\s*$/.test(xml)) throw new FakeOfficeError('InvalidArgument', 'The XML is not well formed', 'CustomXmlParts.add');
        const p: Part = { id: this.context.session.book.newId('part'), xml, namespaceUri: namespaceOf(xml) };
        this.context.session.book.parts.set(p.id, p);
        part.bind(p);
      },
    });
    return part;
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this, 'getItem', [id], () => this.context.session.book.parts.get(id) ?? null);
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, this, 'getItemOrNullObject', [id], () => this.context.session.book.parts.get(id) ?? null, true);
  }
  getByNamespace(namespaceUri: string): FakeScopedParts {
    return new FakeScopedParts(this.context, this, namespaceUri);
  }
}
