import { addVat, newDoc, workdayOf, type Invoice, type Sim } from './books';
import { businessDay } from './horizon';
import { SALES_LINES, productById, type EntityCode } from './master';
import { costRatioOf, VAT_GOODS } from './plan';
import { pickWeighted, splitCents } from './random';

/**
 * One month of sales for an entity: each sales line's revenue is split into invoices to the
 * department's customers; each invoice books receivable, revenue, output VAT and its cost of sales
 * in one entry, and its receipt is booked on the day the customer will pay (if the data reaches it).
 */
export function sellMonth(sim: Sim, entity: EntityCode, month: number): void {
  SALES_LINES.forEach((line, index) => {
    if (line.entity !== entity) return;
    const total = sim.revenue[index]![month]!;
    for (const net of splitCents(sim.rng, total, sim.volumes.invoices(index, month))) invoice(sim, entity, month, line.department, line.product, net);
  });
}

function invoice(sim: Sim, entity: EntityCode, month: number, department: string, product: string, net: number): void {
  const { rng, master, books } = sim;
  const customers = master.customersOf.get(department)!;
  const customer = pickWeighted(rng, customers.list, customers.weights);
  const day = workdayOf(sim, month);
  const price = productById.get(product)!.listPrice * rng.uniform(0.82, 1);
  const quantity = Math.max(1, Math.round(net / 100 / price));
  const vat = Math.round(net * VAT_GOODS);
  const cost = Math.round(net * (costRatioOf(product, month) + rng.noise(0.01)));
  const doc: Invoice = { doc: newDoc('INV'), day, dueDay: day + customer.paymentTermsDays, entity, department, customer: customer.id, product, quantity, net, vat };
  const booked = books.journal.post(
    entity,
    day,
    [
      { account: '1122', cents: net + vat, department, customer: customer.id, product },
      { account: '6001', cents: -net, department, customer: customer.id, product },
      { account: '222101', cents: -vat },
      { account: '6401', cents: cost, department, customer: customer.id, product },
      { account: '1405', cents: -cost, department: 'Production', product, stock: { item: product, kind: 'product', type: 'shipment', quantity: -quantity } },
    ],
    { doc: doc.doc },
  );
  if (!booked) return;
  books.invoices.push(doc);
  addVat(sim, entity, month, vat);
  collect(sim, doc, month, customer.lateness);
}

/** Books the receipt on the day the customer pays: terms, habit, chance, and the planted stall. */
function collect(sim: Sim, inv: Invoice, month: number, lateness: number): void {
  const stall = sim.plant.collectionStall;
  const stalled = stall.entity === inv.entity && stall.department === inv.department && month >= stall.fromMonth && month <= stall.toMonth;
  const day = businessDay(inv.dueDay + lateness + sim.rng.int(-4, 9) + (stalled ? stall.extraDays : 0));
  const receipt = { doc: newDoc('RCP'), day, entity: inv.entity, department: inv.department, customer: inv.customer, invoice: inv, cents: inv.net + inv.vat };
  const booked = sim.books.journal.post(
    inv.entity,
    day,
    [
      { account: '1002', cents: receipt.cents, department: inv.department, customer: inv.customer, cashflow: 'operating' },
      { account: '1122', cents: -receipt.cents, department: inv.department, customer: inv.customer, product: inv.product },
    ],
    { doc: receipt.doc },
  );
  if (booked) sim.books.receipts.push(receipt);
}
