import { formatMessage, type Locale } from '../i18n';
import type { PeriodCheck, ReconcileResult, RowDifference } from '../reconcile';
import { amount, badge, columns, details, el, join, moreLine, msg, raw, table, text, type Html } from './markup';
import type { RunResult } from './result';

const MAX_ROWS = 50;
const MAX_MEMBERS = 20;

function membersTable(check: PeriodCheck, locale: Locale): Html {
  const breaking = check.members.filter((m) => m.difference !== 0);
  if (breaking.length === 0) return raw('');
  const shown = breaking.slice(0, MAX_MEMBERS);
  const rows = shown.map((m) => [text(`${m.dimension} ${m.member}`), text(amount(m.left, locale)), text(amount(m.right, locale)), text(amount(m.difference, locale))]);
  return join([
    el('h4', {}, msg('report.rec.members', locale)),
    table(columns(['report.col.member', 'report.col.left', 'report.col.right', 'report.col.difference'], locale, [1, 2, 3]), rows, { stack: true }),
    moreLine(shown.length, breaking.length, locale),
  ]);
}

/** Where a row is; when both sides hold it, both places (the ERP line and the workbook cell). */
const where = (d: RowDifference): Html =>
  join([el('code', {}, text(d.origin ?? d.key ?? '—')), ...(d.otherOrigin ? [text(' ↔ '), el('code', {}, text(d.otherOrigin))] : [])]);

function rowsTable(check: PeriodCheck, locale: Locale): Html {
  if (check.rows.length === 0) return raw('');
  const shown = check.rows.slice(0, MAX_ROWS);
  const rows = shown.map((d) => [
    where(d),
    text(d.source),
    text(formatMessage(`report.rec.reason.${d.reason}`, {}, locale)),
    text(d.account ?? ''),
    text(amount(d.amount, locale)),
    text(d.otherAmount === undefined ? '' : amount(d.otherAmount, locale)),
  ]);
  const codes = ['report.col.origin', 'report.col.source', 'report.col.reason', 'report.col.account', 'report.col.amount', 'report.col.other'] as const;
  return join([el('h4', {}, msg('report.rec.rows', locale)), table(columns(codes, locale, [4, 5]), rows, { stack: true }), moreLine(shown.length, check.rows.length, locale)]);
}

/** A breaking period behind its one-line summary: the members, then the rows behind the difference. */
function breakBlock(result: ReconcileResult, check: PeriodCheck, locale: Locale): Html {
  const summary = join([
    badge('breaks', msg('report.rec.breaks', locale)),
    text(' '),
    msg('report.rec.breakSummary', locale, { period: check.period, difference: amount(check.difference, locale), rows: check.rows.length }),
  ]);
  const sides = msg('report.rec.period', locale, {
    period: check.period, left: amount(check.left, locale), right: amount(check.right, locale),
    difference: amount(check.difference, locale), allowed: amount(check.allowed, locale),
  });
  return details({ id: `rec-${result.ruleId}-${check.period}`, cls: 'break' }, summary, el('p', {}, sides), membersTable(check, locale), rowsTable(check, locale));
}

function ruleBlock(result: ReconcileResult, locale: Locale): Html {
  const breaking = result.periods.filter((p) => !p.agrees);
  const summary = msg('report.rec.summary', locale, { checked: result.periods.length, breaking: breaking.length });
  return el(
    'div',
    { class: 'rule', id: `rec-${result.ruleId}` },
    el('h3', {}, badge(result.status, msg(`report.rec.${result.status}`, locale)), text(` ${result.name[locale]}`)),
    el('p', { class: 'meta' }, result.message ? text(result.message[locale]) : summary),
    ...breaking.map((p) => breakBlock(result, p, locale)),
  );
}

/** Each rule, then each breaking period as a disclosure: period → members → rows, so a tap leads to the cause. */
export function reconcileSection(r: RunResult, locale: Locale): Html {
  if (r.reconciliations.length === 0) return raw('');
  return el('section', { id: 'reconciliations' }, el('h2', {}, msg('report.reconciliations', locale)), ...r.reconciliations.map((x) => ruleBlock(x, locale)));
}
