/**
 * From "a seed given inline, or a source reference" plus code settings to a key: the one path the CLI
 * (`--secret/--url/--from`) and the action (`secret`/`source`) share. Settings may fill in what a bare
 * seed lacks but never contradict what a URL, a stored key or a remote key states.
 */
import { badSettings, type Problem } from '../core/errors.js';
import type { KeyMaterial } from '../core/key.js';
import { contradictions, parseSeedText, resolveKey } from '../core/seed-text.js';
import { type CodeSettings, checkSettings, type SettingsCheck } from '../core/settings.js';
import { resolveSource, type SourceOptions } from './index.js';
import type { RemoteCodeSource } from './source.js';

/**
 * A key `freshCode` takes: a seed with its settings (a `KeyMaterial`), or a key whose backend computes the codes
 * (`remote`). Both say algorithm, digits and period; only a seed can be a Steam key.
 */
export type ResolvedKey =
  | ({ readonly remote?: undefined } & KeyMaterial)
  | ({ readonly remote: RemoteCodeSource; readonly encoder?: undefined } & CodeSettings);

/** Settings given beside a seed, not yet checked: `encoder` is `totp` (default) or `steam`. */
export interface GivenSettings {
  readonly algorithm?: unknown;
  readonly digits?: unknown;
  readonly period?: unknown;
  readonly encoder?: unknown;
}

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
 * they are checked here too); `label` maps a setting name to the face's name for it. `given.encoder`
 * steam makes a Steam key of any seed (bare text then read as base64 unless it is upper-case Base32);
 * a Steam URL or `.maFile` makes one without it.
 * @throws TotpKitError (bad-input) for bad settings, bad seed text or contradictions (a remote key with
 *   encoder steam among them); (backend) when a source cannot be read.
 */
export async function loadKey(
  origin: KeyOrigin,
  given: GivenSettings,
  env: NodeJS.ProcessEnv,
  options: SourceOptions = {},
  label: (setting: string) => string = (s) => s,
): Promise<LoadedKey> {
  const check = checkSettings(given);
  if (check.problems.length > 0) throw badSettings(check.problems, label);
  const encoder = check.settings.encoder;
  if ('text' in origin) {
    const seed = parseSeedText(origin.text, origin.label, undefined, encoder ? { encoder } : {});
    return { key: resolveKey(seed, given, origin.label, label), secretForms: seed.secretForms, origin: origin.label };
  }
  const source = resolveSource(origin.reference, origin.label, env, encoder ? { ...options, encoder } : options);
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

/**
 * The settings of a remote key; a setting that contradicts them is refused like one contradicting a URL.
 * Vault's TOTP engine computes RFC 6238 digits only: encoder steam is refused (before asking Vault).
 */
async function remoteKey(
  remote: RemoteCodeSource,
  given: SettingsCheck['settings'],
  label: (setting: string) => string,
): Promise<ResolvedKey> {
  const steam: Problem[] =
    given.encoder === 'steam'
      ? [
          {
            setting: 'encoder',
            problem: `steam cannot be used with ${remote.reference}: Vault's TOTP engine computes standard digit codes only`,
            allowed: 'totp, or leave it out',
          },
        ]
      : [];
  if (steam.length > 0) throw badSettings(steam, label);
  const settings: CodeSettings = await remote.settings();
  const problems = contradictions(settings, given, remote.reference);
  if (problems.length > 0) throw badSettings(problems, label);
  return { remote, ...settings };
}
