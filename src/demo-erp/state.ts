import { DATASETS, DATASET_SPECS, type DatasetName, type DemoData } from './data';
import { TokenRegistry } from './http/auth';
import { FaultState } from './http/faults';
import { Stats } from './http/stats';
import { DatasetStore } from './store';

/** Each change is stamped this long after the previous one: a logical clock, so runs replay exactly. */
const TICK_MS = 60_000;

/** Everything the running demo ERP holds: the datasets, the logical clock, faults, stats, tokens. */
export class ErpState {
  readonly stores: Readonly<Record<DatasetName, DatasetStore>>;
  readonly faults = new FaultState();
  readonly stats = new Stats();
  readonly tokens = new TokenRegistry();
  private clock: number;

  constructor(readonly data: DemoData) {
    this.stores = Object.fromEntries(DATASETS.map((name) => [name, new DatasetStore(DATASET_SPECS[name], data.datasets[name])])) as Record<DatasetName, DatasetStore>;
    this.clock = Date.parse(data.watermark);
  }

  /** A stamp later than every `modifiedAt` so far. */
  nextStamp(): string {
    this.clock += TICK_MS;
    return new Date(this.clock).toISOString();
  }

  /** Back to the seeded data and clock; faults, stats and tokens are left alone. */
  reset(): void {
    for (const name of DATASETS) this.stores[name].reset();
    this.clock = Date.parse(this.data.watermark);
  }

  /** Live records per dataset. */
  counts(): Record<DatasetName, number> {
    return Object.fromEntries(DATASETS.map((name) => [name, this.stores[name].liveCount])) as Record<DatasetName, number>;
  }
}
