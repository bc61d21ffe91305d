import { expect } from 'vitest';
import { TotpKitError } from '../../src/core/errors.js';
import { expectNoSeedInError } from './leak.js';

/**
 * The TotpKitError `promise` rejects with (the test fails when it resolves, or rejects with anything else),
 * scanned for `seeds`: none of them may be in it.
 */
export async function failure(promise: Promise<unknown>, seeds: readonly Uint8Array[] = []): Promise<TotpKitError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expectNoSeedInError(error, seeds);
  expect(error).toBeInstanceOf(TotpKitError);
  return error as TotpKitError;
}
