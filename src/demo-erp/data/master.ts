import { cumulative, type Rng } from './random';

/** The group: three legal entities, each with its sales departments; production, admin and finance exist in each. */
export const ENTITIES = [
  { code: 'FP-SH', name: 'FinPulse Precision Machinery (Shanghai) Co., Ltd.', nameZh: '飞普精密机械（上海）有限公司', city: 'Shanghai', scale: 1, bankAccount: 'ICBC-SH-0101' },
  { code: 'FP-SZ', name: 'FinPulse Fluid Systems (Suzhou) Co., Ltd.', nameZh: '飞普流体系统（苏州）有限公司', city: 'Suzhou', scale: 0.8, bankAccount: 'BOC-SZ-0202' },
  { code: 'FP-CD', name: 'FinPulse Drives (Chengdu) Co., Ltd.', nameZh: '飞普传动（成都）有限公司', city: 'Chengdu', scale: 0.55, bankAccount: 'CCB-CD-0303' },
] as const;

export type EntityCode = (typeof ENTITIES)[number]['code'];

export type DepartmentFunction = 'sales' | 'production' | 'admin' | 'finance';

export interface DepartmentDef {
  id: string;
  name: string;
  nameZh: string;
  function: DepartmentFunction;
  /** Sales departments belong to one entity; production, admin and finance exist in every entity. */
  entity: EntityCode | null;
}

export const DEPARTMENTS: readonly DepartmentDef[] = [
  { id: 'East-1', name: 'Sales East 1', nameZh: '华东销售一部', function: 'sales', entity: 'FP-SH' },
  { id: 'East-2', name: 'Sales East 2', nameZh: '华东销售二部', function: 'sales', entity: 'FP-SH' },
  { id: 'North-1', name: 'Sales North', nameZh: '华北销售部', function: 'sales', entity: 'FP-SZ' },
  { id: 'South-1', name: 'Sales South', nameZh: '华南销售部', function: 'sales', entity: 'FP-SZ' },
  { id: 'West-1', name: 'Sales West', nameZh: '西南销售部', function: 'sales', entity: 'FP-CD' },
  { id: 'Production', name: 'Production', nameZh: '生产部', function: 'production', entity: null },
  { id: 'Admin', name: 'Administration', nameZh: '行政管理部', function: 'admin', entity: null },
  { id: 'Finance', name: 'Finance', nameZh: '财务部', function: 'finance', entity: null },
];

export const salesDepartmentsOf = (entity: EntityCode): string[] => DEPARTMENTS.filter((d) => d.entity === entity).map((d) => d.id);

export interface ProductDef {
  id: string;
  name: string;
  family: 'Pumps' | 'Valves' | 'Motors' | 'Sensors';
  /** List price per unit in CNY, VAT excluded. */
  listPrice: number;
  /** Cost of sales as a share of revenue at the start of the data. */
  costRatio: number;
}

export const PRODUCTS: readonly ProductDef[] = [
  { id: 'P-100', name: 'Centrifugal pump CP-50', family: 'Pumps', listPrice: 18_500, costRatio: 0.66 },
  { id: 'P-101', name: 'Multistage pump MP-80', family: 'Pumps', listPrice: 42_000, costRatio: 0.7 },
  { id: 'P-102', name: 'Gate valve GV-150', family: 'Valves', listPrice: 6_800, costRatio: 0.62 },
  { id: 'P-103', name: 'Ball valve BV-200', family: 'Valves', listPrice: 9_400, costRatio: 0.68 },
  { id: 'P-104', name: 'Pump service kit SK-1', family: 'Pumps', listPrice: 1_200, costRatio: 0.52 },
  { id: 'P-105', name: 'Valve actuator VA-2', family: 'Valves', listPrice: 15_600, costRatio: 0.64 },
  { id: 'P-106', name: 'Check valve CV-80', family: 'Valves', listPrice: 3_900, costRatio: 0.6 },
  { id: 'P-107', name: 'Servo motor SM-7', family: 'Motors', listPrice: 26_000, costRatio: 0.72 },
  { id: 'P-108', name: 'Gearbox GB-3', family: 'Motors', listPrice: 12_800, costRatio: 0.69 },
  { id: 'P-109', name: 'Pressure sensor PS-4', family: 'Sensors', listPrice: 2_600, costRatio: 0.55 },
  { id: 'P-110', name: 'Flow meter FM-9', family: 'Sensors', listPrice: 8_900, costRatio: 0.58 },
  { id: 'P-111', name: 'Pump controller CT-1', family: 'Sensors', listPrice: 21_000, costRatio: 0.57 },
];

export const productById = new Map(PRODUCTS.map((p) => [p.id, p] as const));

/** Raw materials, with their share of a unit of production cost that is material. */
export const MATERIALS = [
  { id: 'M-01', name: 'Stainless steel sheet', unitPrice: 24, bomShare: 0.35 },
  { id: 'M-02', name: 'Copper wire', unitPrice: 78, bomShare: 0.2 },
  { id: 'M-03', name: 'Iron castings', unitPrice: 16, bomShare: 0.25 },
  { id: 'M-04', name: 'Electronic components', unitPrice: 140, bomShare: 0.15 },
  { id: 'M-05', name: 'Packaging', unitPrice: 9, bomShare: 0.05 },
] as const;

export type MaterialId = (typeof MATERIALS)[number]['id'];

/** What each sales department sells: monthly revenue in CNY at the start, before seasonality, and its yearly growth. */
export interface SalesLine {
  entity: EntityCode;
  department: string;
  product: string;
  base: number;
  growth: number;
}

export const SALES_LINES: readonly SalesLine[] = [
  { entity: 'FP-SH', department: 'East-1', product: 'P-100', base: 9_200_000, growth: 0.06 },
  { entity: 'FP-SH', department: 'East-1', product: 'P-101', base: 7_400_000, growth: 0.05 },
  { entity: 'FP-SH', department: 'East-1', product: 'P-104', base: 1_600_000, growth: 0.09 },
  { entity: 'FP-SH', department: 'East-2', product: 'P-101', base: 6_100_000, growth: 0.08 },
  { entity: 'FP-SH', department: 'East-2', product: 'P-102', base: 8_300_000, growth: 0.07 },
  { entity: 'FP-SH', department: 'East-2', product: 'P-105', base: 2_200_000, growth: 0.12 },
  { entity: 'FP-SZ', department: 'North-1', product: 'P-102', base: 5_600_000, growth: 0.04 },
  { entity: 'FP-SZ', department: 'North-1', product: 'P-103', base: 6_900_000, growth: 0.05 },
  { entity: 'FP-SZ', department: 'North-1', product: 'P-106', base: 2_500_000, growth: 0.06 },
  { entity: 'FP-SZ', department: 'South-1', product: 'P-103', base: 4_800_000, growth: 0.08 },
  { entity: 'FP-SZ', department: 'South-1', product: 'P-107', base: 7_700_000, growth: 0.1 },
  { entity: 'FP-SZ', department: 'South-1', product: 'P-108', base: 1_900_000, growth: 0.07 },
  { entity: 'FP-CD', department: 'West-1', product: 'P-107', base: 5_300_000, growth: 0.11 },
  { entity: 'FP-CD', department: 'West-1', product: 'P-109', base: 4_100_000, growth: 0.14 },
  { entity: 'FP-CD', department: 'West-1', product: 'P-100', base: 3_600_000, growth: 0.06 },
  { entity: 'FP-CD', department: 'West-1', product: 'P-110', base: 1_500_000, growth: 0.1 },
  { entity: 'FP-CD', department: 'West-1', product: 'P-111', base: 1_200_000, growth: 0.15 },
];

export interface CustomerDef {
  id: string;
  name: string;
  entity: EntityCode;
  department: string;
  city: string;
  paymentTermsDays: number;
  /** Days a customer habitually pays after the due date. */
  lateness: number;
}

export interface SupplierDef {
  id: string;
  name: string;
  category: 'materials' | 'logistics' | 'services';
  material: MaterialId | null;
  paymentTermsDays: number;
}

export interface MasterData {
  customers: readonly CustomerDef[];
  suppliers: readonly SupplierDef[];
  /** Per sales department: its customers and cumulative weights (a few large customers, a long tail). */
  customersOf: ReadonlyMap<string, { list: readonly CustomerDef[]; weights: Float64Array }>;
  suppliersOf: (category: SupplierDef['category'], material?: MaterialId) => readonly SupplierDef[];
}

const CITIES: Record<string, readonly string[]> = {
  East: ['Pudong', 'Ningbo', 'Hangzhou', 'Wuxi', 'Nantong', 'Jiaxing'],
  North: ['Tianjin', 'Jinan', 'Qingdao', 'Dalian', 'Tangshan', 'Yantai'],
  South: ['Guangzhou', 'Foshan', 'Dongguan', 'Xiamen', 'Zhuhai', 'Huizhou'],
  West: ['Chengdu', 'Chongqing', 'Mianyang', 'Kunming', 'Guiyang', 'Deyang'],
};
const TRADES = ['Water Works', 'Petrochemical', 'Power Equipment', 'HVAC Systems', 'Auto Parts', 'Heavy Machinery', 'Environmental Tech', 'Mining Equipment', 'Food Machinery', 'Shipbuilding', 'Pharma Engineering', 'Fluid Control'];
const CUSTOMERS_PER_DEPARTMENT = 30;
const TERMS = [30, 45, 45, 60, 60, 90];

function makeCustomers(rng: Rng): CustomerDef[] {
  const out: CustomerDef[] = [];
  for (const dept of DEPARTMENTS.filter((d) => d.function === 'sales')) {
    const cities = CITIES[dept.id.split('-')[0]!]!;
    for (let i = 0; i < CUSTOMERS_PER_DEPARTMENT; i += 1) {
      const city = cities[i % cities.length]!;
      const trade = TRADES[(i * 5 + Math.floor(i / cities.length)) % TRADES.length]!;
      out.push({
        id: `C-${String(out.length + 1).padStart(4, '0')}`,
        name: `${city} ${trade} Co., Ltd.`,
        entity: dept.entity!,
        department: dept.id,
        city,
        paymentTermsDays: rng.pick(TERMS),
        lateness: Math.max(0, Math.round(rng.uniform(-4, 14))),
      });
    }
  }
  return out;
}

const SUPPLIER_PLAN: ReadonlyArray<{ category: SupplierDef['category']; material: MaterialId | null; count: number; label: string }> = [
  ...MATERIALS.map((m) => ({ category: 'materials' as const, material: m.id, count: 6, label: m.name })),
  { category: 'logistics', material: null, count: 12, label: 'Logistics' },
  { category: 'services', material: null, count: 18, label: 'Technical Services' },
];
const SUPPLIER_PLACES = ['Anhui', 'Jiangsu', 'Zhejiang', 'Shandong', 'Hebei', 'Hubei', 'Sichuan', 'Fujian', 'Henan'];

function makeSuppliers(rng: Rng): SupplierDef[] {
  const out: SupplierDef[] = [];
  for (const plan of SUPPLIER_PLAN) {
    for (let i = 0; i < plan.count; i += 1) {
      const place = SUPPLIER_PLACES[i % SUPPLIER_PLACES.length]!;
      const branch = i < SUPPLIER_PLACES.length ? '' : ` No. ${Math.floor(i / SUPPLIER_PLACES.length) + 1}`;
      out.push({
        id: `S-${String(out.length + 1).padStart(4, '0')}`,
        name: `${place} ${plan.label} Co., Ltd.${branch}`,
        category: plan.category,
        material: plan.material,
        paymentTermsDays: rng.pick([30, 60, 60, 90]),
      });
    }
  }
  return out;
}

export function makeMasterData(rng: Rng): MasterData {
  const customers = makeCustomers(rng);
  const suppliers = makeSuppliers(rng);
  const customersOf = new Map<string, { list: CustomerDef[]; weights: Float64Array }>();
  for (const dept of new Set(customers.map((c) => c.department))) {
    const list = customers.filter((c) => c.department === dept);
    // Zipf-like: the biggest customer buys about ten times the thirtieth.
    customersOf.set(dept, { list, weights: cumulative(list.map((_, rank) => 1 / (rank + 1) ** 0.7)) });
  }
  return {
    customers,
    suppliers,
    customersOf,
    suppliersOf: (category, material) => suppliers.filter((s) => s.category === category && (material === undefined || s.material === material)),
  };
}
