import { startDemoErp, type DemoErp } from '../../src/demo-erp';
import { metricId, periodKey } from '../../src/core/brand';
import { ACKNOWLEDGE_ACTION } from '../../src/notify';
import { CHANNELS_SECRET } from '../../src/ui/session/channels';
import { SETTINGS_KEYS } from '../../src/ui/session/workbook-settings';
import { ledgerBinding, ledgerWorkbook, noticeTexts, openPane, waitFor, type Pane } from './pane-harness';

describe('pane session over the memory host, Dexie stores and the demo ERP', () => {
  let erp: DemoErp;
  let pane: Pane;
  let ledgerRows: number;

  beforeAll(async () => {
    erp = await startDemoErp({ journalLines: 21600 });
    const { book, rows } = ledgerWorkbook();
    ledgerRows = rows;
    pane = openPane({ book, erp, displayLanguage: 'zh-TW' });
    await pane.session.ready;
  });
  afterAll(async () => {
    await pane.close();
    await erp.close();
  });

  const state = () => pane.session.getState();
  const actions = () => pane.session.actions;

  it('opens in Office\'s display language with the bundled catalog and nothing bound', () => {
    expect(state().locale).toBe('zh-CN');
    expect(state().catalogOrigin).toEqual({ kind: 'bundled' });
    expect(state().catalog.metrics.length).toBeGreaterThan(30);
    expect(state().bindings).toEqual([]);
    expect(state().refresh.phase).toBe('idle');
  });

  it('previews a binding with the skipped cells named, before anything is saved', async () => {
    const sheet = pane.host.workbook.sheet('Ledger')!;
    const original = sheet.get(5, 2)!.value;
    sheet.set(5, 2, { value: { error: '#N/A' } });
    try {
      const preview = await actions().previewBinding(ledgerBinding(ledgerRows));
      expect(preview!.stats!.kept).toBe(ledgerRows - 2);
      expect(preview!.rows).toHaveLength(20);
      expect(preview!.rows[0]).toMatchObject({ date: '2024-01-01', amount: '40000.00', text: { account: '1001' } });
      expect(preview!.problems.map((p) => p.message['en-US']).join('\n')).toContain('Ledger!C6');
      expect(state().bindings).toEqual([]);
    } finally {
      sheet.set(5, 2, { value: original });
    }
  });

  it('refuses an invalid binding listing every problem, and saves a valid one in the workbook', async () => {
    const problems = await actions().saveBinding({ target: { kind: 'range', ref: 'Ledger!A1:B2' }, layout: 'sideways' });
    expect(problems.map((p) => p.code).sort()).toEqual(['catalog.enum', 'catalog.required']);
    expect(await actions().saveBinding({ id: 'x', target: { kind: 'range', ref: 'not a ref' }, layout: 'long' })).toEqual([expect.objectContaining({ path: '$.target.ref', code: 'bind.badRef' })]);
    expect(await actions().saveBinding(ledgerBinding(ledgerRows))).toEqual([]);
    expect(state().bindings.map((b) => b.id)).toEqual(['ledger_sheet']);
    expect(pane.host.workbook.settings[SETTINGS_KEYS.bindings]).toEqual([ledgerBinding(ledgerRows)]);
  });

  it('"Use the demo ERP" stores the source in the workbook and its key only in the secret store', async () => {
    await actions().useDemoErp();
    expect(state().sources.map((s) => s.id)).toEqual(['budget']);
    expect(JSON.stringify(pane.host.workbook.settings)).not.toContain('demo-api-key');
    expect(await actions().secretNames()).toEqual(['DEMO_ERP_API_KEY']);
  });

  it('refresh all syncs the ERP, evaluates, writes and marks the workbook, and saves history', async () => {
    const steps = new Set<string>();
    const stop = pane.session.subscribe(() => {
      const step = state().refresh.step;
      if (step) steps.add(step['en-US']);
    });
    await actions().refreshAll();
    stop();
    const s = state();
    expect(noticeTexts(s).filter((t) => t.startsWith('error'))).toEqual([]);
    expect(s.refresh.phase).toBe('done');
    expect(s.refresh.progress).toBe(1);
    expect(s.refresh.lastRefreshed).toBeDefined();
    expect([...steps]).toEqual(expect.arrayContaining(['Syncing budget (page 1)', 'Reading bound ranges and evaluating the catalog', 'Saving the values to history']));
    expect(s.sourceStatus['budget']).toMatchObject({ rows: expect.any(Number) as number });
    expect(s.sourceStatus['budget']!.rows).toBeGreaterThan(100);
    expect(s.sourceStatus['budget']!.stale).toBeUndefined();
    expect(s.refresh.perMetric['revenue']).toEqual({ status: 'ok' });
    expect(s.refresh.perMetric['budget_revenue']).toEqual({ status: 'ok' });
    // Budget lines come from the ERP: the value is a real sum, not zero or missing.
    const budget = s.results!.evaluation.values.find((v) => v.metricId === 'budget_revenue' && v.period === '2025-06' && !v.member);
    expect(budget!.value).toBeGreaterThan(0);
    expect(s.results!.findings.length).toBeGreaterThan(0);
    expect(s.results!.dimensions).toEqual(expect.arrayContaining(['department', 'entity']));
    const marks = await pane.host.listMarks();
    expect(marks.length).toBeGreaterThan(0);
    expect(pane.host.workbook.sheet('FinPulse')!.get(0, 0)!.value).toBeTruthy();
    const stored = await pane.store.latest(metricId('revenue'), periodKey('2025-06'));
    expect(stored?.value).toBe(s.results!.evaluation.values.find((v) => v.metricId === 'revenue' && v.period === '2025-06' && !v.member)!.value);
  });

  it('selecting a marked cell opens Explain on its findings, worst first; other cells do not', async () => {
    actions().setView('catalog');
    const findings = state().results!.findings;
    const mark = (await pane.host.listMarks())[0]!;
    pane.host.userSelects({ sheet: mark.sheet, address: 'A1' });
    await waitFor(pane.session, (s) => s.selection?.address === 'A1');
    expect(state().view).toBe('catalog');
    pane.host.userSelects({ sheet: mark.sheet, address: mark.address });
    const s = await waitFor(pane.session, (st) => st.view === 'explain');
    expect(s.explaining!.ref).toEqual({ sheet: mark.sheet, address: mark.address });
    expect(s.explaining!.findingIds[0]).toBe(mark.findingId);
    const worst = findings.find((f) => f.id === mark.findingId)!;
    for (const id of s.explaining!.findingIds) expect(findings.find((f) => f.id === id)).toMatchObject({ metricId: worst.metricId, period: worst.period });
  });

  it('acknowledging needs a name, then writes the audit log with the note', async () => {
    const finding = state().results!.findings[0]!;
    await actions().acknowledge(finding.id, 'checked with AP');
    expect(noticeTexts(state()).at(-1)).toMatch(/^error: Acknowledging failed/);
    actions().setUser('Li Na');
    await actions().acknowledge(finding.id, 'checked with AP');
    const audit = await pane.store.audit({ target: finding.id });
    expect(audit).toEqual([expect.objectContaining({ actor: 'Li Na', action: ACKNOWLEDGE_ACTION, note: 'checked with AP' })]);
    expect(state().acknowledgements).toEqual([expect.objectContaining({ findingId: finding.id, by: 'Li Na', note: 'checked with AP' })]);
  });

  it('breaks a metric down by dimension on demand', async () => {
    await actions().loadBreakdown('revenue', 'department');
    const values = state().results!.breakdowns['revenue|department']!;
    expect(new Set(values.map((v) => v.member)).size).toBeGreaterThan(1);
    expect(values.every((v) => v.metricId === 'revenue')).toBe(true);
  });

  it('a failing source shows a stale badge and keeps computing from its last snapshot', async () => {
    const before = state().results!.evaluation.values.find((v) => v.metricId === 'budget_revenue' && v.period === '2025-06' && !v.member)!.value;
    erp.admin.setFaults({ malformedPage: { page: 1 } });
    try {
      await actions().refreshAll();
    } finally {
      erp.admin.clearFaults();
    }
    const s = state();
    expect(s.refresh.phase).toBe('done');
    expect(s.sourceStatus['budget']!.stale!['en-US']).toMatch(/^Stale since \d{4}-\d{2}-\d{2}T.*not valid JSON/);
    expect(s.refresh.perMetric['budget_revenue']).toEqual({ status: 'stale', message: expect.objectContaining({ 'en-US': 'Computed from stale data of budget' }) as unknown });
    expect(s.results!.evaluation.values.find((v) => v.metricId === 'budget_revenue' && v.period === '2025-06' && !v.member)!.value).toBe(before);
  });

  it('cancel stops the sync and keeps the previous results and snapshot', async () => {
    const previous = state().results;
    const previousStatus = state().sourceStatus;
    erp.admin.setFaults({ latencyMs: 5000 });
    try {
      const running = actions().refreshAll();
      await waitFor(pane.session, (s) => s.refresh.phase === 'running' && s.refresh.step !== undefined);
      const started = Date.now();
      actions().cancelRefresh();
      await running;
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      erp.admin.clearFaults();
    }
    const s = state();
    expect(s.refresh.phase).toBe('cancelled');
    expect(s.results).toBe(previous);
    expect(s.sourceStatus).toBe(previousStatus);
    expect(noticeTexts(s).at(-1)).toBe('info: Refresh cancelled; the previous results and source data are kept');
  });

  it('switching language is remembered for the user', () => {
    actions().setLocale('en-US');
    expect(state().locale).toBe('en-US');
    expect(state().settings.language).toBe('en-US');
  });
});

describe('settings in the workbook', () => {
  it('keeps valid entries and names each invalid one', async () => {
    const { book } = ledgerWorkbook();
    book.settings = {
      [SETTINGS_KEYS.bindings]: [{ id: 'ok', target: { kind: 'name', name: 'Sales' }, layout: 'wide' }, { id: 'broken', layout: 'long' }],
      [SETTINGS_KEYS.sources]: 'not a list',
      [SETTINGS_KEYS.pane]: { sensitivity: 70, catalogServer: '', channels: [{ id: 'ops', type: 'wecom', url: 'https://qyapi.weixin.qq.com/x' }] },
    };
    const pane = openPane({ book });
    try {
      await pane.session.ready;
      const s = pane.session.getState();
      expect(s.bindings.map((b) => b.id)).toEqual(['ok']);
      // Channels are never read from (or written to) the workbook: their addresses carry keys.
      expect(s.settings).toMatchObject({ sensitivity: 70, channels: [] });
      expect(noticeTexts(s)).toEqual([
        expect.stringContaining('finpulse.bindings item 2 is not valid') as unknown,
        expect.stringContaining('finpulse.sources item - is not valid') as unknown,
      ]);
      expect(await pane.session.actions.saveSettings({ sensitivity: 140 })).toEqual([expect.objectContaining({ path: 'sensitivity', code: 'pane.badSensitivity' })]);
      expect(await pane.session.actions.saveSettings({ sensitivity: 30 })).toEqual([]);
      expect(book.settings[SETTINGS_KEYS.pane]).toMatchObject({ sensitivity: 30 });

      const webhook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY-123';
      expect(await pane.session.actions.saveSettings({ channels: [{ id: 'ops', type: 'wecom', url: webhook }] })).toEqual([]);
      expect(JSON.stringify(book.settings)).not.toContain('SECRET-KEY-123');
      expect(await pane.services.secrets!.get(CHANNELS_SECRET)).toContain('SECRET-KEY-123');
      expect(pane.session.getState().settings.channels).toEqual([{ id: 'ops', type: 'wecom', url: webhook }]);
    } finally {
      await pane.close();
    }
  });
});
