// The Findings view, and the pieces Explain shares with it (badge, acknowledgement form and history).
export { FindingsView } from './FindingsView';
export { SeverityBadge } from './SeverityBadge';
export { AcknowledgeForm, type AcknowledgeFormProps } from './AcknowledgeForm';
export { AckHistory, formatWhen } from './AckHistory';
export { FindingActions } from './FindingActions';
export { findingPlace } from './FindingRow';
export { ackHistory, filterFindings, isAcknowledged, latestAcknowledgements, metricName, sortFindings, DEFAULT_FILTER, type FindingFilter, type FindingSort } from './model';
export { DETECTOR_NAMES, KIND_NAMES, SEVERITY_NAMES, detectorName, findingsText } from './strings';
