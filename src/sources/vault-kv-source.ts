/** `vault-kv:MOUNT/PATH#FIELD`: a seed in Vault's KV v2 engine (`GET /v1/MOUNT/data/PATH`). */

import { badInput, TotpKitError } from '../core/errors.js';
import { pickSeedFieldNamed } from '../core/seed-json.js';
import { pickedSeed, type SeedText, type SeedTextOptions } from '../core/seed-text.js';
import type { SeedSource } from './source.js';
import { splitMount, type VaultOptions, vaultOptions, vaultRequest } from './vault-client.js';

const FORM = 'vault-kv:MOUNT/PATH#FIELD';

/** A source reading one field of a KV v2 secret when read. Without #FIELD, the JSON field rules pick it. */
export function vaultKvSource(
  rest: string,
  env: NodeJS.ProcessEnv,
  label: string,
  given: VaultOptions = {},
  textOptions: SeedTextOptions = {},
): SeedSource {
  const hash = rest.indexOf('#');
  const field = hash >= 0 ? rest.slice(hash + 1) : undefined;
  if (field === '') throw badInput(label, 'has an empty #FIELD', FORM, 'E_SOURCE_REF');
  const { mount, path } = splitMount(hash >= 0 ? rest.slice(0, hash) : rest, label, FORM);
  const reference = `vault-kv:${rest}`;
  return {
    reference,
    async read(): Promise<SeedText> {
      const options = vaultOptions(env, given);
      const body = (await vaultRequest(options, reference, 'GET', `${mount}/data/${path}`)) as {
        data?: { data?: unknown };
      };
      const data = body?.data?.data;
      if (data === null || data === undefined) {
        throw new TotpKitError(
          'backend',
          'E_VAULT',
          `${reference}: the secret has no current version (deleted or destroyed)`,
        );
      }
      // A .maFile kept as KV fields is a Steam key by its shared_secret, as the same JSON anywhere else.
      return pickedSeed(pickSeedFieldNamed(undefined, field, reference, data), reference, undefined, textOptions);
    },
  };
}
