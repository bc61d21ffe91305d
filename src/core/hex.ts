/**
 * Hex seeds, as oathtool takes them (`oathtool --totp 3132…`) and as RFC 4226 and RFC 6238 print their test
 * seeds. Seed text says it is hex with the prefix `hex:`: text of hex digits alone may be Base32 as well
 * (`a`–`f` and `2`–`7` are Base32), so hex is never guessed. Errors never repeat a character of the text.
 */
import { badInput } from './errors.js';

/** The prefix that marks seed text as hex (case-insensitive). */
export const HEX_PREFIX = 'hex:';

const HEX_ALLOWED = 'hex digits 0-9 and a-f after "hex:", two per byte (spaces ignored)';

/** True when seed text is written as hex (`hex:…`). */
export function isHexSeedText(text: string): boolean {
  return text.trimStart().slice(0, HEX_PREFIX.length).toLowerCase() === HEX_PREFIX;
}

/** The digits of `hex:` seed text as written: after the prefix (and an optional `0x`), whitespace removed. */
export function hexDigitsOf(text: string): string {
  return text.trimStart().slice(HEX_PREFIX.length).replace(/\s+/g, '').replace(/^0x/i, '');
}

/**
 * Decodes `hex:` seed text: the prefix, then hex digits in either case, whitespace ignored, an optional `0x`.
 * @param text - the seed text, `hex:` included
 * @param label - what errors call the input (`TOTP_SEED`)
 * @throws TotpKitError (bad-input) E_SEED_EMPTY or E_SEED_NOT_HEX, never quoting the text.
 */
export function decodeHexSeed(text: string, label: string): Buffer {
  const digits = hexDigitsOf(text);
  if (digits.length === 0) throw badInput(label, 'has no hex digits after "hex:"', HEX_ALLOWED, 'E_SEED_EMPTY');
  const at = digits.search(/[^0-9a-f]/i);
  if (at >= 0) {
    throw badInput(
      label,
      `is not valid hex: a character that is not a hex digit at position ${at + 1} after "hex:"`,
      HEX_ALLOWED,
      'E_SEED_NOT_HEX',
    );
  }
  if (digits.length % 2 !== 0) {
    throw badInput(
      label,
      `is not valid hex: ${digits.length} digits cannot encode whole bytes (two digits per byte)`,
      HEX_ALLOWED,
      'E_SEED_NOT_HEX',
    );
  }
  return Buffer.from(digits, 'hex');
}
