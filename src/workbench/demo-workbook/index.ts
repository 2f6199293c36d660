/** The workbench's demo workbook (examples/demo-workbook.xlsx), built in Node by `npm run examples`. */
export { buildDemoWorkbook, LEDGER_HEADER_ROW, PLAN_HEADER_ROW, type DemoSources } from './build';
export { DEMO_WORKBOOK_FILE, demoBindings } from './bindings';
