// `npm start`: serves the built workbench and task pane (dist/web) on 127.0.0.1:3000.
// HOST and PORT change the address.
import { resolve } from 'node:path';
import { serveStatic } from './static-server';

async function main(): Promise<void> {
  const host = process.env['HOST'] || '127.0.0.1';
  const port = Number(process.env['PORT'] || 3000);
  const web = await serveStatic(resolve(__dirname, '../dist/web'), { host, port });
  console.log(`FinPulse: workbench at ${web.url}/workbench.html (Ctrl+C to stop)`);
  console.log(`FinPulse: task pane at ${web.url}/taskpane.html, manifest at ${web.url}/manifest.xml`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void web.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`FinPulse: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
