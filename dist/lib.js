import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  MAX_LEASE_AHEAD_STEPS,
  freshCode
} from "./chunks/chunk-OJ7MYKXF.js";
import {
  ALGORITHMS,
  DEFAULTS,
  DEFAULT_STORE,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  createKey,
  createMethod,
  decodeBase32,
  deleteKey,
  deleteMethod,
  encodeBase32,
  enroll,
  formatOtpauthUrl,
  generateCode,
  generateSeed,
  hotp,
  keyCode,
  listEnrollments,
  listKeys,
  listMethods,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  readEnrollment,
  readKey,
  readMethod,
  resolveKey,
  unenroll,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode
} from "./chunks/chunk-NE6X34RG.js";
import "./chunks/chunk-EE23T2T2.js";
import "./chunks/chunk-HSJDYOVP.js";
import {
  EXIT_CODES,
  TotpKitError
} from "./chunks/chunk-BYLEH6TO.js";
import "./chunks/chunk-NATS7N6G.js";

// src/core/error-codes.ts
var ERROR_CODES = [
  // Settings, names and other input
  "E_BAD_INPUT",
  "E_BAD_SETTINGS",
  "E_BAD_NAME",
  "E_BAD_TIME",
  "E_CODE_REQUIRED",
  "E_NO_SEED",
  "E_TWO_SEEDS",
  "E_SECRET_FILE",
  // Seed text
  "E_SEED_EMPTY",
  "E_SEED_NOT_BASE32",
  "E_SEED_NOT_BASE64",
  "E_SEED_NOT_HEX",
  "E_SEED_TOO_LONG",
  "E_JSON_AMBIGUOUS",
  "E_JSON_DUPLICATE",
  "E_JSON_FIELD",
  "E_JSON_INVALID",
  // otpauth URLs
  "E_URL_DUPLICATE",
  "E_URL_HOTP",
  "E_URL_INVALID",
  "E_URL_LABEL",
  "E_URL_NO_SECRET",
  "E_URL_SETTING",
  "E_URL_TYPE",
  // Sources of seeds
  "E_SOURCE_BACKEND",
  "E_SOURCE_EMPTY",
  "E_SOURCE_NOT_FOUND",
  "E_SOURCE_REF",
  "E_SOURCE_REMOTE",
  "E_SOURCE_SCHEME",
  "E_SOURCE_SEED_AS_NAME",
  "E_VAULT",
  "E_VAULT_CONFIG",
  "E_AWS_SDK",
  "E_CLOCK_SOURCE",
  // Resources in a store
  "E_NOT_FOUND",
  "E_EXISTS",
  "E_METHOD_IN_USE",
  "E_LEASE_BUSY",
  "E_STACK",
  "E_NOT_DEMO_KEY",
  // Stores
  "E_STORE_REF",
  "E_STORE_ADOPT",
  "E_STORE_BACKEND",
  "E_STORE_CONFLICT",
  "E_STORE_CORRUPT",
  "E_STORE_FORMAT",
  "E_STORE_ID",
  "E_STORE_KEY_MISSING",
  "E_STORE_KEY_WEAK",
  "E_STORE_KEY_WRONG",
  "E_STORE_LOCKED",
  "E_STORE_LOST",
  "E_STORE_NOT_ADOPTED",
  "E_STORE_OUTCOME_UNKNOWN",
  "E_STORE_QUOTA",
  "E_STORE_TAMPERED",
  "E_STORE_UNREADABLE",
  "E_STORE_UNSAFE",
  "E_STORE_UNWRITABLE",
  // The action
  "E_NO_CLI",
  // A failure none of the above describes (a bug): the CLI reports it under --json with this code
  "E_UNEXPECTED"
];
export {
  ALGORITHMS,
  DEFAULTS,
  DEFAULT_STORE,
  ERROR_CODES,
  EXIT_CODES,
  MAX_LEASE_AHEAD_STEPS,
  TotpKitError,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  createKey,
  createMethod,
  decodeBase32,
  deleteKey,
  deleteMethod,
  encodeBase32,
  enroll,
  formatOtpauthUrl,
  freshCode,
  generateCode,
  generateSeed,
  hotp,
  keyCode,
  listEnrollments,
  listKeys,
  listMethods,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  readEnrollment,
  readKey,
  readMethod,
  resolveKey,
  unenroll,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode
};
