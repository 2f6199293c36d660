// `npm start`: serves the built workbench and task pane (dist/web) on 127.0.0.1:3000 and the demo
// ERP on 127.0.0.1:4010. HOST, PORT and ERP_PORT change the addresses. HTTPS=1 serves the pane over
// https for sideloading into Excel, with the office-addin-dev-certs certificate (or HTTPS_KEY and
// HTTPS_CERT); plain http stays the default, so the workbench never needs a certificate.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CREDENTIALS, startDemoErp } from '../src/demo-erp';
import { readTlsPair, serveStatic } from './static-server';

const WEB = resolve(__dirname, '../dist/web');

async function main(): Promise<void> {
  const host = process.env['HOST'] || '127.0.0.1';
  const port = Number(process.env['PORT'] || 3000);
  // The certificate is checked first: a missing file is the likeliest problem and says how to fix it.
  const https = process.env['HTTPS'] === '1' ? await readTlsPair() : undefined;
  const web = await serveStatic(WEB, { host, port, ...(https ? { https } : {}) });
  const erp = await startDemoErp({ port: Number(process.env['ERP_PORT'] || 4010) });
  // The workbench reads where the demo ERP is from here, so ERP_PORT needs no rebuild.
  await writeFile(join(WEB, 'workbench-config.json'), `${JSON.stringify({ erpUrl: erp.url })}\n`);
  console.log(`FinPulse: workbench at ${web.url}/ (the demo workbook opens in it; Ctrl+C to stop)`);
  console.log(`FinPulse: task pane at ${web.url}/taskpane.html, manifest at ${web.url}/manifest.xml`);
  // The certificate names localhost, and the manifest loads the pane from https://localhost:3000.
  if (https) console.log(`FinPulse: for Excel, https://localhost:${web.port}/taskpane.html; now run "npm run start:excel" in another terminal`);
  console.log(`FinPulse: demo ERP at ${erp.url} (REST under /api, OData under /odata; bearer token "${CREDENTIALS.bearerToken}")`);
  const stop = (): void => void Promise.all([web.close(), erp.close()]).then(() => process.exit(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
}

main().catch((error: unknown) => {
  console.error(`FinPulse: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
