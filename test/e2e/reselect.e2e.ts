import type { Locator, Page } from 'playwright-core';
import { nameBox, sheetGrid, startE2e, type E2e } from './browser';

/**
 * After the pane moved the selection (Findings › Show in workbook), clicking back on the cell the
 * user had picked before must reach the host again: the grid used to compare the click with its own
 * last click only, so the host kept the revealed range and the pane read the wrong selection.
 */
let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => {
  await e2e.close();
});

/** Opens a view by its tab, or through the "More views" menu when the tab does not fit. */
async function view(pane: Locator, name: string): Promise<void> {
  const tab = pane.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await pane.getByLabel('More views').click();
  await pane.page().getByRole('menuitem', { name, exact: true }).click();
}
/** The name box selects as a click does (the grid's one select path) and reaches off-screen cells. */
async function goTo(page: Page, address: string): Promise<void> {
  await nameBox(page).fill(address);
  await nameBox(page).press('Enter');
  await expect(nameBox(page).inputValue()).resolves.toBe(address);
}

async function bindAndRefresh(page: Page, pane: Locator): Promise<void> {
  await page.getByRole('tab', { name: 'Ledger' }).click();
  await nameBox(page).fill('A4:G7490');
  await nameBox(page).press('Enter');
  await view(pane, 'Bind');
  await pane.getByRole('button', { name: 'Use the selection' }).click();
  await pane.getByRole('button', { name: 'Preview' }).click();
  await pane.getByText(/7[,.]?48\d of 7[,.]?48\d rows read/).waitFor({ timeout: 20_000 });
  await pane.getByRole('button', { name: 'Save binding' }).click();
  await pane.getByText('Bindings in this workbook').waitFor();
  await view(pane, 'Refresh');
  await pane.getByRole('button', { name: 'Refresh all' }).click();
  await pane.getByText(/Last refreshed/).waitFor({ timeout: 90_000 });
}

test('a click on the earlier cell after "Show in workbook" is the selection the pane reads', async () => {
  const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${e2e.server.url}/workbench.html`);
  await sheetGrid(page).waitFor({ state: 'visible' });
  const pane = page.getByRole('complementary');
  await bindAndRefresh(page, pane);

  const reveal = async (): Promise<string> => {
    await view(pane, 'Findings');
    await pane.getByRole('button', { name: 'Show in workbook' }).first().click();
    await expect(nameBox(page).inputValue()).resolves.not.toBe('A1');
    return nameBox(page).inputValue();
  };
  const revealed = await reveal();
  const sheet = ((await sheetGrid(page).getAttribute('aria-label')) ?? '').replace(/^Worksheet /, '');
  await goTo(page, 'A1');
  await expect(reveal()).resolves.toBe(revealed);
  // Back to A1: the grid shows it, and the host must hold it too.
  await goTo(page, 'A1');
  await view(pane, 'Bind');
  await pane.getByRole('button', { name: 'Use the selection' }).click();
  await expect(pane.getByLabel(/^Range/).inputValue()).resolves.toBe(`${sheet}!A1`);
  expect(errors).toEqual([]);
  await page.close();
});
