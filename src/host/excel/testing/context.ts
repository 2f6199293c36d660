import type { XlContext } from '../office-types';
import { FakeOfficeError } from './errors';
import type { FakeSession } from './fake-excel';
import { FakeObject, type Op } from './proxy';
import { FakeWorkbook } from './workbook';

/** What one `context.sync()` sent and received, measured as Office.js would serialise it. */
export interface RequestStats {
  requestBytes: number;
  responseBytes: number;
  cellsRead: number;
  cellsWritten: number;
  commands: number;
  /** The Office error code when the request failed. */
  error?: string;
}

/**
 * `Excel.RequestContext`: commands queue up; `sync()` sends them as one request, runs them in order
 * against the document and fails the whole request on the first error, as Excel does. Requests and
 * responses over the web's 5 MB limit and reads over 5 million cells are refused.
 */
export class FakeRequestContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private ops: Op[] = [];
  private changed = new Set<FakeObject<unknown>>();

  constructor(readonly session: FakeSession) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  touched(proxy: FakeObject<unknown>): void {
    this.changed.add(proxy);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const stats: RequestStats = { requestBytes: requestSize(ops), responseBytes: 0, cellsRead: 0, cellsWritten: 0, commands: ops.length };
    this.session.record(stats);
    await Promise.resolve(); // a round trip: never synchronous
    const limits = this.session.limits;
    const fail = (code: string, message: string): never => {
      stats.error = code;
      throw new FakeOfficeError(code, message, 'RequestContext.sync');
    };
    if (stats.requestBytes > limits.requestBytes) fail('RequestPayloadSizeLimitExceeded', `Request of ${stats.requestBytes} bytes exceeds ${limits.requestBytes}`);
    const values: unknown[] = [];
    for (const op of ops) {
      let outcome: ReturnType<Op['run']>;
      try {
        outcome = op.run();
      } catch (err) {
        stats.error = err instanceof FakeOfficeError ? err.code : 'GeneralException';
        this.session.afterRequest(stats);
        throw err;
      }
      values.push(outcome?.value);
      stats.cellsRead += outcome?.read ?? 0;
      stats.cellsWritten += outcome?.written ?? 0;
      if (outcome?.value !== undefined) stats.responseBytes += 24 + utf8(JSON.stringify(outcome.value) ?? '');
    }
    this.session.afterRequest(stats);
    if (stats.responseBytes > limits.responseBytes) fail('ResponsePayloadSizeLimitExceeded', `Response of ${stats.responseBytes} bytes exceeds ${limits.responseBytes}`);
    if (stats.cellsRead > limits.cellsRead) fail('ResponsePayloadSizeLimitExceeded', `Reading ${stats.cellsRead} cells exceeds ${limits.cellsRead}`);
    ops.forEach((op, i) => op.deliver?.(values[i]));
    const changed = [...this.changed];
    this.changed.clear();
    await Promise.all(changed.map((p) => p.refreshState()));
  }
}

/** UTF-8 bytes, as the request travels. */
const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Bytes of the request JSON: every object path used (with its ancestors) and every action. */
function requestSize(ops: readonly Op[]): number {
  const ids = new Map<FakeObject<unknown>, number>();
  let next = 1;
  let bytes = 64;
  const json = (args: readonly unknown[] | undefined): string =>
    JSON.stringify((args ?? []).map((a) => (a instanceof FakeObject ? { ObjectPathId: pathId(a) } : a))) ?? '[]';
  const pathId = (o: FakeObject<unknown>): number => {
    const known = ids.get(o);
    if (known) return known;
    const parent = o.parent ? pathId(o.parent) : 0;
    const id = next++;
    ids.set(o, id);
    bytes += utf8(`{"Id":${id},"ObjectPathType":3,"Name":"${o.pathName}","ParentObjectPathId":${parent},"ArgumentInfo":{"Arguments":${json(o.pathArgs)}}},`);
    return id;
  };
  for (const op of ops) {
    const pid = pathId(op.target);
    const id = next++;
    bytes += utf8(
      op.kind === 'load'
        ? `{"Id":${id},"ActionType":2,"Name":"","ObjectPathId":${pid},"QueryInfo":{"Select":${JSON.stringify(op.select)},"Expand":[]}},`
        : `{"Id":${id},"ActionType":${op.kind === 'set' ? 4 : op.kind === 'call' ? 3 : 1},"Name":"${op.name}","ObjectPathId":${pid},"ArgumentInfo":{"Arguments":${json(op.args)}}},`,
    );
  }
  return bytes;
}
