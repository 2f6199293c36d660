import type { Finding, Severity } from '../anomaly';
import type { Catalog, MetricDef } from '../catalog';
import { formatValue } from '../format';
import { formatMessage, type Locale, type Localized } from '../i18n';
import { STATUS_TEXT } from '../results';
import { deviationPct } from './condition';
import type { Alert } from './evaluate';

/** What an alert is about, independent of language and channel. */
export interface AlertContent {
  finding: Finding;
  severity: Severity;
  metric?: MetricDef;
  /** Absolute URL back to the finding in FinPulse. */
  link?: string;
  rule?: { id: string; name?: Localized };
  /** A sample sent by `finpulse alert test`: the title says so. */
  test?: boolean;
}

export type FactKey = 'metric' | 'period' | 'member' | 'value' | 'expected' | 'band' | 'deviation' | 'severity' | 'detector' | 'drivers' | 'rule';

export interface Fact {
  key: FactKey;
  label: string;
  value: string;
}

/** An alert rendered in one language; channel payloads are built from this. */
export interface AlertMessage {
  locale: Locale;
  severity: Severity;
  severityText: string;
  metricName: string;
  title: string;
  /** The finding's explanation: one sentence for people. */
  summary: string;
  facts: Fact[];
  link?: { label: string; url: string };
  footer: string;
  content: AlertContent;
}

/** The content of an alert from evaluateRules, with its metric and link resolved. */
export function alertContent(alert: Alert, ctx: { catalog: Pick<Catalog, 'metrics'>; linkTemplate?: string }): AlertContent {
  const content: AlertContent = { finding: alert.finding, severity: alert.severity, rule: { id: alert.ruleId, name: alert.ruleName } };
  const metric = ctx.catalog.metrics.find((m) => m.id === alert.finding.metricId);
  if (metric) content.metric = metric;
  if (ctx.linkTemplate) content.link = alertLink(ctx.linkTemplate, alert.finding);
  return content;
}

/** Fills `{metric}`, `{period}`, `{finding}` (each URL-encoded) in a link template such as `https://fp.example.com/#/m/{metric}?p={period}`. */
export function alertLink(template: string, f: Finding): string {
  const values: Record<string, string> = { metric: f.metricId, period: f.period, finding: f.id };
  return template.replace(/\{(metric|period|finding)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}

/** Numbers without a metric definition still get grouping and two decimals. */
const PLAIN: Pick<MetricDef, 'unit' | 'decimals'> = { unit: 'ratio', decimals: 2 };
const PERCENT: Pick<MetricDef, 'unit' | 'decimals'> = { unit: 'percent', decimals: 0 };

function valueFacts(f: Finding, def: Pick<MetricDef, 'unit' | 'decimals'>, t: (code: Parameters<typeof formatMessage>[0]) => string, locale: Locale): Fact[] {
  const show = (v: number | null): string => (v === null ? t('alert.noValue') : formatValue(v, def, locale));
  const facts: Fact[] = [{ key: 'value', label: t('alert.label.value'), value: show(f.actual) }];
  if (f.expected !== null) facts.push({ key: 'expected', label: t('alert.label.expected'), value: show(f.expected) });
  if (f.lower !== null && f.upper !== null) facts.push({ key: 'band', label: t('alert.label.band'), value: `${show(f.lower)} – ${show(f.upper)}` });
  const pct = deviationPct(f);
  if (pct !== null && Number.isFinite(pct) && f.actual !== null && f.expected !== null) {
    const signed = `${f.actual >= f.expected ? '+' : '−'}${formatValue(pct / 100, PERCENT, locale)}`;
    const impact = f.favourable === null ? '' : ` (${t(f.favourable ? 'alert.favourable' : 'alert.unfavourable')})`;
    facts.push({ key: 'deviation', label: t('alert.label.deviation'), value: `${signed}${impact}` });
  }
  return facts;
}

function driverText(f: Finding, locale: Locale): string | undefined {
  const top = [...f.drivers].sort((a, b) => Math.abs(b.share) - Math.abs(a.share)).slice(0, 3);
  if (top.length === 0) return undefined;
  const sep = locale === 'zh-CN' ? '；' : '; ';
  return top.map((d) => formatMessage('alert.driver', { dimension: d.dimension, member: d.member, share: formatValue(d.share, PERCENT, locale) }, locale)).join(sep);
}

/** Renders an alert's content in one language: title, the explanation, the facts and the link back. */
export function alertMessage(content: AlertContent, locale: Locale): AlertMessage {
  const t = (code: Parameters<typeof formatMessage>[0], params: Record<string, string | number> = {}): string => formatMessage(code, params, locale);
  const { finding: f, metric: def } = content;
  const metricName = def?.name[locale] ?? f.metricId;
  const severityText = STATUS_TEXT[locale][content.severity];
  const plain = t('alert.title', { severity: severityText, metric: metricName, period: f.period, kind: t(`alert.kind.${f.kind}`) });
  const facts: Fact[] = [
    { key: 'metric', label: t('alert.label.metric'), value: def ? `${metricName} (${f.metricId})` : metricName },
    { key: 'period', label: t('alert.label.period'), value: f.period },
  ];
  if (f.member) facts.push({ key: 'member', label: t('alert.label.member'), value: `${f.member.dimension} = ${f.member.member}` });
  facts.push(...valueFacts(f, def ?? PLAIN, t, locale));
  facts.push({ key: 'severity', label: t('alert.label.severity'), value: severityText });
  facts.push({ key: 'detector', label: t('alert.label.detector'), value: `${f.detector} · ${t('alert.label.score')} ${f.score.toFixed(2)}` });
  const drivers = driverText(f, locale);
  if (drivers) facts.push({ key: 'drivers', label: t('alert.label.drivers'), value: drivers });
  if (content.rule) facts.push({ key: 'rule', label: t('alert.label.rule'), value: content.rule.name?.[locale] ?? content.rule.id });
  const message: AlertMessage = {
    locale,
    severity: content.severity,
    severityText,
    metricName,
    title: content.test ? t('alert.testTitle', { title: plain }) : plain,
    summary: f.explanation[locale],
    facts,
    footer: t('alert.footer'),
    content,
  };
  if (content.link) message.link = { label: t('alert.link'), url: content.link };
  return message;
}
