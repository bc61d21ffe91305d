/**
 * Store references (`file:PATH`, `aws-sm:PREFIX`): from `--store`, else `TOTP_KIT_STORE`, else the
 * embedded default; and opening them. Each store's module (the AWS SDK for `aws-sm:`) is loaded only
 * when such a store is opened.
 */
import { badInput } from '../core/errors.js';
import { SecretBox } from './secret-box.js';
import type { Store } from './store.js';

/** Where the embedded store lives when nothing else is said (relative to the working directory). */
export const DEFAULT_STORE = 'file:./.totp-kit/store.json';

/** A parsed store reference. */
export type StoreRef =
  | { readonly kind: 'file'; readonly path: string; readonly reference: string }
  | { readonly kind: 'aws-sm'; readonly prefix: string; readonly reference: string };

const ALLOWED = 'file:PATH or aws-sm:PREFIX';
/** Secrets Manager secret names: letters, digits and /_+=.@- (a prefix ends where the record's name starts). */
const AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;

/**
 * Parses a store reference; `given` wins over `TOTP_KIT_STORE`, which wins over the default.
 * @throws TotpKitError (bad-input) for a malformed reference.
 */
export function resolveStoreRef(
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  label = 'store',
): StoreRef {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, 'is not a store reference', ALLOWED, 'E_STORE_REF');
  const [, scheme, rest] = match as unknown as [string, string, string];
  if (scheme === 'file') {
    if (rest === '') throw badInput(label, 'file: needs a path', ALLOWED, 'E_STORE_REF');
    return { kind: 'file', path: rest, reference };
  }
  if (scheme === 'aws-sm') {
    if (!AWS_PREFIX.test(rest)) {
      throw badInput(
        label,
        'aws-sm: needs a secret name prefix',
        'aws-sm:PREFIX with letters, digits and /_+=.@-',
        'E_STORE_REF',
      );
    }
    return { kind: 'aws-sm', prefix: rest, reference };
  }
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED, 'E_STORE_REF');
}

/** Opens the store a reference names, with seeds sealed when TOTP_KIT_STORE_KEY is set. */
export async function openStore(ref: StoreRef, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY);
  if (ref.kind === 'file') {
    // Loaded on use, with its locking and atomic-write libraries: codes from inline seeds never need them.
    const { FileStore } = await import('./file-store.js');
    return new FileStore(ref.path, secrets);
  }
  const { AwsSecretsManagerStore } = await import('./aws-sm-store.js');
  return new AwsSecretsManagerStore(ref.prefix, secrets, env);
}
