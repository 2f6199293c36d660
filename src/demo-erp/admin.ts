import { AppError } from '../core/errors';
import { TRANSACTION_DATASETS, type DatasetName, type PlantedAnomaly } from './data';
import type { RequestContext } from './http/context';
import { problemsReply } from './http/errors';
import { parseFaults, type Faults } from './http/faults';
import { ParamReader } from './http/params';
import { failed, json, ok, parseJsonBody, type Reply, type Result } from './http/reply';
import type { StatsSnapshot } from './http/stats';
import type { ErpState } from './state';
import { mutate, type MutateResult, type MutateSpec } from './store';

const MAX_COUNT = 1_000_000;

/** Validates a mutate request: a transaction dataset, a fraction to change, counts to delete and add, a seed. */
export function parseMutateSpec(body: unknown): Result<MutateSpec> {
  const r = ParamReader.fromBody(body);
  const dataset = r.oneOf('dataset', TRANSACTION_DATASETS);
  if (dataset === undefined && !r.problems.some((p) => p.path === 'body.dataset')) r.problem('dataset', `is required: one of ${TRANSACTION_DATASETS.join(', ')}`);
  const spec = {
    change: r.number('change', 0, 1, 0),
    delete: r.int('delete', 0, MAX_COUNT, 0),
    add: r.int('add', 0, MAX_COUNT, 0),
    seed: r.int('seed', 0, 2 ** 32 - 1, 1),
  };
  const problems = r.finish();
  return problems.length > 0 || dataset === undefined ? failed(problems) : ok({ dataset, ...spec });
}

/** Parses the JSON body, validates it and runs `apply`, or answers 400 with every problem. */
function withBody<T>(ctx: RequestContext, parse: (body: unknown) => Result<T>, apply: (value: T) => Reply): Reply {
  const body = parseJsonBody(ctx.body);
  const parsed = body.ok ? parse(body.value) : body;
  return parsed.ok ? apply(parsed.value) : problemsReply('rest', parsed.problems);
}

export const healthRoute = (ctx: RequestContext): Reply => json(200, { ok: true, records: ctx.state.counts() });
export const statsRoute = (ctx: RequestContext): Reply => json(200, ctx.state.stats.snapshot());
export const plantedRoute = (ctx: RequestContext): Reply => json(200, ctx.state.data.planted);
export const faultsRoute = (ctx: RequestContext): Reply => json(200, ctx.state.faults.snapshot());

export function statsResetRoute(ctx: RequestContext): Reply {
  ctx.state.stats.reset();
  return json(200, { ok: true });
}

export function resetRoute(ctx: RequestContext): Reply {
  ctx.state.reset();
  return json(200, { ok: true, records: ctx.state.counts() });
}

export const mutateRoute = (ctx: RequestContext): Reply =>
  withBody(ctx, parseMutateSpec, (spec) => json(200, mutate(ctx.state.stores[spec.dataset], spec, ctx.state.nextStamp())));

export const setFaultsRoute = (ctx: RequestContext): Reply =>
  withBody(ctx, parseFaults, (faults) => {
    ctx.state.faults.set(faults);
    return json(200, { ok: true, faults: ctx.state.faults.snapshot() });
  });

export function clearFaultsRoute(ctx: RequestContext): Reply {
  ctx.state.faults.clear();
  return json(200, { ok: true });
}

/** The admin routes as an in-process API, for tests and the workbench; the same validation as over HTTP. */
export interface DemoErpAdmin {
  /** Throws an AppError listing every problem when the spec is invalid. */
  mutate(spec: Partial<MutateSpec> & { dataset: MutateSpec['dataset'] }): MutateResult;
  reset(): void;
  setFaults(faults: Partial<Faults>): void;
  clearFaults(): void;
  stats(): StatsSnapshot;
  resetStats(): void;
  counts(): Record<DatasetName, number>;
  readonly planted: readonly PlantedAnomaly[];
}

export function adminOf(state: ErpState): DemoErpAdmin {
  const valid = <T>(r: Result<T>): T => {
    if (r.ok) return r.value;
    throw new AppError('cli.usage', { detail: `demo ERP admin: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` });
  };
  return {
    mutate: (spec) => {
      const checked = valid(parseMutateSpec(spec));
      return mutate(state.stores[checked.dataset], checked, state.nextStamp());
    },
    reset: () => state.reset(),
    setFaults: (faults) => state.faults.set(valid(parseFaults(faults))),
    clearFaults: () => state.faults.clear(),
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
    counts: () => state.counts(),
    planted: state.data.planted,
  };
}
