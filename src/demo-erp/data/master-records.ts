import { CHART_OF_ACCOUNTS } from '../../core/kpi';
import type { DatasetName, ErpRecord } from './datasets';
import { DEPARTMENTS, ENTITIES, MATERIALS, PRODUCTS, type MasterData } from './master';

type MasterName = Extract<DatasetName, 'entities' | 'departments' | 'products' | 'customers' | 'suppliers' | 'accounts'>;

/** Master data as served; all of it stamped `modifiedAt` just before the first transaction. */
export function masterRecords(master: MasterData, modifiedAt: string): Record<MasterName, ErpRecord[]> {
  return {
    entities: ENTITIES.map((e) => ({ id: e.code, name: e.name, nameZh: e.nameZh, city: e.city, currency: 'CNY', modifiedAt })),
    departments: DEPARTMENTS.map((d) => ({ id: d.id, name: d.name, nameZh: d.nameZh, function: d.function, entity: d.entity, modifiedAt })),
    products: [
      ...PRODUCTS.map((p) => ({ id: p.id, name: p.name, family: p.family, unit: 'pcs', listPrice: p.listPrice, modifiedAt })),
      ...MATERIALS.map((m) => ({ id: m.id, name: m.name, family: 'Materials', unit: 'kg', listPrice: m.unitPrice, modifiedAt })),
    ],
    customers: master.customers.map((c) => ({ id: c.id, name: c.name, entity: c.entity, department: c.department, city: c.city, paymentTermsDays: c.paymentTermsDays, modifiedAt })),
    suppliers: master.suppliers.map((s) => ({ id: s.id, name: s.name, category: s.category, item: s.material, paymentTermsDays: s.paymentTermsDays, modifiedAt })),
    accounts: CHART_OF_ACCOUNTS.map((a) => ({ id: a.code, name: a.name['en-US'], nameZh: a.name['zh-CN'], class: a.class, normal: a.normal, modifiedAt })),
  };
}
