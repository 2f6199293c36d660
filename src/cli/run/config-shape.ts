import { SEVERITIES } from '../../core/alerts';
import { arr, num, obj, oneOf, optional, required, str, type Infer, type JsonSchema, type Shape } from '../../core/catalog/shape';
import { problem } from '../../core/errors';
import { LOCALES } from '../../core/i18n';
import { GRAINS } from '../../core/periods';

const path = (doc: string): Shape<string> => str({ minLength: 1, doc });
const secretName = str({ pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/, hint: 'a secret name: letters, digits, _ . -', doc: 'Name of a secret (--secrets FILE or FINPULSE_SECRET_<NAME>)' });

/**
 * A file path (relative to the config) or the content written inline. The content itself is
 * checked by its own validator once loaded, so both ways report the same problems.
 */
function fileOr(what: string, inline: 'array' | 'object' | 'array or object'): Shape<string | unknown[] | Record<string, unknown>> {
  const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  return {
    check(value, at, out) {
      const ok = typeof value === 'string' ? value.length > 0 : (inline !== 'object' && Array.isArray(value)) || (inline !== 'array' && isObject(value));
      if (!ok) out.push(problem(at, 'run.config.fileOrList', { what }));
      return ok;
    },
    schema: (): JsonSchema => ({ oneOf: [{ type: 'string', description: `A file path relative to the config: ${what}` }, { type: inline === 'array or object' ? ['array', 'object'] : inline }] }),
  };
}

/** One item of a list that is a file path or inline, e.g. a source definition. */
const fileOrObject = (what: string) => fileOr(what, 'object');

const catalogService = obj(
  {
    url: required(str({ pattern: /^https?:\/\/\S+$/, hint: 'the service API root, e.g. http://127.0.0.1:8787/api/v1' })),
    catalog: required(str({ minLength: 1, doc: 'The catalog id on the service' })),
    tokenSecret: required(secretName),
  },
  { doc: 'The shared catalog service; the published catalog is exported at the start of every run' },
);

function catalogShape(): Shape<string | Infer<typeof catalogService>> {
  return {
    check: (value, at, out) => (typeof value === 'string' ? path('').check(value, at, out) : catalogService.check(value, at, out)),
    schema: () => ({ oneOf: [{ type: 'string', description: 'A catalog file relative to the config' }, catalogService.schema()] }),
  };
}

const workbookShape = obj({
  path: required(path('The workbook (.xlsx); it is read, never written')),
  bindings: required(fileOr('bindings', 'array'), 'Bindings (see src/core/bindings): a file or a list'),
  resultsSheet: optional(str({ minLength: 1 }), 'Sheet the results go to in the copy (default FinPulse)'),
});

export const configShape = obj(
  {
    $schema: optional(str()),
    catalog: required(catalogShape()),
    workbooks: optional(arr(workbookShape)),
    sources: optional(arr(fileOrObject('a source definition')), 'ERP source definitions: files or inline; credentials by secret name only'),
    fetch: optional(obj({ from: optional(str({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'YYYY-MM-DD' })), to: optional(str({ pattern: /^\d{4}-\d{2}-\d{2}$/, hint: 'YYYY-MM-DD' })) }), 'Values of {from} and {to} in source templates'),
    alerts: optional(obj({ rules: required(fileOr('alert rules', 'array')), channels: required(fileOr('channels', 'array')), link: optional(str({ pattern: /^https?:\/\/\S+$/, hint: 'an http(s) URL with {finding}' })) })),
    reconciliations: optional(fileOr('reconciliation rules', 'array or object'), 'A reconciliation file (see src/core/reconcile) or its rules inline'),
    output: optional(path('Folder for the report, the JSON result and the marked copies (default ./finpulse-out)')),
    state: optional(path('Folder for snapshots, alert state and the run log (default ./.finpulse-state)')),
    failOn: optional(oneOf(SEVERITIES, 'Exit 1 when anything this severe or worse is found (default warning)')),
    sensitivity: optional(num({ min: 0, max: 100 })),
    grain: optional(oneOf(GRAINS)),
    breakdown: optional(str({ minLength: 1, doc: 'Rank findings\u2019 drivers by this dimension, e.g. department' })),
    lang: optional(oneOf(LOCALES)),
  },
  { doc: 'finpulse run configuration' },
);

export type RunConfigFile = Infer<typeof configShape>;
export type CatalogService = Infer<typeof catalogService>;
