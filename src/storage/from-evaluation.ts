import type { Evaluation } from '../core/engine';
import type { ValueRecord } from './types';

/** The totals of an evaluation as history records (per-member values are not kept in history). */
export function valueRecordsOf(ev: Evaluation, computedAt: string): ValueRecord[] {
  return ev.values
    .filter((v) => v.member === undefined)
    .map((v) => {
      const record: ValueRecord = { metricId: v.metricId, period: v.period, value: v.value, fingerprint: v.fingerprint, computedAt };
      if (v.error) record.error = v.error.kind;
      return record;
    });
}
