/**
 * otpauth Key URIs (Google Authenticator's Key URI format): parsed with our own checks so every refusal
 * names the parameter and never quotes the secret; formatted with the `otpauth` library so the URLs we
 * hand to authenticator apps are the ones that library's many users already scan.
 */
import { Secret, TOTP } from 'otpauth';
import { decodeBase32 } from './base32.js';
import { badInput, quote } from './errors.js';
import type { TotpKey } from './key.js';
import {
  type CodeSettings,
  checkSettings,
  codeSettingsOf,
  DEFAULTS,
  type Encoder,
  normalizeEncoder,
  parseWholeNumber,
  withDefaults,
} from './settings.js';
import { isSteamIssuer, STEAM_CODE_LENGTH, STEAM_PERIOD } from './steam.js';
import { assertCodeSettings } from './totp.js';

/** What a URL says, with the settings it states explicitly kept apart from the defaults it implies. */
export interface ParsedOtpauthUrl {
  /** The key: its seed, settings (defaults for those the URL leaves out), issuer and account. */
  readonly key: TotpKey;
  /** Settings the URL states as parameters; absent ones took the Key URI format's defaults. */
  readonly explicit: Partial<CodeSettings>;
  /**
   * The encoder the URL states, and how it states it (for messages): `steam` by the `otpauth://steam/`
   * type (Aegis), an `encoder=steam` parameter (KeePassXC) or the issuer Steam; `totp` by `encoder=totp`.
   * Absent when the URL says nothing about it.
   */
  readonly encoder?: { readonly encoder: Encoder; readonly statedAs: string };
}

const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'encoder'];
const URL_FORM = 'otpauth://totp/Issuer:Account?secret=BASE32&issuer=…&algorithm=…&digits=…&period=…';

/** True when the text looks like an otpauth URL rather than a bare seed. */
export function isOtpauthUrl(text: string): boolean {
  return /^\s*otpauth:/i.test(text);
}

function decodeLabel(raw: string, label: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badInput(label, 'has a label with broken percent-encoding', URL_FORM, 'E_URL_LABEL');
  }
}

/**
 * Parses an otpauth URL (`otpauth://totp/ACME:alice?secret=…&issuer=ACME`), as authenticator apps read
 * them; Steam keys as Aegis and KeePassXC write them.
 *
 * @param text - the URL
 * @param label - what errors call the input (`TOTP_URL`); default `url`. The URL itself is never quoted:
 *   it carries the secret.
 * @returns the key, and which settings the URL states
 * @throws `TotpKitError` (bad-input) for an hotp URL, a missing, repeated or bad secret, and bad settings.
 *
 * @example
 * ```ts
 * import { parseOtpauthUrl } from 'totp-kit';
 *
 * const { key, explicit } = parseOtpauthUrl('otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&digits=8');
 * key.issuer; // 'ACME'
 * key.accountName; // 'alice'
 * explicit; // { digits: 8 }: algorithm and period took the defaults
 * ```
 */
export function parseOtpauthUrl(text: string, label = 'url'): ParsedOtpauthUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw badInput(label, 'is not a valid URL', URL_FORM, 'E_URL_INVALID');
  }
  if (url.protocol.toLowerCase() !== 'otpauth:') {
    throw badInput(label, 'is not an otpauth:// URL', URL_FORM, 'E_URL_INVALID');
  }
  const type = url.host.toLowerCase();
  if (type === 'hotp') {
    throw badInput(
      label,
      'is an hotp (counter-based) URL; only totp (time-based) URLs are supported',
      URL_FORM,
      'E_URL_HOTP',
    );
  }
  // The type is not quoted: a mistaken URL may carry the seed there.
  if (type !== 'totp' && type !== 'steam')
    throw badInput(label, 'has an unknown OTP type', 'totp or steam', 'E_URL_TYPE');

  const params = url.searchParams;
  for (const name of KNOWN_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) throw badInput(label, `has ${count} "${name}" parameters`, 'each parameter once', 'E_URL_DUPLICATE');
  }
  const secretText = params.get('secret');
  if (secretText === null || secretText.trim() === '') {
    throw badInput(label, 'has no secret parameter', URL_FORM, 'E_URL_NO_SECRET');
  }
  // An otpauth URL's secret is Base32 for every encoder (Steam's base64 is for bare seeds only).
  const secret = decodeBase32(secretText, `${label} secret parameter`);

  // Label: "Issuer:Account", "Issuer: Account" or "Account"; the issuer parameter wins over the prefix.
  // Read from the text as written: the URL parser would resolve "." and ".." segments away.
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? '';
  const encoder = statedEncoder(type, params, rawLabel, label);
  const steam = encoder?.encoder === 'steam';

  const given = {
    algorithm: params.get('algorithm') ?? undefined,
    // A Steam URL says digits=5 (Aegis, KeePassXC) or the digits=6 of tools that do not know Steam.
    digits: steam ? steamDigits(params.get('digits'), label) : (params.get('digits') ?? undefined),
    period: params.get('period') ?? undefined,
  };
  const check = checkSettings(given);
  const first = check.problems[0];
  if (first) {
    // Quote a parameter's value only when it is too short to be (part of) a seed pasted in the wrong place.
    const value = given[first.setting as keyof typeof given] ?? '';
    const problem = value.length <= 6 ? first.problem : 'has a value that is not allowed';
    throw badInput(`${label} ${first.setting} parameter`, problem, first.allowed, 'E_URL_SETTING');
  }
  const explicit = codeSettingsOf(check.settings);
  if (steam && explicit.algorithm !== undefined && explicit.algorithm !== 'SHA1') {
    throw badInput(
      `${label} algorithm parameter`,
      `${explicit.algorithm} cannot be used with Steam Guard codes, which use SHA1 (the URL is a Steam key: ${encoder.statedAs})`,
      'SHA1, or leave it out',
      'E_URL_SETTING',
    );
  }
  if (steam && explicit.period !== undefined && explicit.period !== STEAM_PERIOD) {
    throw badInput(
      `${label} period parameter`,
      `${explicit.period} cannot be used with Steam Guard codes, which change every ${STEAM_PERIOD} s (the URL is a Steam key: ${encoder.statedAs})`,
      `${STEAM_PERIOD}, or leave it out`,
      'E_URL_SETTING',
    );
  }

  const path = decodeLabel(rawLabel, label);
  const colon = path.indexOf(':');
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : undefined;
  const accountName = (colon >= 0 ? path.slice(colon + 1) : path).trimStart();
  // An empty issuer parameter says nothing: the label's prefix still counts.
  const issuer = params.get('issuer') || labelIssuer;

  const { algorithm, digits, period } = withDefaults(explicit);
  const key: TotpKey = {
    secret,
    algorithm,
    digits,
    period,
    ...(issuer ? { issuer } : {}),
    ...(accountName ? { accountName } : {}),
    ...(steam ? { encoder: 'steam' as const } : {}),
  };
  return { key, explicit, ...(encoder ? { encoder } : {}) };
}

/**
 * The encoder a URL states: the `steam` type, an `encoder` parameter, or the issuer Steam (from the
 * issuer parameter, else the label's prefix). `encoder=totp` states a standard key even for the issuer
 * Steam. Values are quoted only when too short to carry a seed.
 */
function statedEncoder(
  type: string,
  params: URLSearchParams,
  rawLabel: string,
  label: string,
): ParsedOtpauthUrl['encoder'] {
  const text = params.get('encoder');
  let parameter: Encoder | undefined;
  if (text !== null) {
    parameter = normalizeEncoder(text);
    if (parameter === undefined) {
      const problem = text.length <= 6 ? `${quote(text)} is not supported` : 'has a value that is not supported';
      throw badInput(`${label} encoder parameter`, problem, 'steam or totp', 'E_URL_SETTING');
    }
  }
  if (type === 'steam') {
    if (parameter === 'totp') {
      throw badInput(
        `${label} encoder parameter`,
        'totp contradicts the otpauth://steam/ type',
        'steam, or leave it out',
        'E_URL_SETTING',
      );
    }
    return { encoder: 'steam', statedAs: 'the otpauth://steam/ type' };
  }
  if (parameter !== undefined) return { encoder: parameter, statedAs: `encoder=${parameter}` };
  let prefix: string | undefined;
  try {
    const path = decodeURIComponent(rawLabel);
    prefix = path.includes(':') ? path.slice(0, path.indexOf(':')) : undefined;
  } catch {
    // A broken label is refused later, with the other label checks.
  }
  const issuer = params.get('issuer') || prefix;
  return isSteamIssuer(issuer) ? { encoder: 'steam', statedAs: 'the issuer Steam' } : undefined;
}

/** A Steam URL's digits parameter: 5 or 6 say nothing more (the key's codes are 5 characters); others are refused. */
function steamDigits(text: string | null, label: string): undefined {
  if (text === null) return undefined;
  const digits = parseWholeNumber(text);
  if (digits === STEAM_CODE_LENGTH || digits === DEFAULTS.digits) return undefined;
  throw badInput(
    `${label} digits parameter`,
    `${text.length <= 6 ? quote(text) : 'a value'} cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters`,
    `${STEAM_CODE_LENGTH}, or leave it out`,
    'E_URL_SETTING',
  );
}

/**
 * Formats a key as an otpauth URL, for a barcode or an authenticator app: issuer and account as given, the
 * secret in Base32 without padding, every setting stated. A Steam key's URL says digits=5 and encoder=steam,
 * as KeePassXC writes them. The URL holds the seed: treat it as a secret.
 *
 * @param key - the key; issuer and account must not contain `:`
 * @returns the URL
 * @throws `TotpKitError` (bad-input) for bad settings, or an issuer or account with `:`.
 *
 * @example
 * ```ts
 * import { decodeBase32, formatOtpauthUrl } from 'totp-kit';
 *
 * const secret = decodeBase32('JBSWY3DPEHPK3PXP');
 * formatOtpauthUrl({ secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'ACME', accountName: 'alice' });
 * // 'otpauth://totp/ACME:alice?issuer=ACME&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'
 * ```
 */
export function formatOtpauthUrl(key: TotpKey): string {
  assertCodeSettings(key);
  for (const [setting, value] of [
    ['issuer', key.issuer],
    ['accountName', key.accountName],
  ] as const) {
    if (value?.includes(':')) {
      throw badInput(setting, `contains ":" (character ${value.indexOf(':') + 1})`, 'any text without ":"');
    }
  }
  const totp = new TOTP({
    issuer: key.issuer ?? '',
    label: key.accountName ?? '',
    issuerInLabel: Boolean(key.issuer),
    secret: new Secret({ buffer: Uint8Array.from(key.secret).buffer }),
    algorithm: key.algorithm ?? DEFAULTS.algorithm,
    digits: key.digits ?? DEFAULTS.digits,
    period: key.period ?? DEFAULTS.period,
  });
  const url = totp.toString();
  if (key.encoder !== 'steam') return url;
  return `${url.replace(/([?&]digits=)6(?=&|$)/, `$1${STEAM_CODE_LENGTH}`)}&encoder=steam`;
}
