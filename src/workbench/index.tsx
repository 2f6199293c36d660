import { createRoot } from 'react-dom/client';
import { pickLocale } from '../core/i18n';
import { loadConfig } from './page/config';
import { Workbench } from './page/Workbench';

const container = document.getElementById('root');
if (container === null) throw new Error('workbench.html has no #root element');
const root = createRoot(container);

// `?theme=dark` forces a theme (screenshots, testing); otherwise the system's preference.
const params = new URLSearchParams(location.search);
const forced = params.get('theme');
const dark = forced ? forced === 'dark' : (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
const locale = pickLocale(params.get('lang') ?? navigator.language);

void loadConfig(location.search).then((config) => root.render(<Workbench locale={locale} theme={dark ? 'dark' : 'light'} config={config} />));
