import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { catalogJsonSchema, validateCatalog } from '../src/core/catalog';

const committed = JSON.parse(readFileSync(join(__dirname, '../schema/catalog.schema.json'), 'utf8')) as object;
const example = JSON.parse(readFileSync(join(__dirname, '../examples/catalog.json'), 'utf8')) as object;

describe('exported JSON Schema', () => {
  it('is the one generated from the validator (run `npm run catalog:schema` after changing the schema)', () => {
    expect(committed).toEqual(catalogJsonSchema());
  });

  it('is a valid draft 2020-12 schema that accepts the example catalog', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed);
    expect(validate(example)).toBe(true);
  });

  it('agrees with the validator on what is wrong', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(committed);
    const bad = { schemaVersion: 1, currency: 'CNY', metrics: [{ id: 'X y', kind: 'ratio', unit: 'furlongs', extra: 1 }] };
    expect(validate(bad)).toBe(false);
    const paths = new Set((validate.errors ?? []).map((e) => e.instancePath));
    expect([...paths]).toEqual(expect.arrayContaining(['/metrics/0/id', '/metrics/0/unit', '/metrics/0']));
    const ours = validateCatalog(bad).problems.map((p) => p.path);
    expect(ours).toEqual(expect.arrayContaining(['$.metrics[0].id', '$.metrics[0].unit', '$.metrics[0].extra', '$.metrics[0]']));
  });
});
