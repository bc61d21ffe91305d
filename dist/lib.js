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
function quote(value, max = 40) {
  const text = typeof value === "string" ? value : String(value);
  const cut = text.length > max ? `${text.slice(0, max)}\u2026` : text;
  return JSON.stringify(cut);
}

// src/core/base32.ts
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));
var VALID_TAIL_LENGTHS = /* @__PURE__ */ new Set([0, 2, 4, 5, 7]);
var ALLOWED = 'Base32 letters A\u2013Z and digits 2\u20137; spaces and trailing "=" are ignored';
function encodeBase32(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[buffer >>> bits & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[buffer << 5 - bits & 31];
  return out;
}
function normalizeBase32(text) {
  return text.replace(/\s+/g, "").replace(/=+$/, "").replace(/[a-z]/g, (c) => c.toUpperCase());
}
function decodeBase32(text, label = "secret") {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, "is empty (no Base32 characters)", ALLOWED, "E_SEED_EMPTY");
  const bytes = Buffer.alloc(Math.floor(clean.length * 5 / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i]);
    if (value === void 0) {
      const what = clean[i] === "=" ? '"=" padding before the end' : "a character that is not Base32";
      throw badInput(label, `is not valid Base32: ${what} at position ${i + 1}`, ALLOWED, "E_SEED_NOT_BASE32");
    }
    buffer = (buffer << 5 | value) & 65535;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = buffer >>> bits & 255;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw badInput(
      label,
      `is not valid Base32: ${clean.length} ${clean.length === 1 ? "character" : "characters"} cannot encode whole bytes`,
      ALLOWED,
      "E_SEED_NOT_BASE32"
    );
  }
  return bytes;
}

// src/core/otpauth-url.ts
import { Secret, TOTP } from "otpauth";

// src/core/settings.ts
var ALGORITHMS = ["SHA1", "SHA256", "SHA512"];
var DEFAULTS = {
  algorithm: "SHA1",
  digits: 6,
  period: 30,
  keySize: 20,
  skew: 1,
  qrSize: 200,
  maxValidationAttempts: 5
};
var LIMITS = {
  /** RFC 4226 R6: a shared secret of at least 128 bits. */
  minKeySize: 16,
  maxKeySize: 1024,
  /** Periods above this do not fit the 32-bit counters some authenticator apps use. */
  maxPeriod: 2 ** 32 - 1,
  maxQrSize: 4096,
  maxValidationAttempts: 1e3,
  /** Periods outside this range work but are unusual enough to warn about. */
  usualPeriod: [10, 120]
};
function normalizeAlgorithm(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toUpperCase().replace(/^SHA-/, "SHA");
  return ALGORITHMS.includes(name) ? name : void 0;
}
function parseWholeNumber(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : void 0;
  if (typeof value !== "string") return void 0;
  const text = value.trim();
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return void 0;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : void 0;
}
function wholeInRange(setting, value, min, max, allowed) {
  const n = parseWholeNumber(value);
  if (n === void 0) {
    const text = String(value).trim();
    const negative = typeof value === "number" ? value < 0 : text.startsWith("-");
    const huge = /^[0-9]+$/.test(text) || typeof value === "number" && Number.isInteger(value);
    const what = negative ? "is negative" : huge ? "is too large" : "is not a whole number";
    return { problem: { setting, problem: `${quote(value)} ${what}`, allowed } };
  }
  if (n < min || n > max) {
    return { problem: { setting, problem: `${n} is out of range`, allowed } };
  }
  return { value: n };
}
function checkLabelPart(setting, value, required, problems) {
  if (value === void 0 || value === "") {
    if (required)
      problems.push({ setting, problem: "is required for a generated key", allowed: 'any text without ":"' });
    return void 0;
  }
  if (typeof value !== "string") {
    problems.push({ setting, problem: "is not text", allowed: 'any text without ":"' });
    return void 0;
  }
  if (value.includes(":")) {
    problems.push({ setting, problem: `${quote(value)} contains ":"`, allowed: 'any text without ":"' });
    return void 0;
  }
  return value;
}
function checkSettings(input, options = {}) {
  const problems = [];
  const warnings = [];
  const settings = {};
  if (input.algorithm !== void 0) {
    const algorithm = normalizeAlgorithm(input.algorithm);
    if (algorithm) settings.algorithm = algorithm;
    else
      problems.push({
        setting: "algorithm",
        problem: `${quote(input.algorithm)} is not supported`,
        allowed: "SHA1, SHA256 or SHA512"
      });
  }
  if (input.digits !== void 0) {
    const digits = parseWholeNumber(input.digits);
    if (digits === 6 || digits === 8) settings.digits = digits;
    else problems.push({ setting: "digits", problem: `${quote(input.digits)} is not allowed`, allowed: "6 or 8" });
  }
  if (input.period !== void 0) {
    const r = wholeInRange("period", input.period, 1, LIMITS.maxPeriod, `whole seconds from 1 to ${LIMITS.maxPeriod}`);
    if (r.problem) problems.push(r.problem);
    else {
      settings.period = r.value;
      const [low, high] = LIMITS.usualPeriod;
      if (r.value < low || r.value > high)
        warnings.push(`period ${r.value} s is unusual: authenticator apps expect ${low}\u2013${high} s (most use 30)`);
    }
  }
  if (input.keySize !== void 0) {
    const r = wholeInRange(
      "keySize",
      input.keySize,
      LIMITS.minKeySize,
      LIMITS.maxKeySize,
      `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes (RFC 4226 asks for at least ${LIMITS.minKeySize})`
    );
    if (r.problem) problems.push(r.problem);
    else settings.keySize = r.value;
  }
  if (input.skew !== void 0) {
    const skew = parseWholeNumber(input.skew);
    if (skew === 0 || skew === 1) settings.skew = skew;
    else problems.push({ setting: "skew", problem: `${quote(input.skew)} is not allowed`, allowed: "0 or 1" });
  }
  if (input.qrSize !== void 0) {
    const r = wholeInRange("qrSize", input.qrSize, 0, LIMITS.maxQrSize, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
    if (r.problem) problems.push(r.problem);
    else settings.qrSize = r.value;
  }
  if (input.maxValidationAttempts !== void 0) {
    const r = wholeInRange(
      "maxValidationAttempts",
      input.maxValidationAttempts,
      1,
      LIMITS.maxValidationAttempts,
      `1 to ${LIMITS.maxValidationAttempts}`
    );
    if (r.problem) problems.push(r.problem);
    else settings.maxValidationAttempts = r.value;
  }
  const issuer = checkLabelPart("issuer", input.issuer, options.generated === true, problems);
  if (issuer !== void 0) settings.issuer = issuer;
  const accountName = checkLabelPart("accountName", input.accountName, options.generated === true, problems);
  if (accountName !== void 0) settings.accountName = accountName;
  return { settings, problems, warnings };
}
function codeSettingsOf(settings) {
  return {
    ...settings.algorithm !== void 0 ? { algorithm: settings.algorithm } : {},
    ...settings.digits !== void 0 ? { digits: settings.digits } : {},
    ...settings.period !== void 0 ? { period: settings.period } : {}
  };
}
function withDefaults(settings) {
  return { ...DEFAULTS, ...settings };
}

// src/core/otpauth-url.ts
var KNOWN_PARAMETERS = ["secret", "issuer", "algorithm", "digits", "period"];
var URL_FORM = "otpauth://totp/Issuer:Account?secret=BASE32&issuer=\u2026&algorithm=\u2026&digits=\u2026&period=\u2026";
function isOtpauthUrl(text) {
  return /^\s*otpauth:/i.test(text);
}
function decodeLabel(raw, label) {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badInput(label, "has a label with broken percent-encoding", URL_FORM, "E_URL_LABEL");
  }
}
function parseOtpauthUrl(text, label = "url") {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw badInput(label, "is not a valid URL", URL_FORM, "E_URL_INVALID");
  }
  if (url.protocol.toLowerCase() !== "otpauth:") {
    throw badInput(label, "is not an otpauth:// URL", URL_FORM, "E_URL_INVALID");
  }
  const type = url.host.toLowerCase();
  if (type === "hotp") {
    throw badInput(
      label,
      "is an hotp (counter-based) URL; only totp (time-based) URLs are supported",
      URL_FORM,
      "E_URL_HOTP"
    );
  }
  if (type !== "totp") throw badInput(label, "has an unknown OTP type", "totp", "E_URL_TYPE");
  const params = url.searchParams;
  for (const name of KNOWN_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) throw badInput(label, `has ${count} "${name}" parameters`, "each parameter once", "E_URL_DUPLICATE");
  }
  const secretText = params.get("secret");
  if (secretText === null || secretText.trim() === "") {
    throw badInput(label, "has no secret parameter", URL_FORM, "E_URL_NO_SECRET");
  }
  const secret = decodeBase32(secretText, `${label} secret parameter`);
  const given = {
    algorithm: params.get("algorithm") ?? void 0,
    digits: params.get("digits") ?? void 0,
    period: params.get("period") ?? void 0
  };
  const check = checkSettings(given);
  const first = check.problems[0];
  if (first) {
    const value = given[first.setting] ?? "";
    const problem = value.length <= 6 ? first.problem : "has a value that is not allowed";
    throw badInput(`${label} ${first.setting} parameter`, problem, first.allowed, "E_URL_SETTING");
  }
  const explicit = codeSettingsOf(check.settings);
  const path = decodeLabel(url.pathname.replace(/^\//, ""), label);
  const colon = path.indexOf(":");
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : void 0;
  const accountName = (colon >= 0 ? path.slice(colon + 1) : path).trimStart();
  const issuer = params.get("issuer") || labelIssuer;
  const { algorithm, digits, period } = withDefaults(explicit);
  const key = {
    secret,
    algorithm,
    digits,
    period,
    ...issuer ? { issuer } : {},
    ...accountName ? { accountName } : {}
  };
  return { key, explicit };
}
function formatOtpauthUrl(key) {
  for (const [setting, value] of [
    ["issuer", key.issuer],
    ["accountName", key.accountName]
  ]) {
    if (value?.includes(":")) throw badInput(setting, `${quote(value)} contains ":"`, 'any text without ":"');
  }
  const totp = new TOTP({
    issuer: key.issuer ?? "",
    label: key.accountName ?? "",
    issuerInLabel: Boolean(key.issuer),
    secret: new Secret({ buffer: Uint8Array.from(key.secret).buffer }),
    algorithm: key.algorithm ?? DEFAULTS.algorithm,
    digits: key.digits ?? DEFAULTS.digits,
    period: key.period ?? DEFAULTS.period
  });
  return totp.toString();
}

// src/core/qr.ts
import QRCode from "qrcode";
async function qrPng(text, size) {
  if (size === 0) return void 0;
  if (!Number.isSafeInteger(size) || size < 0 || size > LIMITS.maxQrSize) {
    throw badInput("qrSize", `${size} is out of range`, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
  }
  const modules = QRCode.create(text, { errorCorrectionLevel: "M" }).modules.size;
  const margin = 4;
  if (size < modules + 2 * margin) {
    throw badInput(
      "qrSize",
      `${size} px is too small for this barcode`,
      `at least ${modules + 2 * margin} pixels, or 0`
    );
  }
  return QRCode.toBuffer(text, { type: "png", errorCorrectionLevel: "M", width: size, margin });
}
async function qrTerminal(text, colours = true) {
  if (!colours) return QRCode.toString(text, { type: "utf8", errorCorrectionLevel: "M", margin: 2 });
  return QRCode.toString(text, { type: "terminal", small: true, errorCorrectionLevel: "M" });
}

// src/core/seed.ts
import { randomBytes } from "node:crypto";
function generateSeed(size = DEFAULTS.keySize) {
  if (!Number.isSafeInteger(size) || size < LIMITS.minKeySize || size > LIMITS.maxKeySize) {
    throw badInput("keySize", `${size} is out of range`, `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes`);
  }
  return randomBytes(size);
}
function shortSeedWarning(seed, label) {
  if (seed.length >= LIMITS.minKeySize) return void 0;
  return `${label}: the seed is ${seed.length} bytes; RFC 4226 recommends at least ${LIMITS.minKeySize} (it is accepted, but consider rotating it)`;
}

// src/core/seed-text.ts
var MAX_SEED_TEXT = 64 * 1024;
function parseSeedText(text, label) {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      "E_SEED_TOO_LONG"
    );
  }
  const forms = /* @__PURE__ */ new Set([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (isOtpauthUrl(text)) {
    const { key, explicit } = parseOtpauthUrl(text, label);
    const raw = new URL(text.trim()).searchParams.get("secret") ?? "";
    for (const form of [raw, encodeBase32(key.secret), normalizeBase32(raw)]) forms.add(form);
    return {
      secret: key.secret,
      explicit,
      ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
      ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
      fromUrl: true,
      secretForms: nonEmpty(forms)
    };
  }
  const secret = decodeBase32(text, label);
  forms.add(normalizeBase32(text));
  forms.add(encodeBase32(secret));
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function nonEmpty(forms) {
  return [...forms].filter((f) => f.length > 0);
}
function resolveKey(seed, given, sourceLabel, label = (s) => s) {
  const check = checkSettings(given);
  const problems = [...check.problems];
  for (const setting of ["algorithm", "digits", "period"]) {
    const stated = seed.explicit[setting];
    const wanted = check.settings[setting];
    if (stated !== void 0 && wanted !== void 0 && stated !== wanted) {
      problems.push({
        setting,
        problem: `${wanted} contradicts the ${setting}=${stated} that ${sourceLabel} states`,
        allowed: `${stated}, or leave it out`
      });
    }
  }
  if (problems.length > 0) throw badSettings(problems, label);
  const settings = withDefaults({ ...codeSettingsOf(check.settings), ...seed.explicit });
  return {
    secret: seed.secret,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    ...seed.issuer !== void 0 ? { issuer: seed.issuer } : {},
    ...seed.accountName !== void 0 ? { accountName: seed.accountName } : {}
  };
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

// src/core/totp.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var HMAC_NAMES = { SHA1: "sha1", SHA256: "sha256", SHA512: "sha512" };
var MODULUS = { 6: 1e6, 8: 1e8 };
function isCodeTime(unixSeconds) {
  return typeof unixSeconds === "number" && Number.isFinite(unixSeconds) && unixSeconds >= 0 && unixSeconds <= Number.MAX_SAFE_INTEGER;
}
function counterAt(unixSeconds, period) {
  if (!isCodeTime(unixSeconds)) {
    throw badInput("time", "is not a Unix time", "a finite number of seconds \u2265 0", "E_BAD_TIME");
  }
  return Math.floor(unixSeconds / period);
}
function hotp(secret, counter, algorithm, digits) {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  const offset = mac[mac.length - 1] & 15;
  const binary = mac.readUInt32BE(offset) & 2147483647;
  return String(binary % MODULUS[digits]).padStart(digits, "0");
}
function generateCode(key, unixSeconds = Date.now() / 1e3) {
  return hotp(key.secret, counterAt(unixSeconds, key.period), key.algorithm, key.digits);
}
function normalizeCode(input) {
  return typeof input === "string" ? input.replace(/\s+/g, "") : void 0;
}
function verifyCode(key, input, options = {}) {
  const code = normalizeCode(input);
  if (code === void 0 || code.length !== key.digits || !/^[0-9]+$/.test(code)) {
    return code === void 0 ? { valid: false } : { valid: false, code };
  }
  const skew = options.skew ?? 1;
  const at = options.at ?? Date.now() / 1e3;
  if (!isCodeTime(at)) return { valid: false, code };
  const current = counterAt(at, key.period);
  const given = Buffer.from(code, "ascii");
  let matched;
  for (let delta = skew === 0 ? 0 : -skew; delta <= skew; delta++) {
    const counter = current + delta;
    if (counter < 0) continue;
    const expected = Buffer.from(hotp(key.secret, counter, key.algorithm, key.digits), "ascii");
    if (timingSafeEqual(expected, given) && matched === void 0) matched = delta;
  }
  if (matched === void 0) return { valid: false, code };
  return { valid: true, code, counter: current + matched, delta: matched };
}

// src/sources/env-source.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envSource(name, env = process.env, label = "source") {
  const reference = `env:${name}`;
  if (!NAME.test(name)) {
    throw badInput(
      label,
      name === "" ? "env: needs a variable name" : "env: has an invalid variable name",
      'env:NAME with letters, digits and "_", not starting with a digit'
    );
  }
  return {
    reference,
    async read() {
      const value = env[name];
      if (value === void 0)
        throw badInput(
          reference,
          "is not set",
          "a variable holding a Base32 seed or an otpauth URL",
          "E_SOURCE_NOT_FOUND"
        );
      if (value.trim() === "")
        throw badInput(reference, "is empty", "a Base32 seed or an otpauth URL", "E_SOURCE_EMPTY");
      return parseSeedText(value, reference);
    }
  };
}

// src/sources/file-source.ts
import { open } from "node:fs/promises";
var REASONS = {
  ENOENT: "does not exist",
  EACCES: "cannot be read (permission denied)",
  EPERM: "cannot be read (permission denied)",
  EISDIR: "is a directory",
  ENOTDIR: "has a path through something that is not a directory",
  ELOOP: "has a symbolic link loop"
};
async function readStreamCapped(stream, limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}
async function readCapped(path, limit) {
  if (path === "/dev/stdin" || path === "-") return readStreamCapped(process.stdin, limit);
  const handle = await open(path, "r");
  try {
    const chunks = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(Math.min(16 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
function fileSource(path, label = "source") {
  const reference = `file:${path}`;
  if (path === "") throw badInput(label, "file: needs a path", "file:PATH");
  return {
    reference,
    async read() {
      let bytes;
      try {
        bytes = await readCapped(path, MAX_SEED_TEXT);
      } catch (e) {
        const code = e.code ?? "";
        throw badInput(
          reference,
          REASONS[code] ?? `cannot be read (${code || "unknown error"})`,
          "a readable file holding a Base32 seed or an otpauth URL",
          "E_SOURCE_NOT_FOUND"
        );
      }
      if (bytes.length > MAX_SEED_TEXT) {
        throw badInput(reference, "is too large to hold a seed", `at most ${MAX_SEED_TEXT} bytes`, "E_SEED_TOO_LONG");
      }
      const text = bytes.toString("utf8");
      if (text.trim() === "")
        throw badInput(reference, "is empty", "a Base32 seed or an otpauth URL", "E_SOURCE_EMPTY");
      return parseSeedText(text, reference);
    }
  };
}

// src/sources/index.ts
var SUPPORTED = ["env:NAME", "file:PATH"];
var PLANNED = /* @__PURE__ */ new Set(["aws-sm", "vault-kv", "vault-totp", "store"]);
function resolveSource(reference, label = "source", env = process.env) {
  const allowed = SUPPORTED.join(", ");
  if (/^\s*otpauth:/i.test(reference)) {
    throw badInput(
      label,
      "is an otpauth URL, not a source reference (the URL was not printed)",
      `${allowed}; pass URLs through env:NAME or file:PATH`
    );
  }
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match)
    throw badInput(label, "is not a source reference (its value was not printed)", allowed, "E_SOURCE_SCHEME");
  const [, scheme, rest] = match;
  switch (scheme) {
    case "env":
      return envSource(rest, env, label);
    case "file":
      return fileSource(rest, label);
    default:
      if (PLANNED.has(scheme)) {
        throw badInput(
          label,
          `the ${scheme}: source is not supported by this version of totp-kit`,
          allowed,
          "E_SOURCE_UNSUPPORTED"
        );
      }
      throw badInput(label, `${scheme}: is not a known source scheme`, allowed, "E_SOURCE_SCHEME");
  }
}
export {
  ALGORITHMS,
  DEFAULTS,
  EXIT_CODES,
  TotpKitError,
  badInput,
  checkSettings,
  counterAt,
  decodeBase32,
  encodeBase32,
  errorMessage,
  expiresAt,
  formatOtpauthUrl,
  formatProblem,
  generateCode,
  generateSeed,
  hotp,
  isOtpauthUrl,
  normalizeAlgorithm,
  normalizeBase32,
  normalizeCode,
  nowSeconds,
  parseOtpauthUrl,
  parseSeedText,
  planFreshCode,
  qrPng,
  qrTerminal,
  remainingSeconds,
  resolveKey,
  resolveSource,
  shortSeedWarning,
  verifyCode,
  withDefaults
};
