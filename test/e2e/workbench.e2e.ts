import type { Page } from 'playwright-core';
import { screenshot, startE2e, type E2e } from './browser';

let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e.close();
});

async function openWorkbench(width: number, locale = 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.newPage({ viewport: { width, height: 900 }, locale });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${e2e.server.url}/`);
  return { page, errors };
}

test('the workbench shows the demo metrics computed in the browser, in both languages', async () => {
  const { page, errors } = await openWorkbench(1280);
  const table = page.getByRole('grid');
  await table.waitFor({ state: 'visible' });
  // The demo ledger's gross margin is a percentage: the engine ran, it is not an empty shell.
  const grossMargin = page.getByRole('row', { name: /^毛利率 %/ });
  await expect(grossMargin.isVisible()).resolves.toBe(true);
  await expect(grossMargin.textContent()).resolves.toMatch(/\d+\.\d+%/);
  await screenshot(page, 'workbench-zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('row', { name: /^Gross margin %/ }).waitFor({ state: 'visible' });
  await screenshot(page, 'workbench-en-US');
  expect(errors).toEqual([]);
  await page.close();
});

test('the pane fits a 320 px wide task pane without horizontal page scroll', async () => {
  const { page, errors } = await openWorkbench(320);
  await page.getByRole('grid').waitFor({ state: 'visible' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'workbench-320px');
  expect(errors).toEqual([]);
  await page.close();
});
