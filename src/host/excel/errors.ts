import { formatRef, type SheetRef } from '../../core/a1';
import { AppError } from '../../core/errors';

/** `OfficeExtension.Error`, as far as the adapter reads it. */
interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

export function officeCode(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return undefined;
  const code = (err as OfficeErrorLike).code;
  return typeof code === 'string' ? code : undefined;
}

/** Excel on the web refused a request or response over its size limit. */
export const isPayloadLimit = (err: unknown): boolean => /PayloadSizeLimitExceeded|RangeExceedsLimit|OperationCellsExceedLimit/.test(officeCode(err) ?? '');

/** The refs an operation touched, for messages: a few, then a count. */
export function describeRefs(refs: readonly SheetRef[]): string {
  const shown = refs.slice(0, 5).map(formatRef);
  return refs.length > 5 ? `${shown.join(', ')} … (+${refs.length - 5})` : shown.join(', ');
}

/**
 * Maps an Office error to the AppError the contract promises, naming what the call touched:
 * `ItemNotFound` → host.noSheet (when `missingSheets` says which), `InvalidArgument`/
 * `InvalidReference` → host.badAddress, anything else → host.failed with the Office code and location.
 */
export function toHostError(err: unknown, refs: readonly SheetRef[], missingSheets: readonly string[] = [], sheets = ''): AppError {
  if (err instanceof AppError) return err;
  const code = officeCode(err) ?? 'Unknown';
  const e = (err ?? {}) as OfficeErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const location = typeof e.debugInfo?.errorLocation === 'string' ? ` at ${e.debugInfo.errorLocation}` : '';
  const where = describeRefs(refs);
  if (code === 'ItemNotFound' && missingSheets.length) return new AppError('host.noSheet', { sheet: missingSheets.join(', '), sheets }, { cause: err });
  if ((code === 'InvalidArgument' || code === 'InvalidReference') && refs.length)
    return new AppError('host.badAddress', { address: where, code }, { cause: err });
  const sheet = [...new Set(refs.map((r) => r.sheet))].join(', ');
  return new AppError('host.failed', { detail: `${code}: ${message}${location}${where ? ` (${where})` : ''}`, code, sheet, address: where }, { cause: err });
}
