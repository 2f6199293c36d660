import type { Localized } from '../../core/i18n';

export const REFRESH_STRINGS = {
  title: { 'en-US': 'Refresh', 'zh-CN': '刷新' },
  refreshAll: { 'en-US': 'Refresh all', 'zh-CN': '全部刷新' },
  cancel: { 'en-US': 'Cancel', 'zh-CN': '取消' },
  progress: { 'en-US': 'Refresh progress', 'zh-CN': '刷新进度' },
  last: { 'en-US': 'Last refreshed {when}', 'zh-CN': '上次刷新：{when}' },
  never: { 'en-US': 'Not refreshed yet. Bind data, then press Refresh all.', 'zh-CN': '尚未刷新。请先绑定数据，再点击"全部刷新"。' },
  cancelled: { 'en-US': 'Cancelled; the previous results are kept', 'zh-CN': '已取消；保留上次的结果' },
  failed: { 'en-US': 'The last refresh failed; see the message above', 'zh-CN': '上次刷新失败；请查看上方消息' },
  sources: { 'en-US': 'ERP sources', 'zh-CN': 'ERP 数据源' },
  synced: { 'en-US': 'synced {when}, {rows} rows', 'zh-CN': '{when} 同步，{rows} 行' },
  stale: { 'en-US': 'Stale', 'zh-CN': '已过期' },
  failedBadge: { 'en-US': 'Failed', 'zh-CN': '失败' },
  metrics: { 'en-US': 'Metrics', 'zh-CN': '指标' },
  summary: { 'en-US': '{ok} ok, {stale} stale, {error} with errors', 'zh-CN': '正常 {ok} 个，过期 {stale} 个，出错 {error} 个' },
  ok: { 'en-US': 'OK', 'zh-CN': '正常' },
  error: { 'en-US': 'Error', 'zh-CN': '出错' },
  onlyProblems: { 'en-US': 'Showing metrics that need attention', 'zh-CN': '仅显示需要关注的指标' },
} as const satisfies Record<string, Localized>;
