import type { SourceDefinition } from '../../core/sources';

/** The demo ERP's API key (src/demo-erp/API.md): demo data only, stored like any user secret. */
export const DEMO_API_KEY = { name: 'DEMO_ERP_API_KEY', value: 'demo-api-key' } as const;

/**
 * The newcomer's ERP source: the demo ERP's monthly budget lines as source `budget`, the source the
 * catalog's budget metrics read, so budget-vs-actual works after one click and a refresh.
 */
export function demoBudgetSource(erpUrl: string): SourceDefinition {
  return {
    id: 'budget',
    name: { 'zh-CN': '演示 ERP 预算', 'en-US': 'Demo ERP budget' },
    kind: 'rest',
    auth: { type: 'apiKey', in: 'header', name: 'X-API-Key', secret: DEMO_API_KEY.name },
    request: { url: `${erpUrl.replace(/\/+$/, '')}/api/page/budget` },
    paging: { style: 'page', size: 1000, totalPagesPath: '$.data.totalPages', totalPath: '$.data.total' },
    records: '$.data.items[*]',
    fields: { date: 'period', amount: 'amount', account: 'account', dimensions: { entity: 'entity', department: 'department' }, key: 'id' },
  };
}
