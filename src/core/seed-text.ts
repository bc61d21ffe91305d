/**
 * Seed text as sources hand it over (a bare Base32 seed or an otpauth URL), and the merge of that text
 * with code settings given beside it (flags, action inputs) under one rule: a setting may fill in what
 * a bare seed lacks, but may not contradict what a URL states.
 */
import { decodeBase32, encodeBase32, normalizeBase32 } from './base32.js';
import { badInput, badSettings, type Problem } from './errors.js';
import type { TotpKey } from './key.js';
import { isOtpauthUrl, parseOtpauthUrl } from './otpauth-url.js';
import { isJsonObjectText, pickSeedField } from './seed-json.js';
import { type CodeSettings, checkSettings, codeSettingsOf, type SettingsInput, withDefaults } from './settings.js';

/** A seed read from text, before settings given beside it are applied. */
export interface SeedText {
  readonly secret: Uint8Array;
  /** Settings the text states (only an otpauth URL states any). */
  readonly explicit: Partial<CodeSettings>;
  readonly issuer?: string;
  readonly accountName?: string;
  readonly fromUrl: boolean;
  /**
   * Every form in which this seed could show up in a log: the text as given, each of its lines, the
   * normalised Base32 and, for URLs, the secret parameter as written. Faces mask all of them.
   */
  readonly secretForms: readonly string[];
}

/** Longest seed text accepted; anything larger is a wrong file or variable, not a seed. */
export const MAX_SEED_TEXT = 64 * 1024;

/**
 * Reads a bare Base32 seed, an otpauth URL, or a JSON object holding one (`field` names the field; see
 * `pickSeedField` for the rules without it). `label` names the input in errors.
 * @throws TotpKitError (bad-input) without quoting the text.
 */
export function parseSeedText(text: string, label: string, field?: string): SeedText {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      'E_SEED_TOO_LONG',
    );
  }
  const forms = new Set<string>([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (field !== undefined || isJsonObjectText(text)) {
    const inner = pickSeedField(text, field, label);
    const seed = parseSeedText(inner, field === undefined ? label : `${label}#${field}`);
    // The value as the JSON text writes it (escapes included) may show up in a log too.
    for (const form of [...seed.secretForms, JSON.stringify(inner).slice(1, -1)]) forms.add(form);
    return { ...seed, secretForms: nonEmpty(forms) };
  }
  if (isOtpauthUrl(text)) {
    const { key, explicit } = parseOtpauthUrl(text, label);
    const raw = new URL(text.trim()).searchParams.get('secret') ?? '';
    const encoded = /[?&]secret=([^&#]*)/i.exec(text)?.[1] ?? '';
    for (const form of [raw, encoded, encodeBase32(key.secret), normalizeBase32(raw)]) forms.add(form);
    return {
      secret: key.secret,
      explicit,
      ...(key.issuer !== undefined ? { issuer: key.issuer } : {}),
      ...(key.accountName !== undefined ? { accountName: key.accountName } : {}),
      fromUrl: true,
      secretForms: nonEmpty(forms),
    };
  }
  const secret = decodeBase32(text, label);
  forms.add(normalizeBase32(text));
  forms.add(encodeBase32(secret));
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
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
 * Applies code settings given beside a seed. For a bare seed they fill in the defaults; for a URL a
 * setting that differs from a parameter the URL states is refused (the user's authenticator app
 * follows the URL, so a silent override would produce codes nobody accepts).
 * @param label maps a setting name to the face's name for it (`--digits`, `digits`).
 * @throws TotpKitError (bad-input) listing every problem.
 */
export function resolveKey(
  seed: SeedText,
  given: Pick<SettingsInput, 'algorithm' | 'digits' | 'period'>,
  sourceLabel: string,
  label: (setting: string) => string = (s) => s,
): TotpKey {
  const check = checkSettings(given);
  const problems: Problem[] = [...check.problems];
  problems.push(...contradictions(seed.explicit, check.settings, sourceLabel));
  if (problems.length > 0) throw badSettings(problems, label);
  const settings = withDefaults({ ...codeSettingsOf(check.settings), ...seed.explicit });
  return {
    secret: seed.secret,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    ...(seed.issuer !== undefined ? { issuer: seed.issuer } : {}),
    ...(seed.accountName !== undefined ? { accountName: seed.accountName } : {}),
  };
}
