// The Refresh view: Refresh all, progress, Cancel, per-source and per-metric status.
export { RefreshView } from './RefreshView';
