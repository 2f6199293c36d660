import type { Finding } from '../../core/anomaly';
import { demoPaneState, makeAck, recordingActions, renderView } from '../testing';
import { DEFAULT_FILTER, FindingsView, filterFindings, isAcknowledged, latestAcknowledgements, sortFindings } from '.';

const state = demoPaneState();
const findings = state.results!.findings;
const rank = { notice: 0, warning: 1, critical: 2 };

describe('filtering and sorting', () => {
  it('keeps only the chosen severities and kind', () => {
    const critical = filterFindings(findings, { ...DEFAULT_FILTER, severities: ['critical'] }, new Map());
    expect(critical.length).toBe(findings.filter((f) => f.severity === 'critical').length);
    expect(critical.length).toBeGreaterThan(0);
    const thresholds = filterFindings(findings, { ...DEFAULT_FILTER, kind: 'threshold' }, new Map());
    expect(thresholds.every((f) => f.kind === 'threshold')).toBe(true);
    expect(thresholds.length).toBe(findings.filter((f) => f.kind === 'threshold').length);
  });

  it('splits open from acknowledged, and reopens a finding that got worse', () => {
    const [a, b] = findings.filter((f) => f.severity === 'warning');
    const acks = latestAcknowledgements([makeAck(a!.id, { severity: 'warning' }), makeAck(b!.id, { severity: 'notice' })]);
    const acked = filterFindings(findings, { ...DEFAULT_FILTER, ack: 'acknowledged' }, acks);
    expect(acked.map((f) => f.id)).toEqual([a!.id]);
    expect(isAcknowledged(b!, acks.get(b!.id))).toBe(false);
    expect(filterFindings(findings, { ...DEFAULT_FILTER, ack: 'open' }, acks)).toHaveLength(findings.length - 1);
  });

  it('keeps the latest acknowledgement of a finding', () => {
    const id = findings[0]!.id;
    const latest = latestAcknowledgements([makeAck(id, { at: '2027-01-02T00:00:00Z', by: 'B' }), makeAck(id, { at: '2027-01-01T00:00:00Z', by: 'A' })]);
    expect(latest.get(id)?.by).toBe('B');
  });

  it('sorts worst first, then newest period', () => {
    const sorted = sortFindings(findings, 'severity', (id) => id);
    for (let i = 1; i < sorted.length; i++) {
      const [p, c] = [sorted[i - 1]!, sorted[i]!];
      expect(rank[p.severity]).toBeGreaterThanOrEqual(rank[c.severity]);
      if (p.severity === c.severity) expect(p.period >= c.period).toBe(true);
    }
    const byPeriod = sortFindings(findings, 'period', (id) => id);
    expect(byPeriod[0]!.period).toBe(findings.map((f: Finding) => f.period).sort().at(-1));
  });
});

describe('FindingsView', () => {
  it('lists every finding worst first with badge, metric, period and sentence', () => {
    const { actions, calls } = recordingActions();
    const { html, text } = renderView(<FindingsView state={state} actions={actions} />);
    expect(text).toContain(`${findings.length} of ${findings.length} findings`);
    const name = (id: string) => state.catalog.metrics.find((m) => m.id === id)!.name['en-US'];
    const worst = sortFindings(findings, 'severity', name)[0]!;
    const list = html.slice(html.indexOf(`aria-label="Findings, ${findings.length} shown"`));
    const firstItem = list.slice(list.indexOf('<li'), list.indexOf('</li>'));
    expect(firstItem).toContain('>Critical<');
    expect(firstItem).toContain(`>${name(worst.metricId)}<`);
    expect(firstItem).toContain(worst.explanation['en-US'].replace(/&/g, '&amp;'));
    expect(firstItem).toContain(`${worst.period} · `);
    expect(calls).toEqual([]);
  });

  it('shows who acknowledged what, when, with the note, in Chinese too', () => {
    const f = findings.find((x) => x.severity === 'warning')!;
    const ack = makeAck(f.id, { note: '年底返利，已知', severity: 'warning' });
    const { actions } = recordingActions();
    const { text } = renderView(<FindingsView state={{ ...state, locale: 'zh-CN', acknowledgements: [ack] }} actions={actions} />);
    expect(text).toContain('Wang Fang 已确认');
    expect(text).toContain('年底返利，已知');
    expect(text).toContain('危急');
    expect(text).toContain('警告');
    expect(text).toContain(f.explanation['zh-CN']);
  });

  it('asks for a refresh when there is nothing yet', () => {
    const { actions } = recordingActions();
    const { text } = renderView(<FindingsView state={{ ...state, results: undefined }} actions={actions} />);
    expect(text).toContain('No findings yet. Press Refresh all');
  });
});
