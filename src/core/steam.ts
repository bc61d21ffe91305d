/**
 * Steam Guard codes: Steam's variant of TOTP. The HMAC-SHA1 of the 30-second counter is truncated as in
 * RFC 4226 and then written as 5 characters of a 26-letter alphabet (no vowels, no look-alikes) instead of
 * decimal digits. Steam keeps the seed as the base64 `shared_secret` (a Steam Desktop Authenticator
 * `.maFile` holds it next to other secrets). Errors never quote a secret, in any of its forms.
 */
import { decodeBase32 } from './base32.js';
import { badInput, type Problem } from './errors.js';
import { truncatedHmac } from './hmac.js';
import type { CodeSettings } from './settings.js';

/** The characters of a Steam Guard code, in the order the truncated HMAC picks them. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
/** The length of every Steam Guard code. */
export const STEAM_CODE_LENGTH = 5;
/** Steam Guard's fixed time step. */
export const STEAM_PERIOD = 30;
/** Steam Guard's fixed HMAC algorithm. */
export const STEAM_ALGORITHM = 'SHA1';
/**
 * The code settings of every Steam key: Steam's algorithm and period, and the default digits, which a Steam
 * key keeps nominally (its codes are `STEAM_CODE_LENGTH` characters, see `codeLength`).
 */
export const STEAM_CODE_SETTINGS = { algorithm: STEAM_ALGORITHM, digits: 6, period: STEAM_PERIOD } as const;

/**
 * The settings among `settings` that no Steam key has: an algorithm other than SHA1, a period other than 30
 * and digits other than `allowedDigits` (none by default: a Steam code's length is not a setting).
 */
export function steamMisfits(
  settings: Partial<CodeSettings>,
  allowedDigits: readonly number[] = [],
): ('algorithm' | 'digits' | 'period')[] {
  const misfits: ('algorithm' | 'digits' | 'period')[] = [];
  if (settings.algorithm !== undefined && settings.algorithm !== STEAM_ALGORITHM) misfits.push('algorithm');
  if (settings.digits !== undefined && !allowedDigits.includes(settings.digits)) misfits.push('digits');
  if (settings.period !== undefined && settings.period !== STEAM_PERIOD) misfits.push('period');
  return misfits;
}

/**
 * The settings given beside a Steam key that cannot apply to it, as problems: any digits, and any algorithm
 * or period other than Steam's are refused rather than ignored. Takes checked settings (values are safe to
 * quote); `why` is added to each problem (`(the URL is a Steam key: …)`).
 */
export function steamSettingProblems(settings: Partial<CodeSettings>, why = ''): Problem[] {
  const suffix = why === '' ? '' : ` ${why}`;
  return steamMisfits(settings).map((setting): Problem => {
    if (setting === 'algorithm') {
      return {
        setting,
        problem: `${settings.algorithm} cannot be used with Steam Guard codes, which use ${STEAM_ALGORITHM}${suffix}`,
        allowed: `${STEAM_ALGORITHM}, or leave it out`,
      };
    }
    if (setting === 'digits') {
      return {
        setting,
        problem: `cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters${suffix}`,
        allowed: 'leave it out',
      };
    }
    return {
      setting,
      problem: `${settings.period} cannot be used with Steam Guard codes, which change every ${STEAM_PERIOD} s${suffix}`,
      allowed: `${STEAM_PERIOD}, or leave it out`,
    };
  });
}

const STEAM_CODE = new RegExp(`^[${STEAM_ALPHABET}]{${STEAM_CODE_LENGTH}}$`);

/**
 * The Steam Guard code for one counter (the Unix time divided by 30): 5 times, the next character is the
 * value modulo 26 and the value is divided by 26 (rounded down).
 */
export function steamCode(secret: Uint8Array, counter: number): string {
  let value = truncatedHmac(secret, counter, STEAM_ALGORITHM);
  let code = '';
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

/** True for a normalised code (no spaces, upper case) that is 5 characters of the Steam alphabet. */
export function isSteamCode(code: string): boolean {
  return STEAM_CODE.test(code);
}

/** True for an issuer that names Steam (case-insensitive, surrounding spaces ignored). */
export function isSteamIssuer(issuer: string | undefined): boolean {
  return issuer !== undefined && issuer.trim().toLowerCase() === 'steam';
}

/**
 * True when text is written the way Base32 seeds are, not base64: only upper-case A–Z and 2–7 (spaces,
 * hyphens between groups and trailing "=" ignored, as `normalizeBase32` ignores them). A random 28-character
 * base64 secret is never like that (each character would have to fall in 32 of 64), so Steam seed text like
 * this is read as Base32.
 */
export function isUpperCaseBase32Text(text: string): boolean {
  return /^[A-Z2-7]+=*$/.test(text.replace(/[\s-]+/g, ''));
}

const BASE64_ALLOWED = 'base64 as Steam stores shared_secret (A–Z, a–z, 0–9 and + /, or - _; "=" padding optional)';
const BASE64_STANDARD = /^[A-Za-z0-9+/]*$/;
const BASE64_URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64 seed text, standard or URL-safe alphabet (not mixed), padding optional, spaces ignored.
 * `label` names the input in errors, which never repeat a character of the text.
 * @throws TotpKitError (bad-input) for empty text, other characters, or a length no bytes encode to.
 */
export function decodeBase64Secret(text: string, label = 'secret'): Buffer {
  const compact = text.replace(/\s+/g, '');
  // Trailing '=' stripped by a loop, as in base32.ts: a regex would backtrack on "====…=x".
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  const body = compact.slice(0, end);
  const padding = compact.length - end;
  if (body.length === 0) throw badInput(label, 'is empty (no base64 characters)', BASE64_ALLOWED, 'E_SEED_EMPTY');
  if (!BASE64_STANDARD.test(body) && !BASE64_URL.test(body)) {
    const at = [...body].findIndex((c) => !/[A-Za-z0-9]/.test(c) && !'+/_-'.includes(c));
    const what =
      at >= 0
        ? body[at] === '='
          ? `"=" padding before the end (position ${at + 1})`
          : `a character that is not base64 at position ${at + 1}`
        : 'characters of both the standard (+ /) and the URL-safe (- _) alphabet';
    throw badInput(label, `is not valid base64: ${what}`, BASE64_ALLOWED, 'E_SEED_NOT_BASE64');
  }
  if (body.length % 4 === 1 || padding > 2 || (padding > 0 && (body.length + padding) % 4 !== 0)) {
    throw badInput(
      label,
      `is not valid base64: ${body.length} characters${padding > 0 ? ` and ${padding} "="` : ''} cannot encode whole bytes`,
      BASE64_ALLOWED,
      'E_SEED_NOT_BASE64',
    );
  }
  return Buffer.from(body, BASE64_URL.test(body) ? 'base64url' : 'base64');
}

/**
 * Decodes seed text as a Steam key's: upper-case Base32 text (see `isUpperCaseBase32Text`) as Base32,
 * anything else as base64, the way Steam stores `shared_secret`.
 * @throws TotpKitError (bad-input) naming `label`, never quoting the text.
 */
export function decodeSteamSecret(text: string, label = 'secret'): Buffer {
  return isUpperCaseBase32Text(text) ? Buffer.from(decodeBase32(text, label)) : decodeBase64Secret(text, label);
}

/** The written forms of a Steam secret to mask in logs: base64 as Steam writes it, unpadded and URL-safe. */
export function base64Forms(secret: Uint8Array): string[] {
  const bytes = Buffer.from(secret);
  const standard = bytes.toString('base64');
  return [standard, standard.replace(/=+$/, ''), bytes.toString('base64url')];
}
