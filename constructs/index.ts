/**
 * `totp-kit/constructs`: CDKTF constructs declaring TOTP keys, MFA methods and enrollments in a
 * totp-kit store. Each synthesizes a `terraform_data` (or, where asked, a `null_resource`) whose local-exec
 * provisioners run the bundled CLI at `terraform apply`; no seed ever enters the synthesized JSON or
 * Terraform state, and no path of the machine: the same project synthesizes the same JSON in any folder.
 */
export { bundledCliPath } from './cli-path.js';
export {
  type DeclaredName,
  type DeclaredResourceProps,
  PROVISIONER_LAUNCHER,
  TERRAFORM_DATA_MIN_VERSION,
  TotpDeclaredResource,
} from './declared.js';
export { TotpEnrollment, type TotpEnrollmentProps } from './enrollment.js';
export { TotpKey, type TotpKeyGenerate, type TotpKeyProps } from './key.js';
export { TotpMfaMethod, type TotpMfaMethodProps } from './method.js';
export { portableLocalBackend } from './paths.js';
export {
  type AwsSecretsManagerStoreProps,
  type TotpResourceType,
  TotpStore,
  type TotpStoreOptions,
} from './store.js';
