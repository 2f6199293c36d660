import type { ServerResponse } from 'node:http';
import type { AppError } from '../../core/errors';
import type { Locale } from '../../core/i18n';
import type { ErrorBody } from '../api/types';
import { InvalidInput } from '../service';
import { statusOf } from './status';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(text)),
    // Panes revalidate with If-None-Match rather than trusting a cached copy.
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(text);
}

/** A refusal in the caller's language, with both texts and every located problem. */
export function errorBody(err: AppError, locale: Locale): ErrorBody {
  return {
    error: {
      code: err.code,
      status: statusOf(err.code),
      message: err.messageIn(locale),
      text: err.text,
      params: err.meta,
      ...(err instanceof InvalidInput ? { problems: err.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })) } : {}),
    },
  };
}
