/**
 * Store references (`file:PATH`, `aws-sm:PREFIX`): from `--store`, else `TOTP_KIT_STORE`, else the
 * embedded default; and opening them. Each store's module (the AWS SDK for `aws-sm:`) is loaded only
 * when such a store is opened.
 */
import { badInput, looksLikeSeed } from '../core/errors.js';
import { unexpandedTilde } from '../core/file-path.js';
import { AWS_PREFIX_ALLOWED, awsPrefixProblem } from './aws-sm-prefix.js';
import { type PostgresRef, parsePostgresRef } from './postgres-connection.js';
import { adoptionRequested, SecretBox } from './secret-box.js';
import type { Store } from './store.js';

/**
 * The store the CLI uses when neither `--store` nor TOTP_KIT_STORE names one: a file in the working directory.
 *
 * @example
 * ```ts
 * import { DEFAULT_STORE, openStore } from 'totp-kit';
 *
 * const store = await openStore(process.env.TOTP_KIT_STORE || DEFAULT_STORE); // as the CLI chooses it
 * ```
 */
export const DEFAULT_STORE = 'file:./.totp-kit/store.json';

/**
 * A parsed store reference: a file store's path, an AWS Secrets Manager store's secret name prefix, or a
 * PostgreSQL store's connection variable and schema.
 */
export type StoreRef =
  | { readonly kind: 'file'; readonly path: string; readonly reference: string }
  | { readonly kind: 'aws-sm'; readonly prefix: string; readonly reference: string }
  | PostgresRef;

export type { PostgresRef };

const ALLOWED = 'file:PATH, aws-sm:PREFIX or postgres:VAR';
/** Secrets Manager secret names: letters, digits and /_+=.@- (a prefix ends where the record's name starts). */
const AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;
/**
 * Parses a store reference; `given` wins over `TOTP_KIT_STORE`, which wins over the default. `label` names
 * `given` in errors (`--store`, `store`); a reference from TOTP_KIT_STORE is named TOTP_KIT_STORE.
 * @throws TotpKitError (bad-input) for a malformed reference, or a file path starting with "~" (not expanded).
 */
export function resolveStoreRef(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  givenLabel = 'store',
): StoreRef {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const label = given === undefined && env.TOTP_KIT_STORE ? 'TOTP_KIT_STORE' : givenLabel;
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, 'is not a store reference', ALLOWED, 'E_STORE_REF');
  const [, scheme, rest] = match as unknown as [string, string, string];
  if (scheme === 'file') {
    if (rest === '') throw badInput(label, 'file: needs a path', ALLOWED, 'E_STORE_REF');
    // A store there would be made in a folder named "~" under the working directory.
    const tilde = unexpandedTilde(rest);
    if (tilde) throw badInput(label, tilde.problem, tilde.allowed, 'E_STORE_REF');
    return { kind: 'file', path: rest, reference };
  }
  if (scheme === 'aws-sm') {
    if (!AWS_PREFIX.test(rest) || looksLikeSeed(rest)) {
      throw badInput(
        label,
        'aws-sm: needs a secret name prefix',
        'aws-sm:PREFIX with letters, digits and /_+=.@-',
        'E_STORE_REF',
      );
    }
    const problem = awsPrefixProblem(rest);
    if (problem) throw badInput(label, `aws-sm: ${problem}`, AWS_PREFIX_ALLOWED, 'E_STORE_REF');
    return { kind: 'aws-sm', prefix: rest, reference };
  }
  if (scheme === 'postgres') return parsePostgresRef(rest, reference, label);
  if (scheme === 'postgresql') {
    throw badInput(
      label,
      'postgresql: is not a store scheme',
      'postgres:VAR (VAR holds the connection URL)',
      'E_STORE_REF',
    );
  }
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED, 'E_STORE_REF');
}

/**
 * Opens a store: `file:PATH` (one JSON file, mode 0600, in a folder only its owner can write to),
 * `aws-sm:PREFIX` (one AWS Secrets Manager secret per record, named `PREFIX/KIND/NAME`) or `postgres:VAR[/SCHEMA]`
 * (one row per record in PostgreSQL; the connection URL is read from the variable VAR of `env`, or a bare
 * `postgres:` uses the PG* variables). With TOTP_KIT_STORE_KEY set, seeds are sealed with AES-256-GCM and
 * records authenticated. Nothing is read until the store is used; each kind of store's code (the AWS SDK for
 * `aws-sm:`, the PostgreSQL driver for `postgres:`) is loaded only when one is opened. A long-lived process
 * calls `close()` when done (a `postgres:` store keeps a pool of connections; the others let go of nothing).
 *
 * @param ref - the store reference, or one already parsed
 * @param env - where TOTP_KIT_STORE_KEY, TOTP_KIT_STORE_ADOPT, for `postgres:` the connection (VAR or the
 *   PG* variables) and, for `aws-sm:`, the AWS SDK's settings
 *   (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_MAX_ATTEMPTS, credentials) are read; default:
 *   `process.env`. What it leaves out, the SDK's own configuration decides (shared config files, other
 *   credential providers).
 * @returns the store, to pass to the resource functions as `{ store }`
 * @throws `TotpKitError` (bad-input) E_STORE_REF for a malformed reference (or a `postgres:` variable that is
 *   unset or holds no PostgreSQL URL), E_STORE_KEY_WEAK for a weak store key, E_STORE_ADOPT for
 *   TOTP_KIT_STORE_ADOPT without a key.
 *
 * @example
 * ```ts
 * import { listKeys, openStore } from 'totp-kit';
 *
 * const store = await openStore('aws-sm:ci/totp', { ...process.env, AWS_REGION: 'eu-west-1' });
 * await listKeys({ store });
 *
 * const shared = await openStore('postgres:DATABASE_URL'); // DATABASE_URL=postgres://totp@db.internal/app
 * try {
 *   await listKeys({ store: shared });
 * } finally {
 *   await shared.close();
 * }
 * ```
 */
export async function openStore(
  ref: string | StoreRef,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Store & { close(): Promise<void> }> {
  const parsed = typeof ref === 'string' ? resolveStoreRef(ref, env) : ref;
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY, { adopt: adoptionRequested(env) });
  if (parsed.kind === 'file') {
    // Loaded on use, with its locking and atomic-write libraries: codes from inline seeds never need them.
    const { FileStore } = await import('./file-store.js');
    return new FileStore(parsed.path, secrets);
  }
  if (parsed.kind === 'postgres') {
    const { PostgresStore } = await import('./postgres-store.js');
    return new PostgresStore(parsed, secrets, env);
  }
  const { AwsSecretsManagerStore } = await import('./aws-sm-store.js');
  return new AwsSecretsManagerStore(parsed.prefix, secrets, env);
}
