import { AppError } from '../../core/errors';
import { messages, type MessageCode, type MessageParams } from '../../core/i18n';
import type { ErrorBody, ProblemView } from '../api/types';

/** A refusal from the service, rebuilt as the one AppError with its HTTP status and located problems. */
export class ServiceError extends AppError {
  readonly status: number;
  readonly problems: ProblemView[];

  constructor(code: MessageCode, params: MessageParams, status: number, problems: ProblemView[] = []) {
    super(code, params);
    this.status = status;
    this.problems = problems;
  }
}

const isCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(messages, code);

const isErrorBody = (v: unknown): v is ErrorBody =>
  typeof v === 'object' && v !== null && 'error' in v && typeof v.error === 'object' && v.error !== null && 'code' in v.error;

/** Reads a non-2xx answer; anything that is not one of our error bodies is reported as such. */
export async function errorFrom(res: Response, url: string): Promise<ServiceError> {
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body) && isCode(body.error.code)) {
    return new ServiceError(body.error.code, body.error.params ?? {}, res.status, body.error.problems ?? []);
  }
  return new ServiceError('server.client.response', { status: res.status, url }, res.status);
}
