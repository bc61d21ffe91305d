/**
 * `totp-kit/constructs`: CDKTF constructs declaring TOTP keys, MFA methods and enrollments in a
 * totp-kit store. Each synthesizes a `terraform_data` (or, where asked, a `null_resource`) whose local-exec
 * provisioners run the bundled CLI at `terraform apply`; no seed ever enters the synthesized JSON or
 * Terraform state, and no path of the machine: the same project synthesizes the same JSON in any folder.
 *
 * Besides the constructs, their props and `portableLocalBackend`, it exports types only, so the constructs'
 * signatures and inherited members are documented: `TotpDeclaredResource` (the base the three share; not for
 * apps to extend) with its props, the declarations the constructs carry, and the `Problem` a store reports.
 *
 * @packageDocumentation
 */
export type { Problem } from '../src/core/errors.js';
export type {
  Declaration,
  EnrollmentDeclaration,
  KeyDeclaration,
  MethodDeclaration,
} from '../src/resources/declaration.js';
export type { KeySpec } from '../src/resources/key.js';
export type { MethodSpec } from '../src/resources/method.js';
export type { DeclaredName, DeclaredResourceProps, TotpDeclaredResource } from './declared.js';
export { TotpEnrollment, type TotpEnrollmentProps } from './enrollment.js';
export { TotpKey, type TotpKeyGenerate, type TotpKeyProps } from './key.js';
export { TotpMfaMethod, type TotpMfaMethodProps } from './method.js';
export { portableLocalBackend } from './paths.js';
export {
  type AwsSecretsManagerStoreProps,
  type PostgresStoreProps,
  type TotpResourceType,
  TotpStore,
  type TotpStoreOptions,
} from './store.js';
