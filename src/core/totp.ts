/**
 * Codes (RFC 6238 over RFC 4226, or Steam Guard's characters for a key with `encoder: 'steam'`) and
 * their verification. The HMAC and its truncation are in hmac.ts, shared by both encoders.
 */
import { timingSafeEqual } from 'node:crypto';
import { badInput, quote } from './errors.js';
import { truncatedHmac } from './hmac.js';
import type { KeyMaterial } from './key.js';
import {
  type Algorithm,
  CODE_SETTINGS_ALLOWED,
  type CodeSettings,
  checkSettings,
  type Digits,
  type Skew,
} from './settings.js';
import {
  isSteamCode,
  STEAM_ALGORITHM,
  STEAM_ALPHABET,
  STEAM_CODE_LENGTH,
  STEAM_PERIOD,
  steamCode,
  steamMisfits,
} from './steam.js';
import { nowSeconds } from './time.js';

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

/** The RFC 4226 HOTP value for one counter, zero-padded to `digits`; the settings are checked by the caller. */
function hotpValue(secret: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string {
  return String(truncatedHmac(secret, counter, algorithm) % MODULUS[digits]).padStart(digits, '0');
}

/**
 * The RFC 4226 HOTP value of `secret` for one counter, zero-padded to `digits`: what a TOTP code is for the
 * counter of its time step.
 *
 * @param secret - the shared secret
 * @param counter - the moving factor: a whole number from 0 to 2^53 - 1
 * @param algorithm - SHA1, SHA256 or SHA512
 * @param digits - 6 or 8
 * @returns the code, `digits` characters 0-9
 * @throws `TotpKitError` (bad-input) naming the setting, for an algorithm, digits or counter not allowed,
 *   as `generateCode` does for a key's settings.
 *
 * @example
 * ```ts
 * import { decodeBase32, hotp } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // "12345678901234567890"
 * hotp(secret, 1, 'SHA1', 6); // '287082' (RFC 4226, appendix D)
 * ```
 */
export function hotp(secret: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string {
  assertCheckedSettings({ algorithm, digits });
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw badInput('counter', `${quote(counter)} is not a counter`, 'a whole number from 0 to 2^53 - 1');
  }
  return hotpValue(secret, counter, algorithm, digits);
}

/** What decides how a code is written: its digits, or Steam's characters (any key, remote ones too). */
export interface CodeFormat {
  readonly digits: number;
  readonly encoder?: KeyMaterial['encoder'] | undefined;
}

/** The length of a key's codes: 5 for a Steam key, else its digits. */
export function codeLength(key: CodeFormat): number {
  return key.encoder === 'steam' ? STEAM_CODE_LENGTH : key.digits;
}

/**
 * What a well-formed code of a key looks like, for messages: `6 digits 0-9`, or `5 characters from
 * 23456789BCDFGHJKMNPQRTVWXY`.
 */
export function codeFormatText(key: CodeFormat): string {
  return key.encoder === 'steam'
    ? `${STEAM_CODE_LENGTH} characters from ${STEAM_ALPHABET}`
    : `${key.digits} digits 0-9`;
}

/** What a key's codes are, for people: `SHA1, 6 digits, 30 s` or `Steam Guard: SHA1, 5 characters, 30 s`. */
export function describeCodes(key: CodeFormat & Pick<CodeSettings, 'algorithm' | 'period'>): string {
  if (key.encoder === 'steam') return `Steam Guard: ${key.algorithm}, ${STEAM_CODE_LENGTH} characters, ${key.period} s`;
  return `${key.algorithm}, ${key.digits} digits, ${key.period} s`;
}

/**
 * True when a normalised code (see `normalizeCode`) has the form of the key's codes: `digits` ASCII
 * digits, or 5 characters of the Steam alphabet. A code that is not well-formed is invalid without
 * being compared, and is never recorded as presented.
 */
export function isWellFormedCode(key: CodeFormat, code: string): boolean {
  if (key.encoder === 'steam') return isSteamCode(code);
  return code.length === key.digits && /^[0-9]+$/.test(code);
}

/** The code of a key for one counter, in the key's format. */
function codeAt(key: KeyMaterial, counter: number): string {
  return key.encoder === 'steam'
    ? steamCode(key.secret, counter)
    : hotpValue(key.secret, counter, key.algorithm, key.digits);
}

/**
 * Checks the code settings of a key handed to the library with the one settings check (`checkSettings`), as
 * parsed values: a key holds `'SHA1'` and `6`, not the text `'sha1'` or `'6'` a flag may give. Callers may
 * be JavaScript, so nothing is taken on trust; the first problem is thrown.
 * @throws TotpKitError (bad-input) naming the setting.
 */
function assertCheckedSettings(given: Partial<Record<keyof CodeSettings, unknown>>): void {
  const { settings, problems } = checkSettings(given);
  for (const setting of Object.keys(given) as (keyof CodeSettings)[]) {
    const problem = problems.find((p) => p.setting === setting);
    if (problem) throw badInput(setting, problem.problem, problem.allowed);
    if (settings[setting] === undefined || settings[setting] !== given[setting]) {
      throw badInput(setting, `${quote(given[setting])} is not allowed`, CODE_SETTINGS_ALLOWED[setting]);
    }
  }
}

/**
 * Checks the settings of a key handed to the library: algorithm SHA1/SHA256/SHA512, digits 6 or 8, a
 * period within the settings' limits, and for a Steam key Steam's algorithm and period. Keys from the CLI,
 * action and stores are checked already; this guards callers.
 * @throws TotpKitError (bad-input) naming the setting.
 */
export function assertCodeSettings(key: CodeSettings & { readonly encoder?: unknown }): void {
  // A key object whose settings passed with these very values passes again: a loop of codes for one key
  // pays the check once (it is about a twentieth of a code's time). Any change of a value checks it anew.
  const passed = PASSED.get(key);
  if (
    passed !== undefined &&
    passed.algorithm === key.algorithm &&
    passed.digits === key.digits &&
    passed.period === key.period &&
    passed.encoder === key.encoder
  ) {
    return;
  }
  assertCheckedSettings({ algorithm: key.algorithm, digits: key.digits, period: key.period });
  // 'totp' is accepted as the standard encoder's name (a settings check returns it) and means the same as none.
  if (key.encoder !== undefined && key.encoder !== 'steam' && key.encoder !== 'totp') {
    throw badInput('encoder', `${quote(key.encoder)} is not supported`, 'steam, or leave it out');
  }
  const misfit =
    key.encoder === 'steam' ? steamMisfits({ algorithm: key.algorithm, period: key.period })[0] : undefined;
  if (misfit !== undefined) {
    throw badInput(
      misfit,
      'does not fit a Steam key',
      `algorithm ${STEAM_ALGORITHM} and period ${STEAM_PERIOD} with encoder steam`,
    );
  }
  PASSED.set(key, { algorithm: key.algorithm, digits: key.digits, period: key.period, encoder: key.encoder });
}

/** The settings each key object last passed `assertCodeSettings` with. */
const PASSED = new WeakMap<object, CodeSettings & { readonly encoder?: unknown }>();

/**
 * The code of `key` at a Unix time: `digits` digits (RFC 6238), or 5 characters for a Steam key.
 *
 * @param key - the seed and its settings
 * @param unixSeconds - the time, in seconds since 1970 (a fraction is allowed); default: now
 * @returns the code
 * @throws `TotpKitError` (bad-input) naming the setting, for a key whose algorithm, digits, period or encoder
 *   is not allowed, or a time that is not a finite number of seconds from 0.
 *
 * @example
 * ```ts
 * import { decodeBase32, generateCode } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // "12345678901234567890"
 * const key = { secret, algorithm: 'SHA1', digits: 8, period: 30 } as const;
 * generateCode(key, 59); // '94287082' (RFC 6238, appendix B)
 * generateCode(key); // the code of now
 * ```
 */
export function generateCode(key: KeyMaterial, unixSeconds: number = nowSeconds()): string {
  assertCodeSettings(key);
  return codeAt(key, counterAt(unixSeconds, key.period));
}

/**
 * Normalises a code as a person may type or paste it: every whitespace character removed and, for a
 * Steam key (`format.encoder` steam), ASCII letters upper-cased (Steam Guard codes are case-insensitive).
 * This is the form replay records must use (a raw-input key let Vault accept "123456 " after "123456",
 * HCSEC-2025-17; it would let "bcdfg" replay "BCDFG"). Only ASCII is upper-cased: String#toUpperCase
 * turns "ﬀ" into "FF". Returns undefined for anything that is not a string.
 */
export function normalizeCode(input: unknown, format?: CodeFormat): string | undefined {
  if (typeof input !== 'string') return undefined;
  const compact = input.replace(/\s+/g, '');
  return format?.encoder === 'steam' ? compact.replace(/[a-z]/g, (c) => c.toUpperCase()) : compact;
}

/** The outcome of `verifyCode`. */
export interface Verification {
  /** True when the code is the key's code of a step within the skew. */
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
  /**
   * The time to verify at, in Unix seconds.
   * @defaultValue now
   */
  readonly at?: number;
  /**
   * Steps accepted either side of the current one.
   * @defaultValue 1
   */
  readonly skew?: Skew;
}

/**
 * Verifies a code as a person typed it (spaces are ignored; a Steam code in any case). A code that is not
 * well-formed for the key (the wrong length, characters other than ASCII digits, for a Steam key characters
 * outside its alphabet) or not a string is invalid, never an error. Every candidate step is compared in
 * constant time, and all of them are, so timing tells nothing about which matched. Replays are not
 * refused here: record `code` and `counter` of each accepted code, or use `validateKey`.
 *
 * @param key - the seed and its settings
 * @param input - the code given
 * @param options - the time and the skew
 * @returns whether the code is valid and, when it is, the step it matched
 * @throws `TotpKitError` (bad-input) only for a key with bad settings or a skew other than 0 or 1.
 *
 * @example
 * ```ts
 * import { decodeBase32, verifyCode } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
 * const key = { secret, algorithm: 'SHA1', digits: 8, period: 30 } as const;
 * verifyCode(key, '9428 7082', { at: 59 }); // { valid: true, code: '94287082', counter: 1, delta: 0 }
 * verifyCode(key, '94287082', { at: 89 }).delta; // -1: the previous step's code, accepted with skew 1
 * verifyCode(key, '94287082', { at: 89, skew: 0 }).valid; // false
 * ```
 */
export function verifyCode(key: KeyMaterial & CodeSettings, input: unknown, options: VerifyOptions = {}): Verification {
  const code = normalizeCode(input, key);
  if (code === undefined || !isWellFormedCode(key, code)) {
    return code === undefined ? { valid: false } : { valid: false, code };
  }
  assertCodeSettings(key);
  const skew = options.skew ?? 1;
  // A programming error, not a bad code: checking ±300000 steps would accept codes from years away.
  if (skew !== 0 && skew !== 1) throw badInput('skew', `${quote(skew)} is not allowed`, '0 or 1');
  const at = options.at ?? nowSeconds();
  if (!isCodeTime(at)) return { valid: false, code };
  const current = counterAt(at, key.period);
  const given = Buffer.from(code, 'ascii');
  let matched: number | undefined;
  // From -skew up, but never -0: a match at the current step reports delta 0.
  for (let delta = skew === 0 ? 0 : -skew; delta <= skew; delta++) {
    const counter = current + delta;
    if (counter < 0) continue;
    const expected = Buffer.from(codeAt(key, counter), 'ascii');
    if (timingSafeEqual(expected, given) && matched === undefined) matched = delta;
  }
  if (matched === undefined) return { valid: false, code };
  return { valid: true, code, counter: current + matched, delta: matched };
}
