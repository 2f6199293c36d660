import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { emptyPaneModel, type PaneLocale } from '../app/model';

function pickLocale(tag: string | undefined): PaneLocale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

function prefersDark(): boolean {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function render(locale: PaneLocale): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('taskpane.html has no #root element');
  // The Excel wiring (bindings, refresh) is a later issue: until then the pane shows its empty state.
  createRoot(container).render(<App model={emptyPaneModel(locale)} theme={prefersDark() ? 'dark' : 'light'} />);
}

function officeLocale(): PaneLocale {
  // displayLanguage is Office's UI language (e.g. zh-CN, zh-TW, en-GB); navigator.language is the fallback.
  return pickLocale(Office.context?.displayLanguage ?? navigator.language);
}

// Office is undefined when office.js did not load (opened outside Office, or the CDN is unreachable).
if (typeof Office === 'undefined') {
  render(pickLocale(navigator.language));
} else {
  Office.onReady()
    .then(() => render(officeLocale()))
    .catch((error: unknown) => {
      console.error('FinPulse: Office.onReady failed; rendering without the host', error);
      render(pickLocale(navigator.language));
    });
}
