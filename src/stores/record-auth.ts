/**
 * Record authentication under a store key (TOTP_KIT_STORE_KEY). Sealing a seed keeps it secret; it does not
 * stop someone who can write the store but lacks the key from putting a plain seed of their own in its place,
 * or editing skew, maxValidationAttempts, usedCodes, lastAcceptedStep or attempts. So, with a key, every record
 * is authenticated as a whole: it carries `_mac`, an HMAC-SHA256 over the canonical JSON of
 * {kind, id, record} (every field but `_mac`), keyed with SecretBox.recordKey (HKDF-SHA256 of the sealing key,
 * bound to the store's key check). A record whose MAC is missing or wrong is refused by name (E_STORE_TAMPERED,
 * exit 3): never opened, never re-sealed, never re-signed, so the evidence stays.
 *
 * Which stores are authenticated: one with a version-2 key check (file: `keyCheck`; aws-sm: the secret
 * PREFIX/key-check). An empty store gets one with its first keyed write. A store that holds records but no
 * version-2 check — written without a key, or keyed by a totp-kit that did not authenticate records — is refused
 * under a key (E_STORE_NOT_ADOPTED, exit 2) until it is adopted: TOTP_KIT_STORE_ADOPT=1 for one run vouches for the
 * records as they are then (every seed sealed, a sealed one must open with the key; every record signed; the
 * check written). Adoption is never implicit, because anyone who can write a store can also make it look
 * unkeyed (remove the check, write plain records): implicit adoption would accept exactly that.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { badInput, TotpKitError } from '../core/errors.js';
import { canonicalJson } from './canonical-json.js';
import type { SecretBox } from './secret-box.js';
import type { RecordKind, StoreRecord } from './store.js';

/** The field of a stored record that holds its MAC (base64); never part of what a store returns. */
export const MAC_FIELD = '_mac';
/** Domain separation of the MAC input. */
const MAC_LABEL = 'totp-kit record v1\n';

/** How a store turns stored records into what callers see, and back. */
export interface RecordTrust {
  /**
   * The record as callers see it (without its MAC).
   * @throws TotpKitError (backend) E_STORE_TAMPERED when the store is authenticated and the record is not.
   */
  open(kind: RecordKind, id: string, stored: StoreRecord): StoreRecord;
  /** The record as it is written: with a key, a plain seed sealed and the whole record signed. */
  seal(kind: RecordKind, id: string, record: StoreRecord): StoreRecord;
}

/** A record without its MAC field. */
export function withoutMac(record: StoreRecord): StoreRecord {
  if (!Object.hasOwn(record, MAC_FIELD)) return record;
  const { [MAC_FIELD]: _mac, ...fields } = record;
  return fields;
}

/** No store key: records as they are (a MAC some keyed writer left is not shown, and not checked). */
export const PLAIN_TRUST: RecordTrust = {
  open: (_kind, _id, stored) => withoutMac(stored),
  seal: (_kind, _id, record) => withoutMac(record),
};

/** The MAC of a record's fields under one store's record key. */
function mac(key: Buffer, kind: RecordKind, id: string, fields: StoreRecord): Buffer {
  return createHmac('sha256', key)
    .update(MAC_LABEL)
    .update(canonicalJson({ kind, id, record: fields }))
    .digest();
}

/**
 * Records of an authenticated store: `check` is its version-2 key check, already accepted by
 * `secrets.assertCheck`. `describe` names a record in errors (`store file:x: key "bot"`).
 */
export function authenticatedTrust(
  secrets: SecretBox,
  check: unknown,
  describe: (kind: RecordKind, id: string) => string,
): RecordTrust {
  const key = secrets.recordKey(check);
  return {
    open(kind, id, stored) {
      const fields = withoutMac(stored);
      const given = stored[MAC_FIELD];
      const expected = mac(key, kind, id, fields);
      const presented = typeof given === 'string' ? Buffer.from(given, 'base64') : undefined;
      if (presented?.length === expected.length && timingSafeEqual(presented, expected)) return fields;
      throw tampered(describe(kind, id), given === undefined);
    },
    seal(kind, id, record) {
      const fields = withoutMac(record);
      // Callers seal seeds themselves; a plain one here (valid Base32) is sealed before it is signed.
      const sealed =
        typeof fields.secret === 'string'
          ? { ...fields, secret: secrets.reseal(fields.secret, `${kind}/${id}`) }
          : fields;
      return { ...sealed, [MAC_FIELD]: mac(key, kind, id, sealed).toString('base64') };
    },
  };
}

/**
 * A record as adoption takes it in, before it is signed: its seed checked and sealed. A sealed seed must open with
 * the key (so a wrong key adopts nothing); a plain one must be Base32.
 * @throws TotpKitError E_STORE_KEY_WRONG (bad-input) or E_STORE_CORRUPT (backend), naming the record.
 */
export function adoptedFields(secrets: SecretBox, kind: RecordKind, id: string, stored: StoreRecord): StoreRecord {
  const fields = withoutMac(stored);
  if (fields.secret === undefined) return fields;
  const context = `${kind}/${id}`;
  const seed = secrets.open(fields.secret, context, `${kind} "${id}"`);
  return typeof fields.secret === 'string' ? { ...fields, secret: secrets.seal(seed, context) } : fields;
}

/** A record that fails authentication: one line naming it, never its content. */
export function tampered(what: string, unsigned: boolean): TotpKitError {
  const why = unsigned
    ? 'it is not authenticated (written without TOTP_KIT_STORE_KEY, or not by totp-kit)'
    : 'it fails authentication under TOTP_KIT_STORE_KEY (changed without the key, or copied from another record or store)';
  return new TotpKitError(
    'backend',
    'E_STORE_TAMPERED',
    `${what} is refused: ${why}; it was left untouched (restore it; if you changed it yourself, check it and run once with TOTP_KIT_STORE_ADOPT=1)`,
  );
}

/** A keyed store that holds records but was never authenticated under a key. */
export function notAdopted(reference: string): TotpKitError {
  return badInput(
    'TOTP_KIT_STORE_KEY',
    `is set, but the records of ${reference} are not authenticated by a store key (written without one, or by an older totp-kit)`,
    'check the store, then run one command with TOTP_KIT_STORE_ADOPT=1 to seal and authenticate its records; or unset TOTP_KIT_STORE_KEY',
    'E_STORE_NOT_ADOPTED',
  );
}

/**
 * A store's record trust under a key, read once per store object and kept once found. Not kept while the store
 * has no key check (another writer may give it one) or when the read failed (a later call reads again).
 */
export class TrustCache {
  #pending: Promise<RecordTrust | undefined> | undefined;
  readonly #read: () => Promise<RecordTrust | undefined>;

  constructor(read: () => Promise<RecordTrust | undefined>) {
    this.#read = read;
  }

  /** The trust, reading it when none is kept. */
  async get(): Promise<RecordTrust | undefined> {
    this.#pending ??= this.#read();
    const pending = this.#pending;
    try {
      const trust = await pending;
      if (trust === undefined && this.#pending === pending) this.#pending = undefined;
      return trust;
    } catch (e) {
      if (this.#pending === pending) this.#pending = undefined;
      throw e;
    }
  }

  /** Keeps a trust the store has just established (its key check written or found). */
  set(trust: RecordTrust): void {
    this.#pending = Promise.resolve(trust);
  }
}
