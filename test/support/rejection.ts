import { AppError } from '../../src/domain';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** The error (an AppError unless `kind` says otherwise) `p` fails with; anything else passes through, and fulfilling is a failure. */
export async function rejection(p: Promise<unknown>): Promise<AppError>;
export async function rejection<E>(p: Promise<unknown>, kind: ErrorClass<E>): Promise<E>;
export async function rejection(p: Promise<unknown>, kind: ErrorClass<unknown> = AppError): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    if (e instanceof kind) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
