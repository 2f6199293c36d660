import { createRoot } from 'react-dom/client';
import { App } from '../ui/app/App';
import { loadDemoModel } from './demo';

const container = document.getElementById('root');
if (container === null) throw new Error('workbench.html has no #root element');

const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
createRoot(container).render(<App model={loadDemoModel()} theme={dark ? 'dark' : 'light'} />);
