import { escapeHtml } from '../encoding';
import { formatValue } from '../format';
import { formatMessage, type Locale, type MessageCode, type MessageParams } from '../i18n';
import type { MetricSeries } from './result';

/** Markup that is already safe: built here from escaped text, never from raw user text. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });
export const text = (value: string): Html => raw(escapeHtml(value));
export const join = (parts: readonly Html[], sep = ''): Html => raw(parts.map((p) => p.html).join(sep));

/** A message of the report in the reader's language, escaped (parameters come from data). */
export const msg = (code: MessageCode, locale: Locale, params: MessageParams = {}): Html => text(formatMessage(code, params, locale));

/** An element whose attributes are escaped values and whose content is already Html. */
export function el(tag: string, attrs: Readonly<Record<string, string | undefined>>, ...content: Html[]): Html {
  const attrText = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  return raw(`<${tag}${attrText}>${content.map((c) => c.html).join('')}</${tag}>`);
}

export const badge = (cls: string, label: Html): Html => el('span', { class: `badge ${cls}` }, label);

export interface Column {
  label: string;
  numeric?: boolean;
}

/** Column headings from message codes; the columns at `numeric` hold numbers (right-aligned). */
export const columns = (codes: readonly MessageCode[], locale: Locale, numeric: readonly number[] = []): Column[] =>
  codes.map((code, i) => ({ label: formatMessage(code, {}, locale), numeric: numeric.includes(i) }));

/**
 * A disclosure: the summary line always shows, the content on a tap. No script is needed, and
 * print shows the content of closed ones too (see the print styles).
 */
export const details = (attrs: { id?: string; cls?: string; open?: boolean }, summary: Html, ...content: Html[]): Html =>
  el('details', { id: attrs.id, class: attrs.cls, open: attrs.open ? '' : undefined }, el('summary', {}, summary), ...content);

/**
 * A table; with `stack`, each cell carries its column label so a phone shows the row as
 * label/value lines rather than scrolling sideways.
 */
export function table(columns: readonly Column[], rows: ReadonlyArray<readonly Html[]>, opts: { stack?: boolean; cls?: string } = {}): Html {
  const cls = [opts.cls, opts.stack ? 'stack' : undefined].filter(Boolean).join(' ') || undefined;
  const head = el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { class: c.numeric ? 'num' : undefined, scope: 'col' }, text(c.label)))));
  const body = el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((cell, i) => el('td', { class: columns[i]?.numeric ? 'num' : undefined, 'data-label': opts.stack ? columns[i]?.label : undefined }, cell)))));
  return el('table', { class: cls }, head, body);
}

/** A metric value in its unit and decimals, or a dash. */
export function metricValue(value: number | null | undefined, series: Pick<MetricSeries, 'unit' | 'decimals'>, locale: Locale): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : formatValue(value, series, locale);
}

/** An amount with two decimals and grouping, for reconciliation sides and differences. */
export const amount = (value: number | null | undefined, locale: Locale): string => metricValue(value, { unit: 'currency', decimals: 2 }, locale);

/** "Showing 50 of 210" below a list cut short, so nothing is dropped silently. */
export function moreLine(shown: number, total: number, locale: Locale): Html {
  return total > shown ? el('p', { class: 'more' }, msg('report.more', locale, { shown, total })) : raw('');
}
