import type { Driver, Finding, Severity } from '../anomaly';
import type { Problem } from '../errors';
import type { Locale, Localized } from '../i18n';
import type { MetricDef } from '../catalog';
import type { Grain } from '../periods';
import type { ReconcileResult } from '../reconcile';

/** The stages of a headless run, in the order they run. */
export const RUN_STAGES = ['config', 'sources', 'workbooks', 'evaluate', 'detect', 'reconcile', 'alerts', 'copies', 'report', 'record'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** 0 nothing at or above the fail-on severity; 1 findings at or above it; 2 usage or config error; 3 the run could not complete. */
export type ExitCode = 0 | 1 | 2 | 3;

export interface StageTiming {
  stage: RunStage;
  ms: number;
  status: 'ok' | 'failed' | 'skipped';
  /** What the stage did, e.g. "2 sources, 60,000 rows". */
  detail?: Localized;
}

export interface SourceOutcome {
  id: string;
  /** fresh: refreshed now; stale: the refresh failed and the last good snapshot stands in; failed: no data at all. */
  status: 'fresh' | 'stale' | 'failed';
  rows: number;
  /** When the data in use was fetched (ISO-8601). */
  fetchedAt?: string;
  /** Why the refresh failed (stale or failed). */
  error?: Localized;
  /** "stale since …: why", for stale sources. */
  message?: Localized;
}

export interface WorkbookOutcome {
  /** The user's workbook, which is never written. */
  path: string;
  /** The marked copy. */
  copy?: string;
  rows: number;
  marked: number;
}

/** A metric's values over the run's periods, with what the KPI table needs to format them. */
export interface MetricSeries {
  id: string;
  name: Localized;
  unit: MetricDef['unit'];
  decimals?: number;
  currency?: string;
  periods: string[];
  /** Aligned with periods; null where the value is an error or absent. */
  values: Array<number | null>;
  /** Typed error of the last period (e.g. "#SOURCE"), when it has one. */
  lastError?: string;
}

export interface AlertOutcome {
  ruleId: string;
  dedupKey: string;
  findingId: string;
  severity: Severity;
  reason: 'new' | 'repeat' | 'escalated';
  deliveries: Array<{ channel: string; ok: boolean; attempts: number; error?: Localized }>;
}

export interface ProblemOutcome {
  severity: Problem['severity'];
  path: string;
  code: string;
  message: Localized;
}

export type FindingOutcome = Pick<Finding, 'id' | 'metricId' | 'period' | 'member' | 'kind' | 'detector' | 'actual' | 'expected' | 'lower' | 'upper' | 'score' | 'severity' | 'favourable' | 'explanation'> & {
  drivers: Driver[];
};

export interface RunCounts {
  findings: Record<Severity, number>;
  /** Findings at or above the fail-on severity, stale and failed sources and error problems included. */
  failing: number;
  reconciliationBreaks: number;
  alertsSent: number;
  alertsFailed: number;
  staleSources: number;
}

/** The JSON result of one run (`--format json`, `result.json`): everything the report shows, as data. */
export interface RunResult {
  schemaVersion: 1;
  runId: string;
  config: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  lang: Locale;
  grain: Grain;
  failOn: Severity;
  exitCode: ExitCode;
  /** Why the run could not complete (exit 3). */
  error?: Localized;
  stages: StageTiming[];
  sources: SourceOutcome[];
  workbooks: WorkbookOutcome[];
  metrics: MetricSeries[];
  findings: FindingOutcome[];
  reconciliations: ReconcileResult[];
  alerts: AlertOutcome[];
  problems: ProblemOutcome[];
  counts: RunCounts;
  outputs: { report?: string; json?: string; copies: string[] };
}
