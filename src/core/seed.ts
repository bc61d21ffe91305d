/** Random seeds for generated keys. */
import { randomBytes } from 'node:crypto';
import { badInput } from './errors.js';
import { DEFAULTS, LIMITS } from './settings.js';

/**
 * Generates a seed of `size` bytes from the operating system's CSPRNG.
 * @throws TotpKitError (bad-input) when size is below RFC 4226's 16 bytes or above the limit.
 */
export function generateSeed(size: number = DEFAULTS.keySize): Buffer {
  if (!Number.isSafeInteger(size) || size < LIMITS.minKeySize || size > LIMITS.maxKeySize) {
    throw badInput('keySize', `${size} is out of range`, `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes`);
  }
  return randomBytes(size);
}

/** A warning for imported seeds shorter than RFC 4226 recommends, or undefined. */
export function shortSeedWarning(seed: Uint8Array, label: string): string | undefined {
  if (seed.length >= LIMITS.minKeySize) return undefined;
  return `${label}: the seed is ${seed.length} bytes; RFC 4226 recommends at least ${LIMITS.minKeySize} (it is accepted, but consider rotating it)`;
}
