import { OfficeMockObject } from 'office-addin-mock';
import type { FakeRequestContext } from './context';
import { FakeOfficeError, notLoaded } from './errors';

/** What a queued command does when the request runs, and what its response carries. */
export interface Outcome {
  value?: unknown;
  read?: number;
  written?: number;
}

/** One queued command: a load, a property set or a method call on an object path. */
export interface Op {
  target: FakeObject<unknown>;
  kind: 'load' | 'set' | 'call' | 'ref';
  name: string;
  /** Data sent with the command (values, XML…), for the request size. */
  args?: readonly unknown[];
  select?: readonly string[];
  run(): Outcome | void;
  /** After the whole request succeeded: hand the response to the proxy. */
  deliver?(value: unknown): void;
}

/**
 * Loaded properties of one proxy, kept in office-addin-mock's OfficeMockObject: it enforces
 * load-before-read (a property not loaded and synced reads as its "not loaded" marker, turned into
 * the PropertyNotLoaded error Office.js throws). Values are boxed in 1-element arrays because the
 * mock walks plain objects and cannot hold null.
 */
class LoadedState {
  private values: Record<string, unknown> = {};
  private mock: Record<string, unknown> | undefined;

  constructor(private readonly scalars: readonly string[]) {}

  merge(values: Record<string, unknown>): void {
    Object.assign(this.values, values);
  }

  async refresh(): Promise<void> {
    const data: Record<string, unknown> = {};
    for (const p of this.scalars) data[p] = p in this.values ? [this.values[p]] : undefined;
    const mock = new OfficeMockObject(data);
    mock.load(Object.keys(this.values));
    await mock.sync();
    this.mock = mock;
  }

  read(prop: string): unknown {
    const v = this.mock?.[prop];
    if (!Array.isArray(v)) throw notLoaded(prop);
    return v[0] as unknown;
  }
}

/**
 * A proxy for an Excel object: commands are queued on its request context and run in order at
 * `sync()`, against the document as it is at that moment. `locate` finds the model object (or null
 * for a missing `…OrNullObject`), throwing the Office error a real host reports.
 */
export abstract class FakeObject<T> {
  private state: LoadedState | undefined;
  private nullness: boolean | undefined;
  private bound: T | undefined;

  protected constructor(
    readonly context: FakeRequestContext,
    readonly parent: FakeObject<unknown> | undefined,
    readonly pathName: string,
    readonly pathArgs: readonly unknown[] = [],
    private readonly orNull = false,
  ) {
    if (orNull) context.enqueue({ target: this, kind: 'ref', name: '', run: () => ({ value: this.locate() === null }), deliver: (v) => (this.nullness = v === true) });
  }

  /** Scalar properties `load` accepts. */
  protected abstract readonly scalars: readonly string[];
  protected abstract find(): T | null;
  protected abstract read(target: T, prop: string): unknown;
  /** Navigation properties (`format`, `fill`), for paths such as `format/fill/color`. */
  protected nav(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullness === undefined) throw notLoaded('isNullObject');
    return this.nullness;
  }

  /** For objects made by a command (`add`) or handed out in a loaded collection. */
  bind(target: T): this {
    this.bound = target;
    return this;
  }

  locate(): T | null {
    if (this.bound !== undefined) return this.bound;
    const found = this.find();
    if (found === null && !this.orNull) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", this.where());
    return found;
  }

  /** The located object, failing for a null object as Office does when a command needs it. */
  target(): T {
    const t = this.locate();
    if (t === null) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.", this.where());
    return t;
  }

  where(): string {
    return `${this.constructor.name.replace(/^Fake/, '')}.${this.pathName}`;
  }

  load(names: string | string[]): this {
    const list = (Array.isArray(names) ? names : names.split(',')).map((s) => s.trim()).filter(Boolean);
    const own: string[] = [];
    for (const path of list) {
      const slash = path.indexOf('/');
      if (slash < 0) {
        if (!this.scalars.includes(path)) throw new Error(`Property ${path} needs to be present in object model before load is called (${this.where()})`);
        own.push(path);
        continue;
      }
      const child = this.nav(path.slice(0, slash));
      if (!child) throw new Error(`Navigation property ${path.slice(0, slash)} is not in the object model (${this.where()})`);
      child.load(path.slice(slash + 1));
    }
    if (own.length) this.queueLoad(own);
    return this;
  }

  protected queueLoad(props: readonly string[]): void {
    this.context.enqueue({
      target: this,
      kind: 'load',
      name: '',
      select: props,
      run: () => {
        const t = this.locate();
        const value: Record<string, unknown> = {};
        for (const p of props) value[p] = t === null ? null : this.read(t, p);
        return { value, read: t === null ? 0 : this.cellsRead(t, props) };
      },
      deliver: (v) => this.deliverLoaded(v as Record<string, unknown>),
    });
  }

  /** Cells a load reads (for the 5-million-cell limit). */
  protected cellsRead(_target: T, _props: readonly string[]): number {
    return 0;
  }

  deliverLoaded(values: Record<string, unknown>): void {
    this.state ??= new LoadedState(this.scalars);
    this.state.merge(values);
    this.context.touched(this);
  }

  refreshState(): Promise<void> {
    return this.state ? this.state.refresh() : Promise.resolve();
  }

  protected get(prop: string): unknown {
    if (!this.state) throw notLoaded(prop);
    return this.state.read(prop);
  }

  protected queue(kind: 'set' | 'call', name: string, args: readonly unknown[], run: () => Outcome | void, deliver?: (v: unknown) => void): void {
    this.context.enqueue({ target: this, kind, name, args, run, ...(deliver ? { deliver } : {}) });
  }

  /** Gates an API on the requirement set the fake host claims. */
  protected require(version: string, api: string): void {
    this.context.session.require(version, api);
  }
}

/** `OfficeExtension.ClientResult`: its value exists only after the sync that computed it. */
export class FakeClientResult<V> {
  private done = false;
  private v: V | undefined;

  get value(): V {
    if (!this.done) throw notLoaded('value');
    return this.v as V;
  }

  resolve(v: V): void {
    this.v = v;
    this.done = true;
  }
}
