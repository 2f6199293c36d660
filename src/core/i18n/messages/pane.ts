import type { Localized } from '../locale';

/** The task pane and workbench: bindings, sources, refresh, acknowledgements, settings. */
export const paneMessages = {
  // refresh all
  'pane.step.sources': { 'en-US': 'Syncing ERP sources ({done} of {total})', 'zh-CN': '正在同步 ERP 数据源（{done}/{total}）' },
  'pane.step.sourcePage': { 'en-US': 'Syncing {source} (page {page})', 'zh-CN': '正在同步 {source}（第 {page} 页）' },
  'pane.step.workbook': { 'en-US': 'Reading bound ranges and evaluating the catalog', 'zh-CN': '正在读取绑定区域并计算指标' },
  'pane.step.history': { 'en-US': 'Saving the values to history', 'zh-CN': '正在保存历史数据' },
  'pane.refreshDone': { 'en-US': 'Refreshed {metrics} metrics over {periods} periods: {findings} findings, {problems} warnings', 'zh-CN': '已刷新 {metrics} 个指标、{periods} 个期间：{findings} 项发现，{problems} 条警告' },
  'pane.refreshFailed': { 'en-US': 'Refresh all failed: {detail}. The previous results are still shown; fix the problem and refresh again', 'zh-CN': '全部刷新失败：{detail}。仍显示上次的结果；请解决问题后重新刷新' },
  'pane.refreshCancelled': { 'en-US': 'Refresh cancelled; the previous results and source data are kept', 'zh-CN': '已取消刷新；保留上次的结果和数据源数据' },
  'pane.refreshBusy': { 'en-US': 'A refresh is already running; wait for it or cancel it', 'zh-CN': '刷新正在进行中；请等待完成或取消' },
  'pane.sourceFailed': { 'en-US': '{source} could not be synced and has no earlier data: {detail}', 'zh-CN': '{source} 同步失败且没有可用的历史数据：{detail}' },
  'pane.historyFailed': { 'en-US': 'The results are shown but could not be saved to history: {detail}', 'zh-CN': '结果已显示，但未能保存到历史记录：{detail}' },
  'pane.metricStale': { 'en-US': 'Computed from stale data of {sources}', 'zh-CN': '基于 {sources} 的过期数据计算' },
  // catalog and workbook settings
  'pane.catalogInvalid': { 'en-US': 'The catalog from {origin} has {count} problems (first: {first}); the bundled catalog is used instead', 'zh-CN': '来自 {origin} 的指标目录有 {count} 个问题（首个：{first}）；改用内置目录' },
  'pane.catalogServerFailed': { 'en-US': 'Cannot load the catalog from {url}: {detail}. The bundled catalog is used; check the catalog server in Settings', 'zh-CN': '无法从 {url} 加载指标目录：{detail}。改用内置目录；请在"设置"中检查目录服务' },
  'pane.catalogServerOk': { 'en-US': 'Catalog service {url}: signed in as {user} ({role}); catalogs: {catalogs}', 'zh-CN': '目录服务 {url}：已登录为 {user}（{role}）；目录：{catalogs}' },
  'pane.catalogServerNoCatalog': { 'en-US': 'The catalog service {url} has no catalog this token may read', 'zh-CN': '目录服务 {url} 中没有此令牌可读取的目录' },
  'pane.settingsEntry': { 'en-US': 'The workbook setting {key} item {index} is not valid and is ignored ({detail}); re-create it in {view}', 'zh-CN': '工作簿设置 {key} 第 {index} 项无效，已忽略（{detail}）；请在"{view}"中重新创建' },
  'pane.settingsSaved': { 'en-US': 'Settings saved', 'zh-CN': '设置已保存' },
  'pane.badSensitivity': { 'en-US': 'Sensitivity {value} is out of range; use a whole number from 0 to 100', 'zh-CN': '灵敏度 {value} 超出范围；请使用 0 到 100 的整数' },
  'pane.badUrl': { 'en-US': '"{value}" is not an http(s) URL; e.g. http://127.0.0.1:8787/api/v1', 'zh-CN': '"{value}"不是 http(s) 地址；例如 http://127.0.0.1:8787/api/v1' },
  // bindings and sources
  'pane.bindingSaved': { 'en-US': 'Binding "{id}" saved in the workbook', 'zh-CN': '绑定"{id}"已保存到工作簿' },
  'pane.bindingRemoved': { 'en-US': 'Binding "{id}" removed', 'zh-CN': '已删除绑定"{id}"' },
  'pane.sourceSaved': { 'en-US': 'ERP source "{id}" saved in the workbook (its secrets stay in your secret store)', 'zh-CN': 'ERP 数据源"{id}"已保存到工作簿（密钥仍保存在您的密钥存储中）' },
  'pane.sourceRemoved': { 'en-US': 'ERP source "{id}" removed', 'zh-CN': '已删除 ERP 数据源"{id}"' },
  'pane.secretSaved': { 'en-US': 'Secret "{name}" saved in this browser for you only, never in the workbook', 'zh-CN': '密钥"{name}"仅为您保存在本浏览器中，不会写入工作簿' },
  'pane.secretStore': { 'en-US': 'The secret store of this browser cannot be used: {detail}', 'zh-CN': '本浏览器的密钥存储不可用：{detail}' },
  'pane.connectionOk': { 'en-US': '{source}: connected; the first page has {records} records', 'zh-CN': '{source}：连接成功；第一页有 {records} 条记录' },
  'pane.blocked': { 'en-US': '{source}: the browser could not read {url} ({detail}). The ERP must answer CORS for {origin} and be reachable; or go through the catalog service gateway', 'zh-CN': '{source}：浏览器无法读取 {url}（{detail}）。ERP 必须对 {origin} 开放 CORS 且可访问；或通过目录服务网关访问' },
  'pane.demoErpApplied': { 'en-US': 'Source "budget" now reads the budget of the demo ERP at {url}; its API key is in your secret store. Refresh all to use it', 'zh-CN': '数据源"budget"现在读取演示 ERP（{url}）的预算；其 API 密钥已存入您的密钥存储。请全部刷新以使用' },
  // selection, findings, acknowledgements
  'pane.noSelection': { 'en-US': 'Select a cell in the workbook first, then press Explain selected cell', 'zh-CN': '请先在工作簿中选择一个单元格，再点击"解释所选单元格"' },
  'pane.noResults': { 'en-US': 'Nothing to show yet: press Refresh all first', 'zh-CN': '暂无内容：请先点击"全部刷新"' },
  'pane.unknownFinding': { 'en-US': 'Finding {id} is not in the latest results; refresh all again', 'zh-CN': '最新结果中没有发现项 {id}；请重新全部刷新' },
  'pane.findingAt': { 'en-US': 'The finding is marked at {ref}', 'zh-CN': '该发现项标记在 {ref}' },
  'pane.findingNotMarked': { 'en-US': 'Finding {id} is not marked in the workbook (it concerns a member, not a total)', 'zh-CN': '发现项 {id} 未在工作簿中标记（它针对维度成员而非合计）' },
  'pane.acknowledged': { 'en-US': 'Acknowledged: {metric} {period}', 'zh-CN': '已确认：{metric} {period}' },
  'pane.failed': { 'en-US': '{action} failed: {detail}', 'zh-CN': '{action}失败：{detail}' },
  // taskpane entry
  'pane.noOffice': { 'en-US': 'FinPulse runs inside Excel or WPS. To try it in a browser, open the workbench ({url})', 'zh-CN': 'FinPulse 需在 Excel 或 WPS 中运行。如需在浏览器中试用，请打开工作台（{url}）' },
} as const satisfies Record<string, Localized>;
