import type { Acknowledgement } from '../../core/alerts';
import { severityRank, type Finding, type FindingKind, type Severity } from '../../core/anomaly';
import type { Catalog } from '../../core/catalog';
import type { Locale } from '../../core/i18n';

export type AckFilter = 'all' | 'open' | 'acknowledged';
export type FindingSort = 'severity' | 'period' | 'metric' | 'score';
export const FINDING_SORTS: readonly FindingSort[] = ['severity', 'period', 'metric', 'score'];

export interface FindingFilter {
  severities: readonly Severity[];
  ack: AckFilter;
  kind: FindingKind | 'all';
}

export const DEFAULT_FILTER: FindingFilter = { severities: ['notice', 'warning', 'critical'], ack: 'all', kind: 'all' };

/** The latest acknowledgement of each finding (a finding may be acknowledged again later). */
export function latestAcknowledgements(acks: readonly Acknowledgement[]): Map<string, Acknowledgement> {
  const out = new Map<string, Acknowledgement>();
  for (const ack of acks) {
    const current = out.get(ack.findingId);
    if (!current || current.at <= ack.at) out.set(ack.findingId, ack);
  }
  return out;
}

/** Every acknowledgement of one finding, newest first. */
export function ackHistory(acks: readonly Acknowledgement[], findingId: string): Acknowledgement[] {
  return acks.filter((a) => a.findingId === findingId).sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Acknowledged means acknowledged at this severity or a worse one: a finding that got worse since is
 * open again, as alert rules treat it.
 */
export function isAcknowledged(finding: Finding, ack: Acknowledgement | undefined): boolean {
  return ack !== undefined && severityRank(finding.severity) <= severityRank(ack.severity);
}

export function filterFindings(findings: readonly Finding[], filter: FindingFilter, acks: ReadonlyMap<string, Acknowledgement>): Finding[] {
  return findings.filter((f) => {
    if (!filter.severities.includes(f.severity)) return false;
    if (filter.kind !== 'all' && f.kind !== filter.kind) return false;
    if (filter.ack === 'all') return true;
    return isAcknowledged(f, acks.get(f.id)) === (filter.ack === 'acknowledged');
  });
}

/** A metric's name in the locale, its id when the catalog no longer has it. */
export function metricName(catalog: Catalog, metricId: string, locale: Locale): string {
  return catalog.metrics.find((m) => m.id === metricId)?.name[locale] ?? metricId;
}

/** Ties always fall back to severity, newest period, then score, so the order is stable. */
export function sortFindings(findings: readonly Finding[], sort: FindingSort, name: (metricId: string) => string): Finding[] {
  const bySeverity = (a: Finding, b: Finding) => severityRank(b.severity) - severityRank(a.severity);
  const byPeriod = (a: Finding, b: Finding) => b.period.localeCompare(a.period);
  const byScore = (a: Finding, b: Finding) => b.score - a.score;
  const byMetric = (a: Finding, b: Finding) => name(a.metricId).localeCompare(name(b.metricId));
  const first = { severity: bySeverity, period: byPeriod, metric: byMetric, score: byScore }[sort];
  return [...findings].sort((a, b) => first(a, b) || bySeverity(a, b) || byPeriod(a, b) || byScore(a, b) || a.id.localeCompare(b.id));
}

/** The kinds present, in a fixed order, for the kind filter. */
export function kindsOf(findings: readonly Finding[]): FindingKind[] {
  return [...new Set(findings.map((f) => f.kind))].sort();
}
