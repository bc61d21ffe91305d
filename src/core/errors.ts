/**
 * One error type for every face. `kind` decides the exit code of the CLI and how the action fails;
 * `code` is a stable identifier callers can branch on. Messages are written for people and never
 * contain seed material: callers pass labels ("--secret", "env:TOTP_SEED"), never the value.
 */
import type { ErrorCode } from './error-codes.js';

/**
 * What went wrong, in the terms of the CLI's exit codes: `bad-input` (the caller can fix the input),
 * `invalid-code` (a code was refused) or `backend` (a store or source failed).
 */
export type ErrorKind = 'bad-input' | 'invalid-code' | 'backend';

/**
 * Exit codes of the CLI: 0 done or valid, 1 invalid or refused code, 2 bad input, 3 backend failure. A
 * program wrapping the library can exit the same way.
 *
 * @example
 * ```ts
 * import { EXIT_CODES, TotpKitError } from 'totp-kit';
 *
 * function exitCodeOf(e: unknown): number {
 *   return e instanceof TotpKitError ? EXIT_CODES[e.kind] : EXIT_CODES.backend;
 * }
 * ```
 */
export const EXIT_CODES: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  'invalid-code': 1,
  'bad-input': 2,
  backend: 3,
};

/** A problem with one setting or input: which one, what is wrong, what is allowed. Never holds seed material. */
export interface Problem {
  /** The setting or input name as the core knows it (`digits`, `secret`, `source`). */
  readonly setting: string;
  /** What is wrong with the value, e.g. `"7" is not allowed`. Never contains seed material. */
  readonly problem: string;
  /** What would be accepted, e.g. `6 or 8`. */
  readonly allowed?: string;
}

/**
 * The error every part of totp-kit throws for a condition a user can act on. Its message never contains
 * seed material.
 *
 * @example
 * ```ts
 * import { decodeBase32, TotpKitError } from 'totp-kit';
 *
 * try {
 *   decodeBase32('1234', 'TOTP_SEED');
 * } catch (e) {
 *   if (e instanceof TotpKitError) console.error(e.kind, e.code, e.message); // bad-input E_SEED_NOT_BASE32 TOTP_SEED: …
 * }
 * ```
 */
export class TotpKitError extends Error {
  /** Always `TotpKitError`. */
  override readonly name = 'TotpKitError';
  /** What went wrong, deciding the exit code (see `EXIT_CODES`). */
  readonly kind: ErrorKind;
  /** A stable identifier of the condition, one of `ERROR_CODES`. */
  readonly code: ErrorCode;
  /** Every problem found, when the error collects several (one declaration, many settings). */
  readonly problems: readonly Problem[];

  /**
   * @param kind - what went wrong
   * @param code - the stable code of the condition
   * @param message - the message for people; never seed material
   * @param problems - every problem found, when there are several
   */
  constructor(kind: ErrorKind, code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.problems = problems;
  }
}

/** Renders a problem as one line: `digits: "7" is not allowed (allowed: 6 or 8)`. */
export function formatProblem(p: Problem, label: string = p.setting): string {
  return `${label}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ''}`;
}

/** A bad-input error for one problem. */
export function badInput(
  setting: string,
  problem: string,
  allowed?: string,
  code: ErrorCode = 'E_BAD_INPUT',
): TotpKitError {
  const p: Problem = allowed === undefined ? { setting, problem } : { setting, problem, allowed };
  return new TotpKitError('bad-input', code, formatProblem(p), [p]);
}

/** A bad-input error listing several problems of one declaration, one per line. */
export function badSettings(problems: readonly Problem[], label?: (setting: string) => string): TotpKitError {
  const lines = problems.map((p) => formatProblem(p, label ? label(p.setting) : p.setting));
  return new TotpKitError('bad-input', 'E_BAD_SETTINGS', lines.join('\n'), problems);
}

/** The message of anything thrown, for printing. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  return String(e);
}

/**
 * The one rule for what a message may show of text a user gave. A `value` (given where a setting, a scheme
 * or a flag belongs) may be a seed pasted in the wrong place, so it is shown only when it cannot carry 8
 * consecutive characters of a seed in any of its forms (Base32, hex, base64, base64url; `-` and `_` count,
 * as base64url uses them): at most 40 characters, and a number or text with no run of 8 such characters as
 * printed (an escape such as `\u0016` next to 7 characters of a seed would complete a run of 8), nor of 16
 * with the spaces left out (a whole seed written in groups, `JBSW Y3DP EHPK 3PXP`). A `name` (a
 * field, a variable, a command) is not meant to be secret: it is shown when at most 60 characters and it
 * does not look like a seed (`looksLikeSeed`). A `message` (a server's own words about a failure, such as
 * PostgreSQL's) is prose that may quote a value it was sent: it is shown when it is one line of at most 200
 * characters with no run of 16 seed characters (a Base32 seed of 10 bytes or more, a password, a token).
 */
export function isSafeToPrint(text: string, kind: 'value' | 'name' | 'message' = 'value'): boolean {
  if (kind === 'name') return text.length <= 60 && !looksLikeSeed(text);
  if (kind === 'message') return text !== '' && text.length <= 200 && !/[\n\r]|[A-Za-z0-9+/=_-]{16,}/.test(text);
  if (text.length > 40) return false;
  if (/^[-+0-9.eE]+$/.test(text)) return true;
  const printed = JSON.stringify(text);
  return !/[A-Za-z0-9+/=_-]{8,}/.test(printed) && !/[A-Za-z0-9+/=_-]{16,}/.test(printed.replace(/\s+/g, ''));
}

/**
 * Quotes a value for an error message when `isSafeToPrint` allows it, else describes it by its length. JSON
 * quoting keeps control characters visible and the message on one line. Never throws, whatever the value.
 */
export function quote(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return JSON.stringify(String(value));
  }
  if (typeof value !== 'string') return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
  if (isSafeToPrint(value)) return JSON.stringify(value);
  return `${/^8|^1[18]$/.test(String(value.length)) ? 'an' : 'a'} ${value.length}-character value`;
}

/**
 * True when text holds what looks like a seed, not a variable name, path or key name:
 * - a run of 16 or more Base32 characters with a digit 2–7 among them (a 10-byte seed is 16 characters;
 *   names rarely run 16 letters without a separator and then contain digits);
 * - a base64 secret as Steam stores `shared_secret` (20 bytes: 27 characters and "="): a run of 12 or
 *   more base64 characters ending in the "=" padding that makes whole groups of 4 (names do not end so);
 * - unpadded base64 of 15 bytes or more: a run of 20 or more characters of one base64 alphabet mixing
 *   upper case, lower case and at least 2 digits, whose letters and digits change class at least every
 *   other character and which has two capitals in a row somewhere — what random text does and
 *   `CamelCase_Names2` do not (most unpadded secrets are caught; the padded form Steam writes always is);
 * - hex of 16 bytes or more, as oathtool takes seeds: a run of 32 or more hex digits of one case with a
 *   digit among them (a name holding a whole hash is taken for one too: rare, and a seed is worse to print).
 */
export function looksLikeSeed(text: string): boolean {
  if ((text.match(/[A-Za-z2-7]{16,}/g) ?? []).some((run) => /[2-7]/.test(run))) return true;
  const hexRuns = text.match(/[0-9a-f]{32,}|[0-9A-F]{32,}/g) ?? [];
  if (hexRuns.some((run) => /[0-9]/.test(run))) return true;
  const runs = [...(text.match(/[A-Za-z0-9+/]{12,}=*/g) ?? []), ...(text.match(/[A-Za-z0-9_-]{12,}=*/g) ?? [])];
  return runs.some(looksLikeBase64Secret);
}

/** Character classes for `looksLikeBase64Secret`: U upper, l lower, d digit, s symbol. */
const classOf = (c: string) => (/[A-Z]/.test(c) ? 'U' : /[a-z]/.test(c) ? 'l' : /[0-9]/.test(c) ? 'd' : 's');

function looksLikeBase64Secret(run: string): boolean {
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 61) end--;
  const padding = run.length - end;
  if (padding > 0) return padding <= 2 && run.length % 4 === 0;
  if (run.length < 20 || !/[A-Z]/.test(run) || !/[a-z]/.test(run) || (run.match(/[0-9]/g) ?? []).length < 2) {
    return false;
  }
  let pairs = 0;
  let changes = 0;
  let capitalsInARow = false;
  for (let i = 1; i < run.length; i++) {
    const a = classOf(run[i - 1] as string);
    const b = classOf(run[i] as string);
    if (a === 's' || b === 's') continue;
    pairs++;
    if (a !== b) changes++;
    if (a === 'U' && b === 'U') capitalsInARow = true;
  }
  return capitalsInARow && changes * 2 >= pairs;
}
