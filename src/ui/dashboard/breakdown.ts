import type { PeriodKey } from '../../core/brand';
import type { MetricValue } from '../../core/engine';

export interface MemberShare {
  member: string;
  value: number;
  /** The member's part of the members' total; null when the total is zero. */
  share: number | null;
}

export const breakdownKey = (metricId: string, dimension: string): string => `${metricId}|${dimension}`;

/** Members of a breakdown in one period, largest first; members without a value are left out. */
export function rankMembers(values: readonly MetricValue[], period: PeriodKey | undefined): MemberShare[] {
  const rows = values.filter((v): v is MetricValue & { member: string; value: number } => v.period === period && v.member !== undefined && v.value !== null);
  const total = rows.reduce((sum, v) => sum + v.value, 0);
  return rows
    .map((v) => ({ member: v.member, value: v.value, share: total === 0 ? null : v.value / total }))
    .sort((a, b) => b.value - a.value || a.member.localeCompare(b.member));
}
