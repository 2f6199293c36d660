import type { Localized } from '../locale';

/** Reconciliation rules and their results. */
export const reconcileMessages = {
  // rule validation
  'reconcile.json': { 'en-US': 'The reconciliation rules are not valid JSON: {detail}', 'zh-CN': '对账规则不是有效的 JSON：{detail}' },
  'reconcile.fileShape': { 'en-US': 'Expected a list of rules, or an object {"rules": [...], "metrics": [...]}; found {found}', 'zh-CN': '应为规则列表，或对象 {"rules": [...], "metrics": [...]}；实际为{found}' },
  'reconcile.duplicateRule': { 'en-US': 'Duplicate rule id "{id}" (first defined at {first}); give each rule its own id', 'zh-CN': '规则 ID"{id}"重复（首次定义于 {first}）；请为每条规则使用不同的 ID' },
  'reconcile.duplicateMetric': { 'en-US': 'Metric "{id}" is defined twice in the reconciliation file (first at {first})', 'zh-CN': '指标"{id}"在对账文件中重复定义（首次定义于 {first}）' },
  'reconcile.metricInCatalog': { 'en-US': 'Metric "{id}" is already in the catalog; rename the reconciliation metric or use the catalog one', 'zh-CN': '指标"{id}"已在指标目录中；请重命名对账指标，或直接使用目录中的指标' },
  'reconcile.noTolerance': { 'en-US': 'A tolerance needs "absolute", "percent" or both, e.g. {"absolute": 0.01}', 'zh-CN': '容差需要设置"absolute"、"percent"或两者，例如 {"absolute": 0.01}' },
  'reconcile.badPeriod': { 'en-US': '"{value}" is not a {grain} period key; write it like {example}', 'zh-CN': '"{value}"不是{grain}粒度的期间键；请写成 {example} 的形式' },
  'reconcile.periodOrder': { 'en-US': '"from" ({from}) is after "to" ({to}); swap them', 'zh-CN': '"from"（{from}）晚于"to"（{to}）；请交换两者' },
  'reconcile.unknownMetric': { 'en-US': 'Metric "{id}" is neither in the catalog nor defined in the reconciliation file', 'zh-CN': '指标"{id}"既不在指标目录中，也未在对账文件中定义' },
  'reconcile.rowKeyTraced': { 'en-US': 'The row key "{column}" identifies rows; it is not a dimension to trace by, so it is ignored here', 'zh-CN': '行键"{column}"用于识别行，不是追溯维度，此处将被忽略' },
  // running a rule
  'reconcile.sourceMissing': { 'en-US': 'Source "{source}" was not loaded; loaded sources: {known}. Add it to the run or correct the rule', 'zh-CN': '数据源"{source}"未加载；已加载：{known}。请将其加入运行配置或修正规则' },
  'reconcile.sourceFailed': { 'en-US': 'Source "{source}" could not be read: {detail}', 'zh-CN': '数据源"{source}"读取失败：{detail}' },
  'reconcile.sourceEmpty': { 'en-US': 'Source "{source}" has no rows', 'zh-CN': '数据源"{source}"没有数据行' },
  'reconcile.noOverlap': { 'en-US': 'No period has values on both sides ({left}: {leftPeriods}; {right}: {rightPeriods}); check the sources, from/to and shift', 'zh-CN': '没有两侧都有数值的期间（{left}：{leftPeriods}；{right}：{rightPeriods}）；请检查数据源、起止期间和偏移' },
  'reconcile.metricClash': { 'en-US': 'Metric "{id}" of this rule is also in the catalog; rename one of them', 'zh-CN': '本规则的指标"{id}"与指标目录中的指标同名；请重命名其中之一' },
  'reconcile.noValue': { 'en-US': '{side} has no value: {detail}', 'zh-CN': '{side}没有数值：{detail}' },
  'reconcile.bothNoValue': { 'en-US': 'Neither side has a value ({detail})', 'zh-CN': '两侧都没有数值（{detail}）' },
  'reconcile.summaryAgrees': { 'en-US': 'Agrees in all {count} period(s)', 'zh-CN': '全部 {count} 个期间一致' },
  'reconcile.summaryBreaks': { 'en-US': 'Breaks in {breaks} of {count} period(s): {periods}', 'zh-CN': '{count} 个期间中有 {breaks} 个不一致：{periods}' },
  'reconcile.sideLeft': { 'en-US': 'Left', 'zh-CN': '左侧' },
  'reconcile.sideRight': { 'en-US': 'Right', 'zh-CN': '右侧' },
  'reconcile.sideLabel': { 'en-US': '{metric} from {source}{shift}', 'zh-CN': '{source}的{metric}{shift}' },
  'reconcile.shifted': { 'en-US': ', shifted {n} period(s)', 'zh-CN': '（偏移 {n} 期）' },
  // findings
  'reconcile.explain': {
    'en-US': 'Reconciliation "{rule}" breaks in {period}: {leftLabel} is {left}, {rightLabel} is {right}; the difference {difference} is beyond the tolerance {allowed}.',
    'zh-CN': '对账"{rule}"在 {period} 不一致：{leftLabel}为 {left}，{rightLabel}为 {right}；差额 {difference} 超出容差 {allowed}。',
  },
  'reconcile.explainMembers': { 'en-US': ' Largest differences: {list}.', 'zh-CN': '差异最大的是：{list}。' },
  'reconcile.explainRows': { 'en-US': ' {count} row(s) differ, first {first}.', 'zh-CN': '共有 {count} 行不同，首先是 {first}。' },
  'reconcile.rowOnlyLeft': { 'en-US': '{where} ({day}, {amount}) only on the left', 'zh-CN': '{where}（{day}，{amount}）仅在左侧' },
  'reconcile.rowOnlyRight': { 'en-US': '{where} ({day}, {amount}) only on the right', 'zh-CN': '{where}（{day}，{amount}）仅在右侧' },
  'reconcile.rowAmountDiffers': { 'en-US': '{where} ({day}) {amount} vs {otherAmount}', 'zh-CN': '{where}（{day}）{amount} 对 {otherAmount}' },
  'alert.kind.reconcile': { 'en-US': 'reconciliation break', 'zh-CN': '对账不一致' },
} as const satisfies Record<string, Localized>;
