/**
 * Codes (RFC 6238 over RFC 4226) and their verification. HMAC (RFC 2104) is built from node:crypto's
 * one-shot hash: createHmac sets up an OpenSSL MAC context per call, which costs several times the
 * hashing of an 8-byte counter (bench/results.md); the construction is checked against createHmac,
 * oathtool and the RFC vectors.
 */
import * as nodeCrypto from 'node:crypto';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badInput, quote } from './errors.js';
import type { TotpKey } from './key.js';
import type { Algorithm, CodeSettings, Digits, Skew } from './settings.js';

const HMAC_NAMES: Readonly<Record<Algorithm, string>> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
const MODULUS: Readonly<Record<Digits, number>> = { 6: 1e6, 8: 1e8 };

/** True for a Unix time codes can be computed at: a finite, non-negative, safe-integer-sized number of seconds. */
export function isCodeTime(unixSeconds: unknown): unixSeconds is number {
  return (
    typeof unixSeconds === 'number' &&
    Number.isFinite(unixSeconds) &&
    unixSeconds >= 0 &&
    unixSeconds <= Number.MAX_SAFE_INTEGER
  );
}

/**
 * The RFC 6238 time step of a Unix time (T0 = 0).
 * @throws TotpKitError (bad-input) for a time that is not a finite number of seconds ≥ 0.
 */
export function counterAt(unixSeconds: number, period: number): number {
  if (!isCodeTime(unixSeconds)) {
    throw badInput('time', 'is not a Unix time', 'a finite number of seconds ≥ 0', 'E_BAD_TIME');
  }
  return Math.floor(unixSeconds / period);
}

/** Block sizes (bytes) of the hashes, for HMAC's padded keys (RFC 2104). */
const BLOCK: Readonly<Record<Algorithm, number>> = { SHA1: 64, SHA256: 64, SHA512: 128 };
/** One-shot hashing (Node >= 20.12 / 21.7); createHmac otherwise. */
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

/**
 * HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)) with two one-shot hashes: createHmac builds an OpenSSL
 * MAC context per call, which costs several times the hashing of an 8-byte message.
 */
function hmac(algorithm: Algorithm, secret: Uint8Array, message: Buffer): Buffer {
  const name = HMAC_NAMES[algorithm];
  if (!oneShot) return createHmac(name, secret).update(message).digest();
  const block = BLOCK[algorithm];
  const key = secret.length > block ? oneShot(name, secret, 'buffer') : secret;
  const inner = Buffer.alloc(block + message.length, 0x36);
  for (let i = 0; i < key.length; i++) inner[i] = (inner[i] as number) ^ (key[i] as number);
  message.copy(inner, block);
  const innerHash = oneShot(name, inner, 'buffer');
  const outer = Buffer.alloc(block + innerHash.length, 0x5c);
  for (let i = 0; i < key.length; i++) outer[i] = (outer[i] as number) ^ (key[i] as number);
  innerHash.copy(outer, block);
  inner.fill(0);
  const mac = oneShot(name, outer, 'buffer');
  outer.fill(0, 0, block);
  return mac;
}

/** The RFC 4226 HOTP value for one counter, zero-padded to `digits`. */
export function hotp(secret: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string {
  const message = Buffer.alloc(8);
  // Counters pass 2^32 for short periods in the far future; write both halves explicitly.
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = hmac(algorithm, secret, message);
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % MODULUS[digits]).padStart(digits, '0');
}

/**
 * Checks the settings of a key handed to the library: algorithm SHA1/SHA256/SHA512, digits 6 or 8, a
 * whole positive period. Keys from the CLI, action and stores are checked already; this guards callers.
 * @throws TotpKitError (bad-input) naming the setting.
 */
export function assertCodeSettings(key: CodeSettings): void {
  if (!Object.hasOwn(HMAC_NAMES, key.algorithm)) {
    throw badInput('algorithm', `${quote(key.algorithm)} is not supported`, 'SHA1, SHA256 or SHA512');
  }
  if (key.digits !== 6 && key.digits !== 8) throw badInput('digits', `${quote(key.digits)} is not allowed`, '6 or 8');
  if (!Number.isSafeInteger(key.period) || key.period < 1) {
    throw badInput('period', `${quote(key.period)} is out of range`, 'whole seconds ≥ 1');
  }
}

/** The code of `key` at a Unix time in seconds (default: now). */
export function generateCode(key: TotpKey, unixSeconds: number = Date.now() / 1000): string {
  assertCodeSettings(key);
  return hotp(key.secret, counterAt(unixSeconds, key.period), key.algorithm, key.digits);
}

/**
 * Normalises a code as a person may type or paste it: every whitespace character removed. This is the
 * form replay records must use (a raw-input key let Vault accept "123456 " after "123456",
 * HCSEC-2025-17). Returns undefined for anything that is not a string.
 */
export function normalizeCode(input: unknown): string | undefined {
  return typeof input === 'string' ? input.replace(/\s+/g, '') : undefined;
}

/** The outcome of a verification. */
export interface Verification {
  readonly valid: boolean;
  /** The normalised code that was checked (what replay records must be keyed by). */
  readonly code?: string;
  /** The matching time step, when valid. */
  readonly counter?: number;
  /** Matching step minus current step (-1, 0 or 1), when valid. */
  readonly delta?: number;
}

/** Options for `verifyCode`. */
export interface VerifyOptions {
  /** Unix time in seconds (default: now). */
  readonly at?: number;
  /** Steps accepted either side of the current one (default 1). */
  readonly skew?: Skew;
}

/**
 * Verifies a code. A code of the wrong length, with non-ASCII-digit characters or of a non-string type
 * is invalid, never an error: this function does not throw on any code or time (only on a key with bad
 * settings or a skew other than 0 or 1, which are programming errors). Every candidate step is
 * compared in constant time and all of them are compared, so timing tells nothing about which matched.
 */
export function verifyCode(key: TotpKey & CodeSettings, input: unknown, options: VerifyOptions = {}): Verification {
  const code = normalizeCode(input);
  if (code === undefined || code.length !== key.digits || !/^[0-9]+$/.test(code)) {
    return code === undefined ? { valid: false } : { valid: false, code };
  }
  assertCodeSettings(key);
  const skew = options.skew ?? 1;
  // A programming error, not a bad code: checking ±300000 steps would accept codes from years away.
  if (skew !== 0 && skew !== 1) throw badInput('skew', `${String(skew).slice(0, 12)} is not allowed`, '0 or 1');
  const at = options.at ?? Date.now() / 1000;
  if (!isCodeTime(at)) return { valid: false, code };
  const current = counterAt(at, key.period);
  const given = Buffer.from(code, 'ascii');
  let matched: number | undefined;
  // From -skew up, but never -0: a match at the current step reports delta 0.
  for (let delta = skew === 0 ? 0 : -skew; delta <= skew; delta++) {
    const counter = current + delta;
    if (counter < 0) continue;
    const expected = Buffer.from(hotp(key.secret, counter, key.algorithm, key.digits), 'ascii');
    if (timingSafeEqual(expected, given) && matched === undefined) matched = delta;
  }
  if (matched === undefined) return { valid: false, code };
  return { valid: true, code, counter: current + matched, delta: matched };
}
