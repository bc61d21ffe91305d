/** A TOTP key as every part of totp-kit passes it around: the seed plus what decides its codes. */
import type { CodeSettings } from './settings.js';

/** A seed with its code settings and, when known, who it is for. */
export interface KeyMaterial extends CodeSettings {
  /** The raw shared secret. Never print, log or serialise it outside a store. */
  readonly secret: Uint8Array;
  /** Who issued the key, as authenticator apps show it (`ACME`). */
  readonly issuer?: string;
  /** Whose key it is, as authenticator apps show it (`alice@example.com`). */
  readonly accountName?: string;
  /**
   * `steam` for Steam Guard codes (5 characters; such a key has algorithm SHA1, period 30 and keeps
   * digits 6 nominally, see `codeLength`). Absent for standard RFC 6238 digits.
   */
  readonly encoder?: 'steam';
}

/**
 * The former name of {@link KeyMaterial}, kept so code written against 1.0 still compiles.
 * @deprecated Use `KeyMaterial`: `TotpKey` is also the name of a construct in `totp-kit/constructs`.
 */
export type TotpKey = KeyMaterial;
