/**
 * The totp-kit library (`import … from 'totp-kit'`): the core every face uses, for apps that generate
 * or verify codes themselves.
 */
export { decodeBase32, encodeBase32, normalizeBase32 } from './core/base32.js';
export {
  CLOCK_TOLERANCE_SECONDS,
  type ClockReading,
  clockSourceProblem,
  parseTimeOffset,
  readClock,
} from './core/clock.js';
export {
  badInput,
  type ErrorKind,
  EXIT_CODES,
  errorMessage,
  formatProblem,
  type Problem,
  TotpKitError,
} from './core/errors.js';
export type { TotpKey } from './core/key.js';
export { formatOtpauthUrl, isOtpauthUrl, type ParsedOtpauthUrl, parseOtpauthUrl } from './core/otpauth-url.js';
export { qrPng, qrTerminal } from './core/qr.js';
export { generateSeed, shortSeedWarning } from './core/seed.js';
export { parseSeedText, resolveKey, type SeedText } from './core/seed-text.js';
export {
  ALGORITHMS,
  type Algorithm,
  type CodeSettings,
  checkSettings,
  DEFAULTS,
  type Digits,
  type Encoder,
  normalizeAlgorithm,
  normalizeEncoder,
  type Settings,
  type SettingsCheck,
  type SettingsInput,
  type Skew,
  withDefaults,
} from './core/settings.js';
export { decodeSteamSecret, STEAM_ALPHABET, steamCode } from './core/steam.js';
export { expiresAt, nowSeconds, planFreshCode, remainingSeconds } from './core/time.js';
export {
  codeLength,
  counterAt,
  generateCode,
  hotp,
  isWellFormedCode,
  normalizeCode,
  type Verification,
  type VerifyOptions,
  verifyCode,
} from './core/totp.js';
export type { ResourceContext } from './resources/context.js';
export {
  checkDeclaration,
  type Declaration,
  declarationProblems,
  type EnrollmentDeclaration,
  type KeyDeclaration,
  type MethodDeclaration,
} from './resources/declaration.js';
export {
  type Enrolled,
  type EnrollmentInfo,
  type EnrollmentValidation,
  enroll,
  enrollmentRefusal,
  listEnrollments,
  readEnrollment,
  unenroll,
  validateEnrollment,
} from './resources/enrollment.js';
export { type FreshCode, type FreshCodeOptions, freshCode } from './resources/fresh-code.js';
export {
  type CheckedKeySpec,
  type CreatedKey,
  checkedKeySpec,
  createKey,
  deleteKey,
  type KeyInfo,
  type KeySpec,
  type KeyValidation,
  keyCode,
  keySpecProblems,
  listKeys,
  readKey,
  validateKey,
} from './resources/key.js';
export { leaseId, leaseStep, MAX_LEASE_AHEAD_STEPS } from './resources/lease.js';
export {
  type CheckedMethodSpec,
  checkedMethodSpec,
  createMethod,
  deleteMethod,
  listMethods,
  type MethodInfo,
  type MethodSpec,
  methodSpecProblems,
  readMethod,
  updateMethod,
} from './resources/method.js';
export { type Applied, applyDeclaration, destroyDeclaration, type Plan, planDeclaration } from './resources/plan.js';
export { resolveSource, type SeedSource } from './sources/index.js';
export { FileStore } from './stores/file-store.js';
export { SecretBox } from './stores/secret-box.js';
export type { Change, RecordKind, Store, StoreRecord } from './stores/store.js';
export { DEFAULT_STORE, openStore, resolveStoreRef, type StoreRef } from './stores/store-ref.js';
