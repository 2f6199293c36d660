/** What a route answers; the server adds CORS, Content-Length and the fault behaviours. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One thing wrong with a request, located: `query.pageSize`, `body.change`, `$filter`. */
export interface Problem {
  path: string;
  message: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: JSON.stringify(value),
});

/** A JSON body already serialised (pages joined from cached record strings). */
export const rawJson = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body,
});

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failed = <T>(problems: Problem[]): Result<T> => ({ ok: false, problems });

/** A request body as JSON; an empty body is `{}`. */
export function parseJsonBody(text: string): Result<unknown> {
  if (text.trim() === '') return ok({});
  try {
    return ok(JSON.parse(text));
  } catch (err) {
    return failed([{ path: 'body', message: `is not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
  }
}
