import { json, type Problem, type Reply } from './reply';

/** Which error body a path family uses: OData's `{ error: { code, message } }` or the REST `{ error, message }`. */
export type Family = 'rest' | 'odata';

const REST_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
};

const ODATA_CODES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  501: 'NotImplemented',
};

/** An error reply in the family's format; `problems` lists every located problem. */
export function errorReply(family: Family, status: number, message: string, problems: readonly Problem[] = [], headers: Record<string, string> = {}): Reply {
  if (family === 'odata') {
    const details = problems.map((p) => ({ code: ODATA_CODES[status] ?? 'Error', target: p.path, message: p.message }));
    return json(status, { error: { code: ODATA_CODES[status] ?? 'Error', message, ...(details.length > 0 ? { details } : {}) } }, headers);
  }
  return json(status, problems.length > 0 ? { error: REST_CODES[status] ?? 'error', message, problems } : { error: REST_CODES[status] ?? 'error', message }, headers);
}

/** Every problem in one 400, the message naming each with its location. */
export function problemsReply(family: Family, problems: readonly Problem[]): Reply {
  return errorReply(family, 400, problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
}
