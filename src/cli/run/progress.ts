import { formatMessage, type Locale, type Localized } from '../../core/i18n';
import { RUN_STAGES, type RunStage } from '../../core/report';
import type { Io } from '../output';

/** Where a run tells how it is going: on stderr, so stdout carries only the summary or the JSON result. */
export interface Progress {
  stageStart(stage: RunStage): void;
  stageDone(stage: RunStage, ms: number, detail: Localized | undefined, ok: boolean): void;
  /** A line worth reading while the run goes on (a stale lock taken over, a retry, the next tick). */
  note(text: string): void;
  /** The run's stages are over: nothing of the progress may be left half-drawn under the summary. */
  end(): void;
}

export const silentProgress: Progress = { stageStart: () => undefined, stageDone: () => undefined, note: () => undefined, end: () => undefined };

/** `[3/10] evaluate: 71 metrics × 36 periods (0.41 s)`, or the failure, in the reader's language. */
function stageLine(stage: RunStage, locale: Locale, done?: { ms: number; detail: Localized | undefined; ok: boolean }): string {
  const params = { n: RUN_STAGES.indexOf(stage) + 1, total: RUN_STAGES.length, stage: formatMessage(`run.stage.${stage}`, {}, locale) };
  if (!done) return formatMessage('run.progress.running', params, locale);
  const seconds = (done.ms / 1000).toFixed(2);
  return formatMessage(done.ok ? 'run.progress.done' : 'run.progress.failed', { ...params, seconds, detail: done.detail?.[locale] ?? '' }, locale);
}

/**
 * One line per finished stage: what a log file, a CI console or a pipe should get, since a
 * redrawn line there turns into a pile of carriage returns.
 */
export function lineProgress(io: Io, locale: Locale): Progress {
  return {
    stageStart: () => undefined,
    stageDone: (stage, ms, detail, ok) => io.err(`${stageLine(stage, locale, { ms, detail, ok })}\n`),
    note: (text) => io.err(`${text}\n`),
    end: () => undefined,
  };
}

const CLEAR_LINE = '\r\x1b[K';

/** Terminal cells a text takes: CJK characters are two wide. */
const cellsOf = (ch: string): number => (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1);

/** Cut to the terminal's width, so the line never wraps (a wrapped line cannot be redrawn with \r). */
export function fitLine(text: string, columns: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += cellsOf(ch);
    if (used > columns - 1) return `${out.slice(0, -1)}…`;
    out += ch;
  }
  return out;
}

/**
 * On a terminal: a single line redrawn as the stages go, `[4/10] evaluate …`, then what it did.
 * A failed stage and the notes stay on screen; the line is cleared when the run ends.
 */
export function ttyProgress(io: Io, locale: Locale, columns = 80): Progress {
  let shown = '';
  const draw = (text: string): void => {
    shown = fitLine(text, columns);
    io.err(`${CLEAR_LINE}${shown}`);
  };
  const keep = (text: string): void => {
    io.err(`${CLEAR_LINE}${text}\n`);
    if (shown) io.err(shown);
  };
  return {
    stageStart: (stage) => draw(stageLine(stage, locale)),
    stageDone(stage, ms, detail, ok) {
      const line = stageLine(stage, locale, { ms, detail, ok });
      if (ok) {
        draw(line);
      } else {
        shown = '';
        keep(line);
      }
    },
    note: keep,
    end() {
      if (shown) io.err(CLEAR_LINE);
      shown = '';
    },
  };
}
