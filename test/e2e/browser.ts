import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startDemoErp } from '../../src/demo-erp';
import { serveStatic, type StaticServer } from '../../scripts/static-server';

/** Debian's chromium package; never a downloaded browser. CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const DIST = resolve(__dirname, '../../dist/web');
export const ARTIFACTS = resolve(__dirname, '../../.artifacts/e2e');

/**
 * --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start. The rest keep Chromium
 * from reaching out to the network, which this machine refuses (slowly, many times over).
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2e {
  browser: Browser;
  server: StaticServer;
  /** The demo ERP on a free port, with `{ erp: true }`. */
  erp?: Awaited<ReturnType<typeof startDemoErp>>;
  close(): Promise<void>;
}

/** Serves dist/web on a free port and launches headless Chromium (and the demo ERP when asked). */
export async function startE2e(options: { erp?: boolean } = {}): Promise<E2e> {
  if (!existsSync(join(DIST, 'workbench.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM_PATH)`);
  const [server, browser, erp] = await Promise.all([
    serveStatic(DIST, { port: 0 }),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
    options.erp ? startDemoErp({ port: 0 }) : undefined,
  ]);
  return {
    browser,
    server,
    ...(erp ? { erp } : {}),
    close: async () => {
      await browser.close();
      await Promise.all([server.close(), erp?.close()]);
    },
  };
}

/** The workbench's worksheet grid and its name box. */
export const sheetGrid = (page: Page): Locator => page.getByRole('grid', { name: /^(Worksheet|工作表) / });
export const nameBox = (page: Page): Locator => page.getByRole('textbox', { name: /Name box|名称框/ });

/** Saves a full-page screenshot under .artifacts/e2e/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
