/**
 * `totp-kit/constructs`: CDKTF constructs declaring TOTP keys, MFA methods and enrollments in a
 * totp-kit store. Each synthesizes a null_resource whose local-exec provisioners run the bundled CLI at
 * `terraform apply`; no seed ever enters the synthesized JSON or Terraform state.
 */
export { bundledCliPath } from './cli-path.js';
export { type DeclaredName, type DeclaredResourceProps, TotpDeclaredResource } from './declared.js';
export { TotpEnrollment, type TotpEnrollmentProps } from './enrollment.js';
export { TotpKey, type TotpKeyGenerate, type TotpKeyProps } from './key.js';
export { TotpMfaMethod, type TotpMfaMethodProps } from './method.js';
export { type AwsSecretsManagerStoreProps, TotpStore, type TotpStoreOptions } from './store.js';
