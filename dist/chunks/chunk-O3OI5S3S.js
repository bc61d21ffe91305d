import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  checkSettings,
  codeFormatText,
  contradictions,
  isWellFormedCode,
  normalizeCode,
  parseSeedText,
  resolveKey,
  resolveSource,
  verifyCode
} from "./chunk-JO3LXCTU.js";
import {
  TotpKitError,
  badInput,
  badSettings,
  quote
} from "./chunk-XHKLEXY5.js";

// src/sources/load-key.ts
async function loadKey(origin, given, env, options = {}, label = (s) => s) {
  const check = checkSettings(given);
  if (check.problems.length > 0) throw badSettings(check.problems, label);
  const encoder = check.settings.encoder;
  if ("text" in origin) {
    const seed2 = parseSeedText(origin.text, origin.label, void 0, encoder ? { encoder } : {});
    return { key: resolveKey(seed2, given, origin.label, label), secretForms: seed2.secretForms, origin: origin.label };
  }
  const source = resolveSource(origin.reference, origin.label, env, encoder ? { ...options, encoder } : options);
  if (source.kind === "remote") {
    return { key: await remoteKey(source, check.settings, label), secretForms: [], origin: source.reference };
  }
  const seed = await source.read();
  return {
    key: resolveKey(seed, given, source.reference, label),
    secretForms: seed.secretForms,
    origin: source.reference
  };
}
async function remoteKey(remote, given, label) {
  const steam = given.encoder === "steam" ? [
    {
      setting: "encoder",
      problem: `steam cannot be used with ${remote.reference}: Vault's TOTP engine computes standard digit codes only`,
      allowed: "totp, or leave it out"
    }
  ] : [];
  if (steam.length > 0) throw badSettings(steam, label);
  const settings = await remote.settings();
  const problems = contradictions(settings, given, remote.reference);
  if (problems.length > 0) throw badSettings(problems, label);
  return { remote, ...settings };
}
async function verifyWithKey(key, input, options = {}) {
  const code = normalizeCode(input, key) ?? "";
  if (!isWellFormedCode(key, code)) return { valid: false, reason: "malformed", expected: codeFormatText(key) };
  if (key.remote) {
    const verdict = await key.remote.validate(code);
    return verdict.valid ? { valid: true } : { valid: false, reason: verdict.reason ?? "invalid" };
  }
  const outcome = verifyCode(key, code, options);
  return outcome.valid ? { valid: true, ...outcome.delta !== void 0 ? { delta: outcome.delta } : {} } : { valid: false, reason: "invalid" };
}
function verdictMessage(verdict, digits) {
  if (verdict.reason === "malformed") {
    return `the code must be ${verdict.expected ?? `${digits ?? 6} digits 0-9`} (spaces are ignored)`;
  }
  if (verdict.reason === "used") return "code already used; wait until the next time period";
  return "invalid code";
}

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
function clockRequestProblems(request, labels) {
  const problems = [];
  if (request.clockSource !== void 0 && request.timeOffset !== void 0) {
    problems.push({
      setting: labels.clockSource,
      problem: `and ${labels.timeOffset} were both given`,
      allowed: "one of them: measure the offset, or state it"
    });
  }
  const source = request.clockSource === void 0 ? void 0 : clockSourceProblem(request.clockSource, labels.clockSource);
  const offset = request.timeOffset === void 0 ? void 0 : timeOffsetProblem(request.timeOffset, labels.timeOffset);
  return [...problems, ...source ? [source] : [], ...offset ? [offset] : []];
}
async function decideClock(request, labels, remote, options = {}) {
  if (request.clockSource === void 0 && request.timeOffset === void 0) return { offset: 0 };
  if (remote !== void 0) {
    throw badInput(
      request.clockSource !== void 0 ? labels.clockSource : labels.timeOffset,
      `cannot be used with ${remote}: its backend computes the code with its own clock`,
      labels.omit
    );
  }
  if (request.timeOffset !== void 0) {
    const stated = parseTimeOffset(request.timeOffset, labels.timeOffset);
    return { offset: stated, stated };
  }
  try {
    const reading = await readClock(request.clockSource, labels.clockSource, options);
    return { offset: reading.applied ? reading.offset : 0, reading };
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== "E_CLOCK_SOURCE") throw e;
    return { offset: 0, unreadable: e.message };
  }
}
function signed(seconds, decimals) {
  return `${seconds >= 0 ? "+" : ""}${decimals === void 0 ? seconds : seconds.toFixed(decimals)}`;
}
function clockMessage(reading) {
  if (reading.applied) {
    return `clock: ${reading.origin} is ${describeOffset(reading.offset)}; codes use its time`;
  }
  return `clock: ${reading.origin} is within ${CLOCK_TOLERANCE_SECONDS} s of this machine (offset ${signed(reading.offset, 1)} s); codes use this machine's clock`;
}

export {
  loadKey,
  verifyWithKey,
  verdictMessage,
  clockRequestProblems,
  decideClock,
  signed,
  clockMessage
};
