import { parseA1, type SheetRef } from '../../core/a1';
import { severityRank, type Finding } from '../../core/anomaly';
import type { CellMark } from '../../host/contract';

export const isSingleCell = (ref: SheetRef): boolean => {
  const area = parseA1(ref.address);
  return !!area && area.row === area.lastRow && area.col === area.lastCol;
};

/**
 * The findings a click on marked cells explains, worst first: a mark carries its worst finding,
 * and every other finding on the same metric and period belongs to the same cell.
 */
export function findingsBehind(marks: readonly CellMark[], findings: readonly Finding[]): string[] {
  const byId = new Map(findings.map((f) => [f.id, f] as const));
  const chosen = new Map<string, Finding | undefined>();
  for (const mark of marks) {
    const worst = byId.get(mark.findingId);
    if (!worst) {
      chosen.set(mark.findingId, undefined);
      continue;
    }
    for (const f of findings) if (!f.member && f.metricId === worst.metricId && f.period === worst.period) chosen.set(f.id, f);
  }
  return [...chosen]
    .sort(([, a], [, b]) => (b ? severityRank(b.severity) : -1) - (a ? severityRank(a.severity) : -1) || (b?.score ?? 0) - (a?.score ?? 0))
    .map(([id]) => id);
}
