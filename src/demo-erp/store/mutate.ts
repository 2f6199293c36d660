import { ACCOUNT_NAME, createRng, type ErpRecord, type Rng, type TransactionDataset } from '../data';
import type { DatasetStore } from './dataset-store';

export interface MutateSpec {
  dataset: TransactionDataset;
  /** Fraction of the live records whose amount changes, 0..1. */
  change: number;
  delete: number;
  add: number;
  seed: number;
}

export interface MutateResult {
  changed: number;
  deleted: number;
  added: number;
  /** The stamp every change carries: `modifiedSince` just before it returns exactly them. */
  watermark: string;
}

/**
 * Changes, deletes and adds records, all stamped `stamp`. The journal is changed by whole entries
 * (every line scaled, the rounding put on the largest line) so it still balances; deleted and added
 * journal lines come as whole entries too. Counts are records (lines), so they can exceed the
 * request by the rest of the last entry.
 */
export function mutate(store: DatasetStore, spec: MutateSpec, stamp: string): MutateResult {
  const rng = createRng(spec.seed);
  const picks = shuffled(store.select({}), rng);
  const unit = spec.dataset === 'gl' ? (pos: number) => entryAround(store, pos) : (pos: number) => [pos];
  const changeTarget = Math.round(spec.change * picks.length);
  const done = new Set<number>();
  const take = (target: number, apply: (group: number[]) => void): number => {
    let count = 0;
    while (count < target && picks.length > 0) {
      const group = unit(picks.pop()!).filter((p) => !done.has(p));
      if (group.length === 0) continue;
      group.forEach((p) => done.add(p));
      apply(group);
      count += group.length;
    }
    return count;
  };
  const changed = take(changeTarget, (group) => rescale(store, group, factor(rng), stamp));
  const deleted = take(spec.delete, (group) => group.forEach((p) => store.remove(p, stamp)));
  const added = spec.dataset === 'gl' ? addEntries(store, spec.add, rng, stamp) : addCopies(store, spec.add, rng, stamp);
  return { changed, deleted, added, watermark: stamp };
}

/** A Fisher–Yates shuffle of the live positions: popping from the end yields distinct random ones. */
function shuffled(live: Int32Array, rng: Rng): number[] {
  const out = Array.from(live);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up or down by 2–25%: a price correction, a credit note, a re-booked accrual. */
const factor = (rng: Rng): number => 1 + (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.02, 0.25);

/** The positions of the journal entry holding `pos`: lines of an entry are consecutive. */
function entryAround(store: DatasetStore, pos: number): number[] {
  const entry = store.recordAt(pos)['entryId'];
  let first = pos;
  while (first > 0 && store.recordAt(first - 1)['entryId'] === entry) first -= 1;
  let last = pos;
  while (last + 1 < store.size && store.recordAt(last + 1)['entryId'] === entry) last += 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const toCents = (v: unknown): number => Math.round(Number(v) * 100);

function rescale(store: DatasetStore, group: number[], f: number, stamp: string): void {
  const records = group.map((p) => store.recordAt(p));
  if (store.spec.name === 'gl') {
    const scaled = records.map((r) => Math.round(toCents(r['amount']) * f));
    // The entry balanced before; put the rounding on its largest line so it balances after.
    const largest = scaled.reduce((best, c, i) => (Math.abs(c) > Math.abs(scaled[best]!) ? i : best), 0);
    scaled[largest]! -= scaled.reduce((s, c) => s + c, 0);
    records.forEach((r, i) => store.replace(group[i]!, withJournalAmount(r, scaled[i]!, stamp)));
    return;
  }
  records.forEach((r, i) => store.replace(group[i]!, withScaledAmount(r, f, stamp)));
}

function withJournalAmount(r: ErpRecord, c: number, modifiedAt: string): ErpRecord {
  return { ...r, debit: c > 0 ? c / 100 : 0, credit: c < 0 ? -c / 100 : 0, amount: c / 100, modifiedAt };
}

/** Documents with net and VAT keep amount = net + VAT. */
function withScaledAmount(r: ErpRecord, f: number, modifiedAt: string): ErpRecord {
  if ('netAmount' in r) {
    const net = Math.round(toCents(r['netAmount']) * f);
    const vat = Math.round(toCents(r['vatAmount']) * f);
    return { ...r, netAmount: net / 100, vatAmount: vat / 100, amount: (net + vat) / 100, modifiedAt };
  }
  const before = toCents(r['amount']);
  const after = Math.round(before * f);
  return { ...r, amount: (after === before ? after + 1 : after) / 100, modifiedAt };
}

/** The next id after the last record's: same prefix and width (`JL-0000123` → `JL-0000124`). */
function nextId(last: string, step = 1): string {
  const m = /^(.*?)(\d+)$/.exec(last)!;
  return `${m[1]}${String(Number(m[2]) + step).padStart(m[2]!.length, '0')}`;
}

/** Copies of random live records under new ids, amounts varied. */
function addCopies(store: DatasetStore, count: number, rng: Rng, stamp: string): number {
  const live = store.select({});
  for (let i = 0; i < count && live.length > 0; i += 1) {
    const source = store.recordAt(live[Math.floor(rng.next() * live.length)]!);
    const id = nextId(store.recordAt(store.size - 1)['id'] as string);
    store.append(withScaledAmount({ ...source, id }, factor(rng), stamp));
  }
  return Math.min(count, live.length);
}

/**
 * Late accruals of administrative services: two-line entries (expense, payable), the last one with
 * a third line (input VAT) when three lines are left to add. Dated like a random live line. Exact
 * from two lines up; one line asked for adds a two-line entry.
 */
function addEntries(store: DatasetStore, count: number, rng: Rng, stamp: string): number {
  const live = store.select({});
  let added = 0;
  while (added < count && live.length > 0) {
    const template = store.recordAt(live[Math.floor(rng.next() * live.length)]!);
    const last = store.recordAt(store.size - 1);
    const net = Math.round(rng.uniform(2_000, 60_000) * 100);
    const vat = count - added === 3 ? Math.round(net * 0.06) : 0;
    const lines: Array<[string, number]> = vat > 0 ? [['6602', net], ['222101', vat], ['2202', -(net + vat)]] : [['6602', net], ['2202', -net]];
    const entryId = nextId(last['entryId'] as string);
    lines.forEach(([account, c], i) => {
      store.append({
        id: nextId(last['id'] as string, i + 1),
        entryId,
        postingDate: template['postingDate']!,
        account,
        accountName: ACCOUNT_NAME.get(account)!,
        entity: template['entity']!,
        department: account === '6602' ? 'Admin' : null,
        product: null,
        customer: null,
        supplier: null,
        cashflow: null,
        debit: c > 0 ? c / 100 : 0,
        credit: c < 0 ? -c / 100 : 0,
        amount: c / 100,
        currency: 'CNY',
        modifiedAt: stamp,
      });
    });
    added += lines.length;
  }
  return added;
}
