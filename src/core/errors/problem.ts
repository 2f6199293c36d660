import { localize, type Localized, type MessageCode, type MessageParams } from '../i18n';

export type Severity = 'error' | 'warning';

/** One located problem found by a validation or an import; validations list them all. */
export interface Problem {
  severity: Severity;
  /** JSON path (`$.metrics[3].unit`) or a location such as `row 17`. */
  path: string;
  code: MessageCode;
  params: MessageParams;
  message: Localized;
}

export function problem(path: string, code: MessageCode, params: MessageParams = {}, severity: Severity = 'error'): Problem {
  return { severity, path, code, params, message: localize(code, params) };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
