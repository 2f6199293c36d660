import { formatValue } from '../../core/format';
import { demoPaneState, makeAck, recordingActions, renderView } from '../testing';
import { ExplainView, RESULTS_SHEET, explainSubject, resultsRowAt } from '.';

// Detection over a department breakdown, so findings on totals carry drivers.
const state = demoPaneState({}, { breakdown: 'department' });
const results = state.results!;
const def = (id: string) => state.catalog.metrics.find((m) => m.id === id)!;
const banded = results.findings.find((f) => !f.member && f.lower !== null && f.upper !== null && f.expected !== null && f.drivers.length > 1)!;

/** The results sheet row of a metric and period: a header, then totals in evaluation order. */
function resultsRow(metricId: string, period: string): number {
  const totals = results.evaluation.values.filter((v) => v.member === undefined && state.catalog.metrics.some((m) => m.id === v.metricId));
  return totals.findIndex((v) => v.metricId === metricId && v.period === period) + 2;
}

describe('what a cell stands for', () => {
  it('finds the metric and period of a results-sheet cell by its row', () => {
    const period = results.evaluation.periods.at(-1)!;
    const row = resultsRow('gross_margin', period);
    expect(resultsRowAt(results.evaluation, state.catalog, { sheet: RESULTS_SHEET, address: `D${row}` })).toEqual({ metricId: 'gross_margin', period });
    expect(resultsRowAt(results.evaluation, state.catalog, { sheet: RESULTS_SHEET, address: 'D1' })).toBeUndefined();
    expect(resultsRowAt(results.evaluation, state.catalog, { sheet: 'Ledger', address: `D${row}` })).toBeUndefined();
  });

  it('prefers the findings of the cell', () => {
    const subject = explainSubject({ ...state, explaining: { findingIds: [banded.id, 'gone|2020-01|robust'] } });
    expect(subject).toMatchObject({ via: 'finding', metricId: banded.metricId, period: banded.period });
    expect(subject.findings.map((f) => f.id)).toEqual([banded.id]);
  });
});

describe('ExplainView', () => {
  it('offers Explain selected cell before anything else, and a refresh before results exist', () => {
    const { actions, calls } = recordingActions();
    const { html, text } = renderView(<ExplainView state={{ ...state, results: undefined }} actions={actions} />);
    expect(text.trim().startsWith('Explain selected cell')).toBe(true);
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Explain selected cell/);
    expect(text).toContain('Press Refresh all first');
    expect(calls).toEqual([]);
  });

  it('explains a finding: actual, expected, band, detector, drivers, history, lineage, acknowledgements', () => {
    const { actions, calls } = recordingActions();
    const ack = makeAck(banded.id, { note: 'Checked with treasury' });
    const { html, text } = renderView(<ExplainView state={{ ...state, explaining: { findingIds: [banded.id] }, acknowledgements: [ack] }} actions={actions} />);
    const m = def(banded.metricId);
    const fmt = (v: number) => formatValue(v, m, 'en-US');
    expect(text).toContain(banded.explanation['en-US']);
    expect(text).toContain(`Actual ${fmt(banded.actual!)}`);
    expect(text).toContain(`Expected ${fmt(banded.expected!)}`);
    expect(text).toContain(`Expected range ${fmt(banded.lower!)} – ${fmt(banded.upper!)}`);
    expect(text).toMatch(/Rule or detector (Outlier|Period change|Seasonal anomaly|Level shift) · /);
    const top = banded.drivers[0]!;
    expect(text).toContain(`${top.member} ${Math.round(top.share * 100)}%`);
    expect(html).toContain('aria-label="Drivers: share of the deviation by department"');
    for (const idle of banded.drivers.filter((d) => Math.abs(d.share) < 0.005)) expect(text).not.toContain(`${idle.member} 0%`);
    expect(html).toMatch(new RegExp(`<svg role="img" aria-label="${m.name['en-US'].replace(/[()]/g, '\\$&')}: \\d+ periods from [^"]+ to ${banded.period}`));
    expect(text).toContain('Lineage: where the number comes from');
    expect(text).toContain('Checked with treasury');
    expect(text).toContain(banded.favourable === null ? 'Neutral' : banded.favourable ? 'Favourable' : 'Unfavourable');
    expect(calls).toEqual([]);
  });

  it('says when a cell has no finding and still shows what it is', () => {
    const period = results.evaluation.periods.at(-1)!;
    const ref = { sheet: RESULTS_SHEET, address: `D${resultsRow('dso', period)}` };
    const { actions } = recordingActions();
    const { text } = renderView(<ExplainView state={{ ...state, selection: ref, explaining: { findingIds: [], ref } }} actions={actions} />);
    expect(text).toContain(`No finding for FinPulse!${ref.address}`);
    expect(text).toContain(`This cell is ${def('dso').name['en-US']}, ${period}, on the results sheet.`);
    expect(text).toContain('DIVIDE(AVG_BALANCE(accounts_receivable), revenue) * DAYS()');
    expect(text).toContain('Computed from Accounts receivable');
    expect(text).toContain(`Selected: FinPulse!${ref.address}`);
  });

  it('says so when the cell is not on the results sheet', () => {
    const ref = { sheet: 'Ledger', address: 'C17' };
    const { actions } = recordingActions();
    const { text } = renderView(<ExplainView state={{ ...state, locale: 'zh-CN', explaining: { findingIds: [], ref } }} actions={actions} />);
    expect(text).toContain('Ledger!C17 没有发现');
    expect(text).toContain('它不是结果表（FinPulse）中的数值');
  });
});
