import type { FindingKind, Severity } from '../../core/anomaly';
import { type Locale, type Localized, fillPlaceholders, type MessageParams } from '../../core/i18n';

/** Labels of the Findings view and the acknowledgement form (also used by Explain). */
export const FINDINGS_STRINGS = {
  title: { 'en-US': 'Findings', 'zh-CN': '发现' },
  empty: { 'en-US': 'No findings yet. Press Refresh all to check every metric.', 'zh-CN': '暂无发现。请点击“全部刷新”检查所有指标。' },
  refreshAll: { 'en-US': 'Refresh all', 'zh-CN': '全部刷新' },
  noneMatch: { 'en-US': 'No finding matches these filters.', 'zh-CN': '没有符合筛选条件的发现。' },
  count: { 'en-US': '{shown} of {total} findings', 'zh-CN': '共 {total} 条发现，显示 {shown} 条' },
  filters: { 'en-US': 'Filters', 'zh-CN': '筛选' },
  severity: { 'en-US': 'Severity', 'zh-CN': '严重程度' },
  kind: { 'en-US': 'Kind', 'zh-CN': '类型' },
  allKinds: { 'en-US': 'All kinds', 'zh-CN': '全部类型' },
  status: { 'en-US': 'Status', 'zh-CN': '状态' },
  statusAll: { 'en-US': 'All', 'zh-CN': '全部' },
  statusOpen: { 'en-US': 'Open', 'zh-CN': '未确认' },
  statusAcknowledged: { 'en-US': 'Acknowledged', 'zh-CN': '已确认' },
  sortBy: { 'en-US': 'Sort by', 'zh-CN': '排序' },
  sortSeverity: { 'en-US': 'Severity', 'zh-CN': '严重程度' },
  sortPeriod: { 'en-US': 'Newest period', 'zh-CN': '最新期间' },
  sortMetric: { 'en-US': 'Metric', 'zh-CN': '指标' },
  sortScore: { 'en-US': 'Score', 'zh-CN': '异常分数' },
  list: { 'en-US': 'Findings, {count} shown', 'zh-CN': '发现列表，显示 {count} 条' },
  explain: { 'en-US': 'Explain', 'zh-CN': '解释' },
  explainFinding: { 'en-US': 'Explain {metric}, {period}', 'zh-CN': '解释 {metric}（{period}）' },
  reveal: { 'en-US': 'Show in workbook', 'zh-CN': '在工作簿中显示' },
  acknowledge: { 'en-US': 'Acknowledge', 'zh-CN': '确认' },
  acknowledged: { 'en-US': 'Acknowledged by {by}', 'zh-CN': '{by} 已确认' },
  worseSinceAck: { 'en-US': 'Worse since acknowledged', 'zh-CN': '确认后已恶化' },
  ackTitle: { 'en-US': 'Acknowledge {metric}, {period}', 'zh-CN': '确认 {metric}（{period}）' },
  note: { 'en-US': 'Note', 'zh-CN': '说明' },
  notePlaceholder: { 'en-US': 'Why this is expected or what is being done', 'zh-CN': '为何属预期，或正在采取的措施' },
  noteRequired: { 'en-US': 'Write a note so reviewers know why.', 'zh-CN': '请填写说明，便于复核人员了解原因。' },
  as: { 'en-US': 'As {user}', 'zh-CN': '确认人：{user}' },
  yourName: { 'en-US': 'Your name', 'zh-CN': '您的姓名' },
  nameRequired: { 'en-US': 'Write your name: acknowledgements are signed. It is kept for next time.', 'zh-CN': '请填写姓名：确认需要署名。姓名会保存以便下次使用。' },
  save: { 'en-US': 'Save acknowledgement', 'zh-CN': '保存确认' },
  cancel: { 'en-US': 'Cancel', 'zh-CN': '取消' },
  history: { 'en-US': 'Acknowledgement history', 'zh-CN': '确认记录' },
  noHistory: { 'en-US': 'Not acknowledged yet.', 'zh-CN': '尚未确认。' },
  historyEntry: { 'en-US': '{by}, {at}', 'zh-CN': '{by}，{at}' },
  favourable: { 'en-US': 'Favourable', 'zh-CN': '有利' },
  unfavourable: { 'en-US': 'Unfavourable', 'zh-CN': '不利' },
} as const satisfies Record<string, Localized>;

export type FindingsStringKey = keyof typeof FINDINGS_STRINGS;

export const SEVERITY_NAMES: Readonly<Record<Severity, Localized>> = {
  notice: { 'en-US': 'Notice', 'zh-CN': '注意' },
  warning: { 'en-US': 'Warning', 'zh-CN': '警告' },
  critical: { 'en-US': 'Critical', 'zh-CN': '危急' },
};

/** Which check produced a finding, in words a controller uses. */
export const KIND_NAMES: Readonly<Record<FindingKind, Localized>> = {
  threshold: { 'en-US': 'Threshold', 'zh-CN': '阈值' },
  budget: { 'en-US': 'Budget variance', 'zh-CN': '预算差异' },
  change: { 'en-US': 'Period change', 'zh-CN': '期间变动' },
  robust: { 'en-US': 'Outlier', 'zh-CN': '离群值' },
  seasonal: { 'en-US': 'Seasonal anomaly', 'zh-CN': '季节性异常' },
  levelShift: { 'en-US': 'Level shift', 'zh-CN': '水平突变' },
  stale: { 'en-US': 'Stale data', 'zh-CN': '数据未更新' },
  missing: { 'en-US': 'Missing data', 'zh-CN': '数据缺失' },
  reconcile: { 'en-US': 'Reconciliation', 'zh-CN': '核对不符' },
};

/** The detectors' technical names (Finding.detector) as people read them. */
export const DETECTOR_NAMES: Readonly<Record<string, Localized>> = {
  threshold: { 'en-US': 'Catalog threshold', 'zh-CN': '目录阈值' },
  'percent-of-target': { 'en-US': 'Threshold on % of target', 'zh-CN': '目标达成率阈值' },
  budget: { 'en-US': 'Variance from budget', 'zh-CN': '预算差异' },
  mom: { 'en-US': 'Month-on-month change', 'zh-CN': '环比变动（月）' },
  qoq: { 'en-US': 'Quarter-on-quarter change', 'zh-CN': '环比变动（季）' },
  wow: { 'en-US': 'Week-on-week change', 'zh-CN': '环比变动（周）' },
  dod: { 'en-US': 'Day-on-day change', 'zh-CN': '环比变动（日）' },
  yoy: { 'en-US': 'Year-on-year change', 'zh-CN': '同比变动' },
  mad: { 'en-US': 'Rolling median and MAD', 'zh-CN': '滚动中位数与 MAD' },
  'seasonal-esd': { 'en-US': 'Seasonal decomposition (ESD test)', 'zh-CN': '季节分解（ESD 检验）' },
  'median-shift': { 'en-US': 'Median level shift', 'zh-CN': '中位数水平突变' },
  missing: { 'en-US': 'No data for the period', 'zh-CN': '本期无数据' },
  'missing-zero': { 'en-US': 'Zero where data is expected', 'zh-CN': '应有数据处为零' },
  stale: { 'en-US': 'Source stopped updating', 'zh-CN': '数据源停止更新' },
  'stale-repeat': { 'en-US': 'Same value repeated', 'zh-CN': '数值重复未变' },
};

export function findingsText(key: FindingsStringKey, locale: Locale, params: MessageParams = {}): string {
  return fillPlaceholders(FINDINGS_STRINGS[key][locale], params);
}

/** A detector's human name; an unknown (newer) detector shows its technical name rather than nothing. */
export function detectorName(detector: string, locale: Locale): string {
  return Object.hasOwn(DETECTOR_NAMES, detector) ? DETECTOR_NAMES[detector]![locale] : detector;
}
