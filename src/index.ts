/**
 * The totp-kit library (`import … from 'totp-kit'`): codes and their verification, seeds and otpauth URLs, and
 * keys, MFA methods and enrollments kept in a store. Only what an app needs is exported here; the CLI, the
 * action and the constructs import the modules they use directly. Importing this module loads no store:
 * `openStore` loads the one a reference names.
 *
 * @packageDocumentation
 */

// Seeds and otpauth URLs
export { decodeBase32, encodeBase32 } from './core/base32.js';
// Errors
export { ERROR_CODES, type ErrorCode } from './core/error-codes.js';
export { type ErrorKind, EXIT_CODES, type Problem, TotpKitError } from './core/errors.js';
export type { KeyMaterial, TotpKey } from './core/key.js';
export { formatOtpauthUrl, type ParsedOtpauthUrl, parseOtpauthUrl } from './core/otpauth-url.js';
export { generateSeed } from './core/seed.js';
export { parseSeedText, resolveKey, type SeedText, type SeedTextOptions } from './core/seed-text.js';
// Settings
export {
  ALGORITHMS,
  type Algorithm,
  type CodeSettings,
  checkSettings,
  DEFAULTS,
  type Digits,
  type Encoder,
  type Settings,
  type SettingsCheck,
  type SettingsInput,
  type Skew,
} from './core/settings.js';
// Codes
export { generateCode, hotp, type Verification, type VerifyOptions, verifyCode } from './core/totp.js';

// Keys, MFA methods and enrollments in a store
export type { ResourceContext } from './resources/context.js';
export {
  type Enrolled,
  type EnrollmentValidation,
  enroll,
  listEnrollments,
  readEnrollment,
  unenroll,
  validateEnrollment,
} from './resources/enrollment.js';
// Fresh codes and leases
export { type FreshCodeOptions, type FreshCodeResult, freshCode } from './resources/fresh-code.js';
export {
  type CreatedKey,
  checkedKeySpec,
  createKey,
  deleteKey,
  type KeySpec,
  type KeyValidation,
  keyCode,
  listKeys,
  readKey,
  type ValidKeySpec,
  validateKey,
} from './resources/key.js';
export { MAX_LEASE_AHEAD_STEPS } from './resources/lease.js';
export {
  checkedMethodSpec,
  createMethod,
  deleteMethod,
  listMethods,
  type MethodInfo,
  type MethodSpec,
  readMethod,
  updateMethod,
  type ValidMethodSpec,
} from './resources/method.js';
export type { ResolvedKey } from './sources/load-key.js';
export type { RemoteCodeSource } from './sources/source.js';
export type { EnrollmentInfo, KeyInfo, MethodRecord } from './stores/records.js';
// Stores
export type { Change, RecordKind, Store, StoreRecord, StoreSecrets } from './stores/store.js';
export { DEFAULT_STORE, openStore, type PostgresRef, type StoreRef } from './stores/store-ref.js';
