import { AppError } from '../../core/errors';
import type { WorkbookHost } from '../contract';
import { createWpsHost } from './wps-host';
import type { WpsApiEvent, WpsApplication } from './wps-types';

/** What a WPS 加载项 page finds on `window.wps`. */
interface WpsGlobal {
  EtApplication?(): WpsApplication;
  Application?: WpsApplication;
  ApiEvent?: WpsApiEvent;
}

/**
 * The host for the pane running inside WPS Spreadsheets: `wps.EtApplication()` is the Application
 * of WPS 表格. Some builds (WPS for Mac) expose the event hub only as `wps.ApiEvent`.
 */
export function fromWps(scope: unknown = globalThis): WorkbookHost {
  const wps = (scope as { wps?: WpsGlobal }).wps;
  const app = wps?.EtApplication?.() ?? wps?.Application;
  if (!wps || !app) throw new AppError('host.unsupported', { feature: 'WPS Spreadsheets (wps.EtApplication)', host: 'this page' });
  return createWpsHost(app, { events: app.ApiEvent ?? wps.ApiEvent });
}
