import type { ObservationTable } from '../engine';
import type { MemberSeries } from './sides';
import { compareValues } from './tolerance';

export interface MemberDifference {
  dimension: string;
  member: string;
  left: number;
  right: number;
  difference: number;
}

/** Columns with more distinct values than this share of rows identify rows (ids, documents); they are not dimensions. */
const ID_LIKE_SHARE = 0.05;
const FEW_MEMBERS = 50;

/**
 * Dimensions to trace by when a rule names none: the text columns both sides share, except the row
 * key and columns that identify rows rather than group them (one member per few rows, like `id`).
 */
export function defaultTraceBy(left: ObservationTable, right: ObservationTable, rowKey: string | undefined): string[] {
  const groups = (t: ObservationTable, name: string): boolean => {
    const members = t.text[name]!.dict.length;
    return members > 1 && members <= Math.max(FEW_MEMBERS, t.rows * ID_LIKE_SHARE);
  };
  return Object.keys(left.text)
    .filter((name) => name !== rowKey && right.text[name] !== undefined && groups(left, name) && groups(right, name))
    .sort();
}

/** The members of one dimension whose own left and right differ in a period, largest difference first. */
export function memberDifferences(dimension: string, left: MemberSeries, right: MemberSeries, period: number): MemberDifference[] {
  const out: MemberDifference[] = [];
  for (const member of new Set([...left.keys(), ...right.keys()])) {
    // A member absent on one side (no rows there) counts as zero, which is what its rows sum to.
    const l = left.get(member)?.get(period)?.value ?? { value: 0, exact: '0' };
    const r = right.get(member)?.get(period)?.value ?? { value: 0, exact: '0' };
    const { difference } = compareValues(l, r, { absolute: 0 });
    if (difference === null || difference === 0) continue;
    out.push({ dimension, member, left: l.value, right: r.value, difference });
  }
  return out.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.member.localeCompare(b.member));
}
