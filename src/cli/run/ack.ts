import { join } from 'node:path';
import type { Finding } from '../../core/anomaly';
import { AppError, toAppError } from '../../core/errors';
import { formatMessage, type Locale } from '../../core/i18n';
import type { RunResult } from '../../core/report';
import { acknowledge } from '../../notify';
import { createFileStore } from '../../storage';
import { parseFlags, requireFlag, stringFlag } from '../args';
import type { Io } from '../output';
import { readPlan, secretsOrNothing } from './plan';
import { detailOf, readJsonIfPresent } from './files';
import { RESULT_FILE } from './result';

/**
 * `finpulse run ack --config F --finding ID --by NAME [--note TEXT]`: records in the state folder's
 * audit log that NAME has looked at a finding of the last run, so later runs send no alert for it
 * until it gets more severe. Exit 0 recorded, 1 no such finding in the last run, 2 usage or config.
 *
 * It takes no run lock: `--every` holds the lock between ticks, which would make acknowledging
 * impossible while a schedule runs. One appended audit line cannot tear the log, and the store
 * keeps (and reports) both entries should a run's alert stage append at the same instant.
 */
export async function ackCommand(argv: string[], io: Io, locale: Locale, env: Record<string, string | undefined>): Promise<number> {
  const { flags } = parseFlags(argv, { config: 'string', secrets: 'string', finding: 'string', by: 'string', note: 'string' });
  const findingId = requireFlag(flags, 'finding');
  const by = requireFlag(flags, 'by');
  const configPath = stringFlag(flags, 'config') ?? 'finpulse.config.json';
  const secrets = await secretsOrNothing(env, stringFlag(flags, 'secrets'), io, locale);
  const plan = secrets && (await readPlan({ configPath, secrets, io, locale, show: () => false }));
  if (!plan) return 2;
  try {
    const resultPath = join(plan.outputDir, RESULT_FILE);
    const finding = findingOf(await readLastResult(resultPath, configPath), findingId, resultPath);
    const store = await createFileStore(plan.stateDir);
    try {
      const ack = await acknowledge(store, finding, by, stringFlag(flags, 'note'));
      io.out(`${formatMessage('run.ack.done', { id: finding.id, severity: formatMessage(`report.severity.${ack.severity}`, {}, locale), by: ack.by, path: plan.stateDir }, locale)}\n`);
      return 0;
    } finally {
      await store.close();
    }
  } catch (err) {
    io.err(`finpulse: ${toAppError(err).messageIn(locale)}\n`);
    return 1;
  }
}

/** The last run's result: the findings an acknowledgement can name, as that run found them. */
async function readLastResult(path: string, configPath: string): Promise<RunResult> {
  let value: unknown;
  try {
    value = await readJsonIfPresent(path);
  } catch (err) {
    throw new AppError('run.ack.badResult', { path, detail: detailOf(err) }, { cause: err });
  }
  if (value === undefined) throw new AppError('run.ack.noResult', { path, config: configPath });
  if (!isRunResult(value)) throw new AppError('run.ack.badResult', { path, detail: 'not a finpulse run result (schemaVersion 1 with findings)' });
  return value;
}

function isRunResult(value: unknown): value is RunResult {
  const v = typeof value === 'object' && value !== null ? (value as Partial<RunResult>) : undefined;
  return v?.schemaVersion === 1 && Array.isArray(v.findings);
}

/** A finding of the result keeps every field of the finding the run found, so it is acknowledged as found. */
function findingOf(result: RunResult, id: string, path: string): Finding {
  const found = result.findings.find((f) => f.id === id);
  if (!found) throw new AppError('run.ack.unknownFinding', { id, path, count: result.findings.length });
  return found;
}
