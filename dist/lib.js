import {
  ALGORITHMS,
  DEFAULTS,
  METHOD_SETTINGS,
  STEAM_ALPHABET,
  checkDeclaration,
  checkIdentity,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  codeLength,
  counterAt,
  createKey,
  createMethod,
  declarationProblems,
  decodeSteamSecret,
  deleteKey,
  deleteMethod,
  describeDeclaration,
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
  isWellFormedCode,
  keyCode,
  keySpecProblems,
  listEnrollments,
  listKeys,
  listMethods,
  methodSpecProblems,
  newGeneration,
  normalizeAlgorithm,
  normalizeCode,
  normalizeEncoder,
  parseOtpauthUrl,
  parseSeedText,
  qrPng,
  qrTerminal,
  readEnrollment,
  readKey,
  readMethod,
  resolveKey,
  resolveSource,
  shortSeedWarning,
  steamCode,
  unenroll,
  updateKeyInPlace,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode,
  withDefaults
} from "./chunks/lib-chunk-JFGVVVD3.js";
import {
  FileStore,
  writeFileAtomically
} from "./chunks/lib-chunk-LYOAYIPA.js";
import {
  DEFAULT_STORE,
  SecretBox,
  decodeBase32,
  encodeBase32,
  normalizeBase32,
  openStore,
  resolveStoreRef
} from "./chunks/lib-chunk-MGSTQSUF.js";
import "./chunks/lib-chunk-MEYBRUXD.js";
import {
  EXIT_CODES,
  TotpKitError,
  badInput,
  errorMessage,
  formatProblem,
  quote
} from "./chunks/lib-chunk-6FJPLQQP.js";

// src/core/clock.ts
var CLOCK_TOLERANCE_SECONDS = 2;
var MAX_TIME_OFFSET_SECONDS = 86400;
var CLOCK_TIMEOUT_MS = 5e3;
function clockSourceProblem(value, label) {
  const allowed = "an http:// or https:// URL whose server sends a Date header, e.g. https://registry.npmjs.org";
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return { setting: label, problem: "is not a URL (its value was not printed)", allowed };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const scheme = url.protocol.length <= 12 ? `${quote(url.protocol.slice(0, -1))} ` : "";
    return { setting: label, problem: `has the scheme ${scheme}where http or https is needed`, allowed };
  }
  return void 0;
}
function timeOffsetProblem(value, label) {
  const text = value.trim();
  const allowed = `seconds to add to this machine's clock, from -${MAX_TIME_OFFSET_SECONDS} to ${MAX_TIME_OFFSET_SECONDS} (e.g. -42 or 3.5)`;
  if (!/^[+-]?(0|[1-9][0-9]*)(\.[0-9]{1,3})?$/.test(text)) {
    return { setting: label, problem: `${quote(value)} is not a number of seconds`, allowed };
  }
  if (Math.abs(Number(text)) > MAX_TIME_OFFSET_SECONDS) {
    return { setting: label, problem: `${quote(value)} is out of range`, allowed };
  }
  return void 0;
}
function parseTimeOffset(value, label) {
  const problem = timeOffsetProblem(value, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  return Number(value.trim());
}
async function readClock(url, label, options = {}) {
  const problem = clockSourceProblem(url, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  const target = new URL(url.trim());
  target.username = "";
  target.password = "";
  const origin = target.origin;
  const now = options.now ?? (() => Date.now() / 1e3);
  const timeoutMs = options.timeoutMs ?? CLOCK_TIMEOUT_MS;
  const started = now();
  let date;
  try {
    const response = await fetch(target, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "totp-kit clock check" }
    });
    date = response.headers.get("date");
    await response.body?.cancel();
  } catch (e) {
    const cause = e.cause;
    const name = e.name;
    const why = name === "TimeoutError" ? `no answer within ${timeoutMs / 1e3} s` : typeof cause?.code === "string" ? `unreachable (${cause.code})` : "unreachable";
    throw failure(label, origin, why);
  }
  const ended = now();
  const serverSeconds = date === null ? Number.NaN : Date.parse(date) / 1e3;
  if (!Number.isFinite(serverSeconds)) {
    throw failure(label, origin, date === null ? "sent no Date header" : "sent a Date header that is not a date");
  }
  const offset = Math.round((serverSeconds + 0.5 - (started + ended) / 2) * 10) / 10;
  if (Math.abs(offset) > MAX_TIME_OFFSET_SECONDS) {
    throw failure(label, origin, `says a time ${describeOffset(offset)} (more than a day): fix this machine's clock`);
  }
  return {
    origin,
    offset,
    roundTrip: Math.round((ended - started) * 1e3) / 1e3,
    applied: Math.abs(offset) > CLOCK_TOLERANCE_SECONDS
  };
}
function failure(label, origin, why) {
  return new TotpKitError("backend", "E_CLOCK_SOURCE", `${label}: ${origin} ${why}`);
}
function describeOffset(offset) {
  const size = Math.abs(offset).toFixed(1);
  return offset >= 0 ? `${size} s ahead of this machine` : `${size} s behind this machine`;
}

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
function assertMinRemaining(minRemaining, period, label = "min-remaining") {
  if (!Number.isSafeInteger(minRemaining) || minRemaining < 0 || minRemaining >= period) {
    throw badInput(
      label,
      `${minRemaining} is out of range for a ${period} s period`,
      `whole seconds from 0 to ${period - 1}`
    );
  }
}
function planFreshCode(t, period, minRemaining, label = "min-remaining") {
  assertMinRemaining(minRemaining, period, label);
  const left = period - t % period;
  if (left >= minRemaining) return { at: t, waitSeconds: 0 };
  const next = expiresAt(t, period);
  return { at: next, waitSeconds: next - t };
}
function tenths(seconds) {
  return (Math.floor(seconds * 10) / 10).toFixed(1);
}

// src/resources/fresh-code.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/resources/lease.ts
import { createHash } from "node:crypto";
var MAX_LEASE_AHEAD_STEPS = 20;
function leaseId(key) {
  const hash = createHash("sha256");
  hash.update(`totp-kit lease v1\0${key.algorithm}\0${key.digits}\0${key.period}\0${key.encoder ?? "totp"}\0`);
  hash.update(key.secret);
  return hash.digest("hex");
}
function lastStepOf(record, id) {
  if (record === void 0) return -1;
  const last = record.lastStep;
  if (typeof last !== "number" || !Number.isSafeInteger(last) || last < 0) {
    throw new TotpKitError(
      "backend",
      "E_STORE_CORRUPT",
      `lease "${id.slice(0, 12)}\u2026" in the store is damaged (field "lastStep"); delete it`
    );
  }
  return last;
}
async function leaseStep(store, key, earliestStep, nowStep, now = /* @__PURE__ */ new Date()) {
  const id = leaseId(key);
  const step = await store.update("lease", id, (current) => {
    const step2 = Math.max(earliestStep, lastStepOf(current, id) + 1);
    if (step2 - nowStep > MAX_LEASE_AHEAD_STEPS) return { result: -1 };
    const next = { lastStep: step2, period: key.period, updatedAt: now.toISOString() };
    return { result: step2, next: { ...next } };
  });
  if (step < 0) {
    throw new TotpKitError(
      "backend",
      "E_LEASE_BUSY",
      `lease: the next free time step of this key in ${store.reference} is more than ${MAX_LEASE_AHEAD_STEPS} steps ahead (${MAX_LEASE_AHEAD_STEPS * key.period} s): too many callers at once, or a caller with a clock far ahead; try again later`
    );
  }
  return step;
}

// src/resources/fresh-code.ts
var defaultWait = (seconds) => sleep(Math.ceil(seconds * 1e3) + 20);
async function freshCode(key, options) {
  const offset = options.offset ?? 0;
  const wait = options.wait ?? defaultWait;
  if (key.remote && options.lease) {
    throw badInput(
      options.leaseLabel ?? "lease",
      `cannot be used with ${key.remote.reference}: its backend computes the code for its own time`,
      "a seed from env:, file:, aws-sm:, vault-kv: or store:"
    );
  }
  if (key.remote && offset !== 0) {
    throw badInput(
      "time offset",
      `cannot be applied to ${key.remote.reference}: its backend computes the code with its own clock`,
      "leave the clock source and time offset out"
    );
  }
  const { period } = key;
  for (let round = 1; ; round++) {
    const t = options.now() + offset;
    const current = Math.floor(t / period);
    const plan = planFreshCode(t, period, options.minRemaining, options.minRemainingLabel);
    let wanted = Math.floor(plan.at / period);
    let why = `the current code expires in ${tenths(period - t % period)} s (< ${options.minRemainingLabel} ${options.minRemaining})`;
    if (options.afterStep !== void 0 && options.afterStep + 1 > wanted) {
      wanted = options.afterStep + 1;
      why = "the code of this step was used already";
    }
    let step = wanted;
    if (options.lease && !key.remote) {
      step = await leaseStep(options.lease, key, wanted, current);
      if (step > wanted) {
        const taken = step - wanted;
        why = `lease: ${taken === 1 ? "another caller has the code of this step" : `other callers have the codes of ${taken} steps`}`;
      }
    }
    const afterLease = options.now() + offset;
    const nowStep = Math.floor(afterLease / period);
    if (step < nowStep && round < 5) continue;
    const waitSeconds = step * period - afterLease;
    if (waitSeconds > 0) {
      const ahead = step - nowStep;
      options.onWait?.(
        `${why}; waiting ${tenths(waitSeconds)} s for the ${ahead === 1 ? "next one" : `one ${ahead} steps ahead`}`
      );
      await wait(waitSeconds);
    }
    const at = Math.max(options.now() + offset, step * period);
    const end = (step + 1) * period;
    const code = key.remote ? await key.remote.code() : generateCode(key, step * period);
    return {
      code,
      step,
      at,
      remaining: Math.max(0, end - Math.floor(at)),
      expiresAt: end,
      waited: Math.max(0, waitSeconds),
      leased: options.lease !== void 0
    };
  }
}

// src/resources/secret-file.ts
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
async function writeSecretFile(path, data, what) {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 448 });
    await writeFileAtomically(target, data);
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
  const decl = checkIdentity(value);
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
  CLOCK_TOLERANCE_SECONDS,
  DEFAULTS,
  DEFAULT_STORE,
  EXIT_CODES,
  FileStore,
  MAX_LEASE_AHEAD_STEPS,
  STEAM_ALPHABET,
  SecretBox,
  TotpKitError,
  applyDeclaration,
  badInput,
  checkDeclaration,
  checkSettings,
  checkedKeySpec,
  checkedMethodSpec,
  clockSourceProblem,
  codeLength,
  counterAt,
  createKey,
  createMethod,
  declarationProblems,
  decodeBase32,
  decodeSteamSecret,
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
  freshCode,
  generateCode,
  generateSeed,
  hotp,
  isOtpauthUrl,
  isWellFormedCode,
  keyCode,
  keySpecProblems,
  leaseId,
  leaseStep,
  listEnrollments,
  listKeys,
  listMethods,
  methodSpecProblems,
  normalizeAlgorithm,
  normalizeBase32,
  normalizeCode,
  normalizeEncoder,
  nowSeconds,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  parseTimeOffset,
  planDeclaration,
  planFreshCode,
  qrPng,
  qrTerminal,
  readClock,
  readEnrollment,
  readKey,
  readMethod,
  remainingSeconds,
  resolveKey,
  resolveSource,
  resolveStoreRef,
  shortSeedWarning,
  steamCode,
  unenroll,
  updateMethod,
  validateEnrollment,
  validateKey,
  verifyCode,
  withDefaults
};
