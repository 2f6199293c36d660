import { AppError } from '../../errors';

/** The AppError a call throws, for asserting its code and parameters; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to throw an AppError');
}
