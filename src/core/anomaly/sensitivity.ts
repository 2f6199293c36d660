import type { Severity } from './finding';

/** 0 flags only the extreme, 100 flags the merely unusual; 50 is the default. */
export const DEFAULT_SENSITIVITY = 50;

/** Clamps a sensitivity to 0..100; anything not a number means the default. */
export function clampSensitivity(s: number | undefined): number {
  if (s === undefined || !Number.isFinite(s)) return DEFAULT_SENSITIVITY;
  return Math.min(100, Math.max(0, s));
}

/**
 * How many robust standard deviations from expected make a point anomalous: 6 at sensitivity 0,
 * 4 at 50, 2 at 100. Linear so that each step of the slider moves the band by the same amount.
 */
export function zThreshold(sensitivity: number): number {
  return 6 - 0.04 * clampSensitivity(sensitivity);
}

/**
 * Smallest relative gap from a budget worth a finding: 10% at sensitivity 0, 5% at 50, 1% at 100.
 * Below it a variance is noise in the plan, not news.
 */
export function materiality(sensitivity: number): number {
  const s = clampSensitivity(sensitivity);
  return s <= 50 ? 0.1 - 0.001 * s : 0.05 - 0.0008 * (s - 50);
}

/** The normal quantile at which the small-sample widening is measured. */
const WIDENING_AT = 3;

/**
 * Widens a threshold when the scale behind it comes from few residuals: the ratio of the Student-t
 * to the normal quantile at 3σ (two Cornish–Fisher terms, at most 3×) — about 1.9× with 5
 * residuals, 1.3× with 12, 1.04× with 100. It is measured at 3σ, not at the threshold itself: it
 * stands for the uncertainty of the scale, while heavy tails are already in the scale (its upper
 * quantiles), and counting them twice would leave short finance series unable to flag anything.
 */
export function smallSampleFactor(n: number): number {
  const z = WIDENING_AT;
  const nu = Math.max(3, n - 1);
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const t = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu);
  return Math.min(3, t / z);
}

/** Maps "times the threshold" (q) to a 0..1 score: 0.5 exactly at the threshold, 0.8 at twice it. */
export const scoreOf = (q: number): number => (q > 0 ? 1 - 1 / (1 + q * q) : 0);

/** One percentage point of a margin weighs like this relative change of an amount. */
const POINT_WEIGHT = 2.5;

/**
 * How serious a deviation is for a finance reader, once a test has found it unusual: by its size
 * against the materiality of the sensitivity — below 2× (10% at 50) notice, below 4× warning,
 * beyond that critical. Amounts, counts and days compare relatively; percentages by points, one
 * point weighing 2.5% (so a margin 8 points off is critical at 50). `scale` is what a relative
 * gap is taken of: the reference itself, or the group total for one member of it.
 */
export function severityOfGap(actual: number, reference: number, unit: string, sensitivity: number, scale = Math.abs(reference)): Severity {
  const gap = unit === 'percent' ? Math.abs(actual - reference) * POINT_WEIGHT : scale === 0 ? Infinity : Math.abs(actual - reference) / scale;
  const m = materiality(sensitivity);
  return gap >= 4 * m ? 'critical' : gap >= 2 * m ? 'warning' : 'notice';
}

/**
 * Significance of the batch (whole-series) outlier test: 0.001 at sensitivity 0, 0.05 at 50, 0.5 at
 * 100, log-linear in between so each step of the slider scales it by the same factor.
 */
export function esdAlpha(sensitivity: number): number {
  const s = clampSensitivity(sensitivity);
  const log10 = s <= 50 ? -3 + (s / 50) * (3 + Math.log10(0.05)) : Math.log10(0.05) + ((s - 50) / 50) * (Math.log10(0.5) - Math.log10(0.05));
  return 10 ** log10;
}
