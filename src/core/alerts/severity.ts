import type { Severity } from '../anomaly';
import { SEVERITIES } from '../catalog/schema';

export { SEVERITIES };

/** notice < warning < critical. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export const severityAtLeast = (s: Severity, min: Severity): boolean => severityRank(s) >= severityRank(min);
