import { formatMessage, type Locale } from '../i18n';
import type { PeriodCheck, ReconcileResult } from '../reconcile';
import { amount, badge, el, join, moreLine, msg, raw, table, text, type Html } from './markup';
import type { RunResult } from './result';

const MAX_ROWS = 50;
const MAX_MEMBERS = 20;

const columns = (codes: readonly string[], numericFrom: number, locale: Locale) =>
  codes.map((code, i) => ({ label: formatMessage(code as 'report.col.period', {}, locale), numeric: i >= numericFrom }));

function membersTable(check: PeriodCheck, locale: Locale): Html {
  const breaking = check.members.filter((m) => m.difference !== 0).slice(0, MAX_MEMBERS);
  if (breaking.length === 0) return raw('');
  const rows = breaking.map((m) => [text(`${m.dimension} ${m.member}`), text(amount(m.left, locale)), text(amount(m.right, locale)), text(amount(m.difference, locale))]);
  return join([
    el('h3', {}, msg('report.rec.members', locale)),
    table(columns(['report.col.member', 'report.col.left', 'report.col.right', 'report.col.difference'], 1, locale), rows, { stack: true }),
    moreLine(breaking.length, check.members.filter((m) => m.difference !== 0).length, locale),
  ]);
}

function rowsTable(check: PeriodCheck, locale: Locale): Html {
  if (check.rows.length === 0) return raw('');
  const shown = check.rows.slice(0, MAX_ROWS);
  const rows = shown.map((d) => [
    text(d.origin ?? d.key ?? '—'),
    text(d.source),
    text(formatMessage(`report.rec.reason.${d.reason}`, {}, locale)),
    text(d.account ?? ''),
    text(amount(d.amount, locale)),
    text(d.otherAmount === undefined ? '' : amount(d.otherAmount, locale)),
  ]);
  const codes = ['report.col.origin', 'report.col.source', 'report.col.reason', 'report.col.account', 'report.col.amount', 'report.col.other'];
  return join([el('h3', {}, msg('report.rec.rows', locale)), table(columns(codes, 4, locale), rows, { stack: true }), moreLine(shown.length, check.rows.length, locale)]);
}

function periodBlock(check: PeriodCheck, locale: Locale): Html {
  const head = msg('report.rec.period', locale, {
    period: check.period, left: amount(check.left, locale), right: amount(check.right, locale),
    difference: amount(check.difference, locale), allowed: amount(check.allowed, locale),
  });
  return el('div', { class: 'card' }, el('p', {}, badge(check.agrees ? 'agrees' : 'breaks', msg(check.agrees ? 'report.rec.agrees' : 'report.rec.breaks', locale)), text(' '), head), membersTable(check, locale), rowsTable(check, locale));
}

function ruleBlock(result: ReconcileResult, locale: Locale): Html {
  const breaking = result.periods.filter((p) => !p.agrees);
  const summary = msg('report.rec.summary', locale, { checked: result.periods.length, breaking: breaking.length });
  return el(
    'div',
    { id: `rec-${result.ruleId}` },
    el('h3', {}, badge(result.status, msg(`report.rec.${result.status}`, locale)), text(` ${result.name[locale]}`)),
    el('p', { class: 'meta' }, result.message ? text(result.message[locale]) : summary),
    ...breaking.map((p) => periodBlock(p, locale)),
  );
}

export function reconcileSection(r: RunResult, locale: Locale): Html {
  if (r.reconciliations.length === 0) return raw('');
  return el('section', { id: 'reconciliations' }, el('h2', {}, msg('report.reconciliations', locale)), ...r.reconciliations.map((x) => ruleBlock(x, locale)));
}
