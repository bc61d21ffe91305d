import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);

// src/core/errors.ts
var TotpKitError = class extends Error {
  /** Always `TotpKitError`. */
  name = "TotpKitError";
  /** What went wrong, deciding the exit code (see `EXIT_CODES`). */
  kind;
  /** A stable identifier of the condition, one of `ERROR_CODES`. */
  code;
  /** Every problem found, when the error collects several (one declaration, many settings). */
  problems;
  /**
   * @param kind - what went wrong
   * @param code - the stable code of the condition
   * @param message - the message for people; never seed material
   * @param problems - every problem found, when there are several
   */
  constructor(kind, code, message, problems = []) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.problems = problems;
  }
};
function formatProblem(p, label = p.setting) {
  return `${label}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`;
}
function badInput(setting, problem, allowed, code = "E_BAD_INPUT") {
  const p = allowed === void 0 ? { setting, problem } : { setting, problem, allowed };
  return new TotpKitError("bad-input", code, formatProblem(p), [p]);
}
function badSettings(problems, label) {
  const lines = problems.map((p) => formatProblem(p, label ? label(p.setting) : p.setting));
  return new TotpKitError("bad-input", "E_BAD_SETTINGS", lines.join("\n"), problems);
}
function errorMessage(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  return String(e);
}
function isSafeToPrint(text, kind = "value") {
  if (kind === "name") return text.length <= 60 && !looksLikeSeed(text);
  if (kind === "message") return text !== "" && text.length <= 200 && !/[\n\r]|[A-Za-z0-9+/=_-]{16,}/.test(text);
  if (text.length > 40) return false;
  if (/^[-+0-9.eE]+$/.test(text)) return true;
  const printed = JSON.stringify(text);
  return !/[A-Za-z0-9+/=_-]{8,}/.test(printed) && !/[A-Za-z0-9+/=_-]{16,}/.test(printed.replace(/\s+/g, ""));
}
function quote(value) {
  if (value === null || value === void 0) return String(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return JSON.stringify(String(value));
  }
  if (typeof value !== "string") return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
  if (isSafeToPrint(value)) return JSON.stringify(value);
  return `${/^8|^1[18]$/.test(String(value.length)) ? "an" : "a"} ${value.length}-character value`;
}
function looksLikeSeed(text) {
  if ((text.match(/[A-Za-z2-7]{16,}/g) ?? []).some((run) => /[2-7]/.test(run))) return true;
  const hexRuns = text.match(/[0-9a-f]{32,}|[0-9A-F]{32,}/g) ?? [];
  if (hexRuns.some((run) => /[0-9]/.test(run))) return true;
  const runs = [...text.match(/[A-Za-z0-9+/]{12,}=*/g) ?? [], ...text.match(/[A-Za-z0-9_-]{12,}=*/g) ?? []];
  return runs.some(looksLikeBase64Secret);
}
var classOf = (c) => /[A-Z]/.test(c) ? "U" : /[a-z]/.test(c) ? "l" : /[0-9]/.test(c) ? "d" : "s";
function looksLikeBase64Secret(run) {
  let end = run.length;
  while (end > 0 && run.charCodeAt(end - 1) === 61) end--;
  const padding = run.length - end;
  if (padding > 0) return padding <= 2 && run.length % 4 === 0;
  if (run.length < 20 || !/[A-Z]/.test(run) || !/[a-z]/.test(run) || (run.match(/[0-9]/g) ?? []).length < 2) {
    return false;
  }
  let pairs = 0;
  let changes = 0;
  let capitalsInARow = false;
  for (let i = 1; i < run.length; i++) {
    const a = classOf(run[i - 1]);
    const b = classOf(run[i]);
    if (a === "s" || b === "s") continue;
    pairs++;
    if (a !== b) changes++;
    if (a === "U" && b === "U") capitalsInARow = true;
  }
  return capitalsInARow && changes * 2 >= pairs;
}

// src/stores/canonical-json.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map((v) => v === void 0 ? "null" : canonicalJson(v)).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const object = value;
    const keys = Object.keys(object).filter((k) => object[k] !== void 0).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export {
  TotpKitError,
  formatProblem,
  badInput,
  badSettings,
  errorMessage,
  isSafeToPrint,
  quote,
  looksLikeSeed,
  canonicalJson
};
