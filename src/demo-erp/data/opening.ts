import { newDoc, type Sim } from './books';
import { businessDay } from './horizon';
import type { LineInput } from './journal';
import { openingPlan } from './opening-plan';
import { ENTITIES, MATERIALS, SALES_LINES, productById, salesDepartmentsOf, type EntityCode } from './master';
import { cents, costRatioOf, expectedRevenue, VAT_GOODS } from './plan';
import { expectedCostOfSales, MATERIAL_SHARE } from './purchases';
import { pickWeighted, splitCents } from './random';

/**
 * The trial balance each entity starts from, booked on the first day: working capital sized to its
 * sales, fixed assets, loans and capital, with retained earnings balancing it. Opening receivables
 * and payables are then settled over the first two months.
 */
export function openBooks(sim: Sim, entity: EntityCode): void {
  const e = ENTITIES.find((x) => x.code === entity)!;
  const first = sim.horizon.months[0]!;
  const monthly = SALES_LINES.reduce((sum, l) => (l.entity === entity ? sum + expectedRevenue(l, first) : sum), 0);
  const cost = expectedCostOfSales(sim, entity, 0);
  const lines: LineInput[] = openingPlan(e.scale, monthly);
  for (const m of MATERIALS) {
    const c = cents(0.55 * MATERIAL_SHARE * cost * m.bomShare);
    lines.push({ account: '1403', cents: c, department: 'Production', stock: { item: m.id, kind: 'material', type: 'opening', quantity: Math.round(c / 100 / m.unitPrice) } });
  }
  for (const product of new Set(SALES_LINES.filter((l) => l.entity === entity).map((l) => l.product))) {
    const p = productById.get(product)!;
    const productCost = SALES_LINES.filter((l) => l.entity === entity && l.product === product).reduce((sum, l) => sum + expectedRevenue(l, first) * costRatioOf(product, 0), 0);
    const c = cents(1.3 * productCost);
    lines.push({ account: '1405', cents: c, department: 'Production', product, stock: { item: product, kind: 'product', type: 'opening', quantity: Math.round(c / 100 / (p.listPrice * p.costRatio)) } });
  }
  const receivables = salesDepartmentsOf(entity).map((department) => {
    const revenue = SALES_LINES.reduce((sum, l) => (l.department === department ? sum + expectedRevenue(l, first) : sum), 0);
    return { department, cents: cents(1.95 * (1 + VAT_GOODS) * revenue) };
  });
  for (const r of receivables) lines.push({ account: '1122', cents: r.cents, department: r.department });
  const payables = cents(1.6 * (1 + VAT_GOODS) * MATERIAL_SHARE * cost);
  lines.push({ account: '2202', cents: -payables });
  const rest = lines.reduce((sum, l) => sum + l.cents, 0);
  lines.push({ account: '4104', cents: -rest });
  sim.books.journal.post(entity, sim.horizon.firstDay, lines);
  for (const r of receivables) collectOpening(sim, entity, r.department, r.cents);
  payOpening(sim, entity, payables);
}

/** Four receipts a month over the first two months from the department's customers, against no invoice of ours. */
function collectOpening(sim: Sim, entity: EntityCode, department: string, total: number): void {
  const customers = sim.master.customersOf.get(department)!;
  splitCents(sim.rng, total, 8).forEach((c, i) => {
    const customer = pickWeighted(sim.rng, customers.list, customers.weights);
    const day = businessDay(sim.horizon.dayIn(Math.min(i >> 2, sim.horizon.months.length - 1), 3 + 6 * (i % 4)));
    const receipt = { doc: newDoc('RCP'), day, entity, department, customer: customer.id, invoice: null, cents: c };
    const booked = sim.books.journal.post(
      entity,
      day,
      [
        { account: '1002', cents: c, department, customer: customer.id, cashflow: 'operating' },
        { account: '1122', cents: -c, department, customer: customer.id },
      ],
      { doc: receipt.doc },
    );
    if (booked) sim.books.receipts.push(receipt);
  });
}

/** Six payments to material suppliers over the first two months. */
function payOpening(sim: Sim, entity: EntityCode, total: number): void {
  const suppliers = sim.master.suppliersOf('materials');
  splitCents(sim.rng, total, 6).forEach((c, i) => {
    const supplier = sim.rng.pick(suppliers);
    const day = businessDay(sim.horizon.dayIn(Math.min(Math.floor(i / 3), sim.horizon.months.length - 1), 6 + 7 * (i % 3)));
    const payment = { doc: newDoc('PAY'), day, entity, department: null, supplier: supplier.id, bill: null, cents: c };
    const booked = sim.books.journal.post(entity, day, [{ account: '2202', cents: c, supplier: supplier.id }, { account: '1002', cents: -c, supplier: supplier.id, cashflow: 'operating' }], { doc: payment.doc });
    if (booked) sim.books.payments.push(payment);
  });
}
