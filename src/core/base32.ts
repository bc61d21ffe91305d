/**
 * Base32 seeds (RFC 4648 §6). Decoding is forgiving in the ways authenticator apps are (case,
 * groups of four split by spaces or hyphens, trailing `=` padding) and strict otherwise. Errors name the input by its label
 * and say what is wrong without repeating any character of it: the text is a seed.
 */
import { badInput } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Lengths (mod 8) a Base32 encoding of whole bytes can have. */
const VALID_TAIL_LENGTHS = new Set([0, 2, 4, 5, 7]);
const ALLOWED = 'Base32 letters A–Z and digits 2–7; spaces, "-" and trailing "=" are ignored';

/**
 * Encodes bytes as upper-case Base32 without padding: the form otpauth URLs and authenticator apps use.
 *
 * @example
 * ```ts
 * import { encodeBase32, generateSeed } from 'totp-kit';
 *
 * encodeBase32(generateSeed()); // 32 characters A-Z and 2-7, e.g. 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
 * ```
 */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Removes what a person may add around a Base32 seed: whitespace and hyphens anywhere (apps and password
 * managers show seeds in groups of four, `JBSW Y3DP …` or `jbsw-y3dp-…`; neither character is Base32) and
 * `=` padding at the end. Returns upper-case text, not yet checked.
 */
export function normalizeBase32(text: string): string {
  // ASCII letters only: String#toUpperCase would turn "ı", "ſ" or "ﬀ" into Base32 letters.
  const compact = text.replace(/[\s-]+/g, '');
  // Trailing '=' stripped by a loop: the regex /=+$/ backtracks quadratically on "====…=x".
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  return compact.slice(0, end).replace(/[a-z]/g, (c) => c.toUpperCase());
}

/**
 * True when text refused as Base32 is hex instead (oathtool's default form): only hex digits, two per byte,
 * whitespace and a leading `0x` aside. Asked only of text Base32 refused: hex written with letters a–f and
 * digits 2–7 alone is valid Base32 as well, and is read as Base32.
 */
export function looksLikeHex(text: string): boolean {
  const digits = text.replace(/\s+/g, '').replace(/^0x/i, '');
  return digits.length >= 2 && digits.length % 2 === 0 && /^[0-9a-f]+$/i.test(digits);
}

/** The problem of text refused as Base32 that is hex; the caller says what to do (`allowed`). */
export const HEX_NOT_BASE32 = 'looks like hex (digits 0-9 and letters a-f only), not Base32';

/**
 * Decodes a Base32 seed, forgiving what people add (lower case, spaces or hyphens between groups, `=`
 * padding at the end).
 *
 * @param text - the seed as Base32 text
 * @param label - what errors call the input (`TOTP_SEED`); default `secret`
 * @returns the seed's bytes
 * @throws `TotpKitError` (bad-input) E_SEED_EMPTY or E_SEED_NOT_BASE32; the message never quotes the text
 *   (for hex text, it says so).
 *
 * @example
 * ```ts
 * import { decodeBase32 } from 'totp-kit';
 *
 * decodeBase32('jbsw y3dp ehpk 3pxp').length; // 10
 * decodeBase32('jbsw-y3dp-ehpk-3pxp').length; // 10
 * ```
 */
export function decodeBase32(text: string, label = 'secret'): Uint8Array {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, 'is empty (no Base32 characters)', ALLOWED, 'E_SEED_EMPTY');
  // Hex is said to be hex, rather than pointed at its first 0, 1, 8 or 9.
  const refuse = (what: string) =>
    badInput(label, looksLikeHex(text) ? HEX_NOT_BASE32 : `is not valid Base32: ${what}`, ALLOWED, 'E_SEED_NOT_BASE32');
  const bytes = Buffer.alloc(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i] as string);
    if (value === undefined) {
      const what = clean[i] === '=' ? '"=" padding before the end' : 'a character that is not Base32';
      throw refuse(`${what} at position ${i + 1}`);
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >>> bits) & 0xff;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw refuse(`${clean.length} ${clean.length === 1 ? 'character' : 'characters'} cannot encode whole bytes`);
  }
  return bytes;
}
