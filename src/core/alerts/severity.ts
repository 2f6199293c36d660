import { severityRank, type Severity } from '../anomaly';
import { SEVERITIES } from '../catalog/schema';

export { SEVERITIES, severityRank };

export const severityAtLeast = (s: Severity, min: Severity): boolean => severityRank(s) >= severityRank(min);
