export { resultsBlock, STATUS_TEXT, type FindingRef, type ResultsBlock } from './results-block';
export { targetFor, thresholdStatus, type Status } from './status';
