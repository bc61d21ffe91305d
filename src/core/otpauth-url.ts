/**
 * otpauth Key URIs (Google Authenticator's Key URI format): parsed with our own checks so every refusal
 * names the parameter and never quotes the secret; formatted with the `otpauth` library so the URLs we
 * hand to authenticator apps are the ones that library's many users already scan.
 */
import { Secret, TOTP } from 'otpauth';
import { badInput } from './errors.js';
import type { KeyMaterial } from './key.js';
import {
  knownParameters,
  type Parameter,
  readLabel,
  readSecret,
  readSettings,
  repeatedParameters,
  statedEncoder,
  URL_FORM,
  type UrlProblem,
  urlError,
} from './otpauth-parts.js';
import { type CodeSettings, DEFAULTS, type Encoder, labelPartProblem, withDefaults } from './settings.js';
import { STEAM_CODE_LENGTH } from './steam.js';
import { assertCodeSettings } from './totp.js';

/** What a URL says, with the settings it states explicitly kept apart from the defaults it implies. */
export interface ParsedOtpauthUrl {
  /** The key: its seed, settings (defaults for those the URL leaves out), issuer and account. */
  readonly key: KeyMaterial;
  /** Settings the URL states as parameters; absent ones took the Key URI format's defaults. */
  readonly explicit: Partial<CodeSettings>;
  /**
   * The encoder the URL states, and how it states it (for messages): `steam` by the `otpauth://steam/`
   * type (Aegis), an `encoder=steam` parameter (KeePassXC) or the issuer Steam; `totp` by `encoder=totp`.
   * Absent when the URL says nothing about it.
   */
  readonly encoder?: { readonly encoder: Encoder; readonly statedAs: string };
}

/** True when the text looks like an otpauth URL rather than a bare seed. */
export function isOtpauthUrl(text: string): boolean {
  return /^\s*otpauth:/i.test(text);
}

/**
 * The value of a URL's secret parameter as written (percent-decoded), its name in any case; '' when there is
 * none. For masking: every form of the seed that a log could show.
 */
export function secretParameterOf(text: string): string {
  try {
    return knownParameters(new URL(text.trim()).searchParams).get('secret')?.values[0] ?? '';
  } catch {
    return '';
  }
}

/**
 * Parses an otpauth URL (`otpauth://totp/ACME:alice?secret=…&issuer=ACME`), as authenticator apps read
 * them; Steam keys as Aegis and KeePassXC write them. Scheme, type and parameter names are read in any
 * case (`OTPAUTH://TOTP/…?SECRET=…`), values as given. The label's first ":" (or `%3A`) separates the issuer
 * from the account; the issuer parameter, when not empty, wins over the label's prefix. Every problem is
 * reported at once, one line each.
 *
 * @param text - the URL
 * @param label - what errors call the input (`TOTP_URL`); default `url`. The URL itself is never quoted:
 *   it carries the secret.
 * @returns the key, and which settings the URL states
 * @throws `TotpKitError` (bad-input) for an hotp URL, a missing, repeated or bad secret, a repeated parameter,
 *   a label with more than one ":", and bad settings. With several problems the message has one line each and
 *   the code is the first one's, in this order: repeated parameters, the secret, the label and issuer, the
 *   encoder, the settings.
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

  const problems: UrlProblem[] = [];
  const parameters = knownParameters(url.searchParams);
  problems.push(...repeatedParameters(parameters, label));
  /** A parameter's value when it is given once; a repeated one is reported above and read no further. */
  const one = (name: Parameter): string | undefined => {
    const values = parameters.get(name)?.values;
    return values?.length === 1 ? values[0] : undefined;
  };
  const secret =
    (parameters.get('secret')?.values.length ?? 0) > 1 ? undefined : readSecret(one('secret'), label, problems);
  // Read from the text as written: the URL parser would resolve "." and ".." segments away.
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? '';
  const { issuer, accountName } = readLabel(rawLabel, one('issuer'), label, problems);
  const encoder = statedEncoder(type, one('encoder'), issuer, label, problems);
  const explicit = readSettings(one, encoder, label, problems);
  if (problems.length > 0 || secret === undefined) throw urlError(problems);

  const { algorithm, digits, period } = withDefaults(explicit);
  const key: KeyMaterial = {
    secret,
    algorithm,
    digits,
    period,
    ...(issuer ? { issuer } : {}),
    ...(accountName ? { accountName } : {}),
    ...(encoder?.encoder === 'steam' ? { encoder: 'steam' as const } : {}),
  };
  return { key, explicit, ...(encoder ? { encoder } : {}) };
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
export function formatOtpauthUrl(key: KeyMaterial): string {
  assertCodeSettings(key);
  for (const setting of ['issuer', 'accountName'] as const) {
    const problem = labelPartProblem(setting, key[setting]);
    if (problem) throw badInput(setting, problem.problem, problem.allowed);
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
