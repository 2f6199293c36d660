/** Nominal typing for string ids so a metric id cannot be passed where a period is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** A metric's stable id: lower snake case, e.g. `gross_margin`. */
export type MetricId = Brand<string, 'MetricId'>;
/** A period key: `2026-11-24` (day), `2026-W48` (ISO week), `2026-11` (month), `FY2026-Q3`, `FY2026`. */
export type PeriodKey = Brand<string, 'PeriodKey'>;

export const metricId = (s: string): MetricId => s as MetricId;
export const periodKey = (s: string): PeriodKey => s as PeriodKey;
