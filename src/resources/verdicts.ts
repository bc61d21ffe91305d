/**
 * Verdicts on codes: a code checked against a resolved key (a seed, or a backend that computes codes), and
 * the one wording of every refusal, whoever refused (`verify`, `key verify`, `method verify`, the action).
 */
import { codeFormatText, isWellFormedCode, normalizeCode, type VerifyOptions, verifyCode } from '../core/totp.js';
import type { ResolvedKey } from '../sources/load-key.js';

/** A verdict on a code: valid (with the matching step's offset, for a seed), or why not. */
export interface KeyVerdict {
  readonly valid: boolean;
  readonly reason?: 'malformed' | 'used' | 'invalid';
  readonly delta?: number;
  /** For a malformed code: what the key's codes look like (`6 digits 0-9`, `5 characters from …`). */
  readonly expected?: string;
}

/**
 * Verifies a code against a resolved key: locally for a seed (at `options.at`, with `options.skew`),
 * by its backend for a remote key (its own clock, skew and replay rule). A code that is not well-formed
 * (`digits` digits; for a Steam key 5 characters of its alphabet, in any case) is invalid without
 * asking anyone.
 */
export async function verifyWithKey(
  key: ResolvedKey,
  input: unknown,
  options: VerifyOptions = {},
): Promise<KeyVerdict> {
  const code = normalizeCode(input, key) ?? '';
  if (!isWellFormedCode(key, code)) return { valid: false, reason: 'malformed', expected: codeFormatText(key) };
  if (key.remote) {
    const verdict = await key.remote.validate(code);
    return verdict.valid ? { valid: true } : { valid: false, reason: verdict.reason ?? 'invalid' };
  }
  const outcome = verifyCode(key, code, options);
  return outcome.valid
    ? { valid: true, ...(outcome.delta !== undefined ? { delta: outcome.delta } : {}) }
    : { valid: false, reason: 'invalid' };
}

/** Why a code was refused, as a verdict, a key validation or an enrollment validation says it. */
export interface Refusal {
  readonly reason?: 'malformed' | 'used' | 'locked' | 'invalid' | undefined;
  /** For a malformed code: what the key's codes look like. */
  readonly expected?: string | undefined;
  /** For a lockout: seconds until the next attempt is allowed. */
  readonly retryIn?: number | undefined;
  /** Where attempts are limited (an enrollment): how many are left before a lockout. */
  readonly attemptsLeft?: number | undefined;
}

/**
 * A refusal as a person reads it. A malformed code's message says what the key's codes look like (from
 * `expected`, else `digits` digits); with `attempts` limited (an enrollment's), it says that a malformed code
 * did not count and how many attempts are left.
 */
export function refusalMessage(
  refusal: Refusal,
  digits?: number,
  attempts: 'limited' | 'unlimited' = 'unlimited',
): string {
  const limited = attempts === 'limited';
  switch (refusal.reason) {
    case 'malformed':
      return `the code must be ${refusal.expected ?? `${digits ?? 6} digits 0-9`} (spaces are ignored)${limited ? '; not counted as an attempt' : ''}`;
    case 'used':
      return 'code already used; wait for the next code';
    case 'locked':
      return `too many failed attempts; try again in ${refusal.retryIn} s`;
    default:
      return limited && refusal.attemptsLeft !== undefined
        ? `invalid code (${refusal.attemptsLeft} attempt${refusal.attemptsLeft === 1 ? '' : 's'} left before a lockout)`
        : 'invalid code';
  }
}
