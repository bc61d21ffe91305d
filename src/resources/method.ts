/**
 * MFA methods (Vault's identity MFA TOTP method): a unique name with the settings its enrollments are
 * made with. Changing skew or maxValidationAttempts applies to every enrollment at once; algorithm,
 * digits, period, keySize and issuer apply to enrollments made afterwards (each enrollment keeps what it
 * was made with, so enrolled authenticator apps keep working).
 */
import { badSettings, type Problem, TotpKitError } from '../core/errors.js';
import { nameProblem } from '../core/names.js';
import { checkSettings, DEFAULTS } from '../core/settings.js';
import { asMethodRecord, type MethodRecord, toStoreRecord } from '../stores/records.js';
import { alreadyExists, contextNow, isoTime, newGeneration, notFound, type ResourceContext } from './context.js';

/** The settings of a method besides its name, in the order they are listed. */
export const METHOD_SETTINGS = [
  'issuer',
  'algorithm',
  'digits',
  'period',
  'keySize',
  'qrSize',
  'skew',
  'maxValidationAttempts',
] as const;

/** An MFA method as asked for (values not yet checked; see `checkedMethodSpec`). */
export interface MethodSpec {
  /** The method's unique name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
  readonly methodName: unknown;
  /** The issuer authenticator apps show: text without `:`. */
  readonly issuer: unknown;
  /**
   * SHA1, SHA256 or SHA512, for new enrollments.
   * @defaultValue SHA1
   */
  readonly algorithm?: unknown;
  /**
   * 6 or 8, for new enrollments.
   * @defaultValue 6
   */
  readonly digits?: unknown;
  /**
   * Seconds per code, for new enrollments.
   * @defaultValue 30
   */
  readonly period?: unknown;
  /**
   * Seed size in bytes of new enrollments, 16 to 1024.
   * @defaultValue 20
   */
  readonly keySize?: unknown;
  /**
   * Barcode size in pixels of new enrollments, 0 (none) to 4096.
   * @defaultValue 200
   */
  readonly qrSize?: unknown;
  /**
   * Steps accepted either side of the current one, for every enrollment: 0 or 1.
   * @defaultValue 1
   */
  readonly skew?: unknown;
  /**
   * Failed validations allowed per enrollment within one period before a lockout: 1 to 1000.
   * @defaultValue 5
   */
  readonly maxValidationAttempts?: unknown;
}

/** A method spec that `checkedMethodSpec` checked, defaults filled in: what `createMethod` and `updateMethod` take. */
export type ValidMethodSpec = Omit<MethodRecord, 'generation' | 'createdAt' | 'updatedAt'>;

/** What `readMethod` returns: the method and its number of enrollments. */
export type MethodInfo = MethodRecord & { readonly enrollments: number };

/** Every problem of a method spec. */
export function methodSpecProblems(spec: MethodSpec): Problem[] {
  return checkMethodSpec(spec).problems;
}

function checkMethodSpec(spec: MethodSpec): { checked?: ValidMethodSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const nameIssue = nameProblem('methodName', spec.methodName);
  if (nameIssue) problems.push(nameIssue);
  const check = checkSettings(
    {
      algorithm: spec.algorithm,
      digits: spec.digits,
      period: spec.period,
      keySize: spec.keySize,
      qrSize: spec.qrSize,
      skew: spec.skew,
      maxValidationAttempts: spec.maxValidationAttempts,
      issuer: spec.issuer,
    },
    { generated: true },
  );
  // A method has no account: each enrollment's account is its entity id.
  problems.push(...check.problems.filter((p) => p.setting !== 'accountName'));
  if (problems.length > 0) return { problems };
  const { issuer, accountName: _none, ...settings } = check.settings;
  return {
    problems,
    checked: {
      methodName: spec.methodName as string,
      issuer: issuer as string,
      algorithm: settings.algorithm ?? DEFAULTS.algorithm,
      digits: settings.digits ?? DEFAULTS.digits,
      period: settings.period ?? DEFAULTS.period,
      keySize: settings.keySize ?? DEFAULTS.keySize,
      qrSize: settings.qrSize ?? DEFAULTS.qrSize,
      skew: settings.skew ?? DEFAULTS.skew,
      maxValidationAttempts: settings.maxValidationAttempts ?? DEFAULTS.maxValidationAttempts,
    },
  };
}

/**
 * Checks a method spec, for `createMethod` and `updateMethod`.
 *
 * @param spec - the method as asked for
 * @param label - maps a setting's name to what the caller calls it, in messages; default: the name
 * @returns the checked spec, defaults filled in
 * @throws `TotpKitError` (bad-input) E_BAD_SETTINGS listing every problem.
 *
 * @example
 * ```ts
 * import { checkedMethodSpec } from 'totp-kit';
 *
 * checkedMethodSpec({ methodName: 'ops', issuer: 'ACME' }).maxValidationAttempts; // 5
 * ```
 */
export function checkedMethodSpec(spec: MethodSpec, label?: (setting: string) => string): ValidMethodSpec {
  const { checked, problems } = checkMethodSpec(spec);
  if (!checked) throw badSettings(problems, label);
  return checked;
}

/** The record of a method, or undefined. */
export async function findMethod(ctx: ResourceContext, name: string): Promise<MethodRecord | undefined> {
  const raw = await ctx.store.get('method', name);
  return raw ? asMethodRecord(raw, name) : undefined;
}

/** Ids (`method/entity`) of a method's enrollments. */
export async function enrollmentIdsOf(ctx: ResourceContext, methodName: string): Promise<string[]> {
  return (await ctx.store.list('enrollment')).filter((id) => id.startsWith(`${methodName}/`));
}

/**
 * Creates an MFA method: the settings its enrollments are made with.
 *
 * @param spec - the method, checked by `checkedMethodSpec`
 * @param generation - the method's generation; default: a new random one
 * @returns the method as stored
 * @throws `TotpKitError` (bad-input) E_EXISTS when a method of that name exists (names are unique).
 *
 * @example
 * ```ts
 * import { checkedMethodSpec, createMethod, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await createMethod(ctx, checkedMethodSpec({ methodName: 'ops', issuer: 'ACME' }));
 * ```
 */
export async function createMethod(
  ctx: ResourceContext,
  spec: ValidMethodSpec,
  generation = newGeneration(),
): Promise<MethodRecord> {
  const now = isoTime(contextNow(ctx));
  const record: MethodRecord = { ...spec, generation, createdAt: now, updatedAt: now };
  await ctx.store.update('method', spec.methodName, (current) => {
    if (current)
      throw alreadyExists(`MFA method "${spec.methodName}"`, 'method names are unique: update it, or delete it first');
    return { result: undefined, next: toStoreRecord(record) };
  });
  return record;
}

/**
 * Replaces a method's settings (its name and generation stay). Skew and maxValidationAttempts apply to every
 * enrollment at once; the other settings to enrollments made afterwards.
 *
 * @param spec - the method, checked by `checkedMethodSpec`
 * @param generation - a new generation for the method; default: its current one
 * @returns the method as stored
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method.
 *
 * @example
 * ```ts
 * import { checkedMethodSpec, openStore, updateMethod } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await updateMethod(ctx, checkedMethodSpec({ methodName: 'ops', issuer: 'ACME', skew: 0 }));
 * ```
 */
export async function updateMethod(
  ctx: ResourceContext,
  spec: ValidMethodSpec,
  generation?: string,
): Promise<MethodRecord> {
  return ctx.store.update<MethodRecord>('method', spec.methodName, (current) => {
    if (!current) throw notFound(`MFA method "${spec.methodName}"`);
    const old = asMethodRecord(current, spec.methodName);
    const record: MethodRecord = {
      ...old,
      ...spec,
      generation: generation ?? old.generation,
      updatedAt: isoTime(contextNow(ctx)),
    };
    return { result: record, next: toStoreRecord(record) };
  });
}

/**
 * Reads a method, with its number of enrollments.
 *
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method.
 *
 * @example
 * ```ts
 * import { openStore, readMethod } from 'totp-kit';
 *
 * const method = await readMethod({ store: await openStore('file:./.totp-kit/store.json') }, 'ops');
 * method.enrollments; // 2
 * ```
 */
export async function readMethod(ctx: ResourceContext, name: string): Promise<MethodInfo> {
  const record = await findMethod(ctx, name);
  if (!record) throw notFound(`MFA method "${name}"`);
  return { ...record, enrollments: (await enrollmentIdsOf(ctx, name)).length };
}

/**
 * The names of every MFA method in the store, sorted.
 *
 * @example
 * ```ts
 * import { listMethods, openStore } from 'totp-kit';
 *
 * await listMethods({ store: await openStore('file:./.totp-kit/store.json') }); // ['ops']
 * ```
 */
export async function listMethods(ctx: ResourceContext): Promise<string[]> {
  return ctx.store.list('method');
}

/**
 * Deletes a method; deleting one that does not exist succeeds. Refused while it has enrollments, unless
 * `force` (which deletes them first). With `generation`, only that generation is deleted.
 *
 * @returns whether the method was deleted, and how many enrollments with it
 * @throws `TotpKitError` (bad-input) E_METHOD_IN_USE when it has enrollments and `force` is not set.
 *
 * @example
 * ```ts
 * import { deleteMethod, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await deleteMethod(ctx, 'ops', { force: true }); // { deleted: true, enrollmentsDeleted: 2 }
 * ```
 */
export async function deleteMethod(
  ctx: ResourceContext,
  name: string,
  options: { readonly force?: boolean; readonly generation?: string } = {},
): Promise<{ deleted: boolean; enrollmentsDeleted: number }> {
  const current = await findMethod(ctx, name);
  if (!current || (options.generation !== undefined && current.generation !== options.generation)) {
    return { deleted: false, enrollmentsDeleted: 0 };
  }
  const enrollments = await enrollmentIdsOf(ctx, name);
  if (enrollments.length > 0 && !options.force) {
    throw new TotpKitError(
      'bad-input',
      'E_METHOD_IN_USE',
      `MFA method "${name}" has ${enrollments.length} enrollment${enrollments.length === 1 ? '' : 's'}; unenroll ${enrollments.length === 1 ? 'it' : 'them'} first, or delete with --force`,
    );
  }
  for (const id of enrollments)
    await ctx.store.update('enrollment', id, (e) => ({ result: undefined, next: e ? null : undefined }));
  const deleted = await ctx.store.update<boolean>('method', name, (record) => {
    if (!record || (options.generation !== undefined && record.generation !== options.generation))
      return { result: false };
    return { result: true, next: null };
  });
  return { deleted, enrollmentsDeleted: enrollments.length };
}
