/**
 * Enrollments: one entity's secret for an MFA method, and its validation (stricter than Vault, which
 * keys replays per method and keeps them in one node's memory): per (method, entity), in the store,
 * a code whose time step is at or before the last accepted one is refused (RFC 6238 §5.2), and
 * attempts are limited to maxValidationAttempts in a fixed window of one period from the first,
 * reset by a success. During a lockout even a correct code is refused, and the refusal says when to
 * try again.
 */
import { badInput, type Problem } from '../core/errors.js';
import type { KeyMaterial } from '../core/key.js';
import { entityProblem, nameProblem } from '../core/names.js';
import { formatOtpauthUrl } from '../core/otpauth-url.js';
import { qrPng } from '../core/qr.js';
import { generateSeed } from '../core/seed.js';
import { isWellFormedCode, normalizeCode, verifyCode } from '../core/totp.js';
import {
  asEnrollmentRecord,
  type EnrollmentInfo,
  type EnrollmentRecord,
  enrollmentId,
  type MethodRecord,
  toStoreRecord,
} from '../stores/records.js';
import { contextNow, isoTime, newGeneration, notFound, type ResourceContext } from './context.js';
import { findMethod } from './method.js';
import { refusalMessage } from './verdicts.js';

/** What `enroll` returns: the URL and barcode once, for a new enrollment; a warning for an existing one. */
export interface Enrolled {
  /** True for a new enrollment; false when the entity was enrolled already (its secret kept). */
  readonly created: boolean;
  /** The enrollment, without its seed. */
  readonly enrollment: EnrollmentInfo;
  /** The otpauth URL of a new enrollment. It holds the seed: show it once, never log it. */
  readonly url?: string;
  /** The URL as a PNG QR code, the method's qrSize square (none when qrSize is 0). */
  readonly barcode?: Uint8Array;
  /** Why no URL was handed out for an existing enrollment. */
  readonly warning?: string;
}

/** The outcome of `validateEnrollment`. */
export interface EnrollmentValidation {
  /** True when the code is accepted. */
  readonly valid: boolean;
  /**
   * Why not: the code is not `digits` digits (not counted as an attempt), it is of a time step at or
   * before the last accepted one (not counted), the entity is locked out, or the code is wrong.
   */
  readonly reason?: 'malformed' | 'used' | 'locked' | 'invalid';
  /** Seconds until a locked-out entity may try again. */
  readonly retryIn?: number;
  /** Attempts left in the current window after this one. */
  readonly attemptsLeft?: number;
}

/** Every problem of an enrollment's identity (method name and entity id). */
export function enrollmentProblems(method: unknown, entityId: unknown): Problem[] {
  return [nameProblem('method', method), entityProblem('entityId', entityId)].filter(
    (p): p is Problem => p !== undefined,
  );
}

function checkIdentity(method: string, entityId: string): void {
  const first = enrollmentProblems(method, entityId)[0];
  if (first) throw badInput(first.setting, first.problem, first.allowed, 'E_BAD_NAME');
}

function info(record: EnrollmentRecord): EnrollmentInfo {
  const { secret: _s, lastAcceptedStep: _l, attempts: _a, ...rest } = record;
  return rest;
}

async function requireMethod(ctx: ResourceContext, name: string): Promise<MethodRecord> {
  const method = await findMethod(ctx, name);
  if (!method) throw notFound(`MFA method "${name}"`);
  return method;
}

/** The record of an enrollment, or undefined. */
export async function findEnrollment(
  ctx: ResourceContext,
  method: string,
  entityId: string,
): Promise<EnrollmentRecord | undefined> {
  checkIdentity(method, entityId);
  const raw = await ctx.store.get('enrollment', enrollmentId(method, entityId));
  return raw ? asEnrollmentRecord(raw, method, entityId) : undefined;
}

/**
 * Enrolls an entity in an MFA method: a new seed (the method's keySize) whose account is the entity id and
 * issuer the method's; returns the URL and barcode, the only time they are handed out. An entity already
 * enrolled keeps its secret and the call warns, like Vault (unenroll it first to replace it).
 *
 * @param methodName - the method's name
 * @param entityId - the entity (user) id: letters, digits and `_ . @ + -`, at most 128
 * @param generation - the enrollment's generation; default: a new random one
 * @returns the enrollment, and for a new one its URL and barcode
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method, E_BAD_NAME for a bad name or id.
 *
 * @example
 * ```ts
 * import { enroll, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * const { created, url, barcode } = await enroll(ctx, 'ops', 'alice');
 * ```
 */
export async function enroll(
  ctx: ResourceContext,
  methodName: string,
  entityId: string,
  generation = newGeneration(),
): Promise<Enrolled> {
  checkIdentity(methodName, entityId);
  const method = await requireMethod(ctx, methodName);
  const id = enrollmentId(methodName, entityId);
  const secret = generateSeed(method.keySize);
  const record: EnrollmentRecord = {
    method: methodName,
    entityId,
    issuer: method.issuer,
    algorithm: method.algorithm,
    digits: method.digits,
    period: method.period,
    secret: ctx.store.secrets.seal(secret, `enrollment/${id}`),
    generation,
    createdAt: isoTime(contextNow(ctx)),
  };
  const existing = await ctx.store.update<EnrollmentRecord | undefined>('enrollment', id, (current) =>
    current
      ? { result: asEnrollmentRecord(current, methodName, entityId) }
      : { result: undefined, next: toStoreRecord(record) },
  );
  if (existing) {
    return {
      created: false,
      enrollment: info(existing),
      warning: `entity "${entityId}" already has a secret for MFA method "${methodName}"; it was kept (unenroll it first to replace it)`,
    };
  }
  const key: KeyMaterial = {
    secret,
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    issuer: method.issuer,
    accountName: entityId,
  };
  const url = formatOtpauthUrl(key);
  const barcode = await qrPng(url, method.qrSize);
  return { created: true, enrollment: info(record), url, ...(barcode ? { barcode } : {}) };
}

/**
 * Reads an enrollment without its seed.
 *
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when the entity is not enrolled.
 *
 * @example
 * ```ts
 * import { openStore, readEnrollment } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * (await readEnrollment(ctx, 'ops', 'alice')).createdAt; // '2026-11-23T18:43:24.000Z'
 * ```
 */
export async function readEnrollment(ctx: ResourceContext, method: string, entityId: string): Promise<EnrollmentInfo> {
  const record = await findEnrollment(ctx, method, entityId);
  if (!record) throw notFound(`enrollment of "${entityId}" in MFA method "${method}"`);
  return info(record);
}

/**
 * The ids of the entities enrolled in a method, sorted.
 *
 * @example
 * ```ts
 * import { listEnrollments, openStore } from 'totp-kit';
 *
 * await listEnrollments({ store: await openStore('file:./.totp-kit/store.json') }, 'ops'); // ['alice', 'bob']
 * ```
 */
export async function listEnrollments(ctx: ResourceContext, method: string): Promise<string[]> {
  return (await ctx.store.list('enrollment'))
    .filter((id) => id.startsWith(`${method}/`))
    .map((id) => id.slice(method.length + 1));
}

/**
 * Removes an entity's secret; a no-op when there is none. With `generation`, only that generation is removed.
 *
 * @returns whether an enrollment was removed
 *
 * @example
 * ```ts
 * import { openStore, unenroll } from 'totp-kit';
 *
 * await unenroll({ store: await openStore('file:./.totp-kit/store.json') }, 'ops', 'alice'); // { deleted: true }
 * ```
 */
export async function unenroll(
  ctx: ResourceContext,
  method: string,
  entityId: string,
  generation?: string,
): Promise<{ deleted: boolean }> {
  checkIdentity(method, entityId);
  return ctx.store.update<{ deleted: boolean }>('enrollment', enrollmentId(method, entityId), (current) => {
    if (!current || (generation !== undefined && current.generation !== generation))
      return { result: { deleted: false } };
    return { result: { deleted: true }, next: null };
  });
}

/**
 * Validates an entity's code. A code of a time step at or before the last one accepted is refused (RFC 6238
 * section 5.2), and failed attempts are limited to the method's maxValidationAttempts per period. One atomic
 * store update reads the state, decides and records the outcome, so concurrent validations of one code accept
 * it at most once.
 *
 * @param input - the code as given (spaces are ignored)
 * @param at - the Unix time in seconds; default: the context's clock
 * @returns whether the code is accepted and, if not, why
 * @throws `TotpKitError` (bad-input) E_CODE_REQUIRED for an empty code, E_NOT_FOUND when the method or the
 *   enrollment does not exist.
 *
 * @example
 * ```ts
 * import { openStore, validateEnrollment } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * const outcome = await validateEnrollment(ctx, 'ops', 'alice', '492039');
 * if (!outcome.valid && outcome.reason === 'locked') console.log(`try again in ${outcome.retryIn} s`);
 * ```
 */
export async function validateEnrollment(
  ctx: ResourceContext,
  methodName: string,
  entityId: string,
  input: string,
  at?: number,
): Promise<EnrollmentValidation> {
  checkIdentity(methodName, entityId);
  const code = normalizeCode(input) ?? '';
  if (code === '') throw badInput('code', 'is empty', 'the code to check', 'E_CODE_REQUIRED');
  const method = await requireMethod(ctx, methodName);
  const id = enrollmentId(methodName, entityId);
  return ctx.store.update<EnrollmentValidation>('enrollment', id, (current) => {
    if (!current) throw notFound(`enrollment of "${entityId}" in MFA method "${methodName}"`);
    const record = asEnrollmentRecord(current, methodName, entityId);
    const now = at ?? contextNow(ctx);
    // A code of the wrong shape is not an attempt (Vault does the same): nothing is recorded.
    if (!isWellFormedCode(record, code)) return { result: { valid: false, reason: 'malformed' } };

    const window = record.attempts && now < record.attempts.windowStart + record.period ? record.attempts : undefined;
    if (window && window.count >= method.maxValidationAttempts) {
      const retryIn = Math.max(1, Math.ceil(window.windowStart + record.period - now));
      return { result: { valid: false, reason: 'locked', retryIn, attemptsLeft: 0 } };
    }
    const key: KeyMaterial = {
      secret: ctx.store.secrets.open(
        record.secret,
        `enrollment/${id}`,
        `enrollment of "${entityId}" in MFA method "${methodName}"`,
      ),
      algorithm: record.algorithm,
      digits: record.digits,
      period: record.period,
    };
    const outcome = verifyCode(key, code, { at: now, skew: method.skew });
    if (
      outcome.valid &&
      record.lastAcceptedStep !== undefined &&
      (outcome.counter as number) <= record.lastAcceptedStep
    ) {
      return { result: { valid: false, reason: 'used' } };
    }
    const attempts = { windowStart: window?.windowStart ?? Math.floor(now), count: (window?.count ?? 0) + 1 };
    if (outcome.valid) {
      const { attempts: _reset, ...rest } = record;
      return { result: { valid: true }, next: toStoreRecord({ ...rest, lastAcceptedStep: outcome.counter as number }) };
    }
    return {
      result: { valid: false, reason: 'invalid', attemptsLeft: method.maxValidationAttempts - attempts.count },
      next: toStoreRecord({ ...record, attempts }),
    };
  });
}

/** An enrollment's refusal as a person reads it: attempts are limited, so it says whether this one counted. */
export function enrollmentRefusal(v: EnrollmentValidation, digits: number): string {
  return refusalMessage(v, digits, 'limited');
}
