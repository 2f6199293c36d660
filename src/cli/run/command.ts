import { toAppError } from '../../core/errors';
import { formatMessage, localize, type Locale } from '../../core/i18n';
import type { Severity } from '../../core/anomaly';
import { SEVERITIES } from '../../core/alerts';
import type { RunResult } from '../../core/report';
import type { SecretStore } from '../../core/secrets';
import { oneOfFlag, parseFlags, stringFlag } from '../args';
import { processIo, type Io } from '../output';
import { ackCommand } from './ack';
import type { RunPlan } from './config';
import { executeStages } from './execute';
import { acquireLock, type RunLock } from './lock';
import { readPlan, secretsOrNothing } from './plan';
import { lineProgress, silentProgress, ttyProgress, type Progress } from './progress';
import { appendRunRecord, resultOf, writeReport, writeResultJson } from './result';
import { parseEvery, runEvery, StopSignal } from './schedule';
import { StageClock } from './stages';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface RunCtx {
  io: Io;
  locale: Locale;
  secrets: SecretStore;
  configPath: string;
  format: Format;
  quiet: boolean;
  failOn?: Severity;
  progress: Progress;
}

/**
 * `finpulse run --config finpulse.config.json [--every 15m]`: one headless run (or one per tick).
 * Exit codes: 0 nothing at or above the fail-on severity, 1 findings at or above it, 2 usage or
 * configuration error, 3 the run could not complete (a stage failed, or another run holds the lock).
 */
export async function runCommand(argv: string[], io: Io, locale: Locale, env: Record<string, string | undefined>): Promise<number> {
  if (argv[0] === 'ack') return ackCommand(argv.slice(1), io, locale, env);
  const { flags } = parseFlags(argv, { config: 'string', secrets: 'string', every: 'string', 'fail-on': 'string', format: 'string', quiet: 'boolean' });
  const format = oneOfFlag(flags, 'format', FORMATS, 'text');
  const failOnFlag = flags['fail-on'] === undefined ? undefined : oneOfFlag(flags, 'fail-on', SEVERITIES, 'warning');
  const every = stringFlag(flags, 'every');
  const everyMs = every === undefined ? undefined : parseEvery(every);
  const quiet = flags['quiet'] === true || format === 'json';
  const secrets = await secretsOrNothing(env, stringFlag(flags, 'secrets'), io, locale);
  if (!secrets) return 2;
  const ctx: RunCtx = {
    io, locale, format, quiet, secrets,
    configPath: stringFlag(flags, 'config') ?? 'finpulse.config.json',
    progress: quiet ? silentProgress : progressFor(io, locale),
  };
  if (failOnFlag) ctx.failOn = failOnFlag;
  const first = await loadPlan(ctx);
  if (!first.plan) return 2;
  let lock: RunLock;
  try {
    lock = await acquireLock(first.plan.stateDir);
  } catch (err) {
    io.err(`finpulse: ${toAppError(err).messageIn(locale)}\n`);
    return 3;
  }
  if (lock.tookOverFrom !== undefined) ctx.progress.note(formatMessage('run.lock.takenOver', { path: lock.path, pid: lock.tookOverFrom }, locale));
  try {
    if (everyMs === undefined) return await runOnce(ctx, first);
    return await runScheduled(ctx, everyMs, every!, first);
  } finally {
    await lock.release();
  }
}

interface Loaded {
  plan?: RunPlan;
  ms: number;
}

async function loadPlan(ctx: RunCtx): Promise<Loaded> {
  const start = performance.now();
  const plan = await readPlan({ ...ctx, show: () => !ctx.quiet });
  if (plan && ctx.failOn) plan.failOn = ctx.failOn;
  return plan ? { plan, ms: performance.now() - start } : { ms: 0 };
}

/** A redrawn line on a terminal; per-stage lines anywhere else (a log, CI, a pipe, tests). */
function progressFor(io: Io, locale: Locale): Progress {
  const terminal = io === processIo && process.stderr.isTTY;
  // A pseudo-terminal with no size set reports 0 columns.
  return terminal ? ttyProgress(io, locale, process.stderr.columns || 80) : lineProgress(io, locale);
}

/** One run: the stages, then the report, the JSON result and the run record. */
async function runOnce(ctx: RunCtx, loaded: Loaded): Promise<number> {
  const plan = loaded.plan!;
  const started = new Date();
  const locale = plan.lang ?? ctx.locale;
  const clock = new StageClock(ctx.progress);
  clock.record('config', loaded.ms, localize('run.detail.config', { metrics: plan.catalog.metrics.length, sources: plan.sources.length, workbooks: plan.workbooks.length, rules: plan.rules.length + plan.reconciliations.length }));
  const outcome = await executeStages(plan, { secrets: ctx.secrets, locale, progress: ctx.progress, now: () => new Date() }, clock);
  const result = resultOf(plan, outcome, { runId: `${started.toISOString()}-${process.pid}`, started, locale, clock });
  try {
    await clock.run('report', () => writeReport(plan, result), () => localize('run.detail.report', { path: result.outputs.report ?? '' }));
    await clock.run('record', () => appendRunRecord(plan, result), (path) => localize('run.detail.record', { path }));
    await writeResultJson(plan, result);
  } catch (err) {
    result.exitCode = 3;
    result.error ??= toAppError(err).text;
  }
  ctx.progress.end();
  finish(ctx, result);
  return result.exitCode;
}

/** Prints the outcome: the JSON result alone on stdout, or the problems and a one-line summary. */
function finish(ctx: RunCtx, result: RunResult): void {
  const { io, locale } = ctx;
  if (ctx.format === 'json') {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const problems = result.problems.filter((p) => !ctx.quiet || p.severity === 'error');
  for (const p of problems.slice(0, 50)) io.err(`${formatMessage(`report.problem.${p.severity}`, {}, locale)} ${p.path}: ${p.message[locale]}\n`);
  if (result.error) io.err(`finpulse: ${result.error[locale]}\n`);
  const c = result.counts;
  io.out(`${formatMessage('run.summary', {
    outcome: formatMessage(`report.outcome.${result.exitCode}`, { failOn: formatMessage(`report.severity.${result.failOn}`, {}, locale) }, locale),
    findings: formatMessage('report.count.findings', { ...c.findings }, locale),
    breaks: c.reconciliationBreaks, alerts: c.alertsSent, stale: c.staleSources, report: result.outputs.report ?? '',
  }, locale)}\n`);
}

/**
 * Runs every `everyMs` until SIGINT or SIGTERM; a signal during a run lets it finish. The config
 * is read again for each run, so an edit applies from the next tick (a broken edit skips it, exit 2).
 */
async function runScheduled(ctx: RunCtx, everyMs: number, every: string, first: Loaded): Promise<number> {
  let loadedAhead: Loaded | undefined = first;
  const stop = new StopSignal();
  const onSignal = (signal: NodeJS.Signals): void => {
    ctx.progress.note(formatMessage('run.schedule.stopping', { signal }, ctx.locale));
    stop.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runEvery(everyMs, stop, {
      run: async () => {
        const loaded = loadedAhead ?? (await loadPlan(ctx));
        loadedAhead = undefined;
        return loaded.plan ? runOnce(ctx, loaded) : 2;
      },
      waiting: (at, skipped) => {
        if (skipped > 0) ctx.progress.note(formatMessage('run.schedule.skipped', { every, count: skipped }, ctx.locale));
        ctx.progress.note(formatMessage('run.schedule.next', { at: at.toISOString(), every }, ctx.locale));
      },
    });
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

