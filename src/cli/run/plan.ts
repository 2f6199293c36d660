import { toAppError, type Problem } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import type { SecretStore } from '../../core/secrets';
import { printProblems, type Io } from '../output';
import { createNodeSecretStore } from '../secrets';
import { loadRunConfig, type RunPlan } from './config';

/** A secrets file that cannot be read is a configuration error (exit 2), said where and why. */
export async function secretsOrNothing(env: Record<string, string | undefined>, file: string | undefined, io: Io, locale: Locale): Promise<SecretStore | undefined> {
  try {
    return await createNodeSecretStore(env, file);
  } catch (err) {
    io.err(`finpulse: ${toAppError(err).messageIn(locale)}\n`);
    return undefined;
  }
}

export interface PlanRead {
  configPath: string;
  secrets: SecretStore;
  io: Io;
  locale: Locale;
  /** Which warnings to print besides every error: all of them, or none (--quiet, --format json). */
  show: (p: Problem) => boolean;
}

/** The config and every file it names, its problems printed with their paths; no plan when any is an error. */
export async function readPlan(ctx: PlanRead): Promise<RunPlan | undefined> {
  const { plan, problems } = await loadRunConfig(ctx.configPath, { secrets: ctx.secrets, fetch: globalThis.fetch });
  printProblems(ctx.io, problems.filter((p) => p.severity === 'error' || ctx.show(p)), ctx.locale, `${ctx.configPath}: `);
  return plan;
}
