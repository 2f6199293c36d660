// The run report and JSON result of `finpulse run`: plain data in, strings out. Pure, so the pane
// can export the same report the command line writes.
export {
  RUN_STAGES,
  type AlertOutcome,
  type ExitCode,
  type FindingOutcome,
  type MetricSeries,
  type ProblemOutcome,
  type RunCounts,
  type RunResult,
  type RunStage,
  type SourceOutcome,
  type StageTiming,
  type WorkbookOutcome,
} from './result';
export { SOURCE_SEVERITY, countOutcomes, exitCodeOf, findingOutcomes, metricSeries, problemOutcomes, type CountInput } from './build';
export { renderReport } from './html';
