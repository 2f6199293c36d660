import type { EntityCode } from './master';

/**
 * Anomalies planted in the demo data so detectors, tests and the README can point at them.
 * `metric` is the id of the standard KPI library metric that shows it; `period` is its month.
 */
export interface PlantedAnomaly {
  id: 'selling-expense-spike' | 'revenue-drop' | 'receivables-build-up' | 'inventory-write-down';
  metric: string;
  entity: EntityCode;
  /** The department it sits in, or null when it is the whole entity. */
  department: string | null;
  period: string;
  what: string;
}

/** The knobs the generators read. Months are placed at the same share of the horizon whatever its length. */
export interface Plant {
  sellingSpike: { month: number; entity: EntityCode; department: string; factor: number };
  revenueDrop: { month: number; entity: EntityCode; factor: number };
  /** Invoices of the department issued in these months are paid `extraDays` late. */
  collectionStall: { fromMonth: number; toMonth: number; entity: EntityCode; department: string; extraDays: number };
  writeDown: { month: number; entity: EntityCode; product: string; share: number };
}

/** Month `k` of a 36-month horizon, scaled to a horizon of `months`. */
const at = (k: number, months: number): number => Math.min(months - 1, Math.floor((k * months) / 36));

export function plantFor(months: number): Plant {
  const stall = at(20, months);
  return {
    sellingSpike: { month: at(31, months), entity: 'FP-SH', department: 'East-2', factor: 1.6 },
    revenueDrop: { month: at(28, months), entity: 'FP-CD', factor: 0.6 },
    collectionStall: { fromMonth: stall, toMonth: stall + 2, entity: 'FP-SZ', department: 'South-1', extraDays: 75 },
    writeDown: { month: at(26, months), entity: 'FP-SZ', product: 'P-107', share: 0.5 },
  };
}

/** What was planted, in the words a reviewer would use, for the months given (`monthKey(index)`). */
export function describePlant(plant: Plant, monthKey: (index: number) => string): PlantedAnomaly[] {
  const { sellingSpike: s, revenueDrop: r, collectionStall: c, writeDown: w } = plant;
  return [
    {
      id: 'selling-expense-spike',
      metric: 'selling_expense',
      entity: s.entity,
      department: s.department,
      period: monthKey(s.month),
      what: `Selling expenses of ${s.department} run ${Math.round((s.factor - 1) * 100)}% above normal for one month (a trade-fair and bonus overspend).`,
    },
    {
      id: 'revenue-drop',
      metric: 'revenue',
      entity: r.entity,
      department: null,
      period: monthKey(r.month),
      what: `Revenue of ${r.entity} falls to ${Math.round(r.factor * 100)}% of its trend for one month (a key customer paused orders).`,
    },
    {
      id: 'receivables-build-up',
      metric: 'dso',
      entity: c.entity,
      department: c.department,
      period: monthKey(c.fromMonth + 2),
      what: `Customers of ${c.department} pay invoices issued from ${monthKey(c.fromMonth)} to ${monthKey(c.toMonth)} about ${c.extraDays} days late: receivables build up, DSO jumps in ${monthKey(c.fromMonth + 2)} and stays high for about three months.`,
    },
    {
      id: 'inventory-write-down',
      metric: 'gross_margin',
      entity: w.entity,
      department: 'Production',
      period: monthKey(w.month),
      what: `${Math.round(w.share * 100)}% of the finished-goods stock of ${w.product} (an obsolete servo motor) is written down into cost of sales at month end: gross margin dips for the month.`,
    },
  ];
}
