/**
 * The records resources keep in a store, and their checks on the way back in: a store is a file or a
 * secret that people and other tools can edit, so what comes out is checked before it decides a code.
 */
import { TotpKitError } from '../core/errors.js';
import { type Algorithm, checkSettings, type Digits, type Skew } from '../core/settings.js';
import type { SealedSecret } from '../stores/secret-box.js';
import type { StoreRecord } from '../stores/store.js';

/** A TOTP engine key (Vault's `totp/keys/:name`). */
export interface KeyRecord {
  readonly name: string;
  readonly generated: boolean;
  /** For imported keys: the source reference the seed was read from (never the seed). */
  readonly importFrom?: string;
  readonly issuer?: string;
  readonly accountName?: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
  readonly skew: Skew;
  readonly qrSize: number;
  readonly keySize?: number;
  readonly exported: boolean;
  /**
   * `steam` for a Steam Guard key (imported only; SHA1, period 30, digits 6 nominally, 5-character
   * codes). Absent for standard keys, including every record written before Steam keys existed.
   */
  readonly encoder?: 'steam';
  readonly secret: SealedSecret;
  /** Changes whenever the seed does; `destroy` only deletes the generation its `apply` made. */
  readonly generation: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Codes presented recently (normalised) and the Unix second until which each is refused. */
  readonly usedCodes: Readonly<Record<string, number>>;
}

/** An identity MFA TOTP method (Vault's `identity/mfa/method/totp`). */
export interface MethodRecord {
  readonly methodName: string;
  readonly issuer: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
  readonly keySize: number;
  readonly qrSize: number;
  readonly skew: Skew;
  readonly maxValidationAttempts: number;
  readonly generation: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One entity's secret for a method, with its own validation state. */
export interface EnrollmentRecord {
  readonly method: string;
  readonly entityId: string;
  readonly issuer: string;
  /** Pinned when enrolled: a later method change cannot break the entity's authenticator app. */
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
  readonly secret: SealedSecret;
  readonly generation: string;
  readonly createdAt: string;
  /** The last time step a code was accepted for; codes at or before it are refused (RFC 6238 §5.2). */
  readonly lastAcceptedStep?: number;
  /** Attempts in the current window of one period. */
  readonly attempts?: { readonly windowStart: number; readonly count: number };
}

function corrupt(what: string, field: string): TotpKitError {
  return new TotpKitError(
    'backend',
    'E_STORE_CORRUPT',
    `${what} in the store is damaged (field "${field}"); fix or delete it`,
  );
}

function checkCommon(raw: StoreRecord, what: string): void {
  const check = checkSettings({
    algorithm: raw.algorithm,
    digits: raw.digits,
    period: raw.period,
    ...(raw.skew !== undefined ? { skew: raw.skew } : {}),
    ...(raw.qrSize !== undefined ? { qrSize: raw.qrSize } : {}),
    ...(raw.maxValidationAttempts !== undefined ? { maxValidationAttempts: raw.maxValidationAttempts } : {}),
  });
  const first = check.problems[0];
  if (first) throw corrupt(what, first.setting);
  for (const field of ['algorithm', 'digits', 'period'] as const) {
    if (typeof raw[field] !== (field === 'algorithm' ? 'string' : 'number')) throw corrupt(what, field);
  }
  if (typeof raw.generation !== 'string') throw corrupt(what, 'generation');
}

/** Checks a key record read from a store. */
export function asKeyRecord(raw: StoreRecord, name: string): KeyRecord {
  const what = `key "${name}"`;
  checkCommon(raw, what);
  if (raw.name !== name) throw corrupt(what, 'name');
  if (typeof raw.generated !== 'boolean') throw corrupt(what, 'generated');
  if (raw.secret === undefined) throw corrupt(what, 'secret');
  if (typeof raw.usedCodes !== 'object' || raw.usedCodes === null) throw corrupt(what, 'usedCodes');
  // A Steam key's codes are HMAC-SHA1 over 30 s steps: a record saying otherwise was edited.
  if (raw.encoder !== undefined && (raw.encoder !== 'steam' || raw.algorithm !== 'SHA1' || raw.period !== 30)) {
    throw corrupt(what, 'encoder');
  }
  return raw as unknown as KeyRecord;
}

/** Checks a method record read from a store. */
export function asMethodRecord(raw: StoreRecord, name: string): MethodRecord {
  const what = `MFA method "${name}"`;
  checkCommon(raw, what);
  if (raw.methodName !== name) throw corrupt(what, 'methodName');
  if (typeof raw.issuer !== 'string') throw corrupt(what, 'issuer');
  return raw as unknown as MethodRecord;
}

/** Checks an enrollment record read from a store. */
export function asEnrollmentRecord(raw: StoreRecord, method: string, entityId: string): EnrollmentRecord {
  const what = `enrollment of "${entityId}" in MFA method "${method}"`;
  checkCommon(raw, what);
  if (raw.method !== method || raw.entityId !== entityId) throw corrupt(what, 'entityId');
  if (raw.secret === undefined) throw corrupt(what, 'secret');
  return raw as unknown as EnrollmentRecord;
}

/** The id of an enrollment record (`method/entity`); neither part may contain "/". */
export function enrollmentId(method: string, entityId: string): string {
  return `${method}/${entityId}`;
}

/** The record fields as a plain JSON object for the store. */
export function toStoreRecord(record: KeyRecord | MethodRecord | EnrollmentRecord): StoreRecord {
  return record as unknown as StoreRecord;
}
