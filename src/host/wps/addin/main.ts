/*
 * FinPulse's WPS 加载项 entry: the ribbon callbacks named in ribbon.xml. WPS opens index.html, which
 * loads main.js, then parses ribbon.xml and calls OnAddinLoad. The button opens the same task pane
 * bundle as Excel (taskpane.html); inside it the pane reaches WPS through `wps.EtApplication()`.
 *
 * The build transpiles this file to an ES5 classic script, main.js (webpack.config.js, copy
 * patterns): WPS calls the callbacks by their global names, so there are no modules, and every
 * declaration stays inside the function below.
 */
(() => {
  interface RibbonControl {
    Id: string;
  }
  interface TaskPane {
    ID: string;
    Visible: boolean;
  }
  interface PluginStorage {
    getItem(key: string): unknown;
    setItem(key: string, value: unknown): void;
  }
  /** What WPS puts on `window.wps` for an add-in page. */
  interface WpsAddinApi {
    CreateTaskPane(url: string): TaskPane;
    GetTaskPane?(id: string): TaskPane | null;
    PluginStorage?: PluginStorage;
  }
  interface AddinScope {
    wps?: WpsAddinApi;
    OnAddinLoad?: (ribbonUI: unknown) => boolean;
    OnAction?: (control: RibbonControl) => boolean;
    GetImage?: (control: RibbonControl) => string;
    FinPulseRibbon?: unknown;
    FinPulseAddin?: { paneUrl: () => string; showPane: () => TaskPane };
  }

  const scope = window as unknown as AddinScope; // window, not globalThis: older WPS builds embed an older Chromium
  const PANE_ID_KEY = 'finpulse.taskPaneId';
  const BUTTON_ID = 'finPulseShowPane';

  /** The folder this page was loaded from, ending in '/'. */
  function addinFolder(): string {
    const href = location.href.split(/[?#]/)[0] ?? '';
    return href.slice(0, href.lastIndexOf('/') + 1);
  }

  /**
   * The pane's URL: `<meta name="finpulse-pane-url">` in index.html when set; otherwise the built
   * site's taskpane.html, one level up from dist/web/wps/, or beside this page in any other folder.
   */
  function paneUrl(): string {
    const meta = document.querySelector('meta[name="finpulse-pane-url"]');
    const configured = (meta?.getAttribute('content') ?? '').trim();
    const folder = addinFolder();
    const relative = configured || (/\/wps\/$/i.test(folder) ? '../taskpane.html' : 'taskpane.html');
    return new URL(relative, folder).href;
  }

  function wpsApi(): WpsAddinApi {
    const api = scope.wps;
    if (!api || typeof api.CreateTaskPane !== 'function') throw new Error('FinPulse: this page is not running inside WPS (no wps.CreateTaskPane)');
    return api;
  }

  /** The pane created earlier in this WPS session, if WPS still has it. */
  function existingPane(api: WpsAddinApi): TaskPane | null {
    const id = api.PluginStorage?.getItem(PANE_ID_KEY);
    if (typeof id !== 'string' || typeof api.GetTaskPane !== 'function') return null;
    try {
      return api.GetTaskPane(id) ?? null;
    } catch {
      return null; // closed and destroyed: create a new one
    }
  }

  /** Creates the task pane once per session (PluginStorage keeps its id) and shows it. */
  function showPane(): TaskPane {
    const api = wpsApi();
    let pane = existingPane(api);
    if (!pane) {
      pane = api.CreateTaskPane(paneUrl());
      api.PluginStorage?.setItem(PANE_ID_KEY, pane.ID);
    }
    pane.Visible = true;
    return pane;
  }

  scope.OnAddinLoad = (ribbonUI) => {
    scope.FinPulseRibbon = ribbonUI; // kept for Invalidate() should a label ever change
    return true;
  };
  scope.OnAction = (control) => {
    if (control?.Id === BUTTON_ID) showPane();
    return true;
  };
  // Icons ship with the pane (assets/), so they sit wherever taskpane.html is.
  scope.GetImage = () => new URL('assets/icon-32.png', paneUrl()).href;
  scope.FinPulseAddin = { paneUrl, showPane };
})();
