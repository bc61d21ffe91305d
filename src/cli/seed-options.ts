/**
 * The seed flags shared by `code` and `verify` (`--secret | --url | --from` with `--algorithm --digits
 * --period --encoder`), turned into a key through the core. Settings problems are all reported at once.
 */
import type { Command } from 'commander';
import { badInput, badSettings, type Problem } from '../core/errors.js';
import { isOtpauthUrl } from '../core/otpauth-url.js';
import { shortSeedWarning } from '../core/seed.js';
import { checkSettings, DEFAULTS, type SettingsCheck, type SettingsInput } from '../core/settings.js';
import { type KeyOrigin, loadKey, type ResolvedKey } from '../sources/load-key.js';
import type { Io } from './io.js';

/** The flag a core setting is given with, for messages. */
const FLAGS: Readonly<Record<string, string>> = {
  algorithm: '--algorithm',
  digits: '--digits',
  period: '--period',
  keySize: '--key-size',
  skew: '--skew',
  qrSize: '--qr-size',
  maxValidationAttempts: '--max-validation-attempts',
  issuer: '--issuer',
  accountName: '--account',
  encoder: '--encoder',
};

/** Maps a core setting name to its flag. */
export function flagOf(setting: string): string {
  return FLAGS[setting] ?? setting;
}

/** The parsed seed flags. */
export interface SeedFlags {
  readonly secret?: string;
  readonly url?: string;
  readonly from?: string;
  readonly algorithm?: string;
  readonly digits?: string;
  readonly period?: string;
  /** `totp` (default) or `steam`. */
  readonly encoder?: string;
}

/**
 * An option's help with the default it gets, in the one form every command's help uses: the description, then
 * `(default: VALUE)`, or `(default: VALUE, NOTE)` when the default depends on something (`NOTE` says on what).
 * VALUE is written as a user types it, never quoted. Commander's own defaults are rendered through this too (see
 * main.ts), so a default is stated only where it is applied.
 *
 * @example withDefault('6 or 8', 6, 'or what the URL states') // '6 or 8 (default: 6, or what the URL states)'
 */
export function withDefault(description: string, value: string | number, note?: string): string {
  return `${description} (default: ${value}${note === undefined ? '' : `, ${note}`})`;
}

/** The help of `--encoder` without its default, shared by the commands that take it (each states its default). */
export const ENCODER_HELP = "totp or steam (Steam Guard's 5-character codes)";

/** The note of a setting's default that a URL may state instead. */
const URL_STATES = 'or what the URL states';

/** Adds the seed flags to a command. */
export function addSeedOptions(command: Command): Command {
  return command
    .option(
      '--from <source>',
      'read the seed from a source (recommended): env:NAME, file:PATH, aws-sm:ID[#FIELD], vault-kv:MOUNT/PATH#FIELD, vault-totp:MOUNT/KEY or store:NAME',
    )
    .option('--url <otpauth-url>', 'an otpauth://totp/ URL (visible in the process list: prefer --from)')
    .option(
      '--secret <base32>',
      'a Base32 seed, or base64 with --encoder steam (visible in the process list: prefer --from)',
    )
    .option('--algorithm <name>', withDefault('SHA1, SHA256 or SHA512', DEFAULTS.algorithm, URL_STATES))
    .option('--digits <n>', withDefault('6 or 8', DEFAULTS.digits, URL_STATES))
    .option('--period <seconds>', withDefault('time step in seconds', DEFAULTS.period, URL_STATES))
    .option('--encoder <name>', withDefault(ENCODER_HELP, 'totp', 'or what the URL or .maFile states'));
}

/** The one seed flag given, as a key origin. */
function originOf(flags: SeedFlags): KeyOrigin {
  const given = (['secret', 'url', 'from'] as const).filter((f) => flags[f] !== undefined);
  if (given.length === 0) {
    throw badInput(
      'seed',
      'none given',
      '--from SOURCE (e.g. --from env:TOTP_SEED), --url URL or --secret BASE32',
      'E_NO_SEED',
    );
  }
  if (given.length > 1) {
    throw badInput(
      'seed',
      `${given.map((f) => `--${f}`).join(' and ')} were both given`,
      'exactly one of --from, --url, --secret',
      'E_TWO_SEEDS',
    );
  }
  if (flags.from !== undefined) return { reference: flags.from, label: '--from' };
  if (flags.url !== undefined) {
    if (!isOtpauthUrl(flags.url)) {
      throw badInput(
        '--url',
        'is not an otpauth:// URL (its value was not printed)',
        'otpauth://totp/…?secret=…',
        'E_URL_INVALID',
      );
    }
    return { text: flags.url, label: '--url' };
  }
  return { text: flags.secret as string, label: '--secret' };
}

/**
 * Loads the key the seed flags describe, with the warnings the command prints once all its input is
 * accepted (so a refusal stays one line per problem): unusual settings, a seed shorter than RFC 4226's
 * 16 bytes, and a seed given through argv, where any user of the machine can read it with `ps`.
 */
export async function loadKeyFromFlags(
  flags: SeedFlags,
  io: Io,
  other: { readonly settings?: SettingsInput; readonly problems?: readonly Problem[]; readonly store?: string } = {},
): Promise<{ key: ResolvedKey; settings: SettingsCheck['settings']; warnings: string[] }> {
  const settings = {
    algorithm: flags.algorithm,
    digits: flags.digits,
    period: flags.period,
    ...(flags.encoder !== undefined ? { encoder: flags.encoder } : {}),
  };
  // Every flag problem of the command at once (settings, and the command's own flags), before any I/O.
  const check = checkSettings({ ...other.settings, ...settings });
  const problems = [...check.problems, ...(other.problems ?? [])];
  if (problems.length > 0) throw badSettings(problems, flagOf);
  const loaded = await loadKey(
    originOf(flags),
    settings,
    io.env,
    other.store === undefined ? {} : { store: other.store },
    flagOf,
  );
  const warnings = [...check.warnings];
  // RFC 4226 R6 asks for at least 128 bits; a shorter seed still works, with the same warning as `key create`.
  const short = loaded.key.remote ? undefined : shortSeedWarning(loaded.key.secret, loaded.origin);
  if (short !== undefined) warnings.push(short);
  if (flags.secret !== undefined || flags.url !== undefined) {
    const flag = flags.secret !== undefined ? '--secret' : '--url';
    warnings.push(`${flag} puts the seed in the process list and shell history; prefer --from env:NAME`);
  }
  return { key: loaded.key, settings: check.settings, warnings };
}

/** Prints warnings on stderr, one line each. */
export function printWarnings(warnings: readonly string[], io: Io): void {
  for (const warning of warnings) io.err(`totp-kit: warning: ${warning}\n`);
}
