import type { PaneModel } from '../ui/app/model';

/**
 * The workbench's model. For now a fixed example (two metrics, three months, one error);
 * the body will be replaced by a run of the real engine over the demo workbook. Keep the signature.
 */
export function loadDemoModel(): PaneModel {
  return {
    title: 'Demo workbook',
    locale: 'zh-CN',
    periods: ['2025-01', '2025-02', '2025-03'],
    rows: [
      {
        id: 'revenue',
        name: { 'zh-CN': '营业收入', 'en-US': 'Revenue' },
        unitLabel: '万元',
        periods: [
          { period: '2025-01', display: '1,250.40' },
          { period: '2025-02', display: '1,318.75' },
          { period: '2025-03', display: '1,402.10' },
        ],
      },
      {
        id: 'gross_margin',
        name: { 'zh-CN': '毛利率', 'en-US': 'Gross margin' },
        unitLabel: '%',
        periods: [
          { period: '2025-01', display: '38.2' },
          { period: '2025-02', display: '39.1' },
          {
            period: '2025-03',
            display: '#N/A',
            error: 'Cost of sales for 2025-03 is missing from the source range, so the margin cannot be computed.',
          },
        ],
      },
    ],
    warnings: ['Demo data: not read from a workbook.'],
  };
}
