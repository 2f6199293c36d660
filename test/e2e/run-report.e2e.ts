/**
 * The report of a real `finpulse run` (demo ERP, demo workbook) in headless Chromium at phone
 * width: it renders, every section is there, nothing scrolls sideways; a screenshot is kept.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { cli } from '../cli-harness';
import { setupRun, type RunSetup } from '../run/harness';
import { screenshot, startE2e, type E2e } from './browser';

describe('the finpulse run report on a phone', () => {
  let erp: DemoErp;
  let e2e: E2e;
  let s: RunSetup;
  beforeAll(async () => {
    erp = await startDemoErp({ port: 0, journalLines: 21_600 });
    s = await setupRun(erp, { url: 'http://127.0.0.1:9/unused', secret: 'unused' }, { alerts: undefined, lang: 'zh-CN' });
    const run = await cli('run', '--config', s.config, '--secrets', s.secrets, '--quiet');
    expect(run.code).toBe(1);
    e2e = await startE2e();
  });
  afterAll(async () => {
    await e2e?.close();
    await erp.close();
  });

  it('renders at 375 px without horizontal scroll, reconciliation rows stacked', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await page.goto(pathToFileURL(join(s.outDir, 'report.html')).href);
    expect(await page.locator('h1').textContent()).toBe('FinPulse 运行报告');
    for (const id of ['findings', 'reconciliations', 'kpis', 'sources']) expect(await page.locator(`#${id}`).count()).toBe(1);
    expect(await page.locator('#kpis svg[role="img"]').count()).toBeGreaterThan(30);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    // A stacked row shows its column label beside each value.
    const label = await page.locator('#reconciliations table.stack td').first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).not.toBe('none');
    const shot = await screenshot(page, 'run-report-375');
    expect(shot).toMatch(/run-report-375\.png$/);
    await page.close();
  });
});
