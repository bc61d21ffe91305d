/**
 * Base32 seeds (RFC 4648 §6). Decoding is forgiving in the ways authenticator apps are (case,
 * spaces and groups, trailing `=` padding) and strict otherwise. Errors name the input by its label
 * and say what is wrong without repeating any character of it: the text is a seed.
 */
import { badInput } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Lengths (mod 8) a Base32 encoding of whole bytes can have. */
const VALID_TAIL_LENGTHS = new Set([0, 2, 4, 5, 7]);
const ALLOWED = 'Base32 letters A–Z and digits 2–7; spaces and trailing "=" are ignored';

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
 * Removes what a person may add around a Base32 seed: whitespace anywhere (apps show seeds in groups
 * of four) and `=` padding at the end. Returns upper-case text, not yet checked.
 */
export function normalizeBase32(text: string): string {
  // ASCII letters only: String#toUpperCase would turn "ı", "ſ" or "ﬀ" into Base32 letters.
  const compact = text.replace(/\s+/g, '');
  // Trailing '=' stripped by a loop: the regex /=+$/ backtracks quadratically on "====…=x".
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  return compact.slice(0, end).replace(/[a-z]/g, (c) => c.toUpperCase());
}

/**
 * Decodes a Base32 seed, forgiving what people add (lower case, spaces, `=` padding at the end).
 *
 * @param text - the seed as Base32 text
 * @param label - what errors call the input (`TOTP_SEED`); default `secret`
 * @returns the seed's bytes
 * @throws `TotpKitError` (bad-input) E_SEED_EMPTY or E_SEED_NOT_BASE32; the message never quotes the text.
 *
 * @example
 * ```ts
 * import { decodeBase32 } from 'totp-kit';
 *
 * decodeBase32('jbsw y3dp ehpk 3pxp').length; // 10
 * ```
 */
export function decodeBase32(text: string, label = 'secret'): Uint8Array {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, 'is empty (no Base32 characters)', ALLOWED, 'E_SEED_EMPTY');
  const bytes = Buffer.alloc(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i] as string);
    if (value === undefined) {
      const what = clean[i] === '=' ? '"=" padding before the end' : 'a character that is not Base32';
      throw badInput(label, `is not valid Base32: ${what} at position ${i + 1}`, ALLOWED, 'E_SEED_NOT_BASE32');
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >>> bits) & 0xff;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw badInput(
      label,
      `is not valid Base32: ${clean.length} ${clean.length === 1 ? 'character' : 'characters'} cannot encode whole bytes`,
      ALLOWED,
      'E_SEED_NOT_BASE32',
    );
  }
  return bytes;
}
