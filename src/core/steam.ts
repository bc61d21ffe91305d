/**
 * Steam Guard codes: Steam's variant of TOTP. The HMAC-SHA1 of the 30-second counter is truncated as in
 * RFC 4226 and then written as 5 characters of a 26-letter alphabet (no vowels, no look-alikes) instead of
 * decimal digits. Steam keeps the seed as the base64 `shared_secret` (a Steam Desktop Authenticator
 * `.maFile` holds it next to other secrets). Errors never quote a secret, in any of its forms.
 */
import { decodeBase32 } from './base32.js';
import { badInput } from './errors.js';
import { truncatedHmac } from './hmac.js';

/** The characters of a Steam Guard code, in the order the truncated HMAC picks them. */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';
/** The length of every Steam Guard code. */
export const STEAM_CODE_LENGTH = 5;
/** Steam Guard's fixed time step. */
export const STEAM_PERIOD = 30;

const STEAM_CODE = new RegExp(`^[${STEAM_ALPHABET}]{${STEAM_CODE_LENGTH}}$`);

/**
 * The Steam Guard code for one counter (the Unix time divided by 30): 5 times, the next character is the
 * value modulo 26 and the value is divided by 26 (rounded down).
 */
export function steamCode(secret: Uint8Array, counter: number): string {
  let value = truncatedHmac(secret, counter, 'SHA1');
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
