/**
 * Seed text as sources hand it over (a bare seed, an otpauth URL, or a JSON object holding one), and the
 * merge of that text with code settings given beside it (flags, action inputs) under one rule: a setting
 * may fill in what a bare seed lacks, but may not contradict what a URL states.
 *
 * A bare seed is Base32; for a Steam key (`encoder` steam, given beside it or stated by a `.maFile`) it
 * is base64 as Steam stores `shared_secret`, unless it is written as upper-case Base32. Seed text starting
 * with `hex:` is hex (oathtool's form), whatever the encoder: hex is never guessed from the digits alone.
 */
import { decodeBase32, encodeBase32, HEX_NOT_BASE32, looksLikeHex, normalizeBase32 } from './base32.js';
import { badInput, badSettings, type Problem, TotpKitError } from './errors.js';
import { decodeHexSeed, hexDigitsOf, isHexSeedText } from './hex.js';
import type { KeyMaterial } from './key.js';
import { isOtpauthUrl, parseOtpauthUrl, secretParameterOf } from './otpauth-url.js';
import {
  isJsonObjectText,
  type PickedField,
  pickSeedFieldNamed,
  STEAM_OTHER_SECRET_FIELDS,
  STEAM_SEED_FIELD,
} from './seed-json.js';
import {
  type CodeSettings,
  checkSettings,
  codeSettingsOf,
  type Encoder,
  type SettingsInput,
  withDefaults,
} from './settings.js';
import {
  base64Forms,
  decodeSteamSecret,
  isUpperCaseBase32Text,
  STEAM_ALGORITHM,
  STEAM_CODE_SETTINGS,
  STEAM_PERIOD,
  steamMisfits,
  steamSettingProblems,
} from './steam.js';

/** A seed read from text, before settings given beside it are applied. */
export interface SeedText {
  /** The seed. */
  readonly secret: Uint8Array;
  /** Settings the text states (only an otpauth URL states any). */
  readonly explicit: Partial<CodeSettings>;
  /** The issuer an otpauth URL names. */
  readonly issuer?: string;
  /** The account an otpauth URL names. */
  readonly accountName?: string;
  /** True when the text was an otpauth URL (or a JSON object holding one). */
  readonly fromUrl: boolean;
  /**
   * Every form in which this seed could show up in a log: the text as given, each of its lines, the
   * normalised Base32, base64 (as given and canonical) and, for URLs, the secret parameter as written.
   * Faces mask all of them.
   */
  readonly secretForms: readonly string[];
  /**
   * The encoder the text states: `steam` for a Steam otpauth URL, a `.maFile`'s `shared_secret` or a
   * stored Steam key; `totp` for a URL saying `encoder=totp`. Absent when the text says nothing.
   */
  readonly encoder?: Encoder;
  /** How the text states `encoder`, for messages (`the issuer Steam`); default `the encoder=…`. */
  readonly encoderStatedAs?: string;
}

/** What is known beside seed text when it is read. */
export interface SeedTextOptions {
  /** The encoder given beside the text: `steam` reads a bare seed as base64, as Steam stores it (unless it is upper-case Base32). */
  readonly encoder?: Encoder;
}

/** Longest seed text accepted; anything larger is a wrong file or variable, not a seed. */
export const MAX_SEED_TEXT = 64 * 1024;

/**
 * Reads seed text as it is kept in a secret: a bare Base32 seed (groups split by spaces or hyphens), a hex
 * seed written `hex:3132…` (as `oathtool --totp` takes it), an otpauth URL, or a JSON object holding one
 * (`field` names the field; without it, the one field that looks like a seed, or Steam's `shared_secret`).
 * Turn it into a key with `resolveKey`.
 *
 * @param text - the text
 * @param label - what errors call the input (`TOTP_SEED`); the text itself is never quoted
 * @param field - the field of a JSON object that holds the seed
 * @param options - what is known beside the text
 * @returns the seed, what the text states, and every form of the seed to mask in logs
 * @throws `TotpKitError` (bad-input) for text that is no seed, without quoting it.
 *
 * @example
 * ```ts
 * import { parseSeedText } from 'totp-kit';
 *
 * parseSeedText('JBSW Y3DP EHPK 3PXP', 'TOTP_SEED').secret.length; // 10
 * parseSeedText('hex:3132333435363738393031323334353637383930', 'TOTP_SEED').secret.length; // 20
 * parseSeedText('{"totp": "otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP"}', 'TOTP_SEED', 'totp').issuer; // 'ACME'
 * ```
 */
export function parseSeedText(text: string, label: string, field?: string, options: SeedTextOptions = {}): SeedText {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      'E_SEED_TOO_LONG',
    );
  }
  const forms = new Set<string>([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (field !== undefined || isJsonObjectText(text)) return jsonSeed(text, label, field, options, forms);
  if (isOtpauthUrl(text)) {
    const { key, explicit, encoder } = parseOtpauthUrl(text, label);
    const raw = secretParameterOf(text);
    const encoded = /[?&]secret=([^&#]*)/i.exec(text)?.[1] ?? '';
    for (const form of [raw, encoded, encodeBase32(key.secret), normalizeBase32(raw), ...base64Forms(key.secret)]) {
      forms.add(form);
    }
    return {
      secret: key.secret,
      explicit,
      ...(key.issuer !== undefined ? { issuer: key.issuer } : {}),
      ...(key.accountName !== undefined ? { accountName: key.accountName } : {}),
      fromUrl: true,
      secretForms: nonEmpty(forms),
      ...(encoder ? { encoder: encoder.encoder, encoderStatedAs: encoder.statedAs } : {}),
    };
  }
  if (isHexSeedText(text)) return hexSeed(text, label, forms);
  return bareSeed(text, label, options.encoder, forms);
}

/** `hex:` seed text: the digits as written, in both cases, and the other forms of the seed are masked. */
function hexSeed(text: string, label: string, forms: Set<string>): SeedText {
  const secret = decodeHexSeed(text, label);
  const hex = secret.toString('hex');
  for (const form of [hexDigitsOf(text), hex, hex.toUpperCase(), encodeBase32(secret), ...base64Forms(secret)]) {
    forms.add(form);
  }
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}

/** A seed picked out of a JSON object; Steam's `shared_secret` field states a Steam key. */
function jsonSeed(
  text: string,
  label: string,
  field: string | undefined,
  options: SeedTextOptions,
  forms: Set<string>,
): SeedText {
  return pickedSeed(pickSeedFieldNamed(text, field, label), label, field, options, forms);
}

/**
 * The seed of a field picked from an object (a JSON secret, Vault KV data): Steam's `shared_secret` states a
 * Steam key, and then the object's other Steam secrets are masked too.
 * @throws TotpKitError (bad-input) as `parseSeedText`.
 */
export function pickedSeed(
  picked: PickedField,
  label: string,
  field: string | undefined,
  options: SeedTextOptions = {},
  forms: Set<string> = new Set(),
): SeedText {
  const steam = picked.name === STEAM_SEED_FIELD;
  const inner = parseSeedText(
    picked.value,
    field === undefined ? label : `${label}#${field}`,
    undefined,
    steam ? { encoder: 'steam' } : options,
  );
  // The value as the JSON text writes it (escapes included, "/" maybe as "\/") may show up in a log too.
  const values = [picked.value];
  if (steam) {
    for (const name of STEAM_OTHER_SECRET_FIELDS) {
      const other = picked.object[name];
      if (typeof other === 'string') values.push(other);
    }
  }
  for (const form of inner.secretForms) forms.add(form);
  for (const value of values) {
    const escaped = JSON.stringify(value).slice(1, -1);
    for (const form of [value, escaped, escaped.replaceAll('/', '\\/')]) forms.add(form);
  }
  return {
    ...inner,
    secretForms: nonEmpty(forms),
    ...(steam && inner.encoder === undefined
      ? { encoder: 'steam' as const, encoderStatedAs: `the Steam field "${STEAM_SEED_FIELD}"` }
      : {}),
  };
}

/** Bare seed text: Base32, or for a Steam key base64 unless it is upper-case Base32. */
function bareSeed(text: string, label: string, encoder: Encoder | undefined, forms: Set<string>): SeedText {
  const steam = encoder === 'steam';
  const secret = steam ? decodeSteamSecret(text, label) : decodeBase32OrHint(text, label);
  if (!steam || isUpperCaseBase32Text(text)) forms.add(normalizeBase32(text));
  for (const form of [encodeBase32(secret), ...base64Forms(secret)]) forms.add(form);
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}

/** `decodeBase32`, saying how to pass hex when the text is hex: never read as hex unless it says so. */
function decodeBase32OrHint(text: string, label: string): Uint8Array {
  try {
    return decodeBase32(text, label);
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== 'E_SEED_NOT_BASE32' || !looksLikeHex(text)) throw e;
    throw badInput(
      label,
      HEX_NOT_BASE32,
      'the same digits after the prefix "hex:", or Base32 letters A–Z and digits 2–7',
      'E_SEED_NOT_BASE32',
    );
  }
}

function nonEmpty(forms: Set<string>): string[] {
  return [...forms].filter((f) => f.length > 0);
}

/**
 * The settings given (`wanted`) that differ from those a source states (a URL's parameters, a stored or
 * remote key's settings): the source is what the user's authenticator app or backend follows.
 */
export function contradictions(
  stated: Partial<CodeSettings>,
  wanted: Partial<CodeSettings>,
  sourceLabel: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const setting of ['algorithm', 'digits', 'period'] as const) {
    const says = stated[setting];
    const asked = wanted[setting];
    if (says !== undefined && asked !== undefined && says !== asked) {
      problems.push({
        setting,
        problem: `${asked} contradicts the ${setting}=${says} that ${sourceLabel} states`,
        allowed: `${says}, or leave it out`,
      });
    }
  }
  return problems;
}

/**
 * Makes a key of seed text and the settings given beside it. For a bare seed they fill in what the
 * defaults would; for a URL, a setting that differs from one the URL states is refused (the authenticator
 * app follows the URL, so a silent override would make codes nobody accepts). A Steam key (an encoder
 * given or stated) takes no digits, and no algorithm or period other than SHA1 and 30.
 *
 * @param seed - what `parseSeedText` read
 * @param given - settings given beside the seed, not yet checked
 * @param sourceLabel - what messages call the seed's origin (`TOTP_SEED`)
 * @param label - maps a setting's name to what the caller calls it (`--digits`); default: the name
 * @returns the key
 * @throws `TotpKitError` (bad-input) E_BAD_SETTINGS listing every problem.
 *
 * @example
 * ```ts
 * import { generateCode, parseSeedText, resolveKey } from 'totp-kit';
 *
 * const key = resolveKey(parseSeedText(process.env.TOTP_SEED ?? '', 'TOTP_SEED'), { digits: 8 }, 'TOTP_SEED');
 * generateCode(key); // 8 digits
 * ```
 */
export function resolveKey(
  seed: SeedText,
  given: Pick<SettingsInput, 'algorithm' | 'digits' | 'period' | 'encoder'>,
  sourceLabel: string,
  label: (setting: string) => string = (s) => s,
): KeyMaterial {
  const check = checkSettings(given);
  const problems: Problem[] = [...check.problems];
  const givenEncoder = check.settings.encoder;
  const encoder = givenEncoder ?? seed.encoder ?? 'totp';
  if (givenEncoder !== undefined && seed.encoder !== undefined && givenEncoder !== seed.encoder) {
    problems.push({
      setting: 'encoder',
      problem: `${givenEncoder} contradicts ${seed.encoderStatedAs ?? `the encoder=${seed.encoder}`} that ${sourceLabel} states`,
      allowed: `${seed.encoder}, or leave it out`,
    });
  } else if (encoder === 'steam') {
    // Given settings were checked against a given encoder by checkSettings; here against a stated one.
    if (givenEncoder === undefined) problems.push(...steamSettingProblems(check.settings));
    problems.push(...steamContradictions(seed.explicit, sourceLabel));
  }
  const named = new Set(problems.map((p) => p.setting));
  problems.push(...contradictions(seed.explicit, check.settings, sourceLabel).filter((p) => !named.has(p.setting)));
  if (problems.length > 0) throw badSettings(problems, label);
  const labels = {
    ...(seed.issuer !== undefined ? { issuer: seed.issuer } : {}),
    ...(seed.accountName !== undefined ? { accountName: seed.accountName } : {}),
  };
  if (encoder === 'steam') {
    return { secret: seed.secret, ...STEAM_CODE_SETTINGS, ...labels, encoder: 'steam' };
  }
  const settings = withDefaults({ ...codeSettingsOf(check.settings), ...seed.explicit });
  return {
    secret: seed.secret,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    ...labels,
  };
}

/**
 * Settings a source states that no Steam key has, when the encoder steam is given beside it (a source
 * stating steam itself states fitting settings). Digits 6 is what every key states, Steam's too.
 */
function steamContradictions(stated: Partial<CodeSettings>, sourceLabel: string): Problem[] {
  return steamMisfits(stated, [STEAM_CODE_SETTINGS.digits]).map((setting) => ({
    setting: 'encoder',
    problem: `steam contradicts the ${setting}=${stated[setting]} that ${sourceLabel} states (Steam Guard codes use ${STEAM_ALGORITHM} and ${STEAM_PERIOD} s steps)`,
    allowed: 'totp, or leave it out',
  }));
}
