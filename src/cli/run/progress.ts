import { formatMessage, type Locale, type Localized } from '../../core/i18n';
import { RUN_STAGES, type RunStage } from '../../core/report';
import type { Io } from '../output';

/** Where a run tells how it is going: per-stage lines on stderr, or nothing with --quiet / --format json. */
export interface Progress {
  stageDone(stage: RunStage, ms: number, detail: Localized | undefined, ok: boolean): void;
  /** A line worth reading while the run goes on (a stale lock taken over, a retry, the next tick). */
  note(text: string): void;
}

export const silentProgress: Progress = { stageDone: () => undefined, note: () => undefined };

/**
 * One line per finished stage, `[3/10] evaluate: 71 metrics × 36 periods (0.41 s)`, on stderr so
 * stdout carries only the summary or the JSON result. Lines rather than a redrawn bar: they read
 * the same in a terminal, a log file and a CI console.
 */
export function lineProgress(io: Io, locale: Locale): Progress {
  const total = RUN_STAGES.length;
  return {
    stageDone(stage, ms, detail, ok) {
      const params = { n: RUN_STAGES.indexOf(stage) + 1, total, stage: formatMessage(`run.stage.${stage}`, {}, locale), seconds: (ms / 1000).toFixed(2), detail: detail?.[locale] ?? '' };
      io.err(`${formatMessage(ok ? 'run.progress.done' : 'run.progress.failed', params, locale)}\n`);
    },
    note: (text) => io.err(`${text}\n`),
  };
}
