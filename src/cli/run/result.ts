import { join } from 'node:path';
import { formatMessage, LOCALES, type Locale, type Localized } from '../../core/i18n';
import {
  countOutcomes,
  exitCodeOf,
  findingOutcomes,
  metricSeries,
  problemOutcomes,
  renderReport,
  type RunResult,
} from '../../core/report';
import type { RunPlan } from './config';
import type { RunOutcome } from './execute';
import { appendJsonLine, writeFileAtomic } from './files';
import type { StageClock } from './stages';

export const REPORT_FILE = 'report.html';
export const RESULT_FILE = 'result.json';
export const RUNS_FILE = 'runs.jsonl';

/** Each language's "stopped in stage …" carries the cause in that same language. */
const failureText = (o: RunOutcome): Localized | undefined => {
  const f = o.failure;
  if (!f) return undefined;
  return Object.fromEntries(LOCALES.map((l) => [l, formatMessage('run.stage.failed', { stage: formatMessage(`run.stage.${f.stage}`, {}, l), detail: f.error.text[l] }, l)])) as Record<Locale, string>;
};

/** The run's JSON result from what its stages produced. */
export function resultOf(plan: RunPlan, o: RunOutcome, run: { runId: string; started: Date; locale: Locale; clock: StageClock }): RunResult {
  const findings = findingOutcomes(o.findings);
  const reconciliations = o.reconciliation?.results ?? [];
  const counts = countOutcomes({ findings, sources: o.sources, alerts: o.alerts, reconciliationBreaks: reconciliations.filter((r) => r.status === 'breaks').length, problems: o.problems, failOn: plan.failOn });
  const finished = new Date();
  const result: RunResult = {
    schemaVersion: 1,
    runId: run.runId,
    config: plan.configPath,
    startedAt: run.started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - run.started.getTime(),
    lang: run.locale,
    grain: plan.grain,
    failOn: plan.failOn,
    exitCode: o.failure ? 3 : exitCodeOf(counts),
    stages: run.clock.timings,
    sources: o.sources,
    workbooks: o.workbooks,
    metrics: o.evaluation ? metricSeries(o.evaluation, plan.catalog) : [],
    findings,
    reconciliations,
    alerts: o.alerts,
    problems: problemOutcomes(o.problems),
    counts,
    outputs: { copies: o.copies, report: join(plan.outputDir, REPORT_FILE), json: join(plan.outputDir, RESULT_FILE) },
  };
  const error = failureText(o);
  if (error) result.error = error;
  return result;
}

/** Writes the HTML report into the output folder. */
export async function writeReport(plan: RunPlan, result: RunResult): Promise<void> {
  await writeFileAtomic(join(plan.outputDir, REPORT_FILE), renderReport(result, result.lang));
}

/** Writes the JSON result last, so it holds every stage's timing, the report's and the record's too. */
export async function writeResultJson(plan: RunPlan, result: RunResult): Promise<void> {
  await writeFileAtomic(join(plan.outputDir, RESULT_FILE), `${JSON.stringify(result, null, 2)}\n`);
}

/** One line per run in the state folder's append-only log: when, how it ended, what it found, where the outputs are. */
export async function appendRunRecord(plan: RunPlan, result: RunResult): Promise<string> {
  const path = join(plan.stateDir, RUNS_FILE);
  const { runId, startedAt, finishedAt, durationMs, exitCode, counts, outputs, error } = result;
  await appendJsonLine(path, {
    runId, startedAt, finishedAt, durationMs, exitCode, config: plan.configPath, counts, outputs,
    stages: result.stages.map(({ stage, ms, status }) => ({ stage, ms: Math.round(ms), status })),
    sources: result.sources.map(({ id, status, fetchedAt }) => ({ id, status, fetchedAt })),
    ...(error ? { error: error['en-US'] } : {}),
  });
  return path;
}
