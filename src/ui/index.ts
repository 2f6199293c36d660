// The task pane's door: the workbench and the Office/WPS entry mount PaneRoot with their services.
export { PaneRoot, type PaneRootProps } from './shell/PaneRoot';
export type { PaneServices } from './session/services';
export { browserServices } from './session/browser-services';
export { createDexieSecretStore, createPaneSession, type PaneSession, type SessionActions, type WritableSecretStore } from './session';
