/** Writes schema/catalog.schema.json from the catalog's shape (the validator's own definition). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogJsonSchema } from '../src/core/catalog';

const file = join(__dirname, '..', 'schema', 'catalog.schema.json');
writeFileSync(file, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
