/** `TotpMfaMethod`: an MFA method (Vault's identity MFA TOTP), declared in a store. */
import type { Construct } from 'constructs';
import type { Problem } from '../src/core/errors.js';
import { declarationProblems, type MethodDeclaration } from '../src/resources/declaration.js';
import { TotpDeclaredResource } from './declared.js';
import type { TotpStore } from './store.js';

/**
 * Props of `TotpMfaMethod`. Every change updates the method in place: skew and maxValidationAttempts
 * apply to every enrollment at once; algorithm, digits, period, keySize, qrSize and issuer apply to
 * enrollments made afterwards (an enrollment keeps what it was made with, so enrolled authenticator apps
 * keep working). No change replaces an existing enrollment's seed.
 */
export interface TotpMfaMethodProps {
  /** The store the method and its enrollments live in. */
  readonly store: TotpStore;
  /**
   * The method's unique name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter,
   * digit or `_` (at most 128). Changing it creates a method of the new name and deletes the old one:
   * its enrollments declared in this stack move with it; the delete is refused while others remain.
   */
  readonly methodName: string;
  /** Issuer shown by authenticator apps. Required; no `:`. */
  readonly issuer: string;
  /**
   * HMAC algorithm: SHA1, SHA256 or SHA512 (case-insensitive, `SHA-256` accepted). Vault's default;
   * terraform-provider-vault's `vault_identity_mfa_totp` defaults to SHA256.
   * @default SHA1
   */
  readonly algorithm?: string;
  /**
   * Code length: 6 or 8.
   * @default 6
   */
  readonly digits?: number;
  /**
   * Seconds per code: a whole number above 0 (10 to 120 is usual).
   * @default 30
   */
  readonly period?: number;
  /**
   * Seed size in bytes of new enrollments: 16 to 1024.
   * @default 20
   */
  readonly keySize?: number;
  /**
   * Barcode size in pixels of new enrollments, 0 to 4096; 0 means no barcode.
   * @default 200
   */
  readonly qrSize?: number;
  /**
   * Periods either side accepted when validating: 0 or 1.
   * @default 1
   */
  readonly skew?: number;
  /**
   * Failed validations allowed per enrollment within one period before a lockout: 1 to 1000.
   * @default 5
   */
  readonly maxValidationAttempts?: number;
}

/**
 * An MFA method declared in a store, created at `terraform apply` by the bundled CLI. Enroll entities
 * with `TotpEnrollment`. Settings are checked at synth with the core's schema.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpEnrollment, TotpMfaMethod, TotpStore } from 'totp-kit/constructs';
 *
 * class Mfa extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const store = TotpStore.file('.totp-kit/store.json');
 *     const ops = new TotpMfaMethod(this, 'Ops', { store, methodName: 'ops', issuer: 'ACME', maxValidationAttempts: 3 });
 *     new TotpEnrollment(this, 'Alice', { method: ops, entityId: 'alice', qrCodeFile: 'enroll/alice.png' });
 *   }
 * }
 * ```
 */
export class TotpMfaMethod extends TotpDeclaredResource<MethodDeclaration> {
  /** The method's name. */
  readonly methodName: string;
  /** The method's issuer. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: TotpMfaMethodProps) {
    const { store, ...settings } = props;
    const declaration: MethodDeclaration = { kind: 'method', ...settings };
    super(scope, id, {
      store,
      declaration,
      name: { setting: 'methodName', value: props.methodName, what: 'MFA method name' },
      outputs: { methodName: props.methodName, issuer: props.issuer },
      description: `MFA method "${props.methodName}"`,
    });
    this.methodName = props.methodName;
    this.issuer = props.issuer;
  }

  /** The problems of the method's declaration, checked at synth. */
  protected declarationProblems(): Problem[] {
    return declarationProblems(this.declaration);
  }
}
