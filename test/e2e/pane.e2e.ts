import type { Locator, Page } from 'playwright-core';
import type { Locale } from '../../src/core/i18n';
import type { PaneView } from '../../src/ui/session/state';
import { SHELL_STRINGS, VIEW_NAMES } from '../../src/ui/shell/strings';
import { nameBox, screenshot, sheetGrid, startE2e, type E2e } from './browser';

/**
 * What a newcomer meets in the pane, audited in Debian's Chromium: every view reached through the
 * navigation with the keyboard alone (the overflow menu at 320 px), at 320 and 1400 px, light and
 * dark, English and Chinese, after a real bind and Refresh all. On each view: no sideways scroll,
 * every control named for a screen reader, a visible focus ring, readable text contrast, and what
 * the view is for on screen. Screenshots: .artifacts/e2e/pane-<view>-<width>-<theme>[-zh-CN].png.
 */
let e2e: E2e;
beforeAll(async () => {
  e2e = await startE2e({ erp: true });
});
afterAll(async () => {
  await e2e.close();
});

type Theme = 'light' | 'dark';
const VIEWS: readonly PaneView[] = ['catalog', 'bind', 'sources', 'refresh', 'dashboard', 'findings', 'explain', 'settings'];
const WIDTHS = [320, 1400] as const;
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];

const paneOf = (page: Page): Locator => page.getByRole('complementary');

async function openWorkbench(theme: Theme): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${e2e.server.url}/workbench.html?theme=${theme}&erp=${encodeURIComponent(e2e.erp!.url)}`);
  await sheetGrid(page).waitFor({ state: 'visible' });
  return { page, errors };
}

/** The journal selected in the grid, bound with the columns the pane suggests (nothing typed), the demo ERP, Refresh all. */
async function bindAndRefresh(page: Page): Promise<void> {
  const pane = paneOf(page);
  await page.getByRole('tab', { name: 'Ledger' }).click();
  await nameBox(page).fill('A4:G7490');
  await nameBox(page).press('Enter');
  await pane.getByRole('tab', { name: 'Bind' }).click();
  await pane.getByRole('button', { name: 'Use the selection' }).click();
  await expect(pane.getByLabel(/^Range/).inputValue()).resolves.toBe('Ledger!A4:G7490');
  await pane.getByText('Columns filled in from the header row Ledger!A4:G4 (4 dimensions)', { exact: false }).waitFor();
  await expect(pane.getByLabel(/^Dimensions/).inputValue()).resolves.toBe('entity, department, product, cashflow');
  await expect(pane.getByLabel(/^Date column/).inputValue()).resolves.toBe('date');
  await pane.getByRole('button', { name: 'Preview' }).click();
  await pane.getByText(/7[,.]?48\d of 7[,.]?48\d rows read/).waitFor({ timeout: 20_000 });
  await pane.getByRole('button', { name: 'Save binding' }).click();
  await pane.getByText('Bindings in this workbook').waitFor();

  await pane.getByRole('tab', { name: 'Sources' }).click();
  await pane.getByRole('button', { name: 'Use the demo ERP' }).click();
  await pane.getByText('Demo ERP budget').first().waitFor();
  await pane.getByRole('tab', { name: 'Refresh' }).click();
  await pane.getByRole('button', { name: 'Refresh all' }).click();
  await pane.getByText(/Last refreshed/).waitFor({ timeout: 90_000 });
}

/** The element that has focus, as a screen reader would name it (role and text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    // innerText: a Fluent tab also holds a hidden copy of its label (reserving the bold width).
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '', text: ((el as HTMLElement | null)?.innerText ?? '').trim(), label: el?.getAttribute('aria-label') ?? '' };
  });

/**
 * Opens a view the way a keyboard user does: Tab from the header's language button into the
 * navigation, arrow keys along the tabs, Enter; a tab that does not fit is reached through the
 * "More" menu (Enter, arrow down, Enter).
 */
async function openViewByKeyboard(page: Page, view: PaneView, locale: Locale): Promise<void> {
  const pane = paneOf(page);
  const name = VIEW_NAMES[view][locale];
  await pane.getByRole('button', { name: SHELL_STRINGS.switchLanguage[locale] }).focus();
  await page.keyboard.press('Tab');
  const inBar = await pane.getByRole('tab', { name, exact: true }).isVisible();
  const wanted = (f: { role: string; text: string; label: string }): boolean =>
    inBar ? f.role === 'tab' && f.text === name : f.label === SHELL_STRINGS.more[locale];
  for (const key of [...Array<string>(VIEWS.length).fill('ArrowRight'), ...Array<string>(VIEWS.length).fill('ArrowLeft')]) {
    if (wanted(await focused(page))) break;
    await page.keyboard.press(key);
  }
  expect(wanted(await focused(page))).toBe(true);
  await page.keyboard.press('Enter');
  if (!inBar) {
    await page.getByRole('menu').waitFor();
    for (let i = 0; i < VIEWS.length && (await focused(page)).text !== name; i += 1) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'menuitem', text: name });
    await page.keyboard.press('Enter');
  }
  await pane.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  await pane.getByText(SHELL_STRINGS.loadingView[locale]).waitFor({ state: 'hidden' });
}

/** Sideways overflow: the page, the pane, and any element sticking out of the pane unclipped. */
const overflow = (pane: Locator) =>
  pane.evaluate((root) => {
    const doc = document.documentElement;
    const edge = root.getBoundingClientRect().right;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const out = [...root.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > edge + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" right=${Math.round(el.getBoundingClientRect().right)} > ${Math.round(edge)}`);
    return { page: doc.scrollWidth - doc.clientWidth, pane: root.scrollWidth - root.clientWidth, out };
  });

const CONTROLS = 'button, input:not([type="hidden"]), select, textarea, a[href], [role="tab"], [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="combobox"], [role="menuitem"], [role="slider"], [role="link"], [tabindex]:not([tabindex="-1"])';

/** Visible controls in the pane without an accessible name (aria-labelledby, aria-label, label, content, title). */
const unnamedControls = (pane: Locator) =>
  pane.locator(CONTROLS).evaluateAll((elements) => {
    const textOf = (el: Element): string => {
      const own = (el as HTMLElement).innerText ?? el.textContent ?? '';
      const images = [...el.querySelectorAll('[aria-label], img[alt]')].map((i) => i.getAttribute('aria-label') ?? i.getAttribute('alt') ?? '');
      return `${own} ${images.join(' ')}`.trim();
    };
    const nameOf = (el: Element): string => {
      const by = el.getAttribute('aria-labelledby');
      const labelled = by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : '';
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ').trim() : '';
      const content = /^(BUTTON|A)$/.test(el.tagName) || /^(tab|button|menuitem|link|checkbox|switch|radio)$/.test(el.getAttribute('role') ?? '') ? textOf(el) : '';
      return labelled || el.getAttribute('aria-label')?.trim() || labels || content || el.getAttribute('title')?.trim() || '';
    };
    const shown = elements.filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'));
    return { checked: shown.length, unnamed: shown.filter((el) => nameOf(el) === '').map((el) => el.outerHTML.slice(0, 160)) };
  });

/**
 * Whether the focused element shows focus: its own outline, box shadow or ::before/::after (or
 * those of the wrapper a Fluent input draws its underline on) must change when it loses focus.
 */
const focusIsVisible = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', visible: false };
    const nodes = [el, el.parentElement, el.parentElement?.parentElement].filter((n): n is HTMLElement => n instanceof HTMLElement);
    const look = (): string =>
      nodes
        .flatMap((n) => [null, '::before', '::after'].map((pseudo) => getComputedStyle(n, pseudo)))
        .map((s) => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopColor, s.borderBottomColor, s.borderBottomWidth, s.transform, s.content].join('|'))
        .join('\n');
    const focusedLook = look();
    el.blur();
    const blurredLook = look();
    el.focus();
    return { tag: `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}"`, visible: focusedLook !== blurredLook };
  });

/** Text nodes in the pane whose colour against their effective background falls below WCAG AA. */
const lowContrastText = (pane: Locator) =>
  pane.evaluate((root) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | undefined => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return undefined;
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as Rgba;
    const background = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) layers.push(c);
        if (c && c[3] >= 1) break;
      }
      return layers.reverse().reduce<Rgba>((under, layer) => over(layer, under), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba): number =>
      [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const ratio = (a: Rgba, b: Rgba): number => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const failures: string[] = [];
    let checked = 0;
    for (let node = walker.nextNode(); node && checked < 400; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!el || text === '' || el.getClientRects().length === 0 || el.closest('[disabled], [aria-disabled="true"], [aria-hidden="true"]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const ink = parse(el.closest('svg') ? style.fill : style.color);
      if (!ink) continue;
      checked += 1;
      const bg = background(el.closest('svg') ?? el);
      const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
      const r = ratio(over(ink, bg), bg);
      if (r < (large ? 3 : 4.5)) failures.push(`"${text.slice(0, 40)}" ${style.color} on rgb(${bg.slice(0, 3).join(', ')}) = ${r.toFixed(2)}`);
    }
    return { checked, failures };
  });

/** What each view is for, visible on screen. */
async function assertViewContent(pane: Locator, view: PaneView, locale: Locale): Promise<void> {
  const zh = locale === 'zh-CN';
  const visible = (text: string | RegExp) => pane.getByText(text).first().waitFor({ state: 'visible' });
  switch (view) {
    case 'catalog':
      return visible(zh ? /毛利率/ : /Gross margin/);
    case 'bind':
      return visible(zh ? '本工作簿中的绑定' : 'Bindings in this workbook');
    case 'sources':
      return visible(zh ? '演示 ERP 预算' : 'Demo ERP budget');
    case 'refresh':
      return visible(zh ? /上次刷新/ : /Last refreshed/);
    case 'dashboard': {
      const cards = pane.getByRole('list', { name: zh ? '关键指标' : 'Key metrics' }).getByRole('listitem');
      expect(await cards.count()).toBeGreaterThan(3);
      expect(await cards.first().textContent()).toMatch(/\d/);
      return;
    }
    case 'findings':
      return pane.locator('li').getByText(zh ? '危急' : 'Critical', { exact: true }).first().waitFor();
    case 'explain':
      await visible(zh ? '预期值' : 'Expected');
      return visible(zh ? '预期区间' : 'Expected range');
    case 'settings':
      return pane.getByRole('switch', { name: zh ? '深色主题' : 'Dark theme' }).waitFor();
  }
}

/** From the Findings view, Enter on the first critical finding: the Explain view opens on it. */
async function explainFirstCritical(page: Page, locale: Locale): Promise<void> {
  const pane = paneOf(page);
  const row = pane.locator('li').filter({ has: page.getByText(locale === 'zh-CN' ? '危急' : 'Critical', { exact: true }) }).first();
  await row.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await pane.getByRole('tab', { name: VIEW_NAMES.explain[locale], selected: true }).waitFor();
}

interface Defects {
  where: string;
  problems: string[];
}

async function auditView(page: Page, view: PaneView, locale: Locale, width: number, theme: Theme): Promise<Defects> {
  const pane = paneOf(page);
  const where = `${view} ${width}px ${theme} ${locale}`;
  const problems: string[] = [];
  await openViewByKeyboard(page, view, locale);
  const tabFocus = await focusIsVisible(page);
  if (!tabFocus.visible) problems.push(`no visible focus on ${tabFocus.tag}`);
  if (view === 'findings') await explainFirstCritical(page, locale).then(() => openViewByKeyboard(page, 'findings', locale));
  await assertViewContent(pane, view, locale);
  // Into the view: the next Tab stop shows focus too.
  await page.keyboard.press('Tab');
  const contentFocus = await focusIsVisible(page);
  if (!contentFocus.visible) problems.push(`no visible focus on ${contentFocus.tag}`);
  const scroll = await overflow(pane);
  if (scroll.page > 0 || scroll.pane > 0 || scroll.out.length > 0) problems.push(`sideways overflow: page ${scroll.page}px, pane ${scroll.pane}px; ${scroll.out.join('; ')}`);
  const controls = await unnamedControls(pane);
  if (controls.checked < 3) problems.push(`only ${controls.checked} controls found to check for names`);
  for (const html of controls.unnamed) problems.push(`control without a name: ${html}`);
  const contrast = await lowContrastText(pane);
  if (contrast.checked < 5) problems.push(`only ${contrast.checked} text nodes checked for contrast`);
  for (const f of contrast.failures) problems.push(`low contrast: ${f}`);
  await screenshot(page, `pane-${view}-${width}-${theme}${locale === 'en-US' ? '' : `-${locale}`}`);
  return { where, problems };
}

describe.each(['light', 'dark'] as const)('every pane view, %s theme', (theme) => {
  test(`keyboard only, 320 and 1400 px, en-US and zh-CN: no sideways scroll, named controls, visible focus, readable text`, async () => {
    const { page, errors } = await openWorkbench(theme);
    await bindAndRefresh(page);
    const defects: Defects[] = [];
    for (const locale of LOCALES) {
      if (locale !== 'en-US') {
        await paneOf(page).getByRole('button', { name: SHELL_STRINGS.switchLanguage['en-US'] }).focus();
        await page.keyboard.press('Enter');
        await paneOf(page).getByRole('tab', { name: VIEW_NAMES.catalog[locale] }).or(paneOf(page).getByRole('button', { name: SHELL_STRINGS.more[locale] })).first().waitFor();
      }
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const view of VIEWS) defects.push(await auditView(page, view, locale, width, theme));
      }
    }
    expect(defects.filter((d) => d.problems.length > 0)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

test('Findings: acknowledge from the list with a note; the finding moves to acknowledged and the history lists it', async () => {
  const { page, errors } = await openWorkbench('light');
  await bindAndRefresh(page);
  const pane = paneOf(page);
  await openViewByKeyboard(page, 'findings', 'en-US');
  const status = pane.getByLabel('Status');
  const critical = () => pane.locator('li').filter({ has: page.getByText('Critical', { exact: true }) });
  const open = await critical().count();
  expect(open).toBeGreaterThan(0);
  const row = critical().first();
  const metric = (await row.getByRole('button').first().textContent())!;
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  const dialog = row.getByRole('dialog');
  await expect(dialog.isVisible()).resolves.toBe(true);
  // An empty note is refused with a message; the dialog stays.
  await dialog.getByRole('button', { name: 'Save acknowledgement' }).click();
  await dialog.getByText('Write a note so reviewers know why.').waitFor();
  await dialog.getByLabel(/Your name/).fill('Li Wei');
  await dialog.getByLabel(/^Note/).fill('Known: the customer paid in December');
  await dialog.getByRole('button', { name: 'Save acknowledgement' }).click();
  await dialog.waitFor({ state: 'detached' });

  await status.selectOption('acknowledged');
  const acked = pane.locator('li').filter({ hasText: 'Acknowledged by Li Wei' }).first();
  await acked.waitFor();
  await expect(acked.getByRole('button').first().textContent()).resolves.toBe(metric);
  const history = acked.getByRole('list', { name: 'Acknowledgement history' });
  await expect(history.textContent()).resolves.toContain('Known: the customer paid in December');
  await expect(history.textContent()).resolves.toContain('Li Wei');
  await screenshot(page, 'pane-findings-acknowledged');

  await status.selectOption('open');
  await pane.getByText(/of \d+ findings|findings/).first().waitFor();
  await expect(critical().count()).resolves.toBe(open - 1);
  expect(errors).toEqual([]);
  await page.close();
});
