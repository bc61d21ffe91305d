/** Random seeds for generated keys. */
import { randomBytes } from 'node:crypto';
import { badInput } from './errors.js';
import { DEFAULTS, LIMITS } from './settings.js';

/**
 * Generates a seed from the operating system's cryptographically secure random generator.
 *
 * @param size - bytes, 16 (RFC 4226's minimum) to 1024; default 20
 * @returns the seed
 * @throws `TotpKitError` (bad-input) naming keySize, for a size out of range.
 *
 * @example
 * ```ts
 * import { encodeBase32, formatOtpauthUrl, generateSeed } from 'totp-kit';
 *
 * const secret = generateSeed();
 * const url = formatOtpauthUrl({ secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'ACME', accountName: 'alice' });
 * const manualEntry = encodeBase32(secret); // for people who cannot scan the barcode
 * ```
 */
export function generateSeed(size: number = DEFAULTS.keySize): Uint8Array {
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
