import {
  ALGORITHMS,
  DEFAULTS,
  DEFAULT_STORE,
  METHOD_SETTINGS,
  SecretBox,
  checkDeclaration,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  counterAt,
  createKey,
  createMethod,
  declarationProblems,
  decodeBase32,
  deleteKey,
  deleteMethod,
  describeDeclaration,
  encodeBase32,
  enroll,
  enrollmentRefusal,
  findEnrollment,
  findKey,
  findMethod,
  formatOtpauthUrl,
  generateCode,
  generateSeed,
  hotp,
  isOtpauthUrl,
  keyCode,
  keySpecProblems,
  listEnrollments,
  listKeys,
  listMethods,
  methodSpecProblems,
  newGeneration,
  normalizeAlgorithm,
  normalizeBase32,
  normalizeCode,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  qrPng,
  qrTerminal,
  readEnrollment,
  readKey,
  readMethod,
  resolveKey,
  resolveSource,
  resolveStoreRef,
  shortSeedWarning,
  unenroll,
  updateKeyInPlace,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode,
  withDefaults
} from "./chunks/lib-chunk-4FHUNEYI.js";
import {
  FileStore
} from "./chunks/lib-chunk-OJ3H2LKT.js";
import "./chunks/lib-chunk-A5ZTXUHB.js";
import {
  EXIT_CODES,
  TotpKitError,
  badInput,
  errorMessage,
  formatProblem
} from "./chunks/lib-chunk-6KFU3OGS.js";

// src/core/time.ts
function nowSeconds() {
  return Date.now() / 1e3;
}
function remainingSeconds(t, period) {
  return period - Math.floor(t) % period;
}
function expiresAt(t, period) {
  return (Math.floor(t / period) + 1) * period;
}
function planFreshCode(t, period, minRemaining, label = "min-remaining") {
  if (!Number.isSafeInteger(minRemaining) || minRemaining < 0 || minRemaining >= period) {
    throw badInput(
      label,
      `${minRemaining} is out of range for a ${period} s period`,
      `whole seconds from 0 to ${period - 1}`
    );
  }
  const left = period - t % period;
  if (left >= minRemaining) return { at: t, waitSeconds: 0 };
  const next = expiresAt(t, period);
  return { at: next, waitSeconds: next - t };
}

// src/resources/secret-file.ts
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import writeFileAtomic from "write-file-atomic";
async function writeSecretFile(path, data, what) {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 448 });
    await writeFileAtomic(target, data, { mode: 384 });
  } catch (e) {
    const code = e.code ?? "unknown error";
    throw new TotpKitError("backend", "E_SECRET_FILE", `${what} ${path} could not be written (${code})`);
  }
  return target;
}

// src/resources/plan.ts
function change(setting, from, to, forcesReplacement) {
  return from === to ? [] : [{ setting, from, to, forcesReplacement }];
}
function keyChanges(record, spec) {
  const changes = [];
  if (record.generated !== spec.generated) {
    changes.push({
      setting: "source",
      from: record.generated ? "generate" : `importFrom ${record.importFrom}`,
      to: spec.generated ? "generate" : `importFrom ${spec.importFrom}`,
      forcesReplacement: true
    });
    return changes;
  }
  const seedSettings = spec.generated ? ["algorithm", "digits", "period", "keySize"] : ["algorithm", "digits", "period"].filter((s) => spec.stated[s] !== void 0);
  for (const setting of seedSettings) changes.push(...change(setting, record[setting], spec.settings[setting], true));
  if (spec.generated) {
    changes.push(
      ...change("issuer", record.issuer, spec.issuer, true),
      ...change("accountName", record.accountName, spec.accountName, true)
    );
  } else {
    changes.push(...change("importFrom", record.importFrom, spec.importFrom, true));
    if (spec.issuer !== void 0) changes.push(...change("issuer", record.issuer, spec.issuer, false));
    if (spec.accountName !== void 0)
      changes.push(...change("accountName", record.accountName, spec.accountName, false));
  }
  changes.push(
    ...change("skew", record.skew, spec.settings.skew, false),
    ...change("qrSize", record.qrSize, spec.settings.qrSize, false),
    ...change("exported", record.exported, spec.exported, false)
  );
  return changes;
}
function reason(c) {
  const what = `${c.setting} ${String(c.from ?? "(none)")} \u2192 ${String(c.to ?? "(none)")}`;
  return c.forcesReplacement ? `${what} forces a new seed` : `${what} updates in place`;
}
function planOf(resource, exists, changes, notes = []) {
  if (!exists) return { resource, action: "create", changes: [], reasons: ["does not exist yet"] };
  const action = changes.some((c) => c.forcesReplacement) ? "replace" : changes.length > 0 ? "update" : "no-op";
  return { resource, action, changes, reasons: [...changes.map(reason), ...changes.length > 0 ? notes : []] };
}
async function planDeclaration(ctx, value) {
  const decl = checkDeclaration(value);
  const resource = describeDeclaration(decl);
  if (decl.kind === "key") {
    const spec = checkedKeySpec(decl);
    const record2 = await findKey(ctx, spec.name);
    return planOf(resource, record2 !== void 0, record2 ? keyChanges(record2, spec) : []);
  }
  if (decl.kind === "method") {
    const spec = checkedMethodSpec(decl);
    const record2 = await findMethod(ctx, spec.methodName);
    const changes = record2 ? METHOD_SETTINGS.flatMap((s) => change(s, record2[s], spec[s], false)) : [];
    const pinned = changes.some((c) => ["algorithm", "digits", "period", "issuer", "keySize"].includes(c.setting));
    return planOf(
      resource,
      record2 !== void 0,
      changes,
      pinned ? ["existing enrollments keep their algorithm, digits, period and issuer; new ones get the new settings"] : []
    );
  }
  const record = await findEnrollment(ctx, decl.method, decl.entityId);
  return planOf(resource, record !== void 0, []);
}
async function qrFile(decl, barcode, warnings) {
  if (decl.kind === "method") return {};
  if (decl.qrCodeFile === void 0) {
    if (barcode)
      warnings.push(
        `${describeDeclaration(decl)}: its barcode was not saved (no qrCodeFile) and cannot be shown again`
      );
    return {};
  }
  if (!barcode) {
    warnings.push(
      `${describeDeclaration(decl)}: no barcode to write to ${decl.qrCodeFile} (qrSize 0, or the key is not exported)`
    );
    return {};
  }
  return { qrCodeFile: await writeSecretFile(decl.qrCodeFile, barcode, "barcode file") };
}
async function applyDeclaration(ctx, value, options = {}) {
  const decl = checkDeclaration(value);
  const plan = await planDeclaration(ctx, decl);
  const generation = options.generation ?? newGeneration();
  const warnings = [];
  if (decl.kind === "key") {
    const spec = checkedKeySpec(decl);
    if (plan.action === "create" || plan.action === "replace") {
      const created = await createKey(ctx, spec, { replace: true, generation });
      warnings.push(...created.warnings);
      return { ...plan, generation, warnings, ...await qrFile(decl, created.barcode, warnings) };
    }
    await updateKeyInPlace(ctx, spec.name, {
      skew: spec.settings.skew,
      qrSize: spec.settings.qrSize,
      exported: spec.exported,
      ...!spec.generated && spec.issuer !== void 0 ? { issuer: spec.issuer } : {},
      ...!spec.generated && spec.accountName !== void 0 ? { accountName: spec.accountName } : {},
      generation
    });
    return { ...plan, generation, warnings };
  }
  if (decl.kind === "method") {
    const spec = checkedMethodSpec(decl);
    if (plan.action === "create") await createMethod(ctx, spec, generation);
    else await updateMethod(ctx, spec, generation);
    return { ...plan, generation, warnings };
  }
  const method = decl.method;
  const entityId = decl.entityId;
  if (plan.action === "create") {
    const enrolled = await enroll(ctx, method, entityId, generation);
    if (enrolled.warning) warnings.push(enrolled.warning);
    if (enrolled.created) return { ...plan, generation, warnings, ...await qrFile(decl, enrolled.barcode, warnings) };
  }
  await ctx.store.update("enrollment", `${method}/${entityId}`, (current) => ({
    result: void 0,
    next: current ? { ...current, generation } : void 0
  }));
  return { ...plan, action: "no-op", generation, warnings };
}
async function destroyDeclaration(ctx, value, options = {}) {
  const decl = checkDeclaration(value);
  const resource = describeDeclaration(decl);
  let deleted;
  if (decl.kind === "key") deleted = (await deleteKey(ctx, decl.name, options.generation)).deleted;
  else if (decl.kind === "method") deleted = (await deleteMethod(ctx, decl.methodName, options)).deleted;
  else deleted = (await unenroll(ctx, decl.method, decl.entityId, options.generation)).deleted;
  if (deleted || options.generation === void 0) return { resource, deleted };
  return { resource, deleted, kept: `it is not generation ${options.generation} (replaced since, or already gone)` };
}
export {
  ALGORITHMS,
  DEFAULTS,
  DEFAULT_STORE,
  EXIT_CODES,
  FileStore,
  SecretBox,
  TotpKitError,
  applyDeclaration,
  badInput,
  checkDeclaration,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  counterAt,
  createKey,
  createMethod,
  declarationProblems,
  decodeBase32,
  deleteKey,
  deleteMethod,
  destroyDeclaration,
  encodeBase32,
  enroll,
  enrollmentRefusal,
  errorMessage,
  expiresAt,
  formatOtpauthUrl,
  formatProblem,
  generateCode,
  generateSeed,
  hotp,
  isOtpauthUrl,
  keyCode,
  keySpecProblems,
  listEnrollments,
  listKeys,
  listMethods,
  methodSpecProblems,
  normalizeAlgorithm,
  normalizeBase32,
  normalizeCode,
  nowSeconds,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  planDeclaration,
  planFreshCode,
  qrPng,
  qrTerminal,
  readEnrollment,
  readKey,
  readMethod,
  remainingSeconds,
  resolveKey,
  resolveSource,
  resolveStoreRef,
  shortSeedWarning,
  unenroll,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode,
  withDefaults
};
