/**
 * The report of a real `finpulse run` (demo ERP, demo workbook) in headless Chromium at phone
 * width: the summary answers first, critical findings are readable at once, the rest open on a
 * tap, a reconciliation break leads to its rows, nothing scrolls sideways, and print shows all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { RunResult } from '../../src/core/report';
import type { DemoErp } from '../../src/demo-erp';
import { cli } from '../cli-harness';
import { LEDGER_SHEET } from '../run/demo-book';
import { quietRun, type RunSetup } from '../run/harness';
import { screenshot, startE2e, type E2e } from './browser';

describe('the finpulse run report on a phone', () => {
  let erp: DemoErp;
  let e2e: E2e;
  let s: RunSetup;
  let result: RunResult;
  let page: Page;
  beforeAll(async () => {
    ({ erp, s } = await quietRun({ lang: 'zh-CN' }));
    const run = await cli('run', '--config', s.config, '--secrets', s.secrets, '--quiet');
    expect(run.code).toBe(1);
    result = JSON.parse(readFileSync(join(s.outDir, 'result.json'), 'utf8')) as RunResult;
    e2e = await startE2e();
    page = await e2e.browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await page.goto(pathToFileURL(join(s.outDir, 'report.html')).href);
  });
  afterAll(async () => {
    await page?.close();
    await e2e?.close();
    await erp.close();
  });

  /** The changed workbook line the reconciliation traced: its cell is named in the rows table. */
  const changedCell = (): string => `${LEDGER_SHEET}!A${s.planted.changedRow}`;

  it('shows the summary first, in the first screen: counts by severity, breaks, stale sources, exit status', async () => {
    expect(await page.locator('h1').textContent()).toBe('FinPulse 运行报告');
    const tile = (label: string) => page.locator('.summary li', { has: page.locator('.l', { hasText: label }) }).locator('.n');
    const c = result.counts;
    expect(c.findings.critical).toBeGreaterThan(0);
    for (const [label, count] of [['危急', c.findings.critical], ['警告', c.findings.warning], ['注意', c.findings.notice], ['对账不符', c.reconciliationBreaks], ['未刷新数据源', c.staleSources], ['退出码', 1]] as const) {
      await expect(tile(label).textContent()).resolves.toBe(String(count));
      expect(await tile(label).isVisible()).toBe(true);
    }
    const box = await page.locator('.summary').boundingBox();
    expect(box!.y + box!.height).toBeLessThan(812);
  });

  it('shows critical findings open and keeps warnings behind a tap', async () => {
    const critical = result.findings.find((f) => f.severity === 'critical')!;
    const card = page.locator('#findings-critical article').first();
    expect(await card.isVisible()).toBe(true);
    expect(await card.locator('p').first().textContent()).toBe(critical.explanation['zh-CN']);
    const warning = page.locator('#findings-warning article').first();
    expect(await warning.isVisible()).toBe(false);
    await page.locator('#findings-warning > summary').click();
    expect(await warning.isVisible()).toBe(true);
  });

  it('leads from a reconciliation break to its rows, the workbook cell among them', async () => {
    const code = page.locator('code', { hasText: new RegExp(`^${changedCell()}$`) });
    const breakBlock = page.locator('#reconciliations details.break', { has: code });
    const cell = breakBlock.locator(code);
    expect(await cell.count()).toBe(1);
    expect(await cell.isVisible()).toBe(false);
    await breakBlock.locator('summary').click();
    expect(await cell.isVisible()).toBe(true);
    // A stacked row shows its column label beside each value.
    const label = await breakBlock.locator('table.stack td').first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"成员"');
  });

  it('never scrolls sideways, KPI rows included, and keeps a screenshot', async () => {
    expect(await page.locator('#kpis svg[role="img"]').count()).toBeGreaterThan(30);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const kpi = await page.locator('#kpis tbody tr').first().boundingBox();
    expect(kpi!.x + kpi!.width).toBeLessThanOrEqual(375);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await screenshot(page, 'run-report-375')).toMatch(/run-report-375\.png$/);
  });

  it('prints every disclosure open', async () => {
    await page.reload();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#findings-warning article').first().isVisible()).toBe(true);
    expect(await page.locator('#reconciliations details.break code', { hasText: new RegExp(`^${changedCell()}$`) }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
