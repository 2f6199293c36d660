import { detectFindings, type Finding } from '../../core/anomaly';
import { evaluateCatalog, type Evaluation, type SourceInput } from '../../core/engine';
import type { Problem } from '../../core/errors';
import { formatMessage, localize, type Locale } from '../../core/i18n';
import type { ReconcileReport } from '../../core/reconcile';
import type { AlertOutcome, SourceOutcome, WorkbookOutcome } from '../../core/report';
import type { SecretStore } from '../../core/secrets';
import type { SourceEvent } from '../../core/sources';
import { runAlerts } from './alerts-stage';
import type { RunPlan } from './config';
import { writeCopies } from './copies';
import type { Progress } from './progress';
import { breakCellMarks, runReconcile } from './reconcile-stage';
import { refreshAll } from './sources-stage';
import { StageFailure, type StageClock } from './stages';
import { mergeTables, readWorkbooks, type OpenWorkbook } from './workbooks';

export interface RunDeps {
  secrets: SecretStore;
  locale: Locale;
  progress: Progress;
  now: () => Date;
}

/** What the stages produced; a failed run has what the stages before the failure produced. */
export interface RunOutcome {
  sources: SourceOutcome[];
  workbooks: WorkbookOutcome[];
  evaluation?: Evaluation;
  findings: Finding[];
  reconciliation?: ReconcileReport;
  alerts: AlertOutcome[];
  copies: string[];
  problems: Problem[];
  failure?: StageFailure;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * The stages of one run, in order: refresh sources → read workbooks → evaluate → detect →
 * reconcile → alerts → marked copies. A stage that throws stops the run; what was done stays in
 * the outcome so the report can show it with the failure.
 */
export async function executeStages(plan: RunPlan, deps: RunDeps, clock: StageClock): Promise<RunOutcome> {
  const out: RunOutcome = { sources: [], workbooks: [], findings: [], alerts: [], copies: [], problems: [] };
  const { locale, progress } = deps;
  try {
    const read = await clock.run('sources', () => refreshAll(plan.sources, { stateDir: plan.stateDir, secrets: deps.secrets, ...plan.fetch, locale, onEvent: (e) => retryNote(progress, e, locale) }), (r) => {
      const count = (s: SourceOutcome['status']): number => r.outcomes.filter((o) => o.status === s).length;
      return localize('run.detail.sources', { rows: sum(r.outcomes.map((o) => o.rows)), fresh: count('fresh'), stale: count('stale'), failed: count('failed') });
    });
    out.sources = read.outcomes;
    out.problems.push(...read.problems);

    const books = await clock.run('workbooks', () => readWorkbooks(plan.workbooks, plan.catalog, out.problems), (ws) => localize('run.detail.workbooks', { rows: sum(ws.map((w) => w.rows)), count: ws.length }));
    out.workbooks = books.map((w) => ({ path: w.plan.path, rows: w.rows, marked: 0 }));
    const sources: Record<string, SourceInput> = { ...read.inputs, ...mergeTables(books) };

    const evaluation = await clock.run('evaluate', () => evaluateCatalog({ catalog: plan.catalog, sources, grain: plan.grain, breakdown: plan.breakdown }), (ev) => localize('run.detail.evaluate', { metrics: ev.metrics.length, periods: ev.periods.length }));
    out.evaluation = evaluation;
    out.problems.push(...evaluation.problems);

    const detected = await clock.run('detect', () => detectFindings({ catalog: plan.catalog, evaluation, breakdown: plan.breakdown, sensitivity: plan.sensitivity }), (fs) => localize('run.detail.detect', { count: fs.length }));
    out.findings = [...detected];

    const rec = await clock.run('reconcile', () => runReconcile(plan.catalog, sources, plan.reconciliations), (r) => localize('run.detail.reconcile', { rules: r.results.length, breaks: r.results.filter((x) => x.status === 'breaks').length }));
    out.reconciliation = rec;
    out.findings.push(...rec.findings);
    out.problems.push(...rec.problems);

    out.alerts = await clock.run('alerts', () => runAlerts({ ...plan, findings: out.findings, secrets: deps.secrets, locale, now: deps.now() }, out.problems), (as) => {
      const sent = as.filter((a) => a.deliveries.some((d) => d.ok)).length;
      return localize('run.detail.alerts', { sent, failed: as.length - sent });
    });

    await clock.run('copies', () => copiesStage(books, plan, out, evaluation, rec, locale), () => localize('run.detail.copies', { count: out.copies.length, marked: sum(out.workbooks.map((w) => w.marked)) }));
  } catch (err) {
    if (!(err instanceof StageFailure)) throw err;
    out.failure = err;
  }
  return out;
}

async function copiesStage(books: readonly OpenWorkbook[], plan: RunPlan, out: RunOutcome, evaluation: Evaluation, rec: ReconcileReport, locale: Locale): Promise<void> {
  const cellMarks = breakCellMarks(rec, plan.reconciliations, locale);
  const written = await writeCopies(books, { evaluation, catalog: plan.catalog, findings: out.findings, cellMarks, outputDir: plan.outputDir, locale }, out.problems);
  out.copies = written.copies;
  out.workbooks = out.workbooks.map((w, i) => ({ ...w, copy: written.copies[i], marked: written.marked[i] ?? 0 }));
}

function retryNote(progress: Progress, e: SourceEvent, locale: Locale): void {
  if (e.type === 'retry') progress.note(formatMessage('run.progress.retry', { retry: e.retry, reason: e.reason, url: e.url, ms: e.delayMs }, locale));
}
