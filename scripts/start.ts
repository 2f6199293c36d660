// `npm start`: serves the built workbench and task pane (dist/web) on 127.0.0.1:3000 and the demo
// ERP on 127.0.0.1:4010. HOST, PORT and ERP_PORT change the addresses.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CREDENTIALS, startDemoErp } from '../src/demo-erp';
import { serveStatic } from './static-server';

const WEB = resolve(__dirname, '../dist/web');

async function main(): Promise<void> {
  const host = process.env['HOST'] || '127.0.0.1';
  const web = await serveStatic(WEB, { host, port: Number(process.env['PORT'] || 3000) });
  const erp = await startDemoErp({ port: Number(process.env['ERP_PORT'] || 4010) });
  // The workbench reads where the demo ERP is from here, so ERP_PORT needs no rebuild.
  await writeFile(join(WEB, 'workbench-config.json'), `${JSON.stringify({ erpUrl: erp.url })}\n`);
  console.log(`FinPulse: workbench at ${web.url}/ (the demo workbook opens in it; Ctrl+C to stop)`);
  console.log(`FinPulse: task pane at ${web.url}/taskpane.html, manifest at ${web.url}/manifest.xml`);
  console.log(`FinPulse: demo ERP at ${erp.url} (REST under /api, OData under /odata; bearer token "${CREDENTIALS.bearerToken}")`);
  const stop = (): void => void Promise.all([web.close(), erp.close()]).then(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
}

main().catch((error: unknown) => {
  console.error(`FinPulse: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
