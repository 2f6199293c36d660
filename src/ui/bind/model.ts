import type { BindingTarget } from '../../core/bindings';
import type { Catalog } from '../../core/catalog';
import type { ColumnSuggestion } from '../session';

/** What the Bind form holds; `bindingOf` turns it into the stored binding (validated by core). */
export interface BindForm {
  id: string;
  source: string;
  target: 'range' | 'name' | 'table' | 'tableColumn';
  ref: string;
  name: string;
  table: string;
  column: string;
  layout: 'long' | 'wide';
  date: string;
  /** One signed amount column, or a debit and a credit column (amount = debit − credit). */
  amountKind: 'amount' | 'debitCredit';
  amount: string;
  debit: string;
  credit: string;
  account: string;
  /** `department=Dept, product=Item`: dimension name = column header. */
  dimensions: string;
  year: string;
}

export const EMPTY_FORM: BindForm = {
  id: '', source: 'ledger', target: 'range', ref: '', name: '', table: '', column: '',
  layout: 'long', date: 'date', amountKind: 'amount', amount: 'amount', debit: '', credit: '', account: 'account', dimensions: '', year: '',
};

/**
 * The form with the suggested columns filled in (the target's own header names); a role the header
 * lacks is left blank rather than kept from an earlier target. A table column stays the amount.
 */
export function withSuggestion(f: BindForm, s: ColumnSuggestion): BindForm {
  if (s.date === undefined) return f;
  const debitCredit = s.debit !== undefined && s.credit !== undefined;
  const next: BindForm = {
    ...f,
    layout: 'long',
    date: s.date,
    amountKind: debitCredit ? 'debitCredit' : 'amount',
    amount: s.amount ?? '',
    debit: s.debit ?? '',
    credit: s.credit ?? '',
    account: s.account ?? '',
    dimensions: s.dimensions.join(', '),
  };
  if (f.target === 'tableColumn' && f.column === '') next.column = s.amount ?? '';
  return next;
}


/** Every source the catalog's metrics read, plus its ERP source ids: what a binding can feed. */
export function sourceNames(catalog: Catalog): string[] {
  const names = new Set(catalog.metrics.filter((m) => m.kind === 'base').map((m) => m.source ?? 'ledger'));
  for (const s of catalog.sources ?? []) names.add(s.id);
  return [...names].sort();
}

function dimensionsOf(text: string): Record<string, string> | undefined {
  const pairs = text.split(',').map((p) => p.split('=').map((s) => s.trim())).filter((p) => p[0]);
  if (pairs.length === 0) return undefined;
  return Object.fromEntries(pairs.map(([name, column]) => [name!, column || name!]));
}

/** Where the form points, as a binding target (left unvalidated: an empty ref is reported by core). */
export const targetOf = (f: BindForm): BindingTarget => {
  switch (f.target) {
    case 'range':
      return { kind: 'range', ref: f.ref.trim() };
    case 'name':
      return { kind: 'name', name: f.name };
    case 'table':
      return { kind: 'table', table: f.table };
    case 'tableColumn':
      return { kind: 'tableColumn', table: f.table, column: f.column };
  }
};

/** The binding as stored; left unvalidated so core's validateBinding reports every problem by path. */
export function bindingOf(f: BindForm): Record<string, unknown> {
  const binding: Record<string, unknown> = { id: f.id.trim() || defaultId(f), source: f.source, target: targetOf(f), layout: f.layout };
  if (f.layout === 'long') {
    const long: Record<string, unknown> = { date: f.date.trim() };
    // A table column is the amount itself; the other targets name the amount (or debit and credit) columns.
    if (f.target !== 'tableColumn') Object.assign(long, amountColumns(f));
    if (f.account.trim()) long['account'] = f.account.trim();
    const dims = dimensionsOf(f.dimensions);
    if (dims) long['dimensions'] = dims;
    binding['long'] = long;
  } else if (f.year.trim()) {
    binding['wide'] = { year: Number(f.year) };
  }
  return binding;
}

function amountColumns(f: BindForm): Record<string, string> {
  if (f.amountKind === 'debitCredit') return { debit: f.debit.trim(), credit: f.credit.trim() };
  return f.amount.trim() ? { amount: f.amount.trim() } : {};
}

/** `ledger_journal`, `budget_sheet1`: readable and unique enough until the user names it. */
export function defaultId(f: BindForm): string {
  const where = f.target === 'range' ? f.ref.split('!')[0] : f.target === 'name' ? f.name : f.table;
  const slug = (where ?? '').replace(/^'|'$/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return slug ? `${f.source}_${slug}` : f.source;
}
