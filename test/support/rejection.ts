import { AppError } from '../../src/domain';

/** The AppError `p` fails with; anything else it throws passes through, and fulfilling is a failure. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
