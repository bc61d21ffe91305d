/**
 * Seeds at rest. With TOTP_KIT_STORE_KEY set (base64 of 32 bytes, or a passphrase stretched with
 * scrypt), every seed is sealed with AES-256-GCM, bound to the record it belongs to (as associated
 * data), so a seed cannot be moved to another record unnoticed and a wrong key is an error, never
 * garbage codes. Without a key, seeds are kept as Base32 and the store relies on file permissions.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { decodeBase32, encodeBase32 } from '../core/base32.js';
import { badInput, TotpKitError } from '../core/errors.js';

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
/** The plain text of a store's key check, and the record context it is bound to. */
const CHECK_TEXT = 'totp-kit store key check';
const CHECK_CONTEXT = 'store/key-check';

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

  /** @param keySpec the value of TOTP_KIT_STORE_KEY, or undefined for no encryption. */
  constructor(keySpec: string | undefined) {
    if (keySpec === undefined) return;
    // Surrounding whitespace is not part of the key: a secret stored with a trailing newline still opens.
    const spec = keySpec.trim();
    if (spec === '') throw badInput(KEY_VARIABLE, 'is empty', 'base64 of 32 random bytes, or a passphrase');
    const bytes = /^[A-Za-z0-9+/]{43}=$/.test(spec) ? Buffer.from(spec, 'base64') : undefined;
    if (bytes?.length === 32) this.#raw = bytes;
    else this.#passphrase = spec;
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
  open(sealed: unknown, context: string, what: string): Buffer {
    if (typeof sealed === 'string') {
      try {
        return decodeBase32(sealed, `${what} seed in the store`);
      } catch {
        // The store is damaged, not the user's input: a backend failure, without quoting the text.
        throw new TotpKitError(
          'backend',
          'E_STORE_CORRUPT',
          `${what}: the stored seed is damaged (not Base32, not sealed)`,
        );
      }
    }
    if (!isSealedObject(sealed)) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `${what}: the stored seed is damaged (not Base32, not sealed)`,
      );
    }
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
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.#keyFor(sealed.kdf, sealed.salt),
        Buffer.from(sealed.iv, 'base64'),
      );
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
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

  /** A value sealed with this box's key, kept in a store to tell a wrong key before anything is written. */
  makeCheck(): SealedSecret {
    return this.seal(Buffer.from(CHECK_TEXT, 'utf8'), CHECK_CONTEXT);
  }

  /**
   * Confirms that this box's key is the one a store's check value was sealed with.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WRONG or E_STORE_KEY_MISSING naming `store`.
   */
  assertCheck(check: unknown, store: string): void {
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but ${store} holds encrypted seeds`,
        'the key the store was written with',
        'E_STORE_KEY_MISSING',
      );
    }
    let opened: Buffer | undefined;
    try {
      opened = this.open(check, CHECK_CONTEXT, `store ${store}`);
    } catch (e) {
      if (e instanceof TotpKitError && e.code === 'E_STORE_CORRUPT') throw e;
    }
    if (opened?.toString('utf8') !== CHECK_TEXT) {
      throw badInput(
        KEY_VARIABLE,
        `is not the key ${store} was written with`,
        'the key the store was written with',
        'E_STORE_KEY_WRONG',
      );
    }
  }

  /**
   * Re-seals a seed kept as Base32 before a store key was set; sealed seeds are returned as they are,
   * and so is a damaged one (it is refused, naming its record, when it is used).
   */
  reseal(sealed: unknown, context: string): unknown {
    if (!this.encrypting || typeof sealed !== 'string') return sealed;
    let secret: Buffer;
    try {
      secret = decodeBase32(sealed, 'stored seed');
    } catch {
      return sealed;
    }
    return this.seal(secret, context);
  }
}

function wrongKey(sealedWith: string, given: string): TotpKitError {
  return badInput(
    KEY_VARIABLE,
    `is ${given}, but the store was sealed with ${sealedWith}`,
    'the key the store was written with',
    'E_STORE_KEY_WRONG',
  );
}
