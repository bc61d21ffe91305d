/**
 * The parts of an otpauth Key URI, each read by its own rule with every problem collected (so a URL with
 * several is refused once, one line each): the known parameters (names in any case, each at most once), the
 * secret, the label and issuer, the encoder, the settings. Values a problem quotes are only ever short ones:
 * a URL carries the seed.
 */
import { decodeBase32 } from './base32.js';
import type { ErrorCode } from './error-codes.js';
import { formatProblem, isSafeToPrint, type Problem, quote, TotpKitError } from './errors.js';
import {
  type CodeSettings,
  checkSettings,
  codeSettingsOf,
  type Encoder,
  normalizeEncoder,
  parseWholeNumber,
} from './settings.js';
import { isSteamIssuer, STEAM_CODE_LENGTH, STEAM_CODE_SETTINGS, steamSettingProblems } from './steam.js';

/** The encoder a URL states, and how it states it (for messages): `ParsedOtpauthUrl['encoder']`. */
export interface StatedEncoder {
  readonly encoder: Encoder;
  readonly statedAs: string;
}

const KNOWN_PARAMETERS = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'encoder'] as const;
export type Parameter = (typeof KNOWN_PARAMETERS)[number];
export const URL_FORM = 'otpauth://totp/Issuer:Account?secret=BASE32&issuer=…&algorithm=…&digits=…&period=…';
const LABEL_ALLOWED = 'Issuer:Account or Account, with no other ":" (literal or %3A)';

/** A problem of a URL with the code its error carries when it is the first one found. */
export interface UrlProblem extends Problem {
  readonly code: ErrorCode;
}

/** ASCII lower case: a parameter name is matched without letting "İ" or "K" (Kelvin) pass for a letter of one. */
const asciiLower = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The known parameters of a URL, by their lower-case names, with the values in order and the names as written. */
export type KnownParameters = Map<Parameter, { values: string[]; names: string[] }>;

/** Reads the known parameters of a URL; other parameters are ignored. */
export function knownParameters(params: URLSearchParams): KnownParameters {
  const found: KnownParameters = new Map();
  for (const [name, value] of params) {
    const known = KNOWN_PARAMETERS.find((k) => k === asciiLower(name));
    if (known === undefined) continue;
    const entry = found.get(known) ?? { values: [], names: [] };
    entry.values.push(value);
    entry.names.push(name);
    found.set(known, entry);
  }
  return found;
}

/** A known parameter given more than once (names compared in any case), each named once. */
export function repeatedParameters(parameters: KnownParameters, label: string): UrlProblem[] {
  const problems: UrlProblem[] = [];
  for (const [name, { values, names }] of parameters) {
    if (values.length < 2) continue;
    // The names matched a known one but for ASCII case: safe to print as written.
    const spellings = [...new Set(names)];
    const written = spellings.length > 1 ? ` (${spellings.join(', ')}: names are case-insensitive)` : '';
    problems.push({
      setting: label,
      problem: `has ${values.length} "${name}" parameters${written}`,
      allowed: 'each parameter once',
      code: 'E_URL_DUPLICATE',
    });
  }
  return problems;
}

/** The secret parameter's seed: Base32 for every encoder (Steam's base64 is for bare seeds only). */
export function readSecret(text: string | undefined, label: string, problems: UrlProblem[]): Uint8Array | undefined {
  if (text === undefined || text.trim() === '') {
    problems.push({ setting: label, problem: 'has no secret parameter', allowed: URL_FORM, code: 'E_URL_NO_SECRET' });
    return undefined;
  }
  try {
    return decodeBase32(text, `${label} secret parameter`);
  } catch (e) {
    if (!(e instanceof TotpKitError)) throw e;
    problems.push(...e.problems.map((p) => ({ ...p, code: e.code })));
    return undefined;
  }
}

/**
 * Issuer and account: the label is "Issuer:Account", "Issuer: Account" or "Account"; the issuer parameter, when
 * not empty, wins over the label's prefix (an empty one says nothing).
 */
export function readLabel(
  rawLabel: string,
  issuerParameter: string | undefined,
  label: string,
  problems: UrlProblem[],
): { issuer?: string | undefined; accountName: string } {
  const path = labelText(rawLabel, label, problems);
  const colon = path.indexOf(':');
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : undefined;
  const accountName = (colon >= 0 ? path.slice(colon + 1) : path).trimStart();
  if (issuerParameter?.includes(':')) {
    problems.push({
      setting: `${label} issuer parameter`,
      problem: `contains ":" (character ${issuerParameter.indexOf(':') + 1}), which the Key URI format does not allow in an issuer`,
      allowed: 'an issuer without ":"',
      code: 'E_URL_LABEL',
    });
  }
  return { issuer: issuerParameter || labelIssuer, accountName };
}

/** The settings the URL states, checked: every bad one, and for a Steam key every one that cannot apply. */
export function readSettings(
  one: (name: Parameter) => string | undefined,
  encoder: StatedEncoder | undefined,
  label: string,
  problems: UrlProblem[],
): Partial<CodeSettings> {
  const steam = encoder?.encoder === 'steam';
  const given = {
    algorithm: one('algorithm'),
    // A Steam URL says digits=5 (Aegis, KeePassXC) or the digits=6 of tools that do not know Steam.
    digits: steam ? steamDigits(one('digits'), label, problems) : one('digits'),
    period: one('period'),
  };
  const check = checkSettings(given);
  for (const p of check.problems) {
    // Quote a parameter's value only when it is too short to be (part of) a seed pasted in the wrong place.
    const value = given[p.setting as keyof typeof given] ?? '';
    const problem = isSafeToPrint(value) ? p.problem : 'has a value that is not allowed';
    problems.push({ ...p, setting: `${label} ${p.setting} parameter`, problem, code: 'E_URL_SETTING' });
  }
  const explicit = codeSettingsOf(check.settings);
  if (steam) {
    // Digits were read above: a Steam URL's digits parameter says 5 or 6, and the code settings keep 6.
    const { digits: _digits, ...stated } = explicit;
    for (const p of steamSettingProblems(stated, `(the URL is a Steam key: ${encoder.statedAs})`)) {
      problems.push({ ...p, setting: `${label} ${p.setting} parameter`, code: 'E_URL_SETTING' });
    }
  }
  return explicit;
}

/** One error for every problem of a URL, one line each, with the first problem's code. */
export function urlError(problems: readonly UrlProblem[]): TotpKitError {
  const plain: Problem[] = problems.map(({ code: _code, ...p }) => p);
  return new TotpKitError(
    'bad-input',
    problems[0]?.code ?? 'E_URL_INVALID',
    plain.map((p) => formatProblem(p)).join('\n'),
    plain,
  );
}

/**
 * The label, percent-decoded: '' (after a problem) when its encoding is broken, or when it holds a second ":"
 * (literal or `%3A`): the Key URI format allows a colon in neither the issuer nor the account, so no split of
 * such a label is the one meant, and a key read from it could not be written as a URL again.
 */
function labelText(raw: string, label: string, problems: UrlProblem[]): string {
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    problems.push({
      setting: label,
      problem: 'has a label with broken percent-encoding',
      allowed: URL_FORM,
      code: 'E_URL_LABEL',
    });
    return '';
  }
  const colons = path.split(':').length - 1;
  if (colons > 1) {
    problems.push({
      setting: label,
      problem: `has a label with ${colons} ":" (literal or %3A); only one may separate the issuer from the account`,
      allowed: LABEL_ALLOWED,
      code: 'E_URL_LABEL',
    });
    return '';
  }
  return path;
}

/**
 * The encoder a URL states: the `steam` type, an `encoder` parameter, or the issuer Steam (the issuer parameter,
 * else the label's prefix). `encoder=totp` states a standard key even for the issuer Steam. Values are quoted
 * only when too short to carry a seed.
 */
export function statedEncoder(
  type: string,
  text: string | undefined,
  issuer: string | undefined,
  label: string,
  problems: UrlProblem[],
): StatedEncoder | undefined {
  let parameter: Encoder | undefined;
  if (text !== undefined) {
    parameter = normalizeEncoder(text);
    if (parameter === undefined) {
      const problem = isSafeToPrint(text) ? `${quote(text)} is not supported` : 'has a value that is not supported';
      problems.push({
        setting: `${label} encoder parameter`,
        problem,
        allowed: 'steam or totp',
        code: 'E_URL_SETTING',
      });
    }
  }
  if (type === 'steam') {
    if (parameter === 'totp') {
      problems.push({
        setting: `${label} encoder parameter`,
        problem: 'totp contradicts the otpauth://steam/ type',
        allowed: 'steam, or leave it out',
        code: 'E_URL_SETTING',
      });
    }
    return { encoder: 'steam', statedAs: 'the otpauth://steam/ type' };
  }
  if (parameter !== undefined) return { encoder: parameter, statedAs: `encoder=${parameter}` };
  return isSteamIssuer(issuer) ? { encoder: 'steam', statedAs: 'the issuer Steam' } : undefined;
}

/** A Steam URL's digits parameter: 5 or 6 say nothing more (the key's codes are 5 characters); others are refused. */
function steamDigits(text: string | undefined, label: string, problems: UrlProblem[]): undefined {
  if (text === undefined) return undefined;
  const digits = parseWholeNumber(text);
  if (digits === STEAM_CODE_LENGTH || digits === STEAM_CODE_SETTINGS.digits) return undefined;
  problems.push({
    setting: `${label} digits parameter`,
    problem: `${isSafeToPrint(text) ? quote(text) : 'a value'} cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters`,
    allowed: `${STEAM_CODE_LENGTH}, or leave it out`,
    code: 'E_URL_SETTING',
  });
  return undefined;
}
