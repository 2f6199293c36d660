import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { CatalogView } from '../catalog';
import type { PaneViewProps } from '../session';
import type { PaneView } from '../session/state';

type View = ComponentType<PaneViewProps> | LazyExoticComponent<ComponentType<PaneViewProps>>;

/**
 * The first view (the catalog) is in the initial bundle; every other view is its own chunk, loaded
 * when first opened. `webpackPrefetch` asks the browser to fetch them once the pane is idle, so a
 * tab opens at once without their bytes delaying the pane's first paint.
 */
export const VIEWS: Partial<Record<PaneView, View>> = {
  catalog: CatalogView,
  bind: lazy(() => import(/* webpackChunkName: "view-bind", webpackPrefetch: true */ '../bind').then((m) => ({ default: m.BindView }))),
  sources: lazy(() => import(/* webpackChunkName: "view-sources", webpackPrefetch: true */ '../sources').then((m) => ({ default: m.SourcesView }))),
  refresh: lazy(() => import(/* webpackChunkName: "view-refresh", webpackPrefetch: true */ '../refresh').then((m) => ({ default: m.RefreshView }))),
  dashboard: lazy(() => import(/* webpackChunkName: "view-dashboard", webpackPrefetch: true */ '../dashboard').then((m) => ({ default: m.DashboardView }))),
  findings: lazy(() => import(/* webpackChunkName: "view-findings", webpackPrefetch: true */ '../findings').then((m) => ({ default: m.FindingsView }))),
  explain: lazy(() => import(/* webpackChunkName: "view-explain", webpackPrefetch: true */ '../explain').then((m) => ({ default: m.ExplainView }))),
  settings: lazy(() => import(/* webpackChunkName: "view-settings", webpackPrefetch: true */ '../settings').then((m) => ({ default: m.SettingsView }))),
};
