import type { Locale, Localized } from './locale';

/**
 * Every user-facing message, in one place, in every language.
 * `{name}` placeholders are filled from params; unknown placeholders stay visible so a
 * missing parameter is noticed in review rather than silently dropped.
 */
export const messages = {
  // catalog validation
  'catalog.json': { 'en-US': 'The catalog is not valid JSON: {detail}', 'zh-CN': '指标目录不是有效的 JSON：{detail}' },
  'catalog.type': { 'en-US': 'Expected {expected}, found {found}', 'zh-CN': '应为{expected}，实际为{found}' },
  'catalog.required': { 'en-US': 'Missing required field "{field}"', 'zh-CN': '缺少必填字段"{field}"' },
  'catalog.unknownField': { 'en-US': 'Unknown field "{field}" (check the spelling)', 'zh-CN': '未知字段"{field}"（请检查拼写）' },
  'catalog.enum': { 'en-US': '"{value}" is not allowed; use one of: {allowed}', 'zh-CN': '不允许的值"{value}"；可选值：{allowed}' },
  'catalog.pattern': { 'en-US': '"{value}" does not match the expected form {hint}', 'zh-CN': '"{value}"格式不正确，应为 {hint}' },
  'catalog.range': { 'en-US': '{value} is outside the allowed range {min}–{max}', 'zh-CN': '{value} 超出允许范围 {min}–{max}' },
  'catalog.minItems': { 'en-US': 'At least {min} item(s) required', 'zh-CN': '至少需要 {min} 项' },
  'catalog.duplicateId': { 'en-US': 'Duplicate metric id "{id}" (first defined at {first})', 'zh-CN': '指标 ID"{id}"重复（首次定义于 {first}）' },
  'catalog.unknownMetric': { 'en-US': 'Refers to metric "{id}", which is not in the catalog', 'zh-CN': '引用的指标"{id}"不在目录中' },
  'catalog.cycle': { 'en-US': 'Circular definition: {path}', 'zh-CN': '循环定义：{path}' },
  'catalog.unknownCurrency': { 'en-US': 'Unknown currency code "{value}" (use an ISO 4217 code such as CNY, USD, EUR)', 'zh-CN': '未知币种代码"{value}"（请使用 ISO 4217 代码，如 CNY、USD、EUR）' },
  'catalog.badPeriod': { 'en-US': '"{value}" is not a period key (e.g. 2026-01, FY2026-Q1, FY2026)', 'zh-CN': '"{value}"不是有效期间（如 2026-01、FY2026-Q1、FY2026）' },
  'catalog.kindField': { 'en-US': 'Field "{field}" does not apply to a {kind} metric', 'zh-CN': '字段"{field}"不适用于{kind}类型的指标' },
  // formula
  'formula.unexpectedChar': { 'en-US': 'Unexpected character "{char}" at position {pos}', 'zh-CN': '第 {pos} 个字符"{char}"无法识别' },
  'formula.unexpectedToken': { 'en-US': 'Unexpected "{token}" at position {pos}; expected {expected}', 'zh-CN': '第 {pos} 个字符处的"{token}"不符合语法，应为{expected}' },
  'formula.unexpectedEnd': { 'en-US': 'The formula ends too early; expected {expected}', 'zh-CN': '公式不完整，缺少{expected}' },
  'formula.unknownFunction': { 'en-US': 'Unknown function {name} at position {pos}; available: {available}', 'zh-CN': '第 {pos} 个字符处的函数 {name} 不存在；可用函数：{available}' },
  'formula.arity': { 'en-US': '{name} at position {pos} takes {expected} argument(s), got {got}', 'zh-CN': '第 {pos} 个字符处的 {name} 需要 {expected} 个参数，实际 {got} 个' },
  'formula.constantArg': { 'en-US': 'Argument {index} of {name} at position {pos} must be a whole number', 'zh-CN': '第 {pos} 个字符处 {name} 的第 {index} 个参数必须是整数常量' },
  'formula.unknownRef': { 'en-US': 'Unknown metric "{id}" at position {pos}', 'zh-CN': '第 {pos} 个字符处引用的指标"{id}"不存在' },
  // value errors (shown in results instead of a number)
  'value.DIV0': { 'en-US': 'Division by zero', 'zh-CN': '除数为零' },
  'value.NEG_DENOMINATOR': { 'en-US': 'Negative denominator: the ratio is not meaningful', 'zh-CN': '分母为负，比率无意义' },
  'value.MISSING': { 'en-US': 'No data for this period', 'zh-CN': '该期间无数据' },
  'value.SOURCE': { 'en-US': 'The source failed: {detail}', 'zh-CN': '数据源出错：{detail}' },
  'value.NUM': { 'en-US': 'The result is not a finite number', 'zh-CN': '计算结果不是有限数值' },
  'value.CYCLE': { 'en-US': 'Circular definition', 'zh-CN': '循环定义' },
  'value.REF': { 'en-US': 'Refers to an unknown or invalid metric', 'zh-CN': '引用了不存在或无效的指标' },
  // ingest
  'ingest.empty': { 'en-US': 'The data has no rows', 'zh-CN': '数据没有任何行' },
  'ingest.noHeader': { 'en-US': 'No header row found', 'zh-CN': '未找到表头行' },
  'ingest.missingColumn': { 'en-US': 'Column "{column}" ({role}) not found; columns are: {columns}', 'zh-CN': '未找到列"{column}"（{role}）；现有列：{columns}' },
  'ingest.badDate': { 'en-US': 'Row {row}: "{value}" is not a date; row skipped', 'zh-CN': '第 {row} 行："{value}"不是日期，已跳过该行' },
  'ingest.badAmount': { 'en-US': 'Row {row}: amount "{value}" is not a number; row skipped', 'zh-CN': '第 {row} 行：金额"{value}"不是数字，已跳过该行' },
  'ingest.cellError': { 'en-US': 'Row {row}: the cell holds the error {value}; row skipped', 'zh-CN': '第 {row} 行：单元格为错误值 {value}，已跳过该行' },
  'ingest.rounded': { 'en-US': 'Row {row}: amount {value} has more than {scale} decimals; rounded', 'zh-CN': '第 {row} 行：金额 {value} 超过 {scale} 位小数，已四舍五入' },
  'ingest.blankAmount': { 'en-US': 'Row {row}: the amount is blank; row skipped', 'zh-CN': '第 {row} 行：金额为空，已跳过该行' },
  'ingest.csvQuote': { 'en-US': 'Line {row}: a quoted field is not closed', 'zh-CN': '第 {row} 行：引号字段未闭合' },
  'ingest.badMapping': { 'en-US': 'The column mapping is invalid: {detail}', 'zh-CN': '列映射无效：{detail}' },
  // ingest, located at a workbook cell ({cell} is e.g. Ledger!C17)
  'ingest.badDateAt': { 'en-US': '{cell}: "{value}" is not a date; row {row} skipped', 'zh-CN': '{cell}："{value}"不是日期，已跳过第 {row} 行' },
  'ingest.badAmountAt': { 'en-US': '{cell}: amount "{value}" is not a number; row {row} skipped', 'zh-CN': '{cell}：金额"{value}"不是数字，已跳过第 {row} 行' },
  'ingest.cellErrorAt': { 'en-US': '{cell}: the cell holds the error {value}; row {row} skipped', 'zh-CN': '{cell}：单元格为错误值 {value}，已跳过第 {row} 行' },
  'ingest.roundedAt': { 'en-US': '{cell}: amount {value} has more than {scale} decimals; rounded', 'zh-CN': '{cell}：金额 {value} 超过 {scale} 位小数，已四舍五入' },
  'ingest.blankAmountAt': { 'en-US': '{cell}: the amount is blank; row {row} skipped', 'zh-CN': '{cell}：金额为空，已跳过第 {row} 行' },
  // bindings (metric or source field ↔ workbook ranges)
  'bind.badRef': { 'en-US': '"{ref}" is not a range reference such as Sheet1!A1:F200', 'zh-CN': '"{ref}"不是区域引用（应如 Sheet1!A1:F200）' },
  'bind.layoutField': { 'en-US': 'Field "{field}" does not apply to the {layout} layout', 'zh-CN': '字段"{field}"不适用于{layout}布局' },
  'bind.tableColumnAmount': { 'en-US': 'The target column "{column}" is the amount; remove "{field}"', 'zh-CN': '目标列"{column}"即为金额列；请删除"{field}"' },
  'bind.wideTarget': { 'en-US': 'A wide layout needs a range, a name or a whole table, not one table column', 'zh-CN': '宽表布局需要绑定区域、名称或整张表，不能只绑定表的一列' },
  'bind.unknownName': { 'en-US': 'The workbook has no name "{name}"; names are: {names}', 'zh-CN': '工作簿中没有名称"{name}"；现有名称：{names}' },
  'bind.nameNotRange': { 'en-US': 'The name "{name}" refers to {ref}, which is not a single range', 'zh-CN': '名称"{name}"指向 {ref}，不是单个区域' },
  'bind.unknownTable': { 'en-US': 'The workbook has no table "{table}"; tables are: {tables}', 'zh-CN': '工作簿中没有表"{table}"；现有表：{tables}' },
  'bind.unknownColumn': { 'en-US': 'Table "{table}" has no column "{column}" ({role}); columns are: {columns}', 'zh-CN': '表"{table}"中没有列"{column}"（{role}）；现有列：{columns}' },
  'bind.noBlocks': { 'en-US': 'Nothing was read for binding "{id}"', 'zh-CN': '绑定"{id}"没有读取到任何单元格' },
  'bind.noPeriods': { 'en-US': 'No row of period headers in {range}: expected months (Jan, 1月, 2026-01), quarters (2026-Q1) or years (2026) across one row', 'zh-CN': '{range} 中没有期间表头行：应有一行横向排列的月份（Jan、1月、2026-01）、季度（2026-Q1）或年份（2026）' },
  'bind.headerRowOutside': { 'en-US': 'Header row {row} is outside the range read ({range})', 'zh-CN': '表头行 {row} 不在读取的区域（{range}）内' },
  'bind.needsYear': { 'en-US': '{cell}: "{value}" has no year; set wide.year to the year of the first such column', 'zh-CN': '{cell}："{value}"没有年份；请将 wide.year 设为第一个此类列的年份' },
  'bind.noLabelColumn': { 'en-US': 'Column "{column}" ({role}) not found in {range}; header cells are: {columns}', 'zh-CN': '在 {range} 中未找到列"{column}"（{role}）；表头单元格：{columns}' },
  'bind.noLabels': { 'en-US': 'No column of line-item labels left of the periods in {range}; set wide.labelColumn', 'zh-CN': '{range} 中期间列左侧没有项目标签列；请设置 wide.labelColumn' },
  'bind.noLabel': { 'en-US': '{cell}: the row has values but no label; row {row} skipped', 'zh-CN': '{cell}：该行有数值但没有项目标签，已跳过第 {row} 行' },
  'bind.cellError': { 'en-US': '{cell}: the cell holds the error {value}; skipped', 'zh-CN': '{cell}：单元格为错误值 {value}，已跳过' },
  'bind.badAmount': { 'en-US': '{cell}: "{value}" is not a number; skipped', 'zh-CN': '{cell}："{value}"不是数字，已跳过' },
  'bind.rounded': { 'en-US': '{cell}: {value} has more than {scale} decimals; rounded', 'zh-CN': '{cell}：{value} 超过 {scale} 位小数，已四舍五入' },
  'bind.totalRow': { 'en-US': '{cell}: "{value}" is a total row; skipped so it is not counted twice', 'zh-CN': '{cell}："{value}"是合计行，已跳过，以免重复计算' },
  'bind.hiddenIncluded': { 'en-US': '{count} hidden row(s) were read: {rows}', 'zh-CN': '已读取 {count} 个隐藏行：{rows}' },
  'bind.hiddenSkipped': { 'en-US': '{count} hidden row(s) were skipped: {rows}', 'zh-CN': '已跳过 {count} 个隐藏行：{rows}' },
  'bind.ignoredColumns': { 'en-US': 'Columns that are not periods were ignored: {columns}', 'zh-CN': '以下非期间列已忽略：{columns}' },
  'bind.totalColumns': { 'en-US': 'Columns that total other period columns were ignored: {columns}', 'zh-CN': '以下汇总其他期间列的列已忽略：{columns}' },
  'bind.duplicateLabel': { 'en-US': '"{label}" labels several rows ({cells}); their values are added together under one account', 'zh-CN': '多行使用同一标签"{label}"（{cells}），其数值将合并到同一科目' },
  'bind.duplicatePeriod': { 'en-US': 'Columns {cells} are the same period ({period}); their values are added together', 'zh-CN': '列 {cells} 为同一期间（{period}），其数值将相加' },
  // storage
  'storage.write': { 'en-US': 'Cannot save to {path}: {detail}. Nothing was half-written; check the disk and retry.', 'zh-CN': '无法保存到 {path}：{detail}。未写入任何不完整的数据；请检查磁盘后重试。' },
  'storage.corruptLine': { 'en-US': '{path}: a damaged entry was skipped ({detail})', 'zh-CN': '{path}：已跳过一条损坏的记录（{detail}）' },
  'storage.closed': { 'en-US': 'The history store in {path} is closed', 'zh-CN': '{path} 中的历史存储已关闭' },
  'storage.invalid': { 'en-US': 'Cannot store this record: {detail}', 'zh-CN': '无法保存该记录：{detail}' },
  // workbook hosts
  'host.noSheet': { 'en-US': 'Sheet "{sheet}" does not exist; sheets are: {sheets}', 'zh-CN': '工作表"{sheet}"不存在；现有工作表：{sheets}' },
  'host.badAddress': { 'en-US': '"{address}" is not a cell or range address (e.g. B2 or B2:D40)', 'zh-CN': '"{address}"不是有效的单元格或区域地址（如 B2 或 B2:D40）' },
  'host.raggedBlock': { 'en-US': 'Row {row} of the block written to {sheet}!{address} has {got} cells, expected {expected}', 'zh-CN': '写入 {sheet}!{address} 的数据第 {row} 行有 {got} 个单元格，应为 {expected} 个' },
  'host.credentials': { 'en-US': 'Setting "{key}" looks like a credential; credentials are never stored in the workbook', 'zh-CN': '设置"{key}"看起来是凭据；凭据绝不保存在工作簿中' },
  'host.unsupported': { 'en-US': '{feature} is not available in this host ({host})', 'zh-CN': '当前宿主（{host}）不支持{feature}' },
  'host.saveOverSource': { 'en-US': 'FinPulse never overwrites the workbook it opened ({path}); save the copy under another name', 'zh-CN': 'FinPulse 不会覆盖打开的原工作簿（{path}）；请将副本另存为其他文件名' },
  'host.failed': { 'en-US': 'The workbook did not accept the operation: {detail}', 'zh-CN': '工作簿未能完成操作：{detail}' },
  // refresh
  'refresh.breach': { 'en-US': '{name}, {period}: {value} is {status} (threshold crossed)', 'zh-CN': '{name}，{period}：{value}，状态为{status}（超出阈值）' },
  'refresh.missingSheet': { 'en-US': 'Binding "{id}" reads sheet "{sheet}", which is not in the workbook; its data was left out', 'zh-CN': '绑定"{id}"读取的工作表"{sheet}"不在工作簿中，已略过其数据' },
  // general
  'io.read': { 'en-US': 'Cannot read {path}: {detail}', 'zh-CN': '无法读取 {path}：{detail}' },
  'io.format': { 'en-US': 'Unsupported file type {path}; use {allowed}', 'zh-CN': '不支持的文件类型 {path}；请使用 {allowed}' },
  'cli.usage': { 'en-US': '{detail}', 'zh-CN': '{detail}' },
  'internal': { 'en-US': 'Unexpected error: {detail}', 'zh-CN': '意外错误：{detail}' },
} as const satisfies Record<string, Localized>;

export type MessageCode = keyof typeof messages;
export type MessageParams = Readonly<Record<string, string | number>>;

export function formatMessage(code: MessageCode, params: MessageParams, locale: Locale): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function localize(code: MessageCode, params: MessageParams = {}): Localized {
  return { 'en-US': formatMessage(code, params, 'en-US'), 'zh-CN': formatMessage(code, params, 'zh-CN') };
}
