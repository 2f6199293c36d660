import type { Catalog, MetricDef } from '../catalog';
import { metricExpression } from '../catalog';
import { AppError } from '../errors';
import { refsOf } from '../formula';
import { formulaText } from './formula-text';

/** Where a metric's value comes from and what depends on it. */
export interface Lineage {
  /** Metric ids it reads directly, in order of first use. */
  uses: string[];
  /** Metrics that read it directly, in catalog order. */
  usedBy: string[];
  /** Account patterns it reads: its own for a base metric, its inputs' (transitively) otherwise. */
  accounts: string[];
  /** The source of a base metric (default `ledger`), or the one source every input comes from. */
  source?: string;
  /** Human-readable formula, e.g. `DIVIDE(gross_profit, revenue)` or `-SUM(6001*, 6051*)`. */
  formula: string;
}

export interface LineageClosure {
  /** Every metric it depends on, nearest first (breadth-first). */
  upstream: string[];
  /** Every metric that depends on it, nearest first. */
  downstream: string[];
  /** The base metrics at the bottom of `upstream` (itself when it is one). */
  bases: string[];
  /** Every source those base metrics read. */
  sources: string[];
}

const DEFAULT_SOURCE = 'ledger';

/** Direct references of a metric, deduplicated in order of appearance. */
function directRefs(m: MetricDef): string[] {
  const { expr } = metricExpression(m, () => true, m.id);
  return expr ? [...new Set(refsOf(expr).map((r) => r.id))] : [];
}

interface Graph {
  defs: Map<string, MetricDef>;
  uses: Map<string, string[]>;
  usedBy: Map<string, string[]>;
}

/** The catalog as a dependency graph, both ways. */
function graphOf(catalog: Catalog): Graph {
  const defs = new Map(catalog.metrics.map((m) => [m.id, m] as const));
  const uses = new Map(catalog.metrics.map((m) => [m.id, directRefs(m)] as const));
  const usedBy = new Map<string, string[]>(catalog.metrics.map((m) => [m.id, []]));
  for (const [id, refs] of uses) for (const ref of refs) usedBy.get(ref)?.push(id);
  return { defs, uses, usedBy };
}

/** Breadth-first walk; cycles (which validation rejects anyway) cannot loop. */
function walk(start: string, next: (id: string) => readonly string[]): string[] {
  const seen = new Set([start]);
  const out: string[] = [];
  for (let queue = [...next(start)]; queue.length; ) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    queue.push(...next(id));
  }
  return out;
}

function requireMetric(defs: ReadonlyMap<string, MetricDef>, metricId: string): MetricDef {
  const def = defs.get(metricId);
  if (!def) throw new AppError('catalog.unknownMetric', { id: metricId });
  return def;
}

/** Everything upstream and downstream of a metric. */
export function lineageClosure(catalog: Catalog, metricId: string): LineageClosure {
  return closureIn(graphOf(catalog), metricId);
}

function closureIn({ defs, uses, usedBy }: Graph, metricId: string): LineageClosure {
  const def = requireMetric(defs, metricId);
  const upstream = walk(metricId, (id) => uses.get(id) ?? []);
  const bases = (def.kind === 'base' ? [def] : upstream.map((id) => defs.get(id)).filter((m): m is MetricDef => m?.kind === 'base')).map((m) => m.id);
  const sources = [...new Set(bases.map((id) => defs.get(id)?.source ?? DEFAULT_SOURCE))];
  return { upstream, downstream: walk(metricId, (id) => usedBy.get(id) ?? []), bases, sources };
}

/** A metric's direct inputs and dependents, the accounts and source it reads, and its formula. */
export function lineageOf(catalog: Catalog, metricId: string): Lineage {
  const graph = graphOf(catalog);
  const { defs, uses, usedBy } = graph;
  const def = requireMetric(defs, metricId);
  const closure = closureIn(graph, metricId);
  const accounts = [...new Set(closure.bases.flatMap((id) => defs.get(id)?.accounts ?? []))];
  const source = closure.sources.length === 1 ? closure.sources[0] : undefined;
  return {
    uses: uses.get(metricId) ?? [],
    usedBy: usedBy.get(metricId) ?? [],
    accounts,
    ...(source !== undefined ? { source } : {}),
    formula: formulaText(def),
  };
}
