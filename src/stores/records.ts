/**
 * The records resources keep in a store, and their checks on the way back in: a store is a file or a
 * secret that people and other tools can edit, so what comes out is checked before it decides a code.
 */
import { TotpKitError } from '../core/errors.js';
import type { KeyMaterial } from '../core/key.js';
import { type Algorithm, checkSettings, type Digits, type Skew } from '../core/settings.js';
import { steamMisfits } from '../core/steam.js';
import type { StoreRecord, StoreSecrets } from './store.js';

/** A seed as a record holds it: what the store's `secrets.seal` made of it. */
type SealedSeed = ReturnType<StoreSecrets['seal']>;

/** A key of a store as `readKey` returns it: everything but its seed and replay state. */
export interface KeyInfo {
  /** The key's name. */
  readonly name: string;
  /** True for a key whose seed totp-kit generated; false for an imported one. */
  readonly generated: boolean;
  /** For an imported key: the source reference the seed was read from (never the seed). */
  readonly importFrom?: string;
  /** The issuer authenticator apps show. */
  readonly issuer?: string;
  /** The account authenticator apps show. */
  readonly accountName?: string;
  /** The HMAC algorithm. */
  readonly algorithm: Algorithm;
  /** The code length (a Steam key's codes are 5 characters whatever this says). */
  readonly digits: Digits;
  /** Seconds per code. */
  readonly period: number;
  /** Steps accepted either side of the current one by `validateKey`. */
  readonly skew: Skew;
  /** Barcode size in pixels; 0 for none. */
  readonly qrSize: number;
  /** For a generated key: its seed's size in bytes. */
  readonly keySize?: number;
  /** Whether creating the key handed out its URL and barcode. */
  readonly exported: boolean;
  /**
   * `steam` for a Steam Guard key (imported only; SHA1, period 30, digits 6 nominally, 5-character
   * codes). Absent for standard keys, including every record written before Steam keys existed.
   */
  readonly encoder?: 'steam';
  /** Changes whenever the seed does; a delete given a generation deletes only that one. */
  readonly generation: string;
  /** When the key was created (ISO 8601). */
  readonly createdAt: string;
  /** When the key was last changed (ISO 8601). */
  readonly updatedAt: string;
}

/** A TOTP engine key (Vault's `totp/keys/:name`), as the store holds it. */
export interface KeyRecord extends KeyInfo {
  readonly secret: SealedSeed;
  /** Codes presented recently (normalised) and the Unix second until which each is refused. */
  readonly usedCodes: Readonly<Record<string, number>>;
}

/** An MFA method of a store (Vault's identity MFA TOTP method): the settings its enrollments are made with. */
export interface MethodRecord {
  /** The method's unique name. */
  readonly methodName: string;
  /** The issuer authenticator apps show for its enrollments. */
  readonly issuer: string;
  /** The HMAC algorithm of new enrollments. */
  readonly algorithm: Algorithm;
  /** The code length of new enrollments. */
  readonly digits: Digits;
  /** Seconds per code of new enrollments. */
  readonly period: number;
  /** Seed size in bytes of new enrollments. */
  readonly keySize: number;
  /** Barcode size in pixels of new enrollments; 0 for none. */
  readonly qrSize: number;
  /** Steps accepted either side of the current one, for every enrollment. */
  readonly skew: Skew;
  /** Failed validations allowed per enrollment within one period before a lockout. */
  readonly maxValidationAttempts: number;
  /** Changes when the method is replaced; a delete given a generation deletes only that one. */
  readonly generation: string;
  /** When the method was created (ISO 8601). */
  readonly createdAt: string;
  /** When the method was last changed (ISO 8601). */
  readonly updatedAt: string;
}

/** An enrollment of a store as `readEnrollment` returns it: everything but its seed and validation state. */
export interface EnrollmentInfo {
  /** The MFA method's name. */
  readonly method: string;
  /** The entity's id: the account authenticator apps show. */
  readonly entityId: string;
  /** The issuer authenticator apps show (the method's, when enrolled). */
  readonly issuer: string;
  /** Pinned when enrolled: a later method change cannot break the entity's authenticator app. */
  readonly algorithm: Algorithm;
  /** The code length, pinned when enrolled. */
  readonly digits: Digits;
  /** Seconds per code, pinned when enrolled. */
  readonly period: number;
  /** Changes whenever the seed does; an unenroll given a generation deletes only that one. */
  readonly generation: string;
  /** When the entity was enrolled (ISO 8601). */
  readonly createdAt: string;
}

/** One entity's secret for a method, with its own validation state, as the store holds it. */
export interface EnrollmentRecord extends EnrollmentInfo {
  readonly secret: SealedSeed;
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
  if (
    raw.encoder !== undefined &&
    (raw.encoder !== 'steam' ||
      steamMisfits({ algorithm: raw.algorithm as Algorithm, period: raw.period as number }).length > 0)
  ) {
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

/** A key record's seed and code settings, the seed opened with the store's secrets (for codes; never printed). */
export function openKeyRecord(secrets: StoreSecrets, record: KeyRecord): KeyMaterial {
  return {
    secret: secrets.open(record.secret, `key/${record.name}`, `key "${record.name}"`),
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    ...(record.issuer !== undefined ? { issuer: record.issuer } : {}),
    ...(record.accountName !== undefined ? { accountName: record.accountName } : {}),
    ...(record.encoder !== undefined ? { encoder: record.encoder } : {}),
  };
}
