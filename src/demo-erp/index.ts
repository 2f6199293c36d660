import { AppError } from '../core/errors';
import { adminOf, type DemoErpAdmin } from './admin';
import { generateDemoData, plantedAnomalies, type DemoData, type PlantedAnomaly } from './data';
import { listen } from './http/server';
import { DEFAULTS, resolveOptions, type DemoErpOptions } from './options';
import { ROUTES } from './routes';
import { ErpState } from './state';

export type { DemoErpAdmin } from './admin';
export { CREDENTIALS } from './http/auth';
export type { Faults } from './http/faults';
export type { StatsSnapshot } from './http/stats';
export type { MutateResult, MutateSpec } from './store';
export { DEFAULTS, MAX_JOURNAL_LINES, type DemoErpOptions } from './options';
export {
  DATASETS,
  DATASET_SPECS,
  MASTER_DATASETS,
  TRANSACTION_DATASETS,
  generateDemoData,
  minJournalLines,
  type DatasetName,
  type DatasetSpec,
  type DemoData,
  type DemoDataOptions,
  type ErpRecord,
  type PlantedAnomaly,
} from './data';

export interface DemoErp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Stops the server, ending keep-alive connections and pending delays. */
  close(): Promise<void>;
  admin: DemoErpAdmin;
  /** The generated data as first served (before any mutation). */
  data: DemoData;
}

/**
 * Generates the demo data and serves it on 127.0.0.1. Throws an AppError listing every bad option.
 */
export async function startDemoErp(options: DemoErpOptions = {}): Promise<DemoErp> {
  const resolved = resolveOptions(options);
  if ('problems' in resolved) throw new AppError('cli.usage', { detail: `demo ERP: ${resolved.problems.join('; ')}` });
  const data = generateDemoData(resolved.data);
  const state = new ErpState(data);
  const server = await listen(state, ROUTES, resolved.port);
  return { url: server.url, close: () => server.close(), admin: adminOf(state), data };
}

/** The anomalies planted in the default horizon (2024-01, 36 months); the same for every seed and size. */
export const PLANTED: readonly PlantedAnomaly[] = plantedAnomalies(DEFAULTS.months, DEFAULTS.firstMonth);
