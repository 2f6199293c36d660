import { createDOMRenderer, FluentProvider, RendererProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { PaneRoot } from '../../src/ui';
import { BindView } from '../../src/ui/bind';
import { CatalogView } from '../../src/ui/catalog';
import { RefreshView } from '../../src/ui/refresh';
import type { PaneViewProps } from '../../src/ui/session';
import { SettingsView } from '../../src/ui/settings';
import { SourcesView } from '../../src/ui/sources';
import { ledgerBinding, ledgerWorkbook, openPane, type Pane } from './pane-harness';

/** Server-side rendering needs no DOM: the views render to HTML in Node, with real state from a real session. */
const html = (node: ReactElement): string =>
  renderToString(
    <RendererProvider renderer={createDOMRenderer()}>
      <SSRProvider>
        <FluentProvider theme={webLightTheme}>{node}</FluentProvider>
      </SSRProvider>
    </RendererProvider>,
  );
/** Visible text, tags stripped and entities decoded, so assertions read like what the user sees. */
const text = (markup: string): string =>
  markup.replace(/<style[^>]*>[^<]*<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('pane views rendered from a real session', () => {
  let erp: DemoErp;
  let pane: Pane;
  let props: () => PaneViewProps;

  beforeAll(async () => {
    erp = await startDemoErp({ journalLines: 21600 });
    const { book, rows } = ledgerWorkbook();
    pane = openPane({ book, erp });
    await pane.session.ready;
    await pane.session.actions.saveBinding({ ...ledgerBinding(rows), id: '<img src=x onerror=alert(1)>' });
    await pane.session.actions.useDemoErp();
    await pane.session.actions.refreshAll();
    erp.admin.setFaults({ malformedPage: { page: 1 } });
    await pane.session.actions.refreshAll();
    erp.admin.clearFaults();
    props = () => ({ state: pane.session.getState(), actions: pane.session.actions });
  });
  afterAll(async () => {
    await pane.close();
    await erp.close();
  });

  it('the shell shows the header, every view in the navigation, and the language toggle', async () => {
    const out = text(html(<PaneRoot services={pane.services} />));
    // The rendered root's session loads the workbook in the background; let it settle before teardown.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(out).toContain('FinPulse Workbook: Workbench · Bundled catalog');
    for (const label of ['Catalog', 'Bind', 'Sources', 'Refresh', 'Dashboard', 'Findings', 'Explain', 'Settings', '中文']) expect(out).toContain(label);
  });

  it('Catalog lists every metric with search and the four filters', () => {
    const out = text(html(<CatalogView {...props()} />));
    const count = pane.session.getState().catalog.metrics.length;
    expect(out).toContain(`${count} of ${count} metrics`);
    for (const label of ['Search metrics', 'Category', 'Tag', 'Owner', 'Department', 'Operating revenue', 'Budgeted revenue']) expect(out).toContain(label);
  });

  it('Bind lists the saved binding with user text escaped, and asks for a preview before saving', () => {
    const markup = html(<BindView {...props()} />);
    expect(markup).not.toContain('<img src=x');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text(markup)).toContain('Preview first: saving is enabled once you have seen what will be read');
    expect(markup).toMatch(/<button[^>]*disabled[^>]*>Save binding/);
  });

  it('Sources shows the demo preset, the budget source and its stale badge', () => {
    const out = text(html(<SourcesView {...props()} />));
    for (const label of ['Use the demo ERP', 'Demo ERP budget', '(budget)', 'Stale', 'Stale since', `${erp.url}/api/page/budget`]) expect(out).toContain(label);
  });

  it('Refresh shows the last refresh, the stale source and the metrics that need attention', () => {
    const out = text(html(<RefreshView {...props()} />));
    expect(out).toContain('Refresh all');
    expect(out).toMatch(/Last refreshed \d/);
    expect(out).toMatch(/budget Stale synced .*, \d+ rows/);
    expect(out).toMatch(/\d+ ok, [1-9]\d* stale, \d+ with errors/);
    expect(out).toContain('Computed from stale data of budget');
  });

  it('Settings shows per-user and per-workbook settings in Chinese after switching language', () => {
    pane.session.actions.setLocale('zh-CN');
    const out = text(html(<SettingsView {...props()} />));
    for (const label of ['个人设置（本浏览器）', '异常检测灵敏度：50', '指标目录服务地址', '告警渠道', '保存工作簿设置']) expect(out).toContain(label);
    pane.session.actions.setLocale('en-US');
  });
});
