/** `store:NAME`: a key in the totp-kit store (TOTP_KIT_STORE, or the store the face was given). */
import { encodeBase32 } from '../core/base32.js';
import { badInput } from '../core/errors.js';
import { nameProblem } from '../core/names.js';
import type { SeedText } from '../core/seed-text.js';
import { base64Forms } from '../core/steam.js';
import { asKeyRecord, openKeyRecord } from '../stores/records.js';
import { openStore, resolveStoreRef } from '../stores/store-ref.js';
import type { SeedSource } from './source.js';

/** A source reading key `name` from the store `storeReference` (default: TOTP_KIT_STORE, else the embedded one). */
export function storeSource(
  name: string,
  env: NodeJS.ProcessEnv,
  label: string,
  storeReference?: string,
  storeLabel = '--store',
): SeedSource {
  const problem = nameProblem('name', name);
  if (problem) throw badInput(label, 'store: needs a key name', `store:NAME with ${problem.allowed}`);
  const reference = `store:${name}`;
  return {
    reference,
    async read(): Promise<SeedText> {
      const store = await openStore(
        resolveStoreRef(storeReference, env, storeReference === undefined ? 'TOTP_KIT_STORE' : storeLabel),
        env,
      );
      const raw = await store.get('key', name);
      if (!raw) {
        throw badInput(
          reference,
          `no key "${name}" in store ${store.reference}`,
          'a key created with `totp-kit key create`',
          'E_SOURCE_NOT_FOUND',
        );
      }
      const key = openKeyRecord(store.secrets, asKeyRecord(raw, name));
      return {
        secret: key.secret,
        // The stored settings are the key's: a flag that contradicts them is refused like a URL's.
        explicit: { algorithm: key.algorithm, digits: key.digits, period: key.period },
        ...(key.issuer !== undefined ? { issuer: key.issuer } : {}),
        ...(key.accountName !== undefined ? { accountName: key.accountName } : {}),
        fromUrl: false,
        // The stored encoder is the key's too: --encoder steam on a standard key is a contradiction.
        encoder: key.encoder ?? 'totp',
        encoderStatedAs: `the encoder ${key.encoder ?? 'totp'}`,
        secretForms: [encodeBase32(key.secret), ...base64Forms(key.secret)],
      };
    },
  };
}
