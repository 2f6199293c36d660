import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoWorkbook, DEMO_WORKBOOK_FILE } from './index';

const EXAMPLES = join(__dirname, '../../../examples');
const text = (file: string): string => readFileSync(join(EXAMPLES, file), 'utf8');

describe('the demo workbook', () => {
  it('examples/demo-workbook.xlsx is exactly what the generator builds from the CSVs (run `npm run examples` after changing either)', async () => {
    const built = await buildDemoWorkbook({ ledgerCsv: text('ledger.csv'), budgetCsv: text('budget.csv'), forecastCsv: text('forecast.csv') });
    const committed = readFileSync(join(EXAMPLES, DEMO_WORKBOOK_FILE));
    expect(built.length).toBe(committed.length);
    expect(Buffer.from(built).equals(committed)).toBe(true);
  });
});
