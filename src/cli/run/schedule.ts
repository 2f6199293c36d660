import { AppError } from '../../core/errors';

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `15m`, `1h`, `1d` → milliseconds; anything else is a usage error that says what is expected. */
export function parseEvery(text: string): number {
  const m = /^(\d{1,6})([smhd])$/.exec(text.trim());
  const ms = m ? Number(m[1]) * UNITS[m[2]!]! : 0;
  if (ms < 1_000) throw new AppError('run.every.bad', { value: text });
  return ms;
}

export interface ScheduleHooks {
  /** One run; its result code is what the schedule returns when it stops. */
  run(): Promise<number>;
  /** Told when the next run will start, and how many ticks a long run made it skip. */
  waiting(nextAt: Date, skipped: number): void;
}

/** A stop request that ends the wait between runs at once, but never a run in progress. */
export class StopSignal {
  private stopped = false;
  private wake: (() => void) | undefined;

  get requested(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/**
 * Runs on a fixed grid (start, start + every, …) until stopped. A tick never starts while a run is
 * going: ticks a long run overran are skipped, not queued, so runs cannot pile up or overlap.
 */
export async function runEvery(everyMs: number, stop: StopSignal, hooks: ScheduleHooks, now: () => number = Date.now): Promise<number> {
  const start = now();
  let code = 0;
  let tick = 0;
  while (!stop.requested) {
    code = await hooks.run();
    if (stop.requested) break;
    const due = Math.floor((now() - start) / everyMs) + 1;
    const skipped = Math.max(0, due - tick - 1);
    tick = due;
    const nextAt = start + tick * everyMs;
    hooks.waiting(new Date(nextAt), skipped);
    await stop.sleep(Math.max(0, nextAt - now()));
  }
  return code;
}
