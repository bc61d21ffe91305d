import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  generateCode,
  nowSeconds,
  planFreshCode,
  tenths
} from "./chunk-NE6X34RG.js";
import {
  TotpKitError,
  badInput
} from "./chunk-BYLEH6TO.js";

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
import { setTimeout as sleep } from "node:timers/promises";
var defaultWait = (seconds) => sleep(Math.ceil(seconds * 1e3) + 20);
async function freshCode(key, options) {
  const offset = options.offset ?? 0;
  const wait = options.wait ?? defaultWait;
  const now = options.now ?? nowSeconds;
  const minRemainingLabel = options.minRemainingLabel ?? "minRemaining";
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
    const t = now() + offset;
    const current = Math.floor(t / period);
    const plan = planFreshCode(t, period, options.minRemaining, minRemainingLabel);
    let wanted = Math.floor(plan.at / period);
    let why = `the current code expires in ${tenths(period - t % period)} s (< ${minRemainingLabel} ${options.minRemaining})`;
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
    const afterLease = now() + offset;
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
    const at = Math.max(now() + offset, step * period);
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

export {
  MAX_LEASE_AHEAD_STEPS,
  freshCode
};
