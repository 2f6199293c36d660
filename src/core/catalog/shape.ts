import { problem, type Problem } from '../errors';

/**
 * A tiny schema language: each shape validates a JSON value (listing every problem with its path)
 * and describes itself as JSON Schema, so the validator and the exported schema cannot drift apart.
 */
export type JsonSchema = { [key: string]: unknown };

export interface Shape<T> {
  /** Phantom: the TypeScript type this shape accepts. */
  readonly _type?: T;
  check(value: unknown, path: string, out: Problem[]): boolean;
  schema(): JsonSchema;
}

export type Infer<S> = S extends Shape<infer T> ? T : never;

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function typed<T>(expected: string, is: (v: unknown) => boolean, schema: JsonSchema, more?: (v: never, path: string, out: Problem[]) => boolean): Shape<T> {
  return {
    check(value, path, out) {
      if (!is(value)) {
        out.push(problem(path, 'catalog.type', { expected, found: typeName(value) }));
        return false;
      }
      return more ? more(value as never, path, out) : true;
    },
    schema: () => schema,
  };
}

export function str(opts: { pattern?: RegExp; hint?: string; minLength?: number; doc?: string } = {}): Shape<string> {
  const schema: JsonSchema = { type: 'string' };
  if (opts.pattern) schema['pattern'] = opts.pattern.source;
  if (opts.minLength) schema['minLength'] = opts.minLength;
  if (opts.doc) schema['description'] = opts.doc;
  return typed<string>('string', (v) => typeof v === 'string', schema, (v: string, path, out) => {
    if ((opts.minLength && v.length < opts.minLength) || (opts.pattern && !opts.pattern.test(v))) {
      out.push(problem(path, 'catalog.pattern', { value: v, hint: opts.hint ?? opts.pattern?.source ?? 'non-empty text' }));
      return false;
    }
    return true;
  });
}

export function oneOf<const T extends string | number>(allowed: readonly T[], doc?: string): Shape<T> {
  const schema: JsonSchema = { enum: allowed };
  if (doc) schema['description'] = doc;
  return {
    check(value, path, out) {
      if ((allowed as readonly unknown[]).includes(value)) return true;
      out.push(problem(path, 'catalog.enum', { value: String(value), allowed: allowed.join(', ') }));
      return false;
    },
    schema: () => schema,
  };
}

export function num(opts: { min?: number; max?: number; integer?: boolean; doc?: string } = {}): Shape<number> {
  const schema: JsonSchema = { type: opts.integer ? 'integer' : 'number' };
  if (opts.min !== undefined) schema['minimum'] = opts.min;
  if (opts.max !== undefined) schema['maximum'] = opts.max;
  if (opts.doc) schema['description'] = opts.doc;
  const expected = opts.integer ? 'integer' : 'number';
  return typed<number>(expected, (v) => typeof v === 'number' && Number.isFinite(v) && (!opts.integer || Number.isInteger(v)), schema, (v: number, path, out) => {
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      out.push(problem(path, 'catalog.range', { value: v, min: opts.min ?? '−∞', max: opts.max ?? '∞' }));
      return false;
    }
    return true;
  });
}

export function arr<T>(item: Shape<T>, opts: { minItems?: number; doc?: string } = {}): Shape<T[]> {
  const schema: JsonSchema = { type: 'array', items: item.schema() };
  if (opts.minItems) schema['minItems'] = opts.minItems;
  if (opts.doc) schema['description'] = opts.doc;
  return typed<T[]>('array', Array.isArray, schema, (v: unknown[], path, out) => {
    let ok = true;
    v.forEach((x, i) => {
      ok = item.check(x, `${path}[${i}]`, out) && ok;
    });
    if (opts.minItems && v.length < opts.minItems) {
      out.push(problem(path, 'catalog.minItems', { min: opts.minItems }));
      ok = false;
    }
    return ok;
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function dict<T>(value: Shape<T>, doc?: string): Shape<Record<string, T>> {
  const schema: JsonSchema = { type: 'object', additionalProperties: value.schema() };
  if (doc) schema['description'] = doc;
  return typed<Record<string, T>>('object', isPlainObject, schema, (v: Record<string, unknown>, path, out) =>
    Object.entries(v).every(([k, x]) => value.check(x, `${path}.${k}`, out)),
  );
}

interface Field<T, O extends boolean> {
  shape: Shape<T>;
  optional: O;
  doc?: string;
}
export const required = <T>(shape: Shape<T>, doc?: string): Field<T, false> => ({ shape, optional: false, doc });
export const optional = <T>(shape: Shape<T>, doc?: string): Field<T, true> => ({ shape, optional: true, doc });

type Fields = Record<string, Field<unknown, boolean>>;
type Simplify<T> = { [K in keyof T]: T[K] };
export type ObjectOf<F extends Fields> = Simplify<
  { [K in keyof F as F[K]['optional'] extends true ? never : K]: Infer<F[K]['shape']> } & {
    [K in keyof F as F[K]['optional'] extends true ? K : never]?: Infer<F[K]['shape']>;
  }
>;

/** A closed object: unknown fields are reported (a typo must not silently drop a setting). */
export function obj<F extends Fields>(fields: F, opts: { doc?: string; extra?: JsonSchema } = {}): Shape<ObjectOf<F>> {
  const properties = Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [k, f.doc ? { ...f.shape.schema(), description: f.doc } : f.shape.schema()]),
  );
  const schema: JsonSchema = {
    type: 'object',
    properties,
    required: Object.entries(fields).filter(([, f]) => !f.optional).map(([k]) => k),
    additionalProperties: false,
    ...opts.extra,
  };
  if (opts.doc) schema['description'] = opts.doc;
  return typed<ObjectOf<F>>('object', isPlainObject, schema, (v: Record<string, unknown>, path, out) => {
    let ok = true;
    for (const [k, f] of Object.entries(fields)) {
      if (v[k] === undefined) {
        if (!f.optional) {
          out.push(problem(path, 'catalog.required', { field: k }));
          ok = false;
        }
      } else ok = f.shape.check(v[k], `${path}.${k}`, out) && ok;
    }
    for (const k of Object.keys(v)) {
      if (!(k in fields)) {
        out.push(problem(`${path}.${k}`, 'catalog.unknownField', { field: k }));
        ok = false;
      }
    }
    return ok;
  });
}
