import { dict, num, obj, oneOf, optional, str, type Infer } from '../catalog/shape';

/** How the columns of a sheet or CSV become observations. Every field is optional: headers are recognised by name. */
export const mappingShape = obj({
  $schema: optional(str()),
  source: optional(str({ minLength: 1 }), 'Source id the rows feed; defaults to "ledger"'),
  sheet: optional(str({ minLength: 1 })),
  headerRow: optional(num({ integer: true, min: 1 }), '1-based row of the header; detected when absent'),
  date: optional(str({ minLength: 1 })),
  account: optional(str({ minLength: 1 })),
  amount: optional(str({ minLength: 1 })),
  debit: optional(str({ minLength: 1 }), 'With credit: amount = debit − credit'),
  credit: optional(str({ minLength: 1 })),
  dimensions: optional(dict(str({ minLength: 1 })), 'Dimension name → column header; by default every other column'),
  measures: optional(dict(str({ minLength: 1 })), 'Extra numeric columns, e.g. {"quantity": "Qty"}'),
  dateOrder: optional(oneOf(['ymd', 'dmy', 'mdy'] as const), 'Order of 03/04/2026-style dates'),
  scale: optional(num({ integer: true, min: 0, max: 6 }), 'Decimals kept exactly; 2 = cents'),
});

export type Mapping = Infer<typeof mappingShape>;

/** Header names recognised without a mapping (compared case-insensitively). */
export const DEFAULT_HEADERS = {
  date: ['date', 'posting date', 'transaction date', 'period', 'month', '日期', '记账日期', '凭证日期', '期间', '会计期间'],
  account: ['account', 'account code', 'gl account', 'account no', 'account number', '科目', '科目代码', '科目编码', '会计科目'],
  amount: ['amount', 'value', 'net amount', '金额', '发生额', '本期发生额'],
  debit: ['debit', 'debit amount', '借方', '借方金额'],
  credit: ['credit', 'credit amount', '贷方', '贷方金额'],
} as const;
