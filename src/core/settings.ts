/**
 * The one settings schema (README.md "Limits and choices"; docs/cli.md, docs/constructs.md), used by the CLI, the action,
 * the constructs and the library. Values may arrive as strings (flags, action inputs) or numbers
 * (construct props); both are parsed strictly: "08", "6.0" or " 6x" are not silently coerced.
 */
import { type Problem, quote } from './errors.js';
import { steamSettingProblems } from './steam.js';

/** HMAC algorithms an authenticator app understands. */
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';
/** Code lengths an authenticator app understands. */
export type Digits = 6 | 8;
/** Accepted time steps either side of the current one. */
export type Skew = 0 | 1;

/**
 * The HMAC algorithms, the default first.
 *
 * @example
 * ```ts
 * import { ALGORITHMS } from 'totp-kit';
 *
 * ALGORITHMS.join(', '); // 'SHA1, SHA256, SHA512'
 * ```
 */
export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/**
 * How a code is written: `totp` (the default) as RFC 6238 digits, `steam` as Steam Guard's 5
 * characters (HMAC-SHA1 over 30 s steps, like RFC 6238, then another alphabet).
 */
export type Encoder = 'totp' | 'steam';
/** The encoders, the default first. */
export const ENCODERS: readonly Encoder[] = ['totp', 'steam'];

/**
 * The default of each setting, the same as Vault's TOTP engine: SHA1, 6 digits, 30 s, a 20-byte seed, skew
 * 1, a 200-pixel barcode and 5 validation attempts.
 *
 * @example
 * ```ts
 * import { DEFAULTS } from 'totp-kit';
 *
 * const settings = { ...DEFAULTS, digits: 8 as const }; // SHA1, 8 digits, 30 s
 * ```
 */
export const DEFAULTS = {
  algorithm: 'SHA1' as Algorithm,
  digits: 6 as Digits,
  period: 30,
  keySize: 20,
  skew: 1 as Skew,
  qrSize: 200,
  maxValidationAttempts: 5,
} as const;

/** Limits beyond which a value is refused as a mistake rather than honoured. */
export const LIMITS = {
  /** RFC 4226 R6: a shared secret of at least 128 bits. */
  minKeySize: 16,
  maxKeySize: 1024,
  /** Periods above this do not fit the 32-bit counters some authenticator apps use. */
  maxPeriod: 2 ** 32 - 1,
  maxQrSize: 4096,
  maxValidationAttempts: 1000,
  /** Periods outside this range work but are unusual enough to warn about. */
  usualPeriod: [10, 120] as const,
} as const;

/** What each code setting allows, as refusals say it. */
export const CODE_SETTINGS_ALLOWED: Readonly<Record<keyof CodeSettings, string>> = {
  algorithm: 'SHA1, SHA256 or SHA512',
  digits: '6 or 8',
  period: `whole seconds from 1 to ${LIMITS.maxPeriod}`,
};

/** The settings that decide a code. */
export interface CodeSettings {
  /** The HMAC algorithm. */
  readonly algorithm: Algorithm;
  /** The code's length. */
  readonly digits: Digits;
  /** Seconds per code: a whole number from 1. */
  readonly period: number;
}

/** Every setting of a key or MFA method, defaults filled in. */
export interface Settings extends CodeSettings {
  /** Bytes of a generated seed: 16 to 1024. */
  readonly keySize: number;
  /** Steps accepted either side of the current one when validating. */
  readonly skew: Skew;
  /** Barcode size in pixels, 0 (no barcode) to 4096. */
  readonly qrSize: number;
  /** Failed validations allowed per enrollment within one period: 1 to 1000. */
  readonly maxValidationAttempts: number;
}

/**
 * Settings as given by a person or a program: every field optional and not yet parsed. Numbers may be given
 * as numbers or decimal strings (`6`, `'6'`), algorithm and encoder names in any case.
 */
export interface SettingsInput {
  /** `SHA1`, `SHA256` or `SHA512` (`SHA-256` accepted). */
  readonly algorithm?: unknown;
  /** 6 or 8. */
  readonly digits?: unknown;
  /** Seconds per code, from 1 (10 to 120 is usual). */
  readonly period?: unknown;
  /** Bytes of a generated seed, 16 to 1024. */
  readonly keySize?: unknown;
  /** 0 or 1. */
  readonly skew?: unknown;
  /** Pixels, 0 to 4096. */
  readonly qrSize?: unknown;
  /** 1 to 1000. */
  readonly maxValidationAttempts?: unknown;
  /** The issuer authenticator apps show: text without `:`. */
  readonly issuer?: unknown;
  /** The account authenticator apps show: text without `:`. */
  readonly accountName?: unknown;
  /** `totp` (default) or `steam`, case-insensitive. */
  readonly encoder?: unknown;
}

/** What `checkSettings` found: the parsed values that were valid, every problem and every warning. */
export interface SettingsCheck {
  /** The settings that were valid, parsed (`'6'` becomes `6`, `sha-256` becomes `SHA256`). */
  readonly settings: Partial<Settings> & { issuer?: string; accountName?: string; encoder?: Encoder };
  /** Every problem, each naming its setting; empty when all is well. */
  readonly problems: Problem[];
  /** Settings that work but are unusual (a period outside 10 to 120 s). */
  readonly warnings: string[];
}

/** Normalises an algorithm name: case-insensitive, `SHA-256` accepted. Undefined when unknown. */
export function normalizeAlgorithm(value: unknown): Algorithm | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toUpperCase().replace(/^SHA-/, 'SHA');
  return (ALGORITHMS as readonly string[]).includes(name) ? (name as Algorithm) : undefined;
}

/** Normalises an encoder name: case-insensitive, surrounding spaces ignored. Undefined when unknown. */
export function normalizeEncoder(value: unknown): Encoder | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toLowerCase();
  return (ENCODERS as readonly string[]).includes(name) ? (name as Encoder) : undefined;
}

/**
 * Parses a whole number given as a number or a decimal string of digits. Undefined when the value is
 * not a whole number (floats, signs, exponents, hex, empty strings and leading zeros are refused,
 * so a typo is reported rather than guessed at).
 */
export function parseWholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A bounded whole number, or a problem naming the setting and the allowed range. */
function wholeInRange(setting: string, value: unknown, min: number, max: number, allowed: string) {
  const n = parseWholeNumber(value);
  if (n === undefined) {
    const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    const negative = typeof value === 'number' ? value < 0 : text.startsWith('-');
    const huge = /^[0-9]+$/.test(text) || (typeof value === 'number' && Number.isInteger(value));
    const what = negative ? 'is negative' : huge ? 'is too large' : 'is not a whole number';
    return { problem: { setting, problem: `${quote(value)} ${what}`, allowed } satisfies Problem };
  }
  if (n < min || n > max) {
    return { problem: { setting, problem: `${n} is out of range`, allowed } satisfies Problem };
  }
  return { value: n };
}

const LABEL_ALLOWED = 'any text without ":"';

/**
 * The problem with an issuer or account name, or undefined: text without ":" (the Key URI format's separator),
 * well-formed Unicode. Absent or empty is a problem only when `required`.
 */
export function labelPartProblem(
  setting: 'issuer' | 'accountName',
  value: unknown,
  required = false,
): Problem | undefined {
  if (value === undefined || value === '') {
    return required ? { setting, problem: 'is required for a generated key', allowed: LABEL_ALLOWED } : undefined;
  }
  if (typeof value !== 'string') return { setting, problem: 'is not text', allowed: LABEL_ALLOWED };
  if (value.includes(':')) {
    return { setting, problem: `contains ":" (character ${value.indexOf(':') + 1})`, allowed: LABEL_ALLOWED };
  }
  // A lone surrogate cannot be percent-encoded into an otpauth URL: the key could never be handed out.
  if (!value.isWellFormed()) return { setting, problem: 'is not well-formed Unicode text', allowed: LABEL_ALLOWED };
  return undefined;
}

function checkLabelPart(setting: 'issuer' | 'accountName', value: unknown, required: boolean, problems: Problem[]) {
  const problem = labelPartProblem(setting, value, required);
  if (problem) problems.push(problem);
  return problem || value === '' ? undefined : (value as string | undefined);
}

/**
 * Checks settings and returns every problem at once, so they can all be reported together. Absent settings
 * are not problems, except issuer and accountName when `options.generated` is set (a generated key needs
 * both). Never throws.
 *
 * @param input - the settings as given
 * @param options - `generated: true` to require issuer and accountName
 * @returns the valid settings parsed, the problems and the warnings
 *
 * @example
 * ```ts
 * import { checkSettings } from 'totp-kit';
 *
 * checkSettings({ digits: '8', algorithm: 'sha-256' }).settings; // { algorithm: 'SHA256', digits: 8 }
 * checkSettings({ digits: 7, algorithm: 'MD5' }).problems.map((p) => p.setting); // ['algorithm', 'digits']
 * ```
 */
export function checkSettings(input: SettingsInput, options: { generated?: boolean } = {}): SettingsCheck {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const settings: { -readonly [K in keyof SettingsCheck['settings']]: SettingsCheck['settings'][K] } = {};

  if (input.algorithm !== undefined) {
    const algorithm = normalizeAlgorithm(input.algorithm);
    if (algorithm) settings.algorithm = algorithm;
    else
      problems.push({
        setting: 'algorithm',
        problem: `${quote(input.algorithm)} is not supported`,
        allowed: CODE_SETTINGS_ALLOWED.algorithm,
      });
  }
  if (input.digits !== undefined) {
    const digits = parseWholeNumber(input.digits);
    if (digits === 6 || digits === 8) settings.digits = digits;
    else
      problems.push({
        setting: 'digits',
        problem: `${quote(input.digits)} is not allowed`,
        allowed: CODE_SETTINGS_ALLOWED.digits,
      });
  }
  if (input.period !== undefined) {
    const r = wholeInRange('period', input.period, 1, LIMITS.maxPeriod, CODE_SETTINGS_ALLOWED.period);
    if (r.problem) problems.push(r.problem);
    else {
      settings.period = r.value;
      const [low, high] = LIMITS.usualPeriod;
      if (r.value < low || r.value > high)
        warnings.push(`period ${r.value} s is unusual: authenticator apps expect ${low}–${high} s (most use 30)`);
    }
  }
  if (input.keySize !== undefined) {
    const r = wholeInRange(
      'keySize',
      input.keySize,
      LIMITS.minKeySize,
      LIMITS.maxKeySize,
      `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes (RFC 4226 asks for at least ${LIMITS.minKeySize})`,
    );
    if (r.problem) problems.push(r.problem);
    else settings.keySize = r.value;
  }
  if (input.skew !== undefined) {
    const skew = parseWholeNumber(input.skew);
    if (skew === 0 || skew === 1) settings.skew = skew;
    else problems.push({ setting: 'skew', problem: `${quote(input.skew)} is not allowed`, allowed: '0 or 1' });
  }
  if (input.qrSize !== undefined) {
    const r = wholeInRange('qrSize', input.qrSize, 0, LIMITS.maxQrSize, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
    if (r.problem) problems.push(r.problem);
    else settings.qrSize = r.value;
  }
  if (input.maxValidationAttempts !== undefined) {
    const r = wholeInRange(
      'maxValidationAttempts',
      input.maxValidationAttempts,
      1,
      LIMITS.maxValidationAttempts,
      `1 to ${LIMITS.maxValidationAttempts}`,
    );
    if (r.problem) problems.push(r.problem);
    else settings.maxValidationAttempts = r.value;
  }
  if (input.encoder !== undefined) {
    const encoder = normalizeEncoder(input.encoder);
    if (encoder) settings.encoder = encoder;
    else
      problems.push({
        setting: 'encoder',
        problem: `${quote(input.encoder)} is not supported`,
        allowed: 'totp or steam',
      });
    if (encoder === 'steam') problems.push(...steamSettingProblems(settings));
  }
  const issuer = checkLabelPart('issuer', input.issuer, options.generated === true, problems);
  if (issuer !== undefined) settings.issuer = issuer;
  const accountName = checkLabelPart('accountName', input.accountName, options.generated === true, problems);
  if (accountName !== undefined) settings.accountName = accountName;

  return { settings, problems, warnings };
}

/** The code settings (algorithm, digits, period) among checked settings, leaving out absent ones. */
export function codeSettingsOf(settings: Partial<CodeSettings>): Partial<CodeSettings> {
  return {
    ...(settings.algorithm !== undefined ? { algorithm: settings.algorithm } : {}),
    ...(settings.digits !== undefined ? { digits: settings.digits } : {}),
    ...(settings.period !== undefined ? { period: settings.period } : {}),
  };
}

/** Fills the defaults into checked settings. */
export function withDefaults(settings: Partial<Settings>): Settings {
  return { ...DEFAULTS, ...settings };
}
