// src/core/errors.ts
var EXIT_CODES = {
  ok: 0,
  "invalid-code": 1,
  "bad-input": 2,
  backend: 3
};
var TotpKitError = class extends Error {
  name = "TotpKitError";
  kind;
  code;
  /** Every problem found, when the error collects several (one declaration, many settings). */
  problems;
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
function quote(value, max = 7) {
  if (value === null || value === void 0) return String(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return JSON.stringify(String(value));
  }
  if (typeof value !== "string") return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
  const printed = JSON.stringify(value);
  const runFree = !/[A-Za-z0-9+/=_-]{8,}/.test(printed);
  const short = value.length <= max && runFree;
  const numeric = value.length <= 40 && /^[-+0-9.eE]+$/.test(value);
  const wordy = value.length <= 40 && runFree;
  if (short || numeric || wordy) return printed;
  return `${/^8|^1[18]$/.test(String(value.length)) ? "an" : "a"} ${value.length}-character value`;
}

export {
  EXIT_CODES,
  TotpKitError,
  formatProblem,
  badInput,
  badSettings,
  errorMessage,
  quote
};
