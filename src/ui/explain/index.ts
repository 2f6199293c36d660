// The Explain view: a marked cell's findings in full, the metric's history and lineage.
export { ExplainView } from './ExplainView';
export { RESULTS_SHEET, explainSubject, resultsRowAt, type ExplainSubject } from './subject';
