import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  close(): Promise<void>;
}

/** Serves dist/web on a free port and launches headless Chromium. */
export async function startE2e(): Promise<E2e> {
  if (!existsSync(join(DIST, 'workbench.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set CHROMIUM_PATH)`);
  const server = await serveStatic(DIST, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Saves a full-page screenshot under .artifacts/e2e/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
