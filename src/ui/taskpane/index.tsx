import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLocale } from '../../core/i18n';
import { fromOffice } from '../../host/excel';
import { fromWps } from '../../host/wps';
import { PaneRoot, browserServices } from '../index';
import { NoHost } from './NoHost';
import { hasWps, officeTheme } from './platform';

function mount(node: ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(node);
}

const browserTheme = (): 'light' | 'dark' => (window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/** WPS when its add-in object is on the page, Excel when Office.js says so, else a pointer to the workbench. */
async function start(): Promise<void> {
  if (hasWps()) {
    mount(<PaneRoot services={browserServices(fromWps())} theme={browserTheme()} />);
    return;
  }
  // Office is undefined when office.js did not load (opened outside Office, or the CDN is unreachable).
  if (typeof Office === 'undefined') {
    mount(<NoHost locale={pickLocale(navigator.language)} />);
    return;
  }
  const info = await Office.onReady();
  const language = Office.context?.displayLanguage ?? navigator.language;
  if (info.host !== Office.HostType.Excel) {
    mount(<NoHost locale={pickLocale(language)} />);
    return;
  }
  const theme = officeTheme() ?? browserTheme();
  mount(<PaneRoot services={browserServices(fromOffice(), { displayLanguage: language, officeTheme: theme })} theme={theme} />);
}

start().catch((error: unknown) => {
  console.error('FinPulse: the pane could not start', error);
  mount(<NoHost locale={pickLocale(navigator.language)} error={error instanceof Error ? error.message : String(error)} />);
});
