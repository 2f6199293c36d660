// Test helpers for the pane's views: a PaneState from the demo data evaluated by the real engine.
export { demoBreakdown, demoPaneState, makeAck, recordingActions, type ActionCall } from './pane-state';
export { renderView } from './render';
