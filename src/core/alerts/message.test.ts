import type { Alert } from './evaluate';
import { alertContent, alertLink, alertMessage } from './message';
import { clipUtf8, escapeHtml, escapeMarkdown, escapeSlack, renderHtml, renderMarkdown, renderText, utf8Length } from './render';
import { sampleAlertContent } from './sample';
import { makeFinding, metricDef } from './testing/factories';

const sample = sampleAlertContent('https://finpulse.example.com/#/finding/selling_expenses');

describe('alert message templates', () => {
  it('in en-US: title, explanation, every fact and the link back', () => {
    const m = alertMessage(sample, 'en-US');
    expect(m.title).toBe('[Test] [Warning] Selling expenses · 2026-03: outlier');
    expect(m.summary).toBe('Selling expenses 1,820,000, 41% above the expected 1,290,000 (band 1,100,000–1,480,000); 78% of the deviation comes from department East-2.');
    expect(m.facts.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Metric: Selling expenses (selling_expenses)',
      'Period: 2026-03',
      'Value: 1,820,000',
      'Expected: 1,290,000',
      'Band: 1,100,000 – 1,480,000',
      'Deviation: +41% (unfavourable)',
      'Severity: Warning',
      'Detector: mad · Score 0.93',
      'Drivers: department East-2 78%; department North-1 22%',
      'Rule: Sample rule',
    ]);
    expect(m.link).toEqual({ label: 'Open in FinPulse', url: 'https://finpulse.example.com/#/finding/selling_expenses' });
  });

  it('in zh-CN: the same content in Chinese, with 注意 / 警告 / 危急', () => {
    const m = alertMessage(sample, 'zh-CN');
    expect(m.title).toBe('【测试】【警告】销售费用 · 2026-03：离群值');
    expect(m.summary).toBe('销售费用 1,820,000，比预期 1,290,000 高 41%（正常区间 1,100,000–1,480,000）；78% 的偏离来自东二区部门。');
    expect(m.facts.map((f) => `${f.label}: ${f.value}`)).toEqual([
      '指标: 销售费用 (selling_expenses)',
      '期间: 2026-03',
      '实际值: 1,820,000',
      '预期值: 1,290,000',
      '正常区间: 1,100,000 – 1,480,000',
      '偏离: +41% (不利)',
      '级别: 警告',
      '检测方法: mad · 异常分数 0.93',
      '主要来源: department East-2 占 78%；department North-1 占 22%',
      '规则: 示例规则',
    ]);
    expect(m.link?.label).toBe('在 FinPulse 中查看');
    expect(alertMessage({ ...sample, severity: 'notice', test: false }, 'zh-CN').title).toBe('【注意】销售费用 · 2026-03：离群值');
    expect(alertMessage({ ...sample, severity: 'critical', test: false }, 'zh-CN').title).toBe('【危急】销售费用 · 2026-03：离群值');
  });

  it('without a metric definition, a value or a band, it says what it has', () => {
    const f = makeFinding({ metric: 'orphan', kind: 'missing', actual: null, lower: null, upper: null, expected: 1234.5 });
    const m = alertMessage({ finding: f, severity: 'notice' }, 'en-US');
    expect(m.title).toBe('[Notice] orphan · 2026-03: data missing');
    expect(m.facts.map((x) => x.key)).toEqual(['metric', 'period', 'value', 'expected', 'severity', 'detector']);
    expect(m.facts.find((x) => x.key === 'value')!.value).toBe('no value');
    expect(m.facts.find((x) => x.key === 'expected')!.value).toBe('1,234.50');
    expect(m.link).toBeUndefined();
  });

  it('formats values in the metric unit', () => {
    const f = makeFinding({ metric: 'gm', actual: 0.312, expected: 0.35, lower: 0.33, upper: 0.37, favourable: false });
    const m = alertMessage({ finding: f, severity: 'warning', metric: metricDef('gm', { unit: 'percent' }) }, 'en-US');
    expect(m.facts.filter((x) => ['value', 'band', 'deviation'].includes(x.key)).map((x) => x.value)).toEqual(['31.2%', '33.0% – 37.0%', '−11% (unfavourable)']);
  });

  it('builds content from an evaluated alert with its metric, rule and link', () => {
    const finding = makeFinding({ metric: 'revenue', at: '2026-Q1' });
    const alert: Alert = { ruleId: 'r', ruleName: { 'zh-CN': '收入', 'en-US': 'Revenue' }, severity: 'critical', finding, grouped: 1, dedupKey: finding.id, channels: ['ops'], reason: 'new', occurrence: 1 };
    const content = alertContent(alert, { catalog: { metrics: [metricDef('revenue')] }, linkTemplate: 'https://fp.example.com/m/{metric}?p={period}&f={finding}' });
    expect(content.metric?.id).toBe('revenue');
    expect(content.link).toBe('https://fp.example.com/m/revenue?p=2026-Q1&f=revenue%7C2026-Q1%7Crobust');
    expect(alertMessage(content, 'en-US').facts.at(-1)).toEqual({ key: 'rule', label: 'Rule', value: 'Revenue' });
    expect(alertLink('{metric}/{other}', finding)).toBe('revenue/{other}');
  });
});

describe('renderers escape data so it never becomes markup', () => {
  const hostile = makeFinding({ metric: 'x', explanation: { 'en-US': '<script>alert(1)</script> & *bold* [link](http://evil)', 'zh-CN': '<b>粗</b>' } });
  const m = alertMessage({ finding: hostile, severity: 'critical', metric: metricDef('x', { name: { 'zh-CN': '净利"<i>', 'en-US': "Net 'adj' <i>" } }) }, 'en-US');

  it('HTML: every text is escaped and the page declares UTF-8', () => {
    const html = renderHtml(m);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*');
    expect(html).toContain('Net &#39;adj&#39; &lt;i&gt;');
    expect(html).toContain('<meta charset="utf-8">');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('Markdown: emphasis, code, links and tags are neutralised', () => {
    const md = renderMarkdown(m);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; & \\*bold\\* \\[link\\](http://evil)');
    expect(md.split('\n\n')[0]).toBe("### \\[Critical\\] Net 'adj' &lt;i&gt; · 2026-03: outlier");
    expect(escapeMarkdown('a_b`c\\')).toBe('a\\_b\\`c\\\\');
  });

  it('Markdown can colour the severity, and the text form reads top to bottom', () => {
    const md = renderMarkdown(m, { severity: (t) => `<font color="warning">${t}</font>` });
    expect(md).toContain('**Severity**: <font color="warning">Critical</font>');
    const text = renderText(alertMessage(sample, 'en-US'));
    expect(text.split('\n').slice(0, 3)).toEqual(['[Test] [Warning] Selling expenses · 2026-03: outlier', '', alertMessage(sample, 'en-US').summary]);
    expect(text).toContain('Open in FinPulse: https://finpulse.example.com/#/finding/selling_expenses');
    expect(text.endsWith('— Sent by FinPulse')).toBe(true);
  });

  it('Slack: only &, < and > are special', () => {
    expect(escapeSlack('<!channel> & *x*')).toBe('&lt;!channel&gt; &amp; *x*');
  });

  it('clips by UTF-8 bytes without splitting a character', () => {
    expect(utf8Length('a¢€𝄞')).toBe(1 + 2 + 3 + 4);
    const clipped = clipUtf8('销售费用'.repeat(10), 20);
    expect(utf8Length(clipped)).toBeLessThanOrEqual(20);
    expect(clipped).toBe('销售费用销…');
    expect(clipUtf8('short', 20)).toBe('short');
  });
});
