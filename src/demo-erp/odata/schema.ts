import { DATASETS, DATASET_SPECS, type DatasetName, type ErpRecord, type FieldSpec, type Scalar } from '../data';
import { pascal } from '../http/drift';

/** How `$filter` compares a property: `decimal` is a number summed exactly to the cent. */
export type ValueType = 'string' | 'number' | 'date' | 'datetime' | 'boolean';

export interface Property {
  name: string;
  type: ValueType;
  /** Money: sums are taken in whole cents. */
  decimal: boolean;
  /** The CSDL type, e.g. `Edm.Decimal`. */
  edm: string;
  nullable: boolean;
  get: (row: ErpRecord) => Scalar;
}

export interface EntitySet {
  name: string;
  typeName: string;
  dataset: DatasetName;
  properties: readonly Property[];
  byName: ReadonlyMap<string, Property>;
}

const EDM: Record<FieldSpec['type'], { type: ValueType; edm: string }> = {
  string: { type: 'string', edm: 'Edm.String' },
  month: { type: 'string', edm: 'Edm.String' },
  date: { type: 'date', edm: 'Edm.Date' },
  decimal: { type: 'number', edm: 'Edm.Decimal' },
  integer: { type: 'number', edm: 'Edm.Int32' },
  datetime: { type: 'datetime', edm: 'Edm.DateTimeOffset' },
};

function fieldProperty(f: FieldSpec): Property {
  const { type, edm } = EDM[f.type];
  const field = f.name;
  return { name: pascal(field), type, decimal: f.type === 'decimal', edm, nullable: f.nullable, get: (r) => r[field] ?? null };
}

/** `PostingMonth` beside `PostingDate`: the month to group by without date functions. */
function monthProperty(dateField: string): Property {
  return { name: pascal(dateField.replace(/Date$/, 'Month')), type: 'string', decimal: false, edm: 'Edm.String', nullable: false, get: (r) => (r[dateField] as string).slice(0, 7) };
}

function entitySet(dataset: DatasetName): EntitySet {
  const spec = DATASET_SPECS[dataset];
  const properties: Property[] = [];
  for (const f of spec.fields) {
    properties.push(fieldProperty(f));
    if (f.name === spec.dateField && f.type === 'date') properties.push(monthProperty(f.name));
  }
  return { name: spec.entitySet, typeName: spec.entityType, dataset, properties, byName: new Map(properties.map((p) => [p.name, p])) };
}

export const ENTITY_SETS: readonly EntitySet[] = DATASETS.map(entitySet);
export const entitySetNamed = (name: string): EntitySet | undefined => ENTITY_SETS.find((s) => s.name === name);
