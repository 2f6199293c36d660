import type { Localized } from '../locale';

/** The browser workbench: opening workbooks, the grid. */
export const workbenchMessages = {
  'workbench.notXlsx': {
    'en-US': '{name} is not an Excel workbook (.xlsx). Open a .xlsx file saved by Excel, WPS or LibreOffice; the current workbook stays open.',
    'zh-CN': '{name} 不是 Excel 工作簿（.xlsx）。请打开由 Excel、WPS 或 LibreOffice 保存的 .xlsx 文件；当前工作簿保持打开。',
  },
  'workbench.encrypted': {
    'en-US': '{name} is protected by a password. Remove the password in Excel or WPS (File › Info › Protect Workbook), save, and open it again; the current workbook stays open.',
    'zh-CN': '{name} 设置了打开密码。请在 Excel 或 WPS 中取消密码（文件 › 信息 › 保护工作簿）并保存后再打开；当前工作簿保持打开。',
  },
  'workbench.legacyXls': {
    'en-US': '{name} is an old-format .xls workbook. Save it as .xlsx in Excel or WPS and open that; the current workbook stays open.',
    'zh-CN': '{name} 是旧格式 .xls 工作簿。请在 Excel 或 WPS 中另存为 .xlsx 后再打开；当前工作簿保持打开。',
  },
  'workbench.tooBig': {
    'en-US': '{name} is {size} MB; the workbench opens workbooks up to {limit} MB. Use the finpulse command for larger files; the current workbook stays open.',
    'zh-CN': '{name} 大小为 {size} MB，工作台最多打开 {limit} MB 的工作簿。更大的文件请使用 finpulse 命令；当前工作簿保持打开。',
  },
  'workbench.unreadable': {
    'en-US': '{name} could not be read ({detail}). Open it in Excel or WPS, save it again as .xlsx and retry; the current workbook stays open.',
    'zh-CN': '无法读取 {name}（{detail}）。请在 Excel 或 WPS 中打开并重新保存为 .xlsx 后重试；当前工作簿保持打开。',
  },
  'workbench.fetchFailed': {
    'en-US': 'The demo workbook could not be loaded from {url} ({detail}). Rebuild with npm start and reload the page.',
    'zh-CN': '无法从 {url} 加载演示工作簿（{detail}）。请重新运行 npm start 并刷新页面。',
  },
  'workbench.open': { 'en-US': 'Open workbook…', 'zh-CN': '打开工作簿…' },
  'workbench.reset': { 'en-US': 'Reset demo', 'zh-CN': '重置演示' },
  'workbench.loading': { 'en-US': 'Opening {name}…', 'zh-CN': '正在打开 {name}…' },
  'workbench.opened': { 'en-US': 'Opened {name}: {sheets} sheets.', 'zh-CN': '已打开 {name}：{sheets} 个工作表。' },
  'workbench.dropHint': { 'en-US': 'Drop a .xlsx file to open it', 'zh-CN': '拖放 .xlsx 文件即可打开' },
  'workbench.nameBox': { 'en-US': 'Name box: the selected cells', 'zh-CN': '名称框：所选单元格' },
  'workbench.sheets': { 'en-US': 'Sheets', 'zh-CN': '工作表' },
  'workbench.grid': { 'en-US': 'Worksheet {sheet}', 'zh-CN': '工作表 {sheet}' },
  'workbench.note': { 'en-US': 'Note on {cell}', 'zh-CN': '{cell} 的批注' },
  'workbench.showPane': { 'en-US': 'FinPulse pane', 'zh-CN': 'FinPulse 窗格' },
  'workbench.showGrid': { 'en-US': 'Workbook', 'zh-CN': '工作簿' },
  'workbench.resizePane': { 'en-US': 'Resize the FinPulse pane', 'zh-CN': '调整 FinPulse 窗格宽度' },
  'workbench.toolbar': { 'en-US': 'Workbook', 'zh-CN': '工作簿' },
  'workbench.emptySheet': { 'en-US': 'This sheet is empty.', 'zh-CN': '此工作表为空。' },
} as const satisfies Record<string, Localized>;
