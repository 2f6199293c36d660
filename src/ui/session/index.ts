// The pane's session: one store of PaneState, the actions views call, and the services it runs on.
import type { SessionActions } from './session';
import type { PaneState } from './state';

export { createPaneSession, type PaneSession, type SessionActions } from './session';
export { usePaneSession, usePaneState } from './use-pane-session';
export type { PaneServices, WritableSecretStore } from './services';
export type { BindingPreview, SourceProbe, WorkbookTargets } from './edit-actions';
export type { ColumnSuggestion } from './column-suggestion';
export type { PreviewRow } from './preview-rows';
export { createDexieSecretStore, memoryWritableSecretStore, SECRET_DB } from './secret-store';
export { browserPreferences, memoryPreferences, type UserPreferences, type UserPrefs } from './preferences';
export { CATALOG_TOKEN_SECRET } from './catalog-source';
export { DEMO_API_KEY, demoBudgetSource } from './demo-source';
export { PANE_VIEWS } from './state';
export type * from './state';

/** What every view component receives. */
export interface PaneViewProps {
  state: PaneState;
  actions: SessionActions;
}
