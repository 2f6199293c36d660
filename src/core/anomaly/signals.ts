import type { Severity } from './finding';

/** The comparison a period-change signal makes. */
export type Comparison = 'mom' | 'qoq' | 'wow' | 'dod' | 'yoy';

/** Expected value and band of a statistical signal. */
export interface Band {
  expected: number;
  lower: number;
  upper: number;
}

/**
 * What one detector saw in one period, before it is turned into a Finding: the data an
 * explanation needs, typed per detector.
 */
export type Signal =
  | ({ kind: 'robust' | 'seasonal'; score: number } & Band)
  | ({ kind: 'levelShift'; score: number; before: number; after: number; periods: number } & Band)
  | ({ kind: 'change'; comparison: Comparison; score: number; base: number } & Band)
  | { kind: 'threshold'; severity: Severity; when: 'above' | 'below'; threshold: number; target?: number }
  | { kind: 'budget'; score: number; budget: number; band: number }
  | { kind: 'missing'; zero: boolean }
  | { kind: 'stale'; since: string; count: number; repeated: boolean };

/** The detector name a Finding carries for each signal. */
export function detectorOf(signal: Signal): string {
  switch (signal.kind) {
    case 'robust':
      return 'mad';
    case 'seasonal':
      return 'seasonal-esd';
    case 'levelShift':
      return 'median-shift';
    case 'change':
      return signal.comparison;
    case 'threshold':
      return signal.target === undefined ? 'threshold' : 'percent-of-target';
    case 'budget':
      return 'budget';
    case 'missing':
      return signal.zero ? 'missing-zero' : 'missing';
    case 'stale':
      return signal.repeated ? 'stale-repeat' : 'stale';
  }
}
