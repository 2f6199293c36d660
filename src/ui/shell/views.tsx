import type { ComponentType } from 'react';
import { BindView } from '../bind';
import { CatalogView } from '../catalog';
import { DashboardView } from '../dashboard';
import { ExplainView } from '../explain';
import { FindingsView } from '../findings';
import { RefreshView } from '../refresh';
import type { PaneViewProps } from '../session';
import type { PaneView } from '../session/state';
import { SettingsView } from '../settings';
import { SourcesView } from '../sources';

/** The view of each navigation tab; a view missing from the build has no tab. */
export const VIEWS: Partial<Record<PaneView, ComponentType<PaneViewProps>>> = {
  catalog: CatalogView,
  bind: BindView,
  sources: SourcesView,
  refresh: RefreshView,
  dashboard: DashboardView,
  findings: FindingsView,
  explain: ExplainView,
  settings: SettingsView,
};
