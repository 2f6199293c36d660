import { problem } from '../errors';
import { obj, oneOf, required, type JsonSchema, type ObjectOf, type Shape } from '../catalog/shape';

/**
 * Shapes the catalog's DSL lacks and source definitions need: booleans, any JSON object (request
 * bodies), a string-or-object choice, and unions told apart by a tag field (`"type": "oauth2"`).
 * Each still validates and describes itself as JSON Schema, so the two cannot drift apart.
 */
type Fields = Parameters<typeof obj>[0];

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function leaf<T>(expected: string, is: (v: unknown) => boolean, schema: JsonSchema): Shape<T> {
  return {
    check(value, path, out) {
      if (is(value)) return true;
      out.push(problem(path, 'catalog.type', { expected, found: typeName(value) }));
      return false;
    },
    schema: () => schema,
  };
}

export const bool = (doc?: string): Shape<boolean> =>
  leaf<boolean>('boolean', (v) => typeof v === 'boolean', doc ? { type: 'boolean', description: doc } : { type: 'boolean' });

export const jsonObject = (doc?: string): Shape<Record<string, unknown>> =>
  leaf<Record<string, unknown>>('object', isPlainObject, doc ? { type: 'object', description: doc } : { type: 'object' });

/** A string, or an object for the long form (`"amount"` or `{ "path": "amount", "type": "decimal" }`). */
export function textOr<T>(text: Shape<string>, object: Shape<T>): Shape<string | T> {
  return {
    check: (value, path, out) => (typeof value === 'string' ? text.check(value, path, out) : object.check(value, path, out)),
    schema: () => ({ anyOf: [text.schema(), object.schema()] }),
  };
}

type Variant<Tag extends string, K, F extends Fields> = { [P in Tag]: K } & ObjectOf<F>;
export type TaggedOf<Tag extends string, V extends Record<string, Fields>> = { [K in keyof V & string]: Variant<Tag, K, V[K]> }[keyof V & string];

/** A union of closed objects, chosen by the value of `tag`; problems are reported against the chosen variant only. */
export function tagged<const Tag extends string, const V extends Record<string, Fields>>(tag: Tag, variants: V, doc?: string): Shape<TaggedOf<Tag, V>> {
  const names = Object.keys(variants);
  const shapes = new Map(names.map((k) => [k, obj({ [tag]: required(oneOf([k] as const)), ...variants[k] })] as const));
  return {
    check(value, path, out) {
      if (!isPlainObject(value)) {
        out.push(problem(path, 'catalog.type', { expected: 'object', found: typeName(value) }));
        return false;
      }
      const chosen = value[tag];
      if (chosen === undefined) {
        out.push(problem(path, 'catalog.required', { field: tag }));
        return false;
      }
      const shape = typeof chosen === 'string' ? shapes.get(chosen) : undefined;
      if (!shape) {
        out.push(problem(`${path}.${tag}`, 'catalog.enum', { value: JSON.stringify(chosen), allowed: names.join(', ') }));
        return false;
      }
      return shape.check(value, path, out);
    },
    schema() {
      const schema: JsonSchema = { oneOf: [...shapes.values()].map((s) => s.schema()) };
      if (doc) schema['description'] = doc;
      return schema;
    },
  };
}
