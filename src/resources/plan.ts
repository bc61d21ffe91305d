/**
 * plan / apply / destroy of declarations: what the constructs' provisioners run. A plan says what an
 * apply would do — nothing, update in place, or replace (a new seed) with the reason — and apply does
 * exactly that. Every resource carries a generation: apply records the one it is given (the
 * provisioner passes its resource's id), and destroy with a generation deletes only that one, so a
 * create-before-destroy replacement never deletes what the new apply made.
 */

import type { KeyRecord } from '../stores/records.js';
import { newGeneration, type ResourceContext } from './context.js';
import { checkDeclaration, checkIdentity, type Declaration, describeDeclaration } from './declaration.js';
import { enroll, findEnrollment, unenroll } from './enrollment.js';
import { checkedKeySpec, createKey, deleteKey, findKey, updateKeyInPlace, type ValidKeySpec } from './key.js';
import { checkedMethodSpec, createMethod, deleteMethod, findMethod, METHOD_SETTINGS, updateMethod } from './method.js';
import { writeSecretFile } from './secret-file.js';

/** One setting an apply would change. */
export interface SettingChange {
  readonly setting: string;
  readonly from: unknown;
  readonly to: unknown;
  /** True when the change needs a new seed. */
  readonly forcesReplacement: boolean;
}

/** What an apply would do. */
export interface Plan {
  readonly resource: string;
  readonly action: 'create' | 'no-op' | 'update' | 'replace';
  readonly changes: readonly SettingChange[];
  /** Why, in words: "digits 6 → 8 forces a new seed". */
  readonly reasons: readonly string[];
}

/** What an apply did. */
export interface Applied extends Plan {
  readonly generation: string;
  /** The barcode file written, when a new seed was made for a declaration with qrCodeFile. */
  readonly qrCodeFile?: string;
  readonly warnings: readonly string[];
}

function change(setting: string, from: unknown, to: unknown, forcesReplacement: boolean): SettingChange[] {
  return from === to ? [] : [{ setting, from, to, forcesReplacement }];
}

function keyChanges(record: KeyRecord, spec: ValidKeySpec): SettingChange[] {
  const changes: SettingChange[] = [];
  if (record.generated !== spec.generated) {
    changes.push({
      setting: 'source',
      from: record.generated ? 'generate' : `importFrom ${record.importFrom}`,
      to: spec.generated ? 'generate' : `importFrom ${spec.importFrom}`,
      forcesReplacement: true,
    });
    return changes;
  }
  const seedSettings: ('algorithm' | 'digits' | 'period' | 'keySize')[] = spec.generated
    ? ['algorithm', 'digits', 'period', 'keySize']
    : (['algorithm', 'digits', 'period'] as const).filter((s) => spec.stated[s] !== undefined);
  for (const setting of seedSettings) changes.push(...change(setting, record[setting], spec.settings[setting], true));
  if (spec.generated) {
    changes.push(
      ...change('issuer', record.issuer, spec.issuer, true),
      ...change('accountName', record.accountName, spec.accountName, true),
    );
  } else {
    changes.push(...change('importFrom', record.importFrom, spec.importFrom, true));
    if (spec.issuer !== undefined) changes.push(...change('issuer', record.issuer, spec.issuer, false));
    if (spec.accountName !== undefined)
      changes.push(...change('accountName', record.accountName, spec.accountName, false));
  }
  changes.push(
    ...change('skew', record.skew, spec.settings.skew, false),
    ...change('qrSize', record.qrSize, spec.settings.qrSize, false),
    ...change('exported', record.exported, spec.exported, false),
  );
  return changes;
}

function reason(c: SettingChange): string {
  const what = `${c.setting} ${String(c.from ?? '(none)')} → ${String(c.to ?? '(none)')}`;
  return c.forcesReplacement ? `${what} forces a new seed` : `${what} updates in place`;
}

function planOf(resource: string, exists: boolean, changes: SettingChange[], notes: string[] = []): Plan {
  if (!exists) return { resource, action: 'create', changes: [], reasons: ['does not exist yet'] };
  const action = changes.some((c) => c.forcesReplacement) ? 'replace' : changes.length > 0 ? 'update' : 'no-op';
  return { resource, action, changes, reasons: [...changes.map(reason), ...(changes.length > 0 ? notes : [])] };
}

/** Says what an apply of `decl` would do, without changing anything. */
export async function planDeclaration(ctx: ResourceContext, value: unknown): Promise<Plan> {
  const decl = checkDeclaration(value);
  const resource = describeDeclaration(decl);
  if (decl.kind === 'key') {
    const spec = checkedKeySpec(decl);
    const record = await findKey(ctx, spec.name);
    return planOf(resource, record !== undefined, record ? keyChanges(record, spec) : []);
  }
  if (decl.kind === 'method') {
    const spec = checkedMethodSpec(decl);
    const record = await findMethod(ctx, spec.methodName);
    const changes = record ? METHOD_SETTINGS.flatMap((s) => change(s, record[s], spec[s], false)) : [];
    const pinned = changes.some((c) => ['algorithm', 'digits', 'period', 'issuer', 'keySize'].includes(c.setting));
    return planOf(
      resource,
      record !== undefined,
      changes,
      pinned
        ? ['existing enrollments keep their algorithm, digits, period and issuer; new ones get the new settings']
        : [],
    );
  }
  const record = await findEnrollment(ctx, decl.method as string, decl.entityId as string);
  return planOf(resource, record !== undefined, []);
}

async function qrFile(
  decl: Declaration,
  barcode: Uint8Array | undefined,
  warnings: string[],
): Promise<{ qrCodeFile?: string }> {
  if (decl.kind === 'method') return {};
  if (decl.qrCodeFile === undefined) {
    if (barcode)
      warnings.push(
        `${describeDeclaration(decl)}: its barcode was not saved (no qrCodeFile) and cannot be shown again`,
      );
    return {};
  }
  if (!barcode) {
    warnings.push(
      `${describeDeclaration(decl)}: no barcode to write to ${decl.qrCodeFile} (qrSize 0, or the key is not exported)`,
    );
    return {};
  }
  return { qrCodeFile: await writeSecretFile(decl.qrCodeFile, barcode, 'barcode file') };
}

/**
 * Applies a declaration: creates, updates in place or replaces, as `planDeclaration` says, and records
 * `generation` (default: a new one) on the resource. A barcode is written to `qrCodeFile` only when a
 * new seed was made — an existing seed's barcode is never shown again.
 */
export async function applyDeclaration(
  ctx: ResourceContext,
  value: unknown,
  options: { generation?: string } = {},
): Promise<Applied> {
  const decl = checkDeclaration(value);
  const plan = await planDeclaration(ctx, decl);
  const generation = options.generation ?? newGeneration();
  const warnings: string[] = [];
  if (decl.kind === 'key') {
    const spec = checkedKeySpec(decl);
    if (plan.action === 'create' || plan.action === 'replace') {
      const created = await createKey(ctx, spec, { replace: true, generation });
      warnings.push(...created.warnings);
      return { ...plan, generation, warnings, ...(await qrFile(decl, created.barcode, warnings)) };
    }
    await updateKeyInPlace(ctx, spec.name, {
      skew: spec.settings.skew,
      qrSize: spec.settings.qrSize,
      exported: spec.exported,
      ...(!spec.generated && spec.issuer !== undefined ? { issuer: spec.issuer } : {}),
      ...(!spec.generated && spec.accountName !== undefined ? { accountName: spec.accountName } : {}),
      generation,
    });
    return { ...plan, generation, warnings };
  }
  if (decl.kind === 'method') {
    const spec = checkedMethodSpec(decl);
    if (plan.action === 'create') await createMethod(ctx, spec, generation);
    else await updateMethod(ctx, spec, generation);
    return { ...plan, generation, warnings };
  }
  const method = decl.method as string;
  const entityId = decl.entityId as string;
  if (plan.action === 'create') {
    const enrolled = await enroll(ctx, method, entityId, generation);
    if (enrolled.warning) warnings.push(enrolled.warning);
    if (enrolled.created) return { ...plan, generation, warnings, ...(await qrFile(decl, enrolled.barcode, warnings)) };
  }
  // The entity is enrolled already: adopt it under this generation, keeping its secret.
  await ctx.store.update('enrollment', `${method}/${entityId}`, (current) => ({
    result: undefined,
    next: current ? { ...current, generation } : undefined,
  }));
  return { ...plan, action: 'no-op', generation, warnings };
}

/**
 * Destroys what a declaration names (only its kind and name are needed). With `generation`, only that
 * generation: a resource replaced since (by a create-before-destroy apply) is kept, and the result says so.
 */
export async function destroyDeclaration(
  ctx: ResourceContext,
  value: unknown,
  options: { generation?: string } = {},
): Promise<{ resource: string; deleted: boolean; kept?: string }> {
  const decl = checkIdentity(value);
  const resource = describeDeclaration(decl);
  let deleted: boolean;
  if (decl.kind === 'key') deleted = (await deleteKey(ctx, decl.name as string, options.generation)).deleted;
  else if (decl.kind === 'method') deleted = (await deleteMethod(ctx, decl.methodName as string, options)).deleted;
  else deleted = (await unenroll(ctx, decl.method as string, decl.entityId as string, options.generation)).deleted;
  if (deleted || options.generation === undefined) return { resource, deleted };
  return { resource, deleted, kept: `it is not generation ${options.generation} (replaced since, or already gone)` };
}
