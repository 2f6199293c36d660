import { toAppError, type AppError } from '../../core/errors';
import type { Localized } from '../../core/i18n';
import type { RunStage, StageTiming } from '../../core/report';
import type { Progress } from './progress';

/** A stage that threw: the run cannot complete (exit 3), and the report says which stage and why. */
export class StageFailure extends Error {
  constructor(
    readonly stage: RunStage,
    readonly error: AppError,
  ) {
    super(`${stage}: ${error.message}`, { cause: error });
  }
}

/** Times each stage, tells the progress, and turns a throw into a StageFailure naming the stage. */
export class StageClock {
  readonly timings: StageTiming[] = [];

  constructor(private readonly progress: Progress) {}

  /** Records a stage timed elsewhere (the config is loaded before the run starts). */
  record(stage: RunStage, ms: number, detail: Localized): void {
    this.timings.push({ stage, ms, status: 'ok', detail });
    this.progress.stageDone(stage, ms, detail, true);
  }

  async run<T>(stage: RunStage, work: () => Promise<T> | T, detail: (result: T) => Localized): Promise<T> {
    this.progress.stageStart(stage);
    const start = performance.now();
    let result: T;
    try {
      result = await work();
    } catch (err) {
      const ms = performance.now() - start;
      this.timings.push({ stage, ms, status: 'failed' });
      this.progress.stageDone(stage, ms, undefined, false);
      throw err instanceof StageFailure ? err : new StageFailure(stage, toAppError(err));
    }
    const ms = performance.now() - start;
    const said = detail(result);
    this.timings.push({ stage, ms, status: 'ok', detail: said });
    this.progress.stageDone(stage, ms, said, true);
    return result;
  }
}
