import type { MetricId, PeriodKey } from '../brand';
import type { Localized } from '../i18n';

import { SEVERITIES } from '../catalog/schema';

/** 注意 / 警告 / 危急 — the same three levels as catalog thresholds. */
export type Severity = (typeof SEVERITIES)[number];

/** notice < warning < critical. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Which check produced a finding. */
export type FindingKind =
  | 'threshold' // absolute threshold or % of target from the catalog
  | 'budget' // budget variance
  | 'change' // MoM / QoQ / YoY, relative or absolute
  | 'robust' // rolling median / MAD z-score
  | 'seasonal' // residual of a seasonal decomposition
  | 'levelShift' // change point
  | 'stale' // a source that stopped updating
  | 'missing' // an expected period without data
  | 'reconcile'; // two computations of one metric that should agree do not

/** One dimension member's part in a deviation from expected. */
export interface Driver {
  dimension: string;
  member: string;
  actual: number;
  expected: number;
  /** actual − expected for this member. */
  deviation: number;
  /** This member's deviation as a share of the total deviation (signed; the shares sum to 1). */
  share: number;
}

/** What a detector or rule found about one metric in one period. */
export interface Finding {
  /** Stable across runs: `${metricId}|${period}|${kind}` (+ `|member` when scoped to a member). */
  id: string;
  metricId: MetricId;
  period: PeriodKey;
  /** Set when the finding is about one dimension member rather than the total. */
  member?: { dimension: string; member: string };
  kind: FindingKind;
  /** e.g. 'threshold', 'mom', 'yoy', 'mad', 'seasonal-esd', 'cusum', 'stale'. */
  detector: string;
  actual: number | null;
  expected: number | null;
  lower: number | null;
  upper: number | null;
  /** 0..1, higher is more anomalous. */
  score: number;
  severity: Severity;
  /** true when the deviation is good news given the metric's direction; null when neutral. */
  favourable: boolean | null;
  drivers: Driver[];
  /** Full sentence for people, in every language. */
  explanation: Localized;
}
