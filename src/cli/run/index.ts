// `finpulse run`: headless runs over ERP sources and workbooks — marked copies, the HTML report,
// the JSON result, alerts and a run log — once or on a schedule, one run at a time.
export { runCommand } from './command';
export { loadRunConfig, type LoadContext, type RunPlan, type WorkbookPlan } from './config';
export { configShape, type RunConfigFile } from './config-shape';
export { acquireLock, LOCK_FILE, type RunLock } from './lock';
export { parseEvery, runEvery, StopSignal, type ScheduleHooks } from './schedule';
export { REPORT_FILE, RESULT_FILE, RUNS_FILE } from './result';
export { ALERT_STATE_FILE } from './alerts-stage';
export { SNAPSHOT_DIR } from './sources-stage';
