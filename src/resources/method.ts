/**
 * MFA methods (Vault's identity MFA TOTP method): a unique name with the settings its enrollments are
 * made with. Changing skew or maxValidationAttempts applies to every enrollment at once; algorithm,
 * digits, period, keySize and issuer apply to enrollments made afterwards (each enrollment keeps what it
 * was made with, so enrolled authenticator apps keep working).
 */
import { badSettings, type Problem, TotpKitError } from '../core/errors.js';
import { checkSettings, DEFAULTS } from '../core/settings.js';
import { alreadyExists, isoTime, newGeneration, notFound, type ResourceContext } from './context.js';
import { nameProblem } from './names.js';
import { asMethodRecord, type MethodRecord, toStoreRecord } from './records.js';

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

/** A method as declared (values not yet checked). */
export interface MethodSpec {
  readonly methodName: unknown;
  readonly issuer: unknown;
  readonly algorithm?: unknown;
  readonly digits?: unknown;
  readonly period?: unknown;
  readonly keySize?: unknown;
  readonly qrSize?: unknown;
  readonly skew?: unknown;
  readonly maxValidationAttempts?: unknown;
}

/** The settings of a checked method spec, defaults filled in. */
export type CheckedMethodSpec = Omit<MethodRecord, 'generation' | 'createdAt' | 'updatedAt'>;

/** What `readMethod` returns. */
export type MethodInfo = MethodRecord & { readonly enrollments: number };

/** Every problem of a method spec. */
export function methodSpecProblems(spec: MethodSpec): Problem[] {
  return checkMethodSpec(spec).problems;
}

function checkMethodSpec(spec: MethodSpec): { checked?: CheckedMethodSpec; problems: Problem[] } {
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
 * Checks a method spec.
 * @throws TotpKitError (bad-input) listing every problem.
 */
export function checkedMethodSpec(spec: MethodSpec, label?: (setting: string) => string): CheckedMethodSpec {
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

/** Creates a method; a method of that name already existing is refused (names are unique). */
export async function createMethod(
  ctx: ResourceContext,
  spec: CheckedMethodSpec,
  generation = newGeneration(),
): Promise<MethodRecord> {
  const now = isoTime(ctx.now());
  const record: MethodRecord = { ...spec, generation, createdAt: now, updatedAt: now };
  await ctx.store.update('method', spec.methodName, (current) => {
    if (current)
      throw alreadyExists(`MFA method "${spec.methodName}"`, 'method names are unique: update it, or delete it first');
    return { result: undefined, next: toStoreRecord(record) };
  });
  return record;
}

/** Replaces a method's settings (its name and generation stay). */
export async function updateMethod(
  ctx: ResourceContext,
  spec: CheckedMethodSpec,
  generation?: string,
): Promise<MethodRecord> {
  return ctx.store.update<MethodRecord>('method', spec.methodName, (current) => {
    if (!current) throw notFound(`MFA method "${spec.methodName}"`);
    const old = asMethodRecord(current, spec.methodName);
    const record: MethodRecord = {
      ...old,
      ...spec,
      generation: generation ?? old.generation,
      updatedAt: isoTime(ctx.now()),
    };
    return { result: record, next: toStoreRecord(record) };
  });
}

/** Reads a method with its number of enrollments. */
export async function readMethod(ctx: ResourceContext, name: string): Promise<MethodInfo> {
  const record = await findMethod(ctx, name);
  if (!record) throw notFound(`MFA method "${name}"`);
  return { ...record, enrollments: (await enrollmentIdsOf(ctx, name)).length };
}

/** Names of every method. */
export async function listMethods(ctx: ResourceContext): Promise<string[]> {
  return ctx.store.list('method');
}

/**
 * Deletes a method; deleting one that does not exist succeeds. Refused while it has enrollments, unless
 * `force` (which deletes them first). With `generation`, only that generation is deleted.
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
