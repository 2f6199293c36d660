/** One value of a served record (booleans only in tombstones: `deleted: true`). */
export type Scalar = string | number | boolean | null;
/** A flat record as served: camelCase fields in the order of its dataset's spec. */
export type ErpRecord = Readonly<Record<string, Scalar>>;

export const TRANSACTION_DATASETS = ['gl', 'ar-invoices', 'ar-receipts', 'ap-bills', 'ap-payments', 'inventory', 'cash', 'budget'] as const;
export const MASTER_DATASETS = ['entities', 'departments', 'products', 'customers', 'suppliers', 'accounts'] as const;
export const DATASETS = [...TRANSACTION_DATASETS, ...MASTER_DATASETS] as const;
export type TransactionDataset = (typeof TRANSACTION_DATASETS)[number];
export type DatasetName = (typeof DATASETS)[number];

export const isDatasetName = (s: string): s is DatasetName => (DATASETS as readonly string[]).includes(s);
export const isTransactionDataset = (s: string): s is TransactionDataset => (TRANSACTION_DATASETS as readonly string[]).includes(s);

/** `month` is `YYYY-MM`; `decimal` is money with two decimals; `datetime` an ISO instant in UTC. */
export type FieldType = 'string' | 'date' | 'month' | 'decimal' | 'integer' | 'datetime';

export interface FieldSpec {
  name: string;
  type: FieldType;
  nullable: boolean;
}

export interface DatasetSpec {
  name: DatasetName;
  /** OData entity set and type names. */
  entitySet: string;
  entityType: string;
  /** The field `from`/`to` filter on; null for master data. */
  dateField: string | null;
  fields: readonly FieldSpec[];
}

const f = (name: string, type: FieldType = 'string'): FieldSpec => ({ name, type, nullable: false });
const n = (name: string, type: FieldType = 'string'): FieldSpec => ({ name, type, nullable: true });
const money = (name: string): FieldSpec => f(name, 'decimal');
const stamp = f('modifiedAt', 'datetime');
const CURRENCY = f('currency');

const spec = (name: DatasetName, entitySet: string, entityType: string, dateField: string | null, fields: FieldSpec[]): DatasetSpec => ({ name, entitySet, entityType, dateField, fields });

export const DATASET_SPECS: Readonly<Record<DatasetName, DatasetSpec>> = {
  gl: spec('gl', 'JournalLines', 'JournalLine', 'postingDate', [
    f('id'), f('entryId'), f('postingDate', 'date'), f('account'), f('accountName'), f('entity'), n('department'), n('product'), n('customer'), n('supplier'), n('cashflow'),
    money('debit'), money('credit'), money('amount'), CURRENCY, stamp,
  ]),
  'ar-invoices': spec('ar-invoices', 'ArInvoices', 'ArInvoice', 'invoiceDate', [
    f('id'), f('invoiceDate', 'date'), f('dueDate', 'date'), f('entity'), f('department'), f('customer'), f('product'), f('quantity', 'integer'),
    money('netAmount'), money('vatAmount'), money('amount'), CURRENCY, stamp,
  ]),
  'ar-receipts': spec('ar-receipts', 'ArReceipts', 'ArReceipt', 'receiptDate', [
    f('id'), f('receiptDate', 'date'), f('entity'), f('department'), f('customer'), n('invoiceId'), money('amount'), CURRENCY, stamp,
  ]),
  'ap-bills': spec('ap-bills', 'ApBills', 'ApBill', 'billDate', [
    f('id'), f('billDate', 'date'), f('dueDate', 'date'), f('entity'), f('department'), f('supplier'), f('account'), n('item'),
    money('netAmount'), money('vatAmount'), money('amount'), CURRENCY, stamp,
  ]),
  'ap-payments': spec('ap-payments', 'ApPayments', 'ApPayment', 'paymentDate', [
    f('id'), f('paymentDate', 'date'), f('entity'), n('department'), f('supplier'), n('billId'), money('amount'), CURRENCY, stamp,
  ]),
  inventory: spec('inventory', 'InventoryMovements', 'InventoryMovement', 'movementDate', [
    f('id'), f('movementDate', 'date'), f('entity'), f('department'), f('item'), f('itemKind'), f('movementType'), f('quantity', 'integer'), money('amount'), CURRENCY, f('reference'), stamp,
  ]),
  cash: spec('cash', 'CashTransactions', 'CashTransaction', 'valueDate', [
    f('id'), f('valueDate', 'date'), f('entity'), n('department'), f('bankAccount'), n('counterparty'), n('cashflow'), money('amount'), CURRENCY, f('reference'), stamp,
  ]),
  budget: spec('budget', 'Budgets', 'Budget', 'period', [
    f('id'), f('period', 'month'), f('entity'), f('department'), f('account'), f('accountName'), money('amount'), CURRENCY, stamp,
  ]),
  entities: spec('entities', 'Entities', 'LegalEntity', null, [f('id'), f('name'), f('nameZh'), f('city'), CURRENCY, stamp]),
  departments: spec('departments', 'Departments', 'Department', null, [f('id'), f('name'), f('nameZh'), f('function'), n('entity'), stamp]),
  products: spec('products', 'Products', 'Product', null, [f('id'), f('name'), f('family'), f('unit'), money('listPrice'), stamp]),
  customers: spec('customers', 'Customers', 'Customer', null, [f('id'), f('name'), f('entity'), f('department'), f('city'), f('paymentTermsDays', 'integer'), stamp]),
  suppliers: spec('suppliers', 'Suppliers', 'Supplier', null, [f('id'), f('name'), f('category'), n('item'), f('paymentTermsDays', 'integer'), stamp]),
  accounts: spec('accounts', 'Accounts', 'Account', null, [f('id'), f('name'), f('nameZh'), f('class'), f('normal'), stamp]),
};
