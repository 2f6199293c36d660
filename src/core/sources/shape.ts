import { arr, dict, num, obj, oneOf, optional, required, str, type Infer, type Shape } from '../catalog/shape';
import { bool, jsonObject, tagged, textOr } from './combinators';

/**
 * The JSON form of a source definition. Credentials never appear here: auth names a secret, and the
 * secret store of the user running the refresh supplies its value.
 */
const ID = /^[a-z][a-z0-9_]*$/;
const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const text = (doc?: string) => str({ minLength: 1, doc });
const secretName = (what: string) =>
  str({ pattern: SECRET_NAME, hint: 'a secret name such as ERP_TOKEN (the name, never the secret itself)', doc: `Name of the secret holding ${what}` });
const pageSize = (doc = 'Records per page') => num({ integer: true, min: 1, max: 100000, doc });

export const FIELD_TYPES = ['text', 'number', 'decimal', 'date', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const fieldObject = obj(
  {
    path: required(text('Field in the record: `amount`, `customer.code`, or `$[\'@odata.etag\']`')),
    type: optional(oneOf(FIELD_TYPES), 'JSON type on the wire: number (JSON numbers), decimal (numbers or decimal text, read exactly), text, date, boolean'),
    optional: optional(bool('When true a record may omit the field (read as empty); otherwise a missing field is schema drift')),
    sign: optional(oneOf([1, -1] as const), 'Amounts and measures: -1 flips the sign'),
    factor: optional(num({ doc: 'Amounts and measures: a power of ten the value is multiplied by (1000 when the API reports thousands, 0.01 for cents)' })),
    dateOrder: optional(oneOf(['ymd', 'dmy', 'mdy'] as const), 'Dates: order of 03/04/2026-style dates'),
  },
  { doc: 'A mapped field with options' },
);
const field = textOr(text('Field in the record'), fieldObject);

export const fieldsShape = obj(
  {
    date: required(field, 'Posting date of the observation'),
    amount: required(field, 'Amount; debit positive, credit negative unless sign flips it'),
    account: optional(field, 'Account code'),
    dimensions: optional(dict(field), 'Dimension name → field, e.g. {"department": "department"}'),
    measures: optional(dict(field), 'Extra amount columns, e.g. {"quantity": "qty"}'),
    key: optional(field, 'Unique record id; needed for incremental sync'),
    modified: optional(field, 'Last-modified timestamp; the watermark of incremental sync'),
    deleted: optional(field, 'True on a tombstone (a record deleted since the watermark)'),
  },
  { doc: 'How a record becomes an observation' },
);

const authShape = tagged(
  'type',
  {
    none: {},
    bearer: { secret: required(secretName('the bearer token')) },
    basic: { username: required(text()), secret: required(secretName('the password')) },
    apiKey: {
      in: required(oneOf(['header', 'query'] as const)),
      name: required(text('Header or query parameter name, e.g. X-API-Key')),
      secret: required(secretName('the API key')),
    },
    oauth2: {
      tokenUrl: required(text('Token endpoint (client-credentials grant)')),
      clientId: required(text()),
      secret: required(secretName('the client secret')),
      scope: optional(text()),
      clientAuth: optional(oneOf(['body', 'basic'] as const), 'Send the client id and secret in the form body (default) or as HTTP Basic'),
      refreshBeforeSeconds: optional(num({ min: 0, max: 86400 }), 'Fetch a new token this long before the old one expires (default 60)'),
    },
  },
  'How requests authenticate',
);

const paramsIn = optional(oneOf(['query', 'body'] as const), 'Where paging parameters go (default query; body for POST sources with a body template)');
const pagingShape = tagged(
  'style',
  {
    none: {},
    page: {
      pageParam: optional(text(), 'default "page"'),
      sizeParam: optional(text(), 'default "pageSize"'),
      size: optional(pageSize()),
      firstPage: optional(oneOf([0, 1] as const), 'Number of the first page (default 1)'),
      totalPagesPath: optional(text(), 'JSONPath of the page count, e.g. $.data.totalPages'),
      totalPath: optional(text(), 'JSONPath of the record count, e.g. $.data.total'),
      in: paramsIn,
    },
    offset: {
      offsetParam: optional(text(), 'default "offset"'),
      limitParam: optional(text(), 'default "limit"'),
      size: optional(pageSize()),
      totalPath: optional(text(), 'JSONPath of the record count, e.g. $.total'),
      in: paramsIn,
    },
    cursor: {
      cursorParam: optional(text(), 'default "cursor"'),
      sizeParam: optional(text(), 'default "limit"'),
      size: optional(pageSize()),
      nextPath: required(text('JSONPath of the next cursor, e.g. $.nextCursor')),
      in: paramsIn,
    },
    link: {
      sizeParam: optional(text(), 'default "per_page"'),
      size: optional(pageSize()),
    },
    nextLink: {
      nextPath: optional(text(), 'JSONPath of the next page URL (default $[\'@odata.nextLink\'])'),
      sizeParam: optional(text()),
      size: optional(pageSize()),
    },
  },
  'How the API pages through records',
);

const limitsShape = obj(
  {
    maxPages: optional(num({ integer: true, min: 1, doc: 'Stop with an error after this many pages (default 10000)' })),
    maxRows: optional(num({ integer: true, min: 1, doc: 'Stop with an error past this many records (default 5000000)' })),
    maxBytes: optional(num({ integer: true, min: 1, doc: 'Stop with an error past this many response bytes (default 1 GiB)' })),
    timeoutMs: optional(num({ integer: true, min: 1, doc: 'Per request, headers and body (default 30000)' })),
    concurrency: optional(num({ integer: true, min: 1, max: 16, doc: 'Pages fetched at once when the total is known (default 4)' })),
    retries: optional(num({ integer: true, min: 0, max: 10, doc: 'Retries on 429, 5xx, timeouts and network errors (default 4)' })),
    retryBaseMs: optional(num({ integer: true, min: 1, doc: 'First backoff delay; doubles per retry, with jitter (default 500)' })),
    retryMaxMs: optional(num({ integer: true, min: 1, doc: 'Longest backoff delay (default 30000)' })),
    maxRetryAfterSeconds: optional(num({ min: 0, doc: 'Longest Retry-After honoured; a longer one fails the refresh (default 120)' })),
  },
  { doc: 'Limits and failure behaviour' },
);

const common = {
  id: required(str({ pattern: ID, hint: 'lower_snake_case, starting with a letter' }), 'Source id; metrics name it in "source"'),
  name: optional(obj({ 'zh-CN': required(text()), 'en-US': required(text()) })),
  auth: optional(authShape),
  fields: required(fieldsShape),
  scale: optional(num({ integer: true, min: 0, max: 6, doc: 'Decimals kept exactly; 2 = cents' })),
  limits: optional(limitsShape),
};

const requestShape = obj({
  method: optional(oneOf(['GET', 'POST'] as const)),
  url: required(text('Absolute http(s) URL; may hold {from} {to} {since} {period}')),
  query: optional(dict(str()), 'Query parameter templates, e.g. {"modifiedSince": "{since}"}'),
  headers: optional(dict(str()), 'Header templates (never credentials: use auth)'),
  body: optional(jsonObject('JSON body template; strings may hold placeholders')),
});

export const ODATA_OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'startswith', 'contains'] as const;
const filterShape = obj({
  field: required(text('Property name')),
  op: required(oneOf(ODATA_OPERATORS)),
  value: required(str({ doc: 'Template; quoted or not by the property type read from $metadata' })),
});

const sourceUnion = tagged(
  'kind',
  {
    rest: {
      ...common,
      request: required(requestShape),
      paging: optional(pagingShape),
      records: required(text('JSONPath of the records: $.data.items[*], $.records, $ for a bare array')),
    },
    odata: {
      ...common,
      service: required(text('Service root, e.g. https://erp.example.com/odata')),
      entitySet: required(text()),
      filter: optional(arr(filterShape), 'Conditions joined with "and"'),
      headers: optional(dict(str())),
      pageSize: optional(pageSize('Preferred page size (Prefer: odata.maxpagesize)')),
      count: optional(bool('Ask for $count to report progress against the total')),
      pushdown: optional(
        obj({ monthField: required(text('Property holding the month, YYYY-MM')) }),
        'Aggregate on the server with $apply when $metadata allows it: one row per account, dimensions and month',
      ),
    },
  },
  'An ERP source: REST/JSON or OData v4',
);

export type SourceDefinition = Infer<typeof sourceUnion>;
export type RestSource = Extract<SourceDefinition, { kind: 'rest' }>;
export type ODataSource = Extract<SourceDefinition, { kind: 'odata' }>;
export type AuthConfig = NonNullable<SourceDefinition['auth']>;
export type PagingConfig = NonNullable<RestSource['paging']>;
export type SourceFields = Infer<typeof fieldsShape>;
export type FieldSpec = SourceFields['date'];
export type SourceLimits = NonNullable<SourceDefinition['limits']>;
export type FieldOptions = Exclude<FieldSpec, string>;

/** The raw shape; `sourceShape` (checks.ts) adds the checks of meaning. */
export const sourceStructure: Shape<SourceDefinition> = sourceUnion;
