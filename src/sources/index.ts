/**
 * Source references (`env:NAME`, `file:PATH`, …): one parser for the action's `source`, the CLI's
 * `--from` and a construct's `importFrom`. A reference that is not one must never be quoted back: a
 * user who pastes a seed or an otpauth URL where a reference belongs would see it in the log.
 */
import { badInput, isSafeToPrint, looksLikeSeed } from '../core/errors.js';
import type { Encoder } from '../core/settings.js';
import { awsSmSource } from './aws-sm-source.js';
import { envSource } from './env-source.js';
import { fileSource } from './file-source.js';
import type { SeedSource, TotpSource } from './source.js';
import { storeSource } from './store-source.js';
import type { VaultOptions } from './vault-client.js';
import { vaultKvSource } from './vault-kv-source.js';
import { vaultTotpSource } from './vault-totp-source.js';

export type { RemoteCodeSource, SeedSource, TotpSource } from './source.js';

/** Schemes this version reads. */
const SUPPORTED = [
  'env:NAME',
  'file:PATH',
  'aws-sm:ID[#FIELD]',
  'vault-kv:MOUNT/PATH#FIELD',
  'vault-totp:MOUNT/KEY',
  'store:NAME',
];

/** The schemes docs/cli.md lists as sources (safe to name in a message, unlike an unknown one). */
const KNOWN_SCHEMES = ['env', 'file', 'aws-sm', 'vault-kv', 'vault-totp', 'store'];

/** What some sources need besides the reference. */
export interface SourceOptions {
  /** The store for `store:NAME` (default: TOTP_KIT_STORE, else the embedded store). */
  readonly store?: string;
  /** What the face calls the store input, in errors (`--store`, `store`). */
  readonly storeLabel?: string;
  /** The region for `aws-sm:` (default: the SDK's environment). */
  readonly awsRegion?: string;
  /**
   * What the face calls its region setting (the action's `aws-region`), for the error when no region is
   * configured. A face without one leaves it out: the error then names AWS_REGION alone.
   */
  readonly awsRegionLabel?: string;
  /**
   * Address, token and namespace for `vault-kv:` and `vault-totp:` (default: VAULT_ADDR, …), and what the
   * face calls its settings for them, for errors.
   */
  readonly vault?: VaultOptions;
  /**
   * The encoder given beside the reference: with steam, a bare seed the source reads is base64 as Steam
   * stores it (unless upper-case Base32), as `--secret` is with `--encoder steam`.
   */
  readonly encoder?: Encoder;
}

/**
 * Resolves a source reference to a seed source, refusing one whose seed stays in its backend.
 * `what` says what the seed is needed for, in the refusal.
 */
export function resolveSeedSource(
  reference: string,
  label: string,
  env: NodeJS.ProcessEnv,
  options: SourceOptions = {},
  what = 'this',
): SeedSource {
  const source = resolveSource(reference, label, env, options);
  if (source.kind === 'remote') {
    throw badInput(
      label,
      `${source.reference} keeps its seed in Vault, so it cannot be used for ${what}`,
      'a source that holds the seed: env:, file:, aws-sm:, vault-kv:, store:',
      'E_SOURCE_REMOTE',
    );
  }
  return source;
}

/**
 * Resolves a source reference to a source. `label` names the input (`--from`, `source`); `store` is
 * the store reference for `store:NAME` (default: TOTP_KIT_STORE, else the embedded store).
 * @throws TotpKitError (bad-input) for a malformed, unknown or unsupported reference.
 */
export function resolveSource(
  reference: string,
  label = 'source',
  env: NodeJS.ProcessEnv = process.env,
  options: SourceOptions = {},
): TotpSource {
  return sourceFor(reference, label, env, options);
}

function sourceFor(reference: string, label: string, env: NodeJS.ProcessEnv, options: SourceOptions): TotpSource {
  const allowed = SUPPORTED.join(', ');
  if (/^\s*otpauth:/i.test(reference)) {
    throw badInput(
      label,
      'is an otpauth URL, not a source reference (the URL was not printed)',
      `${allowed}; pass URLs through env:NAME or file:PATH`,
    );
  }
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match)
    throw badInput(label, 'is not a source reference (its value was not printed)', allowed, 'E_SOURCE_SCHEME');
  const [, scheme, rest] = match as unknown as [string, string, string];
  // `env:$TOTP_SEED` in a shell puts the seed where a name belongs; every message would then print it.
  if (looksLikeSeed(rest)) {
    throw badInput(
      label,
      `${KNOWN_SCHEMES.includes(scheme) ? `${scheme}: ` : 'it '}is followed by what looks like a seed, not a name (not printed)`,
      allowed,
      'E_SOURCE_SEED_AS_NAME',
    );
  }
  // The encoder given beside the reference decides how bare text is read (base64 for a Steam key).
  const text = options.encoder !== undefined ? { encoder: options.encoder } : {};
  switch (scheme) {
    case 'env':
      return envSource(rest, env, label, text);
    case 'file':
      return fileSource(rest, label, text);
    case 'store':
      return storeSource(rest, env, label, options.store, options.storeLabel);
    case 'aws-sm':
      return awsSmSource(
        rest,
        label,
        {
          env,
          ...(options.awsRegion ? { region: options.awsRegion } : {}),
          ...(options.awsRegionLabel !== undefined ? { regionLabel: options.awsRegionLabel } : {}),
        },
        text,
      );
    case 'vault-kv':
      return vaultKvSource(rest, env, label, options.vault, text);
    case 'vault-totp':
      return vaultTotpSource(rest, env, label, options.vault);
    default:
      // A long "scheme" may be a lower-case seed followed by ':': name it only when it is short.
      throw badInput(
        label,
        `${isSafeToPrint(scheme) ? `${scheme}: ` : 'its scheme '}is not a known source scheme`,
        allowed,
        'E_SOURCE_SCHEME',
      );
  }
}
