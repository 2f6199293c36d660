import { localize, type Locale, type Localized, type MessageCode, type MessageParams } from '../i18n';

/** The one error type of FinPulse: a code with its parameters, a localized message and the cause. */
export class AppError extends Error {
  readonly code: MessageCode;
  readonly meta: MessageParams;
  readonly text: Localized;

  constructor(code: MessageCode, meta: MessageParams = {}, options?: { cause?: unknown }) {
    const text = localize(code, meta);
    super(text['en-US'], options);
    this.name = 'AppError';
    this.code = code;
    this.meta = meta;
    this.text = text;
  }

  messageIn(locale: Locale): string {
    return this.text[locale];
  }
}

/** Wraps anything thrown into an AppError, keeping the original as `cause`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('internal', { detail }, { cause: err });
}
