/** `TotpKey`: a key of the TOTP engine (Vault semantics), generated or imported, declared in a store. */
import type { Construct } from 'constructs';
import type { Problem } from '../src/core/errors.js';
import { declarationProblems, type KeyDeclaration } from '../src/resources/declaration.js';
import { TotpDeclaredResource } from './declared.js';
import { projectPath } from './paths.js';
import type { TotpStore } from './store.js';

/** A key generated at apply. */
export interface TotpKeyGenerate {
  /** Issuer shown by authenticator apps. Required; no `:`. Changing it replaces the seed. */
  readonly issuer: string;
  /** Account shown by authenticator apps. Required; no `:`. Changing it replaces the seed. */
  readonly accountName: string;
  /**
   * Seed size in bytes, 16 to 1024 (RFC 4226 asks for at least 16). Changing it replaces the seed.
   * @default 20
   */
  readonly keySize?: number;
}

/** Props of `TotpKey`. Exactly one of `generate` and `importFrom`. */
export interface TotpKeyProps {
  /** The store the key lives in. Changing it creates the key in the new store and deletes it from the old. */
  readonly store: TotpStore;
  /**
   * The key's name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`
   * (at most 128), as in Vault. Changing it creates a key under the new name and deletes the old one.
   */
  readonly name: string;
  /** Generate a new seed at apply; it stays in the store. Changing any of its settings replaces the seed. */
  readonly generate?: TotpKeyGenerate;
  /**
   * Import the seed from a source reference, read once at apply and kept in the store: `env:NAME`,
   * `file:PATH`, `aws-sm:ID[#FIELD]`, `vault-kv:MOUNT/PATH#FIELD` or `store:NAME` (never the seed or
   * URL itself: those are refused at synth, unprinted). Changing it replaces the seed.
   */
  readonly importFrom?: string;
  /**
   * Issuer of an imported key; no `:`. For a generated key, give it in `generate`. Changing it updates
   * in place.
   * @default the issuer in the imported otpauth URL, else none
   */
  readonly issuer?: string;
  /**
   * Account of an imported key; no `:`. For a generated key, give it in `generate`. Changing it updates
   * in place.
   * @default the account in the imported otpauth URL, else none
   */
  readonly accountName?: string;
  /**
   * HMAC algorithm: SHA1, SHA256 or SHA512 (case-insensitive, `SHA-256` accepted). Changing it replaces
   * the seed.
   * @default SHA1 (or the imported URL's)
   */
  readonly algorithm?: string;
  /**
   * Code length: 6 or 8. Changing it replaces the seed.
   * @default 6 (or the imported URL's)
   */
  readonly digits?: number;
  /**
   * Seconds per code: a whole number above 0 (10 to 120 is usual). Changing it replaces the seed.
   * @default 30 (or the imported URL's)
   */
  readonly period?: number;
  /**
   * Periods either side accepted when validating: 0 or 1. Changing it updates in place.
   * @default 1
   */
  readonly skew?: number;
  /**
   * Barcode size in pixels, 0 to 4096; 0 means no barcode. Changing it updates in place.
   * @default 200
   */
  readonly qrSize?: number;
  /**
   * Whether apply hands out the barcode of a generated key (to `qrCodeFile`). Changing it updates in
   * place.
   * @default true
   */
  readonly exported?: boolean;
  /**
   * Where apply writes the PNG barcode (mode 0600) when it makes a new seed for a generated, exported
   * key; a relative path is relative to the project (the folder `cdktf synth` runs in). The barcode is never
   * written again for the same seed. Changing it updates nothing in the store.
   * @default no file: the barcode cannot be shown later
   */
  readonly qrCodeFile?: string;
}

/**
 * A TOTP key declared in a store, created at `terraform apply` by the bundled CLI. Settings are checked
 * at synth with the core's schema; the seed never enters the synthesized JSON or Terraform state.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpKey, TotpStore } from 'totp-kit/constructs';
 *
 * class Keys extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const store = TotpStore.file('.totp-kit/store.json');
 *     new TotpKey(this, 'NpmBot', {
 *       store,
 *       name: 'npm-bot',
 *       generate: { issuer: 'npm', accountName: 'release-bot' },
 *       qrCodeFile: 'enroll/npm-bot.png', // written once, at the apply that makes the seed
 *     });
 *     new TotpKey(this, 'GitHub', { store, name: 'github', importFrom: 'env:GITHUB_TOTP_URL' });
 *   }
 * }
 * ```
 */
export class TotpKey extends TotpDeclaredResource<KeyDeclaration> {
  /** The key's name. */
  readonly name: string;
  /** The barcode file (relative to the project unless given absolute), when one was asked for. */
  readonly qrCodeFile?: string;

  constructor(scope: Construct, id: string, props: TotpKeyProps) {
    const { store, ...settings } = props;
    const qrCodeFile = props.qrCodeFile === undefined ? undefined : projectPath(props.qrCodeFile);
    const declaration: KeyDeclaration = {
      kind: 'key',
      ...settings,
      ...(qrCodeFile === undefined ? {} : { qrCodeFile }),
    };
    const issuer = props.generate?.issuer ?? props.issuer;
    const accountName = props.generate?.accountName ?? props.accountName;
    super(scope, id, {
      store,
      declaration,
      name: { setting: 'name', value: props.name, what: 'key name' },
      outputs: { name: props.name, issuer, accountName, qrCodeFile },
      description: `TOTP key "${props.name}" (its seed stays in the store)`,
    });
    this.name = props.name;
    if (qrCodeFile !== undefined) this.qrCodeFile = qrCodeFile;
  }

  /** The problems of the key's declaration, checked at synth. */
  protected declarationProblems(): Problem[] {
    return declarationProblems(this.declaration);
  }
}
