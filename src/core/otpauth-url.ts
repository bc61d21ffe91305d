/**
 * otpauth Key URIs (Google Authenticator's Key URI format): parsed with our own checks so every refusal
 * names the parameter and never quotes the secret; formatted with the `otpauth` library so the URLs we
 * hand to authenticator apps are the ones that library's many users already scan.
 */
import { Secret, TOTP } from 'otpauth';
import { decodeBase32 } from './base32.js';
import { badInput } from './errors.js';
import type { TotpKey } from './key.js';
import { type CodeSettings, checkSettings, codeSettingsOf, DEFAULTS, withDefaults } from './settings.js';
import { assertCodeSettings } from './totp.js';

/** What a URL says, with the settings it states explicitly kept apart from the defaults it implies. */
export interface ParsedOtpauthUrl {
  readonly key: TotpKey;
  /** Settings the URL states as parameters; absent ones took the Key URI format's defaults. */
  readonly explicit: Partial<CodeSettings>;
}

const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period'];
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
 * Parses an otpauth URL. `label` names the input in errors (`--url`, `env:TOTP_URL`); the URL itself is
 * never quoted, since it carries the secret.
 * @throws TotpKitError (bad-input) for hotp URLs, a missing, repeated or bad secret, and bad settings.
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
  if (type !== 'totp') throw badInput(label, 'has an unknown OTP type', 'totp', 'E_URL_TYPE');

  const params = url.searchParams;
  for (const name of KNOWN_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) throw badInput(label, `has ${count} "${name}" parameters`, 'each parameter once', 'E_URL_DUPLICATE');
  }
  const secretText = params.get('secret');
  if (secretText === null || secretText.trim() === '') {
    throw badInput(label, 'has no secret parameter', URL_FORM, 'E_URL_NO_SECRET');
  }
  const secret = decodeBase32(secretText, `${label} secret parameter`);

  const given = {
    algorithm: params.get('algorithm') ?? undefined,
    digits: params.get('digits') ?? undefined,
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

  // Label: "Issuer:Account", "Issuer: Account" or "Account"; the issuer parameter wins over the prefix.
  // Read from the text as written: the URL parser would resolve "." and ".." segments away.
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? '';
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
  };
  return { key, explicit };
}

/**
 * Formats a key as an otpauth URL: issuer and account as given, the secret in Base32 without padding,
 * every setting stated. Issuer and account must not contain ":" (checked by `checkSettings`).
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
  return totp.toString();
}
