/**
 * From "a seed given inline, or a source reference" plus code settings to a key: the one path the CLI
 * (`--secret/--url/--from`) and the action (`secret`/`source`) share. Settings may fill in what a bare
 * seed lacks but never contradict what a URL, a stored key or a remote key states.
 */
import { badSettings } from '../core/errors.js';
import type { TotpKey } from '../core/key.js';
import { contradictions, parseSeedText, resolveKey } from '../core/seed-text.js';
import { type CodeSettings, checkSettings } from '../core/settings.js';
import { normalizeCode, type VerifyOptions, verifyCode } from '../core/totp.js';
import { resolveSource, type SourceOptions } from './index.js';
import type { RemoteCodeSource } from './source.js';

/**
 * A key whose backend computes the codes, or a seed with its settings. Both say algorithm, digits and
 * period; only a seed can compute codes at any time.
 */
export type ResolvedKey =
  | ({ readonly remote?: undefined } & TotpKey)
  | ({ readonly remote: RemoteCodeSource } & CodeSettings);

/** Where the key comes from: text given inline (labelled), or a source reference. */
export type KeyOrigin =
  | { readonly text: string; readonly label: string }
  | { readonly reference: string; readonly label: string };

/** A loaded key, with the forms its seed could take in a log (to mask) and where it came from. */
export interface LoadedKey {
  readonly key: ResolvedKey;
  readonly secretForms: readonly string[];
  /** What to call the origin in messages and summaries (`env:TOTP_SEED`, `the secret input`). */
  readonly origin: string;
}

/**
 * Loads a key. `given` are settings as given beside the seed (already checked by the caller or not:
 * they are checked here too); `label` maps a setting name to the face's name for it.
 * @throws TotpKitError (bad-input) for bad settings, bad seed text or contradictions; (backend) when a
 *   source cannot be read.
 */
export async function loadKey(
  origin: KeyOrigin,
  given: { readonly algorithm?: unknown; readonly digits?: unknown; readonly period?: unknown },
  env: NodeJS.ProcessEnv,
  options: SourceOptions = {},
  label: (setting: string) => string = (s) => s,
): Promise<LoadedKey> {
  const check = checkSettings(given);
  if (check.problems.length > 0) throw badSettings(check.problems, label);
  if ('text' in origin) {
    const seed = parseSeedText(origin.text, origin.label);
    return { key: resolveKey(seed, given, origin.label, label), secretForms: seed.secretForms, origin: origin.label };
  }
  const source = resolveSource(origin.reference, origin.label, env, options);
  if (source.kind === 'remote') {
    return { key: await remoteKey(source, check.settings, label), secretForms: [], origin: source.reference };
  }
  const seed = await source.read();
  return {
    key: resolveKey(seed, given, source.reference, label),
    secretForms: seed.secretForms,
    origin: source.reference,
  };
}

/** The settings of a remote key; a setting that contradicts them is refused like one contradicting a URL. */
async function remoteKey(
  remote: RemoteCodeSource,
  given: Partial<CodeSettings>,
  label: (setting: string) => string,
): Promise<ResolvedKey> {
  const settings = await remote.settings();
  const problems = contradictions(settings, given, remote.reference);
  if (problems.length > 0) throw badSettings(problems, label);
  return { remote, ...settings };
}

/** A verdict on a code: valid (with the matching step's offset, for a seed), or why not. */
export interface KeyVerdict {
  readonly valid: boolean;
  readonly reason?: 'malformed' | 'used' | 'invalid';
  readonly delta?: number;
}

/**
 * Verifies a code against a resolved key: locally for a seed (at `options.at`, with `options.skew`),
 * by its backend for a remote key (its own clock, skew and replay rule). A code that is not `digits`
 * digits is invalid without asking anyone.
 */
export async function verifyWithKey(
  key: ResolvedKey,
  input: unknown,
  options: VerifyOptions = {},
): Promise<KeyVerdict> {
  const code = normalizeCode(input) ?? '';
  if (code.length !== key.digits || !/^[0-9]+$/.test(code)) return { valid: false, reason: 'malformed' };
  if (key.remote) {
    const verdict = await key.remote.validate(code);
    return verdict.valid ? { valid: true } : { valid: false, reason: verdict.reason ?? 'invalid' };
  }
  const outcome = verifyCode(key, code, options);
  return outcome.valid
    ? { valid: true, ...(outcome.delta !== undefined ? { delta: outcome.delta } : {}) }
    : { valid: false, reason: 'invalid' };
}

/** Why a code was not accepted, as a person reads it. */
export function verdictMessage(verdict: KeyVerdict, digits: number): string {
  if (verdict.reason === 'malformed') return `the code must be ${digits} digits 0-9 (spaces are ignored)`;
  if (verdict.reason === 'used') return 'code already used; wait until the next time period';
  return 'invalid code';
}
