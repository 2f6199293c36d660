import type { Driver } from './finding';

export interface MemberPoint {
  member: string;
  actual: number;
  expected: number;
  /**
   * How much the member counts in the total: 1 for additive metrics (amounts, counts), the
   * member's denominator for a ratio — a member's margin moves the total margin in proportion to
   * its revenue.
   */
  weight: number;
}

/** Below this, the members' deviations cancel out and no member can be said to drive the total. */
const MIN_NET_SHARE = 0.1;

/**
 * Ranks dimension members by their share of the deviation from expected: each member contributes
 * weight × (actual − expected), and its share is that over the sum of all contributions (signed,
 * so the shares sum to 1; a member moving the other way has a negative share). For a ratio with
 * denominator weights this is the rate effect at the actual mix. Largest share first. None when
 * the contributions cancel out, or when together they moved against the total's own deviation
 * (`totalDeviation`, NaN when unknown): what lies outside the members explains it then.
 */
export function rankDrivers(dimension: string, members: readonly MemberPoint[], totalDeviation: number): Driver[] {
  const usable = members.filter((m) => Number.isFinite(m.actual) && Number.isFinite(m.expected) && Number.isFinite(m.weight) && m.weight > 0);
  const contributions = usable.map((m) => m.weight * (m.actual - m.expected));
  const net = contributions.reduce((a, b) => a + b, 0);
  const gross = contributions.reduce((a, b) => a + Math.abs(b), 0);
  if (gross === 0 || Math.abs(net) < MIN_NET_SHARE * gross) return [];
  if (Number.isFinite(totalDeviation) && totalDeviation !== 0 && Math.sign(totalDeviation) !== Math.sign(net)) return [];
  return usable
    .map((m, i) => ({ dimension, member: m.member, actual: m.actual, expected: m.expected, deviation: m.actual - m.expected, share: contributions[i]! / net }))
    .sort((a, b) => b.share - a.share);
}
