import type { Locator } from 'playwright-core';
import { nameBox, screenshot, sheetGrid, startE2e, type E2e } from './browser';

/**
 * A newcomer's whole journey in the workbench, as issue 6 states it: open the workbench, bind a
 * range from the selection, bind an ERP source, refresh all, see a marked anomaly cell, click it,
 * read the explanation, acknowledge it, switch language. Every step asserts what is on screen and
 * leaves a screenshot in .artifacts/e2e/journey-*.png.
 */
let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e({ erp: true });
});
afterAll(async () => {
  await e2e.close();
});

const CRITICAL_FILL = 'rgb(248, 180, 180)';
const view = (pane: Locator, name: string | RegExp): Promise<void> => pane.getByRole('tab', { name }).click();

test('bind, refresh, see, explain and acknowledge an anomaly, then read it in Chinese', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${e2e.server.url}/workbench.html?erp=${encodeURIComponent(e2e.erp!.url)}`);
  await sheetGrid(page).waitFor({ state: 'visible' });
  const pane = page.getByRole('complementary');
  await screenshot(page, 'journey-1-open');

  // 1. Bind the journal from the selection (typed into the name box, as one selects a long range).
  await page.getByRole('tab', { name: 'Ledger' }).click();
  await nameBox(page).fill('A4:G7490');
  await nameBox(page).press('Enter');
  await view(pane, 'Bind');
  await pane.getByRole('button', { name: 'Use the selection' }).click();
  await expect(pane.getByLabel(/^Range/).inputValue()).resolves.toBe('Ledger!A4:G7490');
  // The columns come from the header row: nothing to type.
  await expect(pane.getByLabel(/^Dimensions/).inputValue()).resolves.toBe('entity, department, product, cashflow');
  await pane.getByRole('button', { name: 'Preview' }).click();
  await pane.getByText(/7[,.]?48\d of 7[,.]?48\d rows read/).waitFor({ timeout: 20_000 });
  await screenshot(page, 'journey-2-bind-preview');
  await pane.getByRole('button', { name: 'Save binding' }).click();
  await pane.getByText('Bindings in this workbook').waitFor();

  // 2. Bind an ERP source: the demo ERP's budget feeds the catalog's source "budget".
  await view(pane, 'Sources');
  await pane.getByRole('button', { name: 'Use the demo ERP' }).click();
  await pane.getByText('Demo ERP budget').first().waitFor();
  await screenshot(page, 'journey-3-source');

  // 3. Refresh all: the ERP syncs, the results sheet appears, anomalies are marked.
  await view(pane, 'Refresh');
  await pane.getByRole('button', { name: 'Refresh all' }).click();
  const results = page.getByRole('tab', { name: 'FinPulse' });
  await results.waitFor({ state: 'visible', timeout: 90_000 });
  await pane.getByText(/Last refreshed/).waitFor({ timeout: 90_000 });
  // The ERP budget synced: no metric runs on a stale snapshot.
  await pane.getByText(/\b0 stale\b/).waitFor();
  await screenshot(page, 'journey-4-refreshed');

  // 4. See a marked anomaly cell on the results sheet: critical fill, scrolled into view.
  await results.click();
  const critical = sheetGrid(page).locator(`[role="gridcell"][style*="background-color: ${CRITICAL_FILL}"]`);
  for (let i = 0; i < 200 && (await critical.count()) === 0; i += 1) await sheetGrid(page).evaluate((el) => el.scrollBy(0, 400));
  const marked = critical.first();
  await expect(marked.isVisible()).resolves.toBe(true);
  await marked.hover();
  const note = (await page.getByRole('tooltip').textContent()) ?? '';
  expect(note.length).toBeGreaterThan(20);
  await screenshot(page, 'journey-5-marked');

  // 5. Click it: the pane explains it (actual vs expected, the detector, the same words as the note).
  await marked.click();
  await pane.getByRole('tab', { name: 'Explain', selected: true }).waitFor();
  await pane.getByText('Rule or detector').first().waitFor();
  await expect(pane.getByText('Expected', { exact: true }).first().isVisible()).resolves.toBe(true);
  const sentence = note.split('\n')[0]!.trim();
  await expect(pane.getByText(sentence, { exact: false }).first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'journey-6-explain');

  // 6. Acknowledge it with a note: the note is kept and shown in the history.
  await pane.getByRole('button', { name: /^Acknowledge/ }).first().click();
  const who = pane.getByLabel(/Your name/);
  if ((await who.count()) > 0) await who.fill('Li Wei');
  await pane.getByLabel(/^Note/).fill('Collections stall known: West-1 customer paid in December');
  await pane.getByRole('button', { name: 'Save acknowledgement' }).click();
  await pane.getByText('Collections stall known: West-1 customer paid in December').first().waitFor();
  await screenshot(page, 'journey-7-acknowledged');

  // 7. Switch language: the pane, the explanation and the acknowledgement read in Chinese.
  await pane.getByRole('button', { name: 'Switch the pane to Chinese' }).click();
  await pane.getByRole('tab', { name: '解释' }).waitFor();
  await expect(pane.getByText('预期值', { exact: true }).first().isVisible()).resolves.toBe(true);
  await expect(pane.getByText(/已确认|确认记录/).first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'journey-8-zh-CN');

  expect(errors).toEqual([]);
  await page.close();
});
