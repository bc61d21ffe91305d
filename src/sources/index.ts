/**
 * Source references (`env:NAME`, `file:PATH`, …): one parser for the action's `source`, the CLI's
 * `--from` and a construct's `importFrom`. A reference that is not one must never be quoted back: a
 * user who pastes a seed or an otpauth URL where a reference belongs would see it in the log.
 */
import { badInput } from '../core/errors.js';
import { envSource } from './env-source.js';
import { fileSource } from './file-source.js';
import type { SeedSource } from './source.js';
import { storeSource } from './store-source.js';

export type { SeedSource } from './source.js';

/** Schemes this version reads. */
const SUPPORTED = ['env:NAME', 'file:PATH', 'store:NAME'];
/** Schemes of the product contract that later releases read. */
const PLANNED = new Set(['aws-sm', 'vault-kv', 'vault-totp']);

/**
 * Resolves a source reference to a source. `label` names the input (`--from`, `source`); `store` is
 * the store reference for `store:NAME` (default: TOTP_KIT_STORE, else the embedded store).
 * @throws TotpKitError (bad-input) for a malformed, unknown or unsupported reference.
 */
export function resolveSource(
  reference: string,
  label = 'source',
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly store?: string } = {},
): SeedSource {
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
  switch (scheme) {
    case 'env':
      return envSource(rest, env, label);
    case 'file':
      return fileSource(rest, label);
    case 'store':
      return storeSource(rest, env, label, options.store);
    default:
      if (PLANNED.has(scheme)) {
        throw badInput(
          label,
          `the ${scheme}: source is not supported by this version of totp-kit`,
          allowed,
          'E_SOURCE_UNSUPPORTED',
        );
      }
      throw badInput(label, `${scheme}: is not a known source scheme`, allowed, 'E_SOURCE_SCHEME');
  }
}
