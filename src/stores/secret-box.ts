/**
 * Seeds at rest. With TOTP_KIT_STORE_KEY set (base64 of 32 random bytes, used as it is, or a passphrase of at
 * least 20 characters stretched with scrypt), every seed is sealed with AES-256-GCM (12-byte IV, 16-byte tag),
 * bound to the record it belongs to (as associated data), so a seed cannot be moved to another record unnoticed
 * and a wrong key is an error, never garbage codes. Without a key, seeds are kept as Base32 and the store relies
 * on file permissions.
 *
 * The same key authenticates whole records (record-auth.ts): an HMAC-SHA256 key is derived from the sealing key
 * with HKDF-SHA256, bound to the store's key check, so it is never the AES key itself.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { decodeBase32, encodeBase32 } from '../core/base32.js';
import { badInput, quote, TotpKitError } from '../core/errors.js';
import { canonicalJson } from './canonical-json.js';

/** A seed as a record holds it: Base32 text (no store key) or a sealed object. */
export type SealedSecret = string | SealedObject;

interface SealedObject {
  readonly v: 1;
  readonly alg: 'A256GCM';
  readonly kdf: 'raw' | 'scrypt';
  readonly salt?: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** scrypt cost: about 100 ms and 32 MiB here, paid once per process and salt. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_VARIABLE = 'TOTP_KIT_STORE_KEY';
const ADOPT_VARIABLE = 'TOTP_KIT_STORE_ADOPT';
/**
 * The plain text of a store's key check, and the record context it is bound to. Version 1 (seeds sealed, records
 * not authenticated) was written before record authentication; version 2 says every record carries a MAC.
 */
const CHECK_TEXT = 'totp-kit store key check';
const CHECK_TEXT_V2 = 'totp-kit store key check v2: records authenticated';
const CHECK_CONTEXT = 'store/key-check';
/** AES-GCM as sealed here: a 96-bit IV and a full 128-bit tag; anything else is refused, never decrypted. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** HKDF info of the record MAC key (see record-auth.ts). */
const MAC_INFO = 'totp-kit record authentication v1';

/** What a store key may be: the rule, and how to make a strong one, in the words of the error message. */
export const STORE_KEY_RULE =
  "base64 of 32 random bytes, made with: openssl rand -base64 32 (or node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"); or a passphrase of at least 20 characters, at least 10 of them different";
const MIN_PASSPHRASE_CHARACTERS = 20;
const MIN_PASSPHRASE_DIFFERENT = 10;
/** 32 random bytes have about 30 different values; fewer than 16 is a made-up key, not a random one. */
const MIN_RAW_KEY_DIFFERENT = 16;

/** Options of a SecretBox. */
export interface SecretBoxOptions {
  /**
   * TOTP_KIT_STORE_ADOPT=1: the store's records as they are now are vouched for, sealed and authenticated under
   * the key on first use (see record-auth.ts). For one run, after checking the store; never left set.
   */
  readonly adopt?: boolean;
}

/** The version of a key check that opened: 1 (records not authenticated) or 2 (every record authenticated). */
export type CheckVersion = 1 | 2;

/**
 * Parses TOTP_KIT_STORE_ADOPT: unset, '' or '0' is off; '1' is on; anything else is refused.
 * @throws TotpKitError (bad-input) E_STORE_ADOPT for another value, or when no store key is set.
 */
export function adoptionRequested(env: NodeJS.ProcessEnv): boolean {
  const value = env[ADOPT_VARIABLE]?.trim();
  if (value === undefined || value === '' || value === '0') return false;
  if (value !== '1') throw badInput(ADOPT_VARIABLE, `${quote(value)} is not 1`, '1, or unset', 'E_STORE_ADOPT');
  if ((env[KEY_VARIABLE] ?? '').trim() === '') {
    throw badInput(
      ADOPT_VARIABLE,
      'is set, but TOTP_KIT_STORE_KEY is not',
      'set with TOTP_KIT_STORE_KEY',
      'E_STORE_ADOPT',
    );
  }
  return true;
}

function isSealedObject(value: unknown): value is SealedObject {
  const v = value as SealedObject;
  return (
    typeof value === 'object' &&
    value !== null &&
    v.v === 1 &&
    v.alg === 'A256GCM' &&
    (v.kdf === 'raw' || v.kdf === 'scrypt') &&
    (v.kdf === 'raw' || typeof v.salt === 'string') &&
    typeof v.iv === 'string' &&
    typeof v.tag === 'string' &&
    typeof v.data === 'string'
  );
}

/** Seals and opens seeds for one store. */
export class SecretBox {
  readonly #raw: Buffer | undefined;
  readonly #passphrase: string | undefined;
  readonly #derived = new Map<string, Buffer>();
  #salt: string | undefined;
  /** TOTP_KIT_STORE_ADOPT: the store's current records are vouched for (see SecretBoxOptions). */
  readonly adopting: boolean;

  /**
   * @param keySpec the value of TOTP_KIT_STORE_KEY, or undefined for no encryption.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WEAK for a key that is neither base64 of 32 random bytes nor a
   *   passphrase of at least 20 characters with at least 10 different ones (the message says how to make one).
   */
  constructor(keySpec: string | undefined, options: SecretBoxOptions = {}) {
    this.adopting = options.adopt === true && keySpec !== undefined;
    if (keySpec === undefined) return;
    // Surrounding whitespace is not part of the key: a secret stored with a trailing newline still opens.
    const spec = keySpec.trim();
    if (spec === '') throw badInput(KEY_VARIABLE, 'is empty', STORE_KEY_RULE);
    const bytes = /^[A-Za-z0-9+/]{43}=$/.test(spec) ? Buffer.from(spec, 'base64') : undefined;
    if (bytes?.length === 32) {
      if (new Set(bytes).size < MIN_RAW_KEY_DIFFERENT) {
        throw badInput(
          KEY_VARIABLE,
          'is too weak (base64 of 32 bytes that are not random)',
          STORE_KEY_RULE,
          'E_STORE_KEY_WEAK',
        );
      }
      this.#raw = bytes;
      return;
    }
    const characters = [...spec];
    if (characters.length < MIN_PASSPHRASE_CHARACTERS || new Set(characters).size < MIN_PASSPHRASE_DIFFERENT) {
      const what =
        characters.length < MIN_PASSPHRASE_CHARACTERS
          ? `a passphrase of ${characters.length} character${characters.length === 1 ? '' : 's'}`
          : `a passphrase of only ${new Set(characters).size} different characters`;
      throw badInput(KEY_VARIABLE, `is too weak (${what})`, STORE_KEY_RULE, 'E_STORE_KEY_WEAK');
    }
    this.#passphrase = spec;
  }

  /** True when seeds are sealed (a store key is set). */
  get encrypting(): boolean {
    return this.#raw !== undefined || this.#passphrase !== undefined;
  }

  #keyFor(kdf: 'raw' | 'scrypt', salt: string | undefined): Buffer {
    if (kdf === 'raw') {
      if (!this.#raw) throw wrongKey('a base64 32-byte key', 'a passphrase');
      return this.#raw;
    }
    if (this.#passphrase === undefined || salt === undefined) throw wrongKey('a passphrase', 'a base64 32-byte key');
    let key = this.#derived.get(salt);
    if (!key) {
      key = scryptSync(this.#passphrase, Buffer.from(salt, 'base64'), 32, SCRYPT);
      this.#derived.set(salt, key);
    }
    return key;
  }

  /**
   * Seals a seed for the record `context` (e.g. `key/npm-bot`). Without a store key, returns Base32.
   */
  seal(secret: Uint8Array, context: string): SealedSecret {
    if (!this.encrypting) return encodeBase32(secret);
    const kdf = this.#raw ? 'raw' : 'scrypt';
    if (kdf === 'scrypt' && this.#salt === undefined) this.#salt = randomBytes(16).toString('base64');
    const salt = kdf === 'scrypt' ? this.#salt : undefined;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#keyFor(kdf, salt), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return {
      v: 1,
      alg: 'A256GCM',
      kdf,
      ...(salt !== undefined ? { salt } : {}),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /**
   * Opens a sealed seed of the record `context`. `what` names the record in errors.
   * @throws TotpKitError (bad-input) when the store key is missing or wrong; (backend) when the field is not a seed.
   */
  open(sealed: unknown, context: string, what: string): Uint8Array {
    if (typeof sealed === 'string') {
      try {
        return decodeBase32(sealed, `${what} seed in the store`);
      } catch {
        // The store is damaged, not the user's input: a backend failure, without quoting the text.
        throw damaged(what, context, 'not Base32, not sealed');
      }
    }
    if (!isSealedObject(sealed)) throw damaged(what, context, 'not Base32, not sealed');
    // Seal later seeds with the salt already in use, so a process pays for scrypt once, not per salt.
    if (sealed.kdf === 'scrypt' && this.#salt === undefined) this.#salt = sealed.salt;
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but the seed of ${what} is encrypted`,
        'the key the store was written with',
        'E_STORE_KEY_MISSING',
      );
    }
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    // GCM would decrypt under a truncated tag (down to 4 bytes: forgeable) or an IV of another length.
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw damaged(what, context, `sealed, but its IV or tag is not ${IV_BYTES} or ${TAG_BYTES} bytes`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#keyFor(sealed.kdf, sealed.salt), iv, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw badInput(
        KEY_VARIABLE,
        `does not decrypt the seed of ${what} (wrong key, or the record was altered)`,
        'the key the store was written with',
        'E_STORE_KEY_WRONG',
      );
    }
  }

  /**
   * A value sealed with this box's key, kept in a store to tell a wrong key before anything is written. It is a
   * version-2 check: the store's records are authenticated under it (see `recordKey`).
   */
  makeCheck(): SealedSecret {
    return this.seal(Buffer.from(CHECK_TEXT_V2, 'utf8'), CHECK_CONTEXT);
  }

  /**
   * Confirms that this box's key is the one a store's check value was sealed with, and says which version of
   * check it is: 1 (written before records were authenticated) or 2.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WRONG or E_STORE_KEY_MISSING naming `store`; (backend)
   *   E_STORE_CORRUPT when the check is not a sealed value.
   */
  assertCheck(check: unknown, store: string): CheckVersion {
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but ${store} holds encrypted seeds`,
        'the key the store was written with',
        'E_STORE_KEY_MISSING',
      );
    }
    // A passphrase for a store sealed with a raw key (or the reverse) is said as such.
    if (isSealedObject(check)) this.#keyFor(check.kdf, check.salt);
    let opened: string | undefined;
    try {
      opened = Buffer.from(this.open(check, CHECK_CONTEXT, `store ${store}`)).toString('utf8');
    } catch (e) {
      if (e instanceof TotpKitError && e.code === 'E_STORE_CORRUPT') throw e;
    }
    if (opened === CHECK_TEXT_V2) return 2;
    if (opened === CHECK_TEXT) return 1;
    throw badInput(
      KEY_VARIABLE,
      `is not the key ${store} was written with`,
      'the key the store was written with',
      'E_STORE_KEY_WRONG',
    );
  }

  /**
   * The key that authenticates a store's records: HKDF-SHA256 of the sealing key of `check` (the raw key, or the
   * scrypt output under the check's salt), salted with a digest of the check itself (so records cannot move
   * between stores that share a key) and labelled for this one use. Call after `assertCheck` accepted `check`.
   */
  recordKey(check: unknown): Buffer {
    if (!isSealedObject(check)) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        'the store key check is damaged; it was left untouched (restore the store from a backup)',
      );
    }
    const salt = createHash('sha256').update(canonicalJson(check)).digest();
    return Buffer.from(hkdfSync('sha256', this.#keyFor(check.kdf, check.salt), salt, MAC_INFO, 32));
  }

  /**
   * Re-seals a seed kept as Base32 before a store key was set; sealed seeds are returned as they are,
   * and so is a damaged one (it is refused, naming its record, when it is used).
   */
  reseal(sealed: unknown, context: string): unknown {
    if (!this.encrypting || typeof sealed !== 'string') return sealed;
    let secret: Uint8Array;
    try {
      secret = decodeBase32(sealed, 'stored seed');
    } catch {
      return sealed;
    }
    return this.seal(secret, context);
  }
}

/**
 * A stored seed that is neither Base32 nor sealed (or sealed with the wrong sizes): what was damaged and what to
 * do. The store's key check is the store's, not a record's: only a backup restores it.
 */
function damaged(what: string, context: string, why: string): TotpKitError {
  const fix =
    context === CHECK_CONTEXT
      ? 'restore the store from a backup'
      : `restore the store from a backup, or delete ${what} and create it again`;
  return new TotpKitError(
    'backend',
    'E_STORE_CORRUPT',
    `${what}: the stored seed is damaged (${why}); it was left untouched (${fix})`,
  );
}

function wrongKey(sealedWith: string, given: string): TotpKitError {
  return badInput(
    KEY_VARIABLE,
    `is ${given}, but the store was sealed with ${sealedWith}`,
    'the key the store was written with',
    'E_STORE_KEY_WRONG',
  );
}
