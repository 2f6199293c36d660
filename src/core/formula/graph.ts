/**
 * Dependency order and cycle detection over metric references.
 * `deps(id)` lists the ids a node refers to; ids without an entry in `nodes` are ignored here
 * (unknown references are reported by the formula checker).
 */
export function findCycles(nodes: readonly string[], deps: (id: string) => readonly string[]): string[][] {
  const known = new Set(nodes);
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'active');
    stack.push(id);
    for (const dep of deps(id)) {
      if (!known.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'active') {
        const cycle = [...stack.slice(stack.indexOf(dep)), dep];
        const key = [...cycle.slice(0, -1)].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) visit(dep);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of nodes) if (!state.has(id)) visit(id);
  return cycles;
}

/** Ids in an order where every node comes after its dependencies; nodes on or behind a cycle are left out. */
export function topoOrder(nodes: readonly string[], deps: (id: string) => readonly string[]): string[] {
  const onCycle = new Set(findCycles(nodes, deps).flat());
  const known = new Set(nodes);
  const settled = new Map<string, boolean>();
  const order: string[] = [];
  // Without the cycle nodes the graph is acyclic, so this recursion terminates.
  const visit = (id: string): boolean => {
    const prior = settled.get(id);
    if (prior !== undefined) return prior;
    const ok = !onCycle.has(id) && deps(id).filter((d) => known.has(d)).map(visit).every(Boolean);
    settled.set(id, ok);
    if (ok) order.push(id);
    return ok;
  };
  nodes.forEach(visit);
  return order;
}
