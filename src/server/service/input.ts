import { problem, type Problem } from '../../core/errors';
import { isJsonObject } from '../domain/canonical';
import type { JsonObject } from '../domain/model';
import { throwIfProblems } from './errors';

/**
 * Small request bodies (users, tokens, notes) are checked field by field; every problem is
 * reported at once with its JSON path, in the same words the catalog validator uses.
 */
export type FieldCheck = (value: unknown, path: string, problems: Problem[]) => void;

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export const isText =
  (opts: { max?: number; pattern?: RegExp; hint?: string } = {}): FieldCheck =>
  (v, path, problems) => {
    if (typeof v !== 'string' || v.trim() === '') problems.push(problem(path, 'catalog.type', { expected: 'non-empty text', found: typeName(v) }));
    else if (opts.max !== undefined && v.length > opts.max) problems.push(problem(path, 'catalog.range', { value: v.length, min: 1, max: opts.max }));
    else if (opts.pattern && !opts.pattern.test(v)) problems.push(problem(path, 'catalog.pattern', { value: v, hint: opts.hint ?? String(opts.pattern) }));
  };

export const isOneOf =
  (allowed: readonly string[]): FieldCheck =>
  (v, path, problems) => {
    if (typeof v !== 'string' || !allowed.includes(v)) problems.push(problem(path, 'catalog.enum', { value: String(v), allowed: allowed.join(', ') }));
  };

export const isTextList =
  (item: FieldCheck): FieldCheck =>
  (v, path, problems) => {
    if (!Array.isArray(v)) problems.push(problem(path, 'catalog.type', { expected: 'array', found: typeName(v) }));
    else v.forEach((x, i) => item(x, `${path}[${i}]`, problems));
  };

export const isInteger =
  (min: number, max: number): FieldCheck =>
  (v, path, problems) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) problems.push(problem(path, 'catalog.type', { expected: 'integer', found: typeName(v) }));
    else if (v < min || v > max) problems.push(problem(path, 'catalog.range', { value: v, min, max }));
  };

export const isFutureDateTime =
  (now: string): FieldCheck =>
  (v, path, problems) => {
    const at = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : NaN;
    if (Number.isNaN(at)) problems.push(problem(path, 'server.dateTime', { value: String(v) }));
    else if (at <= Date.parse(now)) problems.push(problem(path, 'server.pastDate', { value: String(v) }));
  };

/** Checks an object body against required and optional fields; unknown fields are problems too. */
export function checkObject(
  value: unknown,
  fields: Record<string, { check: FieldCheck; required?: boolean }>,
  path = '$',
): JsonObject {
  const problems: Problem[] = [];
  if (!isJsonObject(value)) {
    problems.push(problem(path, 'catalog.type', { expected: 'object', found: typeName(value) }));
    throwIfProblems(problems);
    return {};
  }
  for (const [name, spec] of Object.entries(fields)) {
    if (value[name] === undefined) {
      if (spec.required) problems.push(problem(path, 'catalog.required', { field: name }));
    } else spec.check(value[name], `${path}.${name}`, problems);
  }
  for (const name of Object.keys(value)) {
    if (!(name in fields)) problems.push(problem(`${path}.${name}`, 'catalog.unknownField', { field: name }));
  }
  throwIfProblems(problems);
  return value;
}

export const optionalString = (body: JsonObject, key: string): string | null => {
  const v = body[key];
  return typeof v === 'string' ? v : null;
};
