import { type Locale, type Localized, fillPlaceholders, type MessageParams } from '../../core/i18n';

/** Labels of the Explain view. */
export const EXPLAIN_STRINGS = {
  title: { 'en-US': 'Explain', 'zh-CN': '解释' },
  explainSelected: { 'en-US': 'Explain selected cell', 'zh-CN': '解释所选单元格' },
  explainHint: {
    'en-US': 'Select a cell in the workbook, then press the button. Clicking a marked cell works too where the host reports clicks.',
    'zh-CN': '先在工作簿中选中单元格，再点击此按钮。在支持点击事件的环境中，直接点击已标记的单元格也可以。',
  },
  selection: { 'en-US': 'Selected: {ref}', 'zh-CN': '当前选择：{ref}' },
  empty: { 'en-US': 'No results yet. Press Refresh all first; then marked cells can be explained.', 'zh-CN': '暂无结果。请先点击“全部刷新”，之后即可解释已标记的单元格。' },
  refreshAll: { 'en-US': 'Refresh all', 'zh-CN': '全部刷新' },
  nothing: { 'en-US': 'Nothing to explain yet: pick a marked cell or a finding.', 'zh-CN': '尚无解释内容：请选择已标记的单元格或一条发现。' },
  noFinding: { 'en-US': 'No finding for {ref}: the value is within its expected range and thresholds.', 'zh-CN': '{ref} 没有发现：数值处于预期区间内，未触及阈值。' },
  noFindingNoRef: { 'en-US': 'No finding for this cell.', 'zh-CN': '该单元格没有发现。' },
  identified: { 'en-US': 'This cell is {metric}, {period}, on the results sheet.', 'zh-CN': '该单元格是结果表中的 {metric}（{period}）。' },
  notIdentified: {
    'en-US': 'It is not a value on the results sheet ({sheet}), so no metric can be shown for it.',
    'zh-CN': '它不是结果表（{sheet}）中的数值，因此无法显示对应指标。',
  },
  findingCount: { 'en-US': '{count} findings for this cell, worst first', 'zh-CN': '该单元格有 {count} 条发现，按严重程度排列' },
  actual: { 'en-US': 'Actual', 'zh-CN': '实际值' },
  expected: { 'en-US': 'Expected', 'zh-CN': '预期值' },
  band: { 'en-US': 'Expected range', 'zh-CN': '预期区间' },
  atLeast: { 'en-US': 'at least {value}', 'zh-CN': '不低于 {value}' },
  atMost: { 'en-US': 'at most {value}', 'zh-CN': '不高于 {value}' },
  rule: { 'en-US': 'Rule or detector', 'zh-CN': '规则或检测器' },
  score: { 'en-US': 'Score', 'zh-CN': '异常分数' },
  impact: { 'en-US': 'Impact', 'zh-CN': '影响' },
  favourable: { 'en-US': 'Favourable', 'zh-CN': '有利' },
  unfavourable: { 'en-US': 'Unfavourable', 'zh-CN': '不利' },
  neutral: { 'en-US': 'Neutral', 'zh-CN': '中性' },
  drivers: { 'en-US': 'Drivers: share of the deviation by {dimension}', 'zh-CN': '驱动因素：各{dimension}占偏差的比例' },
  noDrivers: { 'en-US': 'No breakdown by dimension for this finding.', 'zh-CN': '该发现没有按维度的分解。' },
  history: { 'en-US': 'History', 'zh-CN': '历史' },
  acknowledgements: { 'en-US': 'Acknowledgements', 'zh-CN': '确认记录' },
  value: { 'en-US': 'Value', 'zh-CN': '数值' },
  lineage: { 'en-US': 'Lineage: where the number comes from', 'zh-CN': '数据血缘：数值的来源' },
  formula: { 'en-US': 'Formula', 'zh-CN': '公式' },
  inputs: { 'en-US': 'Computed from', 'zh-CN': '计算自' },
  accounts: { 'en-US': 'Accounts', 'zh-CN': '科目' },
  source: { 'en-US': 'Source', 'zh-CN': '数据源' },
  mixedSources: { 'en-US': 'several: {sources}', 'zh-CN': '多个：{sources}' },
  usedBy: { 'en-US': 'Used by', 'zh-CN': '被引用于' },
  none: { 'en-US': 'none', 'zh-CN': '无' },
  caliber: { 'en-US': 'Caliber', 'zh-CN': '口径' },
} as const satisfies Record<string, Localized>;

export type ExplainStringKey = keyof typeof EXPLAIN_STRINGS;

export function explainText(key: ExplainStringKey, locale: Locale, params: MessageParams = {}): string {
  return fillPlaceholders(EXPLAIN_STRINGS[key][locale], params);
}
