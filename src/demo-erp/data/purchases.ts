import { addVat, newDoc, workdayOf, type Bill, type Sim } from './books';
import { businessDay } from './horizon';
import { MATERIALS, SALES_LINES, salesDepartmentsOf, type EntityCode } from './master';
import { cents, costRatioOf, expectedRevenue, scaleOf, VAT_GOODS, VAT_SERVICES, VAT_TRANSPORT } from './plan';
import { splitCents } from './random';

/** Share of production cost that is material; the rest is labour, depreciation and utilities. */
export const MATERIAL_SHARE = 0.7;
/** Raw materials kept in stock, in months of use. */
const RAW_STOCK_MONTHS = 0.55;

/** Expected cost of sales of an entity's month in CNY, which purchasing and production plan against. */
export function expectedCostOfSales(sim: Sim, entity: EntityCode, month: number): number {
  const mo = sim.horizon.months[Math.min(month, sim.horizon.months.length - 1)]!;
  return SALES_LINES.filter((l) => l.entity === entity).reduce((s, l) => s + expectedRevenue(l, mo) * costRatioOf(l.product, month), 0);
}

/** Material bills for the month's expected use plus half the gap to the target stock, one supplier per bill. */
export function buyMaterials(sim: Sim, entity: EntityCode, month: number): void {
  const use = MATERIAL_SHARE * expectedCostOfSales(sim, entity, month);
  const raw = sim.books.journal.balance(entity, '1403') / 100;
  const buy = Math.max(0, use + 0.5 * (RAW_STOCK_MONTHS * use - raw)) * sim.rng.uniform(0.97, 1.03);
  const bills = sim.volumes.materialBills(entity, month);
  for (const m of MATERIALS) {
    const suppliers = sim.master.suppliersOf('materials', m.id);
    for (const net of splitCents(sim.rng, cents(buy * m.bomShare), Math.max(1, Math.round(bills * m.bomShare)))) {
      const supplier = sim.rng.pick(suppliers);
      const quantity = Math.max(1, Math.round(net / 100 / (m.unitPrice * sim.rng.uniform(0.95, 1.05))));
      bill(sim, { entity, month, department: 'Production', supplier: supplier.id, terms: supplier.paymentTermsDays, account: '1403', item: m.id, net, vatRate: VAT_GOODS, quantity });
    }
  }
}

/** Freight for each sales department (selling expense) and technical services for administration, billed by suppliers. */
export function buyServices(sim: Sim, entity: EntityCode, month: number): void {
  const departments = salesDepartmentsOf(entity);
  const per = Math.max(1, Math.round(sim.volumes.serviceBills(entity, month) / (departments.length + 1)));
  const spike = sim.plant.sellingSpike;
  for (const department of departments) {
    const revenue = SALES_LINES.reduce((s, l, i) => (l.department === department ? s + sim.revenue[i]![month]! : s), 0);
    const factor = spike.department === department && spike.month === month ? spike.factor : 1;
    const total = Math.round(revenue * 0.012 * factor * sim.rng.uniform(0.9, 1.1));
    for (const net of splitCents(sim.rng, total, per)) serviceBill(sim, entity, month, department, 'logistics', '6601', net, VAT_TRANSPORT);
  }
  const admin = cents(380_000 * scaleOf(entity) * (1 + sim.rng.noise(0.1)));
  for (const net of splitCents(sim.rng, admin, per)) serviceBill(sim, entity, month, 'Admin', 'services', '6602', net, VAT_SERVICES);
}

function serviceBill(sim: Sim, entity: EntityCode, month: number, department: string, category: 'logistics' | 'services', account: string, net: number, vatRate: number): void {
  const supplier = sim.rng.pick(sim.master.suppliersOf(category));
  bill(sim, { entity, month, department, supplier: supplier.id, terms: supplier.paymentTermsDays, account, item: null, net, vatRate, quantity: 0 });
}

interface BillInput {
  entity: EntityCode;
  month: number;
  department: string;
  supplier: string;
  terms: number;
  account: string;
  item: string | null;
  net: number;
  vatRate: number;
  quantity: number;
}

/** Books the bill (cost or stock, input VAT, payable) and its payment on the due date, give or take. */
function bill(sim: Sim, b: BillInput): void {
  const day = workdayOf(sim, b.month);
  const vat = Math.round(b.net * b.vatRate);
  const doc: Bill = { doc: newDoc('BILL'), day, dueDay: day + b.terms, entity: b.entity, department: b.department, supplier: b.supplier, account: b.account, item: b.item, net: b.net, vat };
  const stock = b.item === null ? {} : { stock: { item: b.item, kind: 'material' as const, type: 'receipt' as const, quantity: b.quantity } };
  const booked = sim.books.journal.post(
    b.entity,
    day,
    [
      { account: b.account, cents: b.net, department: b.department, supplier: b.supplier, ...stock },
      { account: '222101', cents: vat },
      { account: '2202', cents: -(b.net + vat), supplier: b.supplier },
    ],
    { doc: doc.doc },
  );
  if (!booked) return;
  sim.books.bills.push(doc);
  addVat(sim, b.entity, b.month, -vat);
  const payDay = businessDay(doc.dueDay + sim.rng.int(-3, 5));
  const payment = { doc: newDoc('PAY'), day: payDay, entity: b.entity, department: b.department, supplier: b.supplier, bill: doc, cents: b.net + vat };
  const paid = sim.books.journal.post(
    b.entity,
    payDay,
    [
      { account: '2202', cents: payment.cents, supplier: b.supplier },
      { account: '1002', cents: -payment.cents, department: b.department, supplier: b.supplier, cashflow: 'operating' },
    ],
    { doc: payment.doc },
  );
  if (paid) sim.books.payments.push(payment);
}
