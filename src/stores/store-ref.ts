/** Store references (`file:PATH`, `aws-sm:PREFIX`): from `--store`, else `TOTP_KIT_STORE`, else the embedded default. */
import { badInput } from '../core/errors.js';

/** Where the embedded store lives when nothing else is said (relative to the working directory). */
export const DEFAULT_STORE = 'file:./.totp-kit/store.json';

/** A parsed store reference. */
export type StoreRef = { readonly kind: 'file'; readonly path: string; readonly reference: string };

/**
 * Parses a store reference; `given` wins over `TOTP_KIT_STORE`, which wins over the default.
 * @throws TotpKitError (bad-input) for a malformed or unsupported reference.
 */
export function resolveStoreRef(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  label = 'store',
): StoreRef {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const allowed = 'file:PATH (aws-sm:PREFIX comes in a later release)';
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, 'is not a store reference', allowed, 'E_STORE_REF');
  const [, scheme, rest] = match as unknown as [string, string, string];
  if (scheme === 'file') {
    if (rest === '') throw badInput(label, 'file: needs a path', allowed, 'E_STORE_REF');
    return { kind: 'file', path: rest, reference };
  }
  if (scheme === 'aws-sm')
    throw badInput(label, 'the aws-sm: store is not supported by this version', allowed, 'E_STORE_UNSUPPORTED');
  throw badInput(label, `${scheme}: is not a known store scheme`, allowed, 'E_STORE_REF');
}
