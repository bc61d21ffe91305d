import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  parsePostgresRef
} from "./chunk-EE23T2T2.js";
import {
  AWS_PREFIX_ALLOWED,
  awsPrefixProblem,
  describeAwsError,
  loadSecretsManager
} from "./chunk-HSJDYOVP.js";
import {
  TotpKitError,
  badInput,
  badSettings,
  canonicalJson,
  formatProblem,
  isSafeToPrint,
  looksLikeSeed,
  quote
} from "./chunk-BYLEH6TO.js";

// src/core/base32.ts
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));
var VALID_TAIL_LENGTHS = /* @__PURE__ */ new Set([0, 2, 4, 5, 7]);
var ALLOWED = 'Base32 letters A\u2013Z and digits 2\u20137; spaces, "-" and trailing "=" are ignored';
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
  const compact = text.replace(/[\s-]+/g, "");
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  return compact.slice(0, end).replace(/[a-z]/g, (c) => c.toUpperCase());
}
function looksLikeHex(text) {
  const digits = text.replace(/\s+/g, "").replace(/^0x/i, "");
  return digits.length >= 2 && digits.length % 2 === 0 && /^[0-9a-f]+$/i.test(digits);
}
var HEX_NOT_BASE32 = "looks like hex (digits 0-9 and letters a-f only), not Base32";
function decodeBase32(text, label = "secret") {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, "is empty (no Base32 characters)", ALLOWED, "E_SEED_EMPTY");
  const refuse = (what) => badInput(label, looksLikeHex(text) ? HEX_NOT_BASE32 : `is not valid Base32: ${what}`, ALLOWED, "E_SEED_NOT_BASE32");
  const bytes = Buffer.alloc(Math.floor(clean.length * 5 / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i]);
    if (value === void 0) {
      const what = clean[i] === "=" ? '"=" padding before the end' : "a character that is not Base32";
      throw refuse(`${what} at position ${i + 1}`);
    }
    buffer = (buffer << 5 | value) & 65535;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = buffer >>> bits & 255;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw refuse(`${clean.length} ${clean.length === 1 ? "character" : "characters"} cannot encode whole bytes`);
  }
  return bytes;
}

// src/core/hmac.ts
import { createHmac } from "node:crypto";
var HMAC_NAMES = { SHA1: "sha1", SHA256: "sha256", SHA512: "sha512" };
var COUNTER = Buffer.alloc(8);
function truncatedHmac(secret, counter, algorithm) {
  const message = COUNTER;
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  const offset = mac[mac.length - 1] & 15;
  return mac.readUInt32BE(offset) & 2147483647;
}

// src/core/steam.ts
var STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";
var STEAM_CODE_LENGTH = 5;
var STEAM_PERIOD = 30;
var STEAM_ALGORITHM = "SHA1";
var STEAM_CODE_SETTINGS = { algorithm: STEAM_ALGORITHM, digits: 6, period: STEAM_PERIOD };
function steamMisfits(settings, allowedDigits = []) {
  const misfits = [];
  if (settings.algorithm !== void 0 && settings.algorithm !== STEAM_ALGORITHM) misfits.push("algorithm");
  if (settings.digits !== void 0 && !allowedDigits.includes(settings.digits)) misfits.push("digits");
  if (settings.period !== void 0 && settings.period !== STEAM_PERIOD) misfits.push("period");
  return misfits;
}
function steamSettingProblems(settings, why = "") {
  const suffix = why === "" ? "" : ` ${why}`;
  return steamMisfits(settings).map((setting) => {
    if (setting === "algorithm") {
      return {
        setting,
        problem: `${settings.algorithm} cannot be used with Steam Guard codes, which use ${STEAM_ALGORITHM}${suffix}`,
        allowed: `${STEAM_ALGORITHM}, or leave it out`
      };
    }
    if (setting === "digits") {
      return {
        setting,
        problem: `cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters${suffix}`,
        allowed: "leave it out"
      };
    }
    return {
      setting,
      problem: `${settings.period} cannot be used with Steam Guard codes, which change every ${STEAM_PERIOD} s${suffix}`,
      allowed: `${STEAM_PERIOD}, or leave it out`
    };
  });
}
var STEAM_CODE = new RegExp(`^[${STEAM_ALPHABET}]{${STEAM_CODE_LENGTH}}$`);
function steamCode(secret, counter) {
  let value = truncatedHmac(secret, counter, STEAM_ALGORITHM);
  let code = "";
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
function isSteamCode(code) {
  return STEAM_CODE.test(code);
}
function isSteamIssuer(issuer) {
  return issuer !== void 0 && issuer.trim().toLowerCase() === "steam";
}
function isUpperCaseBase32Text(text) {
  return /^[A-Z2-7]+=*$/.test(text.replace(/[\s-]+/g, ""));
}
var BASE64_ALLOWED = 'base64 as Steam stores shared_secret (A\u2013Z, a\u2013z, 0\u20139 and + /, or - _; "=" padding optional)';
var BASE64_STANDARD = /^[A-Za-z0-9+/]*$/;
var BASE64_URL = /^[A-Za-z0-9_-]*$/;
function decodeBase64Secret(text, label = "secret") {
  const compact = text.replace(/\s+/g, "");
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  const body = compact.slice(0, end);
  const padding = compact.length - end;
  if (body.length === 0) throw badInput(label, "is empty (no base64 characters)", BASE64_ALLOWED, "E_SEED_EMPTY");
  if (!BASE64_STANDARD.test(body) && !BASE64_URL.test(body)) {
    const at = [...body].findIndex((c) => !/[A-Za-z0-9]/.test(c) && !"+/_-".includes(c));
    const what = at >= 0 ? body[at] === "=" ? `"=" padding before the end (position ${at + 1})` : `a character that is not base64 at position ${at + 1}` : "characters of both the standard (+ /) and the URL-safe (- _) alphabet";
    throw badInput(label, `is not valid base64: ${what}`, BASE64_ALLOWED, "E_SEED_NOT_BASE64");
  }
  if (body.length % 4 === 1 || padding > 2 || padding > 0 && (body.length + padding) % 4 !== 0) {
    throw badInput(
      label,
      `is not valid base64: ${body.length} characters${padding > 0 ? ` and ${padding} "="` : ""} cannot encode whole bytes`,
      BASE64_ALLOWED,
      "E_SEED_NOT_BASE64"
    );
  }
  return Buffer.from(body, BASE64_URL.test(body) ? "base64url" : "base64");
}
function decodeSteamSecret(text, label = "secret") {
  return isUpperCaseBase32Text(text) ? Buffer.from(decodeBase32(text, label)) : decodeBase64Secret(text, label);
}
function base64Forms(secret) {
  const bytes = Buffer.from(secret);
  const standard = bytes.toString("base64");
  return [standard, standard.replace(/=+$/, ""), bytes.toString("base64url")];
}

// src/core/settings.ts
var ALGORITHMS = ["SHA1", "SHA256", "SHA512"];
var ENCODERS = ["totp", "steam"];
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
var CODE_SETTINGS_ALLOWED = {
  algorithm: "SHA1, SHA256 or SHA512",
  digits: "6 or 8",
  period: `whole seconds from 1 to ${LIMITS.maxPeriod}`
};
function normalizeAlgorithm(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toUpperCase().replace(/^SHA-/, "SHA");
  return ALGORITHMS.includes(name) ? name : void 0;
}
function normalizeEncoder(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toLowerCase();
  return ENCODERS.includes(name) ? name : void 0;
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
    const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
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
var LABEL_ALLOWED = 'any text without ":"';
function labelPartProblem(setting, value, required = false) {
  if (value === void 0 || value === "") {
    return required ? { setting, problem: "is required for a generated key", allowed: LABEL_ALLOWED } : void 0;
  }
  if (typeof value !== "string") return { setting, problem: "is not text", allowed: LABEL_ALLOWED };
  if (value.includes(":")) {
    return { setting, problem: `contains ":" (character ${value.indexOf(":") + 1})`, allowed: LABEL_ALLOWED };
  }
  if (!value.isWellFormed()) return { setting, problem: "is not well-formed Unicode text", allowed: LABEL_ALLOWED };
  return void 0;
}
function checkLabelPart(setting, value, required, problems) {
  const problem = labelPartProblem(setting, value, required);
  if (problem) problems.push(problem);
  return problem || value === "" ? void 0 : value;
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
        allowed: CODE_SETTINGS_ALLOWED.algorithm
      });
  }
  if (input.digits !== void 0) {
    const digits = parseWholeNumber(input.digits);
    if (digits === 6 || digits === 8) settings.digits = digits;
    else
      problems.push({
        setting: "digits",
        problem: `${quote(input.digits)} is not allowed`,
        allowed: CODE_SETTINGS_ALLOWED.digits
      });
  }
  if (input.period !== void 0) {
    const r = wholeInRange("period", input.period, 1, LIMITS.maxPeriod, CODE_SETTINGS_ALLOWED.period);
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
  if (input.encoder !== void 0) {
    const encoder = normalizeEncoder(input.encoder);
    if (encoder) settings.encoder = encoder;
    else
      problems.push({
        setting: "encoder",
        problem: `${quote(input.encoder)} is not supported`,
        allowed: "totp or steam"
      });
    if (encoder === "steam") problems.push(...steamSettingProblems(settings));
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

// src/core/totp.ts
import { timingSafeEqual } from "node:crypto";

// src/core/time.ts
var MAX_UNIX_SECONDS = 253402300799;
function nowSeconds() {
  return Date.now() / 1e3;
}
function remainingSeconds(t, period) {
  return period - Math.floor(t) % period;
}
function expiresAt(t, period) {
  return (Math.floor(t / period) + 1) * period;
}
function assertMinRemaining(minRemaining, period, label = "minRemaining") {
  if (!Number.isSafeInteger(minRemaining) || minRemaining < 0 || minRemaining >= period) {
    throw badInput(
      label,
      `${minRemaining} is out of range for a ${period} s period`,
      `whole seconds from 0 to ${period - 1}`
    );
  }
}
function planFreshCode(t, period, minRemaining, label = "minRemaining") {
  assertMinRemaining(minRemaining, period, label);
  const left = period - t % period;
  if (left >= minRemaining) return { at: t, waitSeconds: 0 };
  const next = expiresAt(t, period);
  return { at: next, waitSeconds: next - t };
}
function tenths(seconds) {
  return (Math.floor(seconds * 10) / 10).toFixed(1);
}

// src/core/totp.ts
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
function hotpValue(secret, counter, algorithm, digits) {
  return String(truncatedHmac(secret, counter, algorithm) % MODULUS[digits]).padStart(digits, "0");
}
function hotp(secret, counter, algorithm, digits) {
  assertCheckedSettings({ algorithm, digits });
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw badInput("counter", `${quote(counter)} is not a counter`, "a whole number from 0 to 2^53 - 1");
  }
  return hotpValue(secret, counter, algorithm, digits);
}
function codeLength(key) {
  return key.encoder === "steam" ? STEAM_CODE_LENGTH : key.digits;
}
function codeFormatText(key) {
  return key.encoder === "steam" ? `${STEAM_CODE_LENGTH} characters from ${STEAM_ALPHABET}` : `${key.digits} digits 0-9`;
}
function describeCodes(key) {
  if (key.encoder === "steam") return `Steam Guard: ${key.algorithm}, ${STEAM_CODE_LENGTH} characters, ${key.period} s`;
  return `${key.algorithm}, ${key.digits} digits, ${key.period} s`;
}
function isWellFormedCode(key, code) {
  if (key.encoder === "steam") return isSteamCode(code);
  return code.length === key.digits && /^[0-9]+$/.test(code);
}
function codeAt(key, counter) {
  return key.encoder === "steam" ? steamCode(key.secret, counter) : hotpValue(key.secret, counter, key.algorithm, key.digits);
}
function assertCheckedSettings(given) {
  const { settings, problems } = checkSettings(given);
  for (const setting of Object.keys(given)) {
    const problem = problems.find((p) => p.setting === setting);
    if (problem) throw badInput(setting, problem.problem, problem.allowed);
    if (settings[setting] === void 0 || settings[setting] !== given[setting]) {
      throw badInput(setting, `${quote(given[setting])} is not allowed`, CODE_SETTINGS_ALLOWED[setting]);
    }
  }
}
function assertCodeSettings(key) {
  const passed = PASSED.get(key);
  if (passed !== void 0 && passed.algorithm === key.algorithm && passed.digits === key.digits && passed.period === key.period && passed.encoder === key.encoder) {
    return;
  }
  assertCheckedSettings({ algorithm: key.algorithm, digits: key.digits, period: key.period });
  if (key.encoder !== void 0 && key.encoder !== "steam" && key.encoder !== "totp") {
    throw badInput("encoder", `${quote(key.encoder)} is not supported`, "steam, or leave it out");
  }
  const misfit = key.encoder === "steam" ? steamMisfits({ algorithm: key.algorithm, period: key.period })[0] : void 0;
  if (misfit !== void 0) {
    throw badInput(
      misfit,
      "does not fit a Steam key",
      `algorithm ${STEAM_ALGORITHM} and period ${STEAM_PERIOD} with encoder steam`
    );
  }
  PASSED.set(key, { algorithm: key.algorithm, digits: key.digits, period: key.period, encoder: key.encoder });
}
var PASSED = /* @__PURE__ */ new WeakMap();
function generateCode(key, unixSeconds = nowSeconds()) {
  assertCodeSettings(key);
  return codeAt(key, counterAt(unixSeconds, key.period));
}
function normalizeCode(input, format) {
  if (typeof input !== "string") return void 0;
  const compact = input.replace(/\s+/g, "");
  return format?.encoder === "steam" ? compact.replace(/[a-z]/g, (c) => c.toUpperCase()) : compact;
}
function verifyCode(key, input, options = {}) {
  const code = normalizeCode(input, key);
  if (code === void 0 || !isWellFormedCode(key, code)) {
    return code === void 0 ? { valid: false } : { valid: false, code };
  }
  assertCodeSettings(key);
  const skew = options.skew ?? 1;
  if (skew !== 0 && skew !== 1) throw badInput("skew", `${quote(skew)} is not allowed`, "0 or 1");
  const at = options.at ?? nowSeconds();
  if (!isCodeTime(at)) return { valid: false, code };
  const current = counterAt(at, key.period);
  const given = Buffer.from(code, "ascii");
  let matched;
  for (let delta = skew === 0 ? 0 : -skew; delta <= skew; delta++) {
    const counter = current + delta;
    if (counter < 0) continue;
    const expected = Buffer.from(codeAt(key, counter), "ascii");
    if (timingSafeEqual(expected, given) && matched === void 0) matched = delta;
  }
  if (matched === void 0) return { valid: false, code };
  return { valid: true, code, counter: current + matched, delta: matched };
}

// node_modules/otpauth/dist/otpauth.node.mjs
import * as crypto from "node:crypto";
var uintDecode = (num) => {
  const buf = new ArrayBuffer(8);
  const arr = new Uint8Array(buf);
  let acc = num;
  for (let i = 7; i >= 0; i--) {
    if (acc === 0) break;
    arr[i] = acc & 255;
    acc -= arr[i];
    acc /= 256;
  }
  return arr;
};
var globalScope = (() => {
  if (typeof globalThis === "object") return globalThis;
  else {
    Object.defineProperty(Object.prototype, "__GLOBALTHIS__", {
      get() {
        return this;
      },
      configurable: true
    });
    try {
      if (typeof __GLOBALTHIS__ !== "undefined") return __GLOBALTHIS__;
    } finally {
      delete Object.prototype.__GLOBALTHIS__;
    }
  }
  if (typeof self !== "undefined") return self;
  else if (typeof window !== "undefined") return window;
  else if (typeof global !== "undefined") return global;
  return void 0;
})();
var canonicalizeAlgorithm = (algorithm) => {
  switch (true) {
    case /^(?:SHA-?1|SSL3-SHA1)$/i.test(algorithm):
      return "SHA1";
    case /^SHA(?:2?-)?224$/i.test(algorithm):
      return "SHA224";
    case /^SHA(?:2?-)?256$/i.test(algorithm):
      return "SHA256";
    case /^SHA(?:2?-)?384$/i.test(algorithm):
      return "SHA384";
    case /^SHA(?:2?-)?512$/i.test(algorithm):
      return "SHA512";
    case /^SHA3-224$/i.test(algorithm):
      return "SHA3-224";
    case /^SHA3-256$/i.test(algorithm):
      return "SHA3-256";
    case /^SHA3-384$/i.test(algorithm):
      return "SHA3-384";
    case /^SHA3-512$/i.test(algorithm):
      return "SHA3-512";
    default:
      throw new TypeError(`Unknown hash algorithm: ${algorithm}`);
  }
};
var hmacDigest = (algorithm, key, message) => {
  if (crypto?.createHmac) {
    const hmac = crypto.createHmac(algorithm, globalScope.Buffer.from(key));
    hmac.update(globalScope.Buffer.from(message));
    return hmac.digest();
  } else {
    throw new Error("Missing HMAC function");
  }
};
var ALPHABET$1 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var base32Decode = (str) => {
  str = str.replace(/ /g, "").toUpperCase();
  let end = str.length;
  while (str[end - 1] === "=") --end;
  if (end < str.length) str = str.substring(0, end);
  const buf = new ArrayBuffer(str.length * 5 / 8 | 0);
  const arr = new Uint8Array(buf);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (let i = 0; i < str.length; i++) {
    const idx = ALPHABET$1.indexOf(str[i]);
    if (idx === -1) throw new TypeError(`Invalid character found: ${str[i]}`);
    value = value << 5 | idx;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      arr[index++] = value >>> bits;
    }
  }
  return arr;
};
var base32Encode = (arr) => {
  let bits = 0;
  let value = 0;
  let str = "";
  for (let i = 0; i < arr.length; i++) {
    value = value << 8 | arr[i];
    bits += 8;
    while (bits >= 5) {
      str += ALPHABET$1[value >>> bits - 5 & 31];
      bits -= 5;
    }
  }
  if (bits > 0) {
    str += ALPHABET$1[value << 5 - bits & 31];
  }
  return str;
};
var ALPHABET2 = "0123456789ABCDEF";
var hexDecode = (str) => {
  str = str.replace(/ /g, "").toUpperCase();
  const buf = new ArrayBuffer(str.length / 2);
  const arr = new Uint8Array(buf);
  for (let i = 0; i < str.length; i += 2) {
    const hi = ALPHABET2.indexOf(str[i]);
    const lo = ALPHABET2.indexOf(str[i + 1]);
    if (hi === -1 || lo === -1) throw new TypeError(`Invalid character found: ${str.substring(i, i + 2)}`);
    arr[i / 2] = hi << 4 | lo;
  }
  return arr;
};
var hexEncode = (arr) => {
  let str = "";
  for (let i = 0; i < arr.length; i++) {
    const hex = arr[i].toString(16);
    if (hex.length === 1) str += "0";
    str += hex;
  }
  return str.toUpperCase();
};
var latin1Decode = (str) => {
  const buf = new ArrayBuffer(str.length);
  const arr = new Uint8Array(buf);
  for (let i = 0; i < str.length; i++) {
    arr[i] = str.charCodeAt(i) & 255;
  }
  return arr;
};
var latin1Encode = (arr) => {
  let str = "";
  for (let i = 0; i < arr.length; i++) {
    str += String.fromCharCode(arr[i]);
  }
  return str;
};
var ENCODER = globalScope.TextEncoder ? new globalScope.TextEncoder() : null;
var DECODER = globalScope.TextDecoder ? new globalScope.TextDecoder() : null;
var utf8Decode = (str) => {
  if (!ENCODER) {
    throw new Error("Encoding API not available");
  }
  return ENCODER.encode(str);
};
var utf8Encode = (arr) => {
  if (!DECODER) {
    throw new Error("Encoding API not available");
  }
  return DECODER.decode(arr);
};
var randomBytes2 = (size) => {
  if (crypto?.randomBytes) {
    return crypto.randomBytes(size);
  } else if (globalScope.crypto?.getRandomValues) {
    return globalScope.crypto.getRandomValues(new Uint8Array(size));
  } else {
    throw new Error("Cryptography API not available");
  }
};
var Secret = class _Secret {
  /**
  * Converts a Latin-1 string to a Secret object.
  * @param {string} str Latin-1 string.
  * @returns {Secret} Secret object.
  */
  static fromLatin1(str) {
    return new _Secret({
      buffer: latin1Decode(str).buffer
    });
  }
  /**
  * Converts an UTF-8 string to a Secret object.
  * @param {string} str UTF-8 string.
  * @returns {Secret} Secret object.
  */
  static fromUTF8(str) {
    return new _Secret({
      buffer: utf8Decode(str).buffer
    });
  }
  /**
  * Converts a base32 string to a Secret object.
  * @param {string} str Base32 string.
  * @returns {Secret} Secret object.
  */
  static fromBase32(str) {
    return new _Secret({
      buffer: base32Decode(str).buffer
    });
  }
  /**
  * Converts a hexadecimal string to a Secret object.
  * @param {string} str Hexadecimal string.
  * @returns {Secret} Secret object.
  */
  static fromHex(str) {
    return new _Secret({
      buffer: hexDecode(str).buffer
    });
  }
  /**
  * Secret key buffer.
  * @deprecated For backward compatibility, the "bytes" property should be used instead.
  * @type {ArrayBufferLike}
  */
  get buffer() {
    return this.bytes.buffer;
  }
  /**
  * Latin-1 string representation of secret key.
  * @type {string}
  */
  get latin1() {
    Object.defineProperty(this, "latin1", {
      enumerable: true,
      writable: false,
      configurable: false,
      value: latin1Encode(this.bytes)
    });
    return this.latin1;
  }
  /**
  * UTF-8 string representation of secret key.
  * @type {string}
  */
  get utf8() {
    Object.defineProperty(this, "utf8", {
      enumerable: true,
      writable: false,
      configurable: false,
      value: utf8Encode(this.bytes)
    });
    return this.utf8;
  }
  /**
  * Base32 string representation of secret key.
  * @type {string}
  */
  get base32() {
    Object.defineProperty(this, "base32", {
      enumerable: true,
      writable: false,
      configurable: false,
      value: base32Encode(this.bytes)
    });
    return this.base32;
  }
  /**
  * Hexadecimal string representation of secret key.
  * @type {string}
  */
  get hex() {
    Object.defineProperty(this, "hex", {
      enumerable: true,
      writable: false,
      configurable: false,
      value: hexEncode(this.bytes)
    });
    return this.hex;
  }
  /**
  * Creates a secret key object.
  * @param {Object} [config] Configuration options.
  * @param {ArrayBufferLike} [config.buffer] Secret key buffer.
  * @param {number} [config.size=20] Number of random bytes to generate, ignored if 'buffer' is provided.
  */
  constructor({ buffer, size = 20 } = {}) {
    this.bytes = typeof buffer === "undefined" ? randomBytes2(size) : new Uint8Array(buffer);
    Object.defineProperty(this, "bytes", {
      enumerable: true,
      writable: false,
      configurable: false,
      value: this.bytes
    });
  }
};
var timingSafeEqual3 = (a, b) => {
  if (crypto?.timingSafeEqual) {
    return crypto.timingSafeEqual(globalScope.Buffer.from(a), globalScope.Buffer.from(b));
  } else {
    if (a.length !== b.length) {
      throw new TypeError("Input strings must have the same length");
    }
    let i = -1;
    let out = 0;
    while (++i < a.length) {
      out |= a.charCodeAt(i) ^ b.charCodeAt(i);
    }
    return out === 0;
  }
};
var HOTP = class _HOTP {
  /**
  * Default configuration.
  * @type {{
  *   issuer: string,
  *   label: string,
  *   issuerInLabel: boolean,
  *   algorithm: string,
  *   digits: number,
  *   counter: number
  *   window: number
  * }}
  */
  static get defaults() {
    return {
      issuer: "",
      label: "OTPAuth",
      issuerInLabel: true,
      algorithm: "SHA1",
      digits: 6,
      counter: 0,
      window: 1
    };
  }
  /**
  * Generates an HOTP token.
  * @param {Object} config Configuration options.
  * @param {Secret} config.secret Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.counter=0] Counter value.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  * @returns {string} Token.
  */
  static generate({ secret, algorithm = _HOTP.defaults.algorithm, digits = _HOTP.defaults.digits, counter = _HOTP.defaults.counter, hmac = hmacDigest }) {
    const message = uintDecode(counter);
    const digest = hmac(algorithm, secret.bytes, message);
    if (!digest?.byteLength || digest.byteLength < 19) {
      throw new TypeError("Return value must be at least 19 bytes");
    }
    const offset = digest[digest.byteLength - 1] & 15;
    const otp = ((digest[offset] & 127) << 24 | (digest[offset + 1] & 255) << 16 | (digest[offset + 2] & 255) << 8 | digest[offset + 3] & 255) % 10 ** digits;
    return otp.toString().padStart(digits, "0");
  }
  /**
  * Generates an HOTP token.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.counter=this.counter++] Counter value.
  * @returns {string} Token.
  */
  generate({ counter = this.counter++ } = {}) {
    return _HOTP.generate({
      secret: this.secret,
      algorithm: this.algorithm,
      digits: this.digits,
      counter,
      hmac: this.hmac
    });
  }
  /**
  * Validates an HOTP token.
  * @param {Object} config Configuration options.
  * @param {string} config.token Token value.
  * @param {Secret} config.secret Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.counter=0] Counter value.
  * @param {number} [config.window=1] Window of counter values to test.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  * @returns {number|null} Token delta or null if it is not found in the search window, in which case it should be considered invalid.
  */
  static validate({ token, secret, algorithm, digits = _HOTP.defaults.digits, counter = _HOTP.defaults.counter, window: window2 = _HOTP.defaults.window, hmac = hmacDigest }) {
    if (token.length !== digits) return null;
    let delta = null;
    const check = (i) => {
      const generatedToken = _HOTP.generate({
        secret,
        algorithm,
        digits,
        counter: i,
        hmac
      });
      if (timingSafeEqual3(token, generatedToken)) {
        delta = i - counter;
      }
    };
    check(counter);
    for (let i = 1; i <= window2 && delta === null; ++i) {
      check(counter - i);
      if (delta !== null) break;
      check(counter + i);
      if (delta !== null) break;
    }
    return delta;
  }
  /**
  * Validates an HOTP token.
  * @param {Object} config Configuration options.
  * @param {string} config.token Token value.
  * @param {number} [config.counter=this.counter] Counter value.
  * @param {number} [config.window=1] Window of counter values to test.
  * @returns {number|null} Token delta or null if it is not found in the search window, in which case it should be considered invalid.
  */
  validate({ token, counter = this.counter, window: window2 }) {
    return _HOTP.validate({
      token,
      secret: this.secret,
      algorithm: this.algorithm,
      digits: this.digits,
      counter,
      window: window2,
      hmac: this.hmac
    });
  }
  /**
  * Returns a Google Authenticator key URI.
  * @returns {string} URI.
  */
  toString() {
    const e = encodeURIComponent;
    return `otpauth://hotp/${this.issuer.length > 0 ? this.issuerInLabel ? `${e(this.issuer)}:${e(this.label)}?issuer=${e(this.issuer)}&` : `${e(this.label)}?issuer=${e(this.issuer)}&` : `${e(this.label)}?`}secret=${e(this.secret.base32)}&algorithm=${e(this.algorithm)}&digits=${e(this.digits)}&counter=${e(this.counter)}`;
  }
  /**
  * Creates an HOTP object.
  * @param {Object} [config] Configuration options.
  * @param {string} [config.issuer=''] Account provider.
  * @param {string} [config.label='OTPAuth'] Account label.
  * @param {boolean} [config.issuerInLabel=true] Include issuer prefix in label.
  * @param {Secret|string} [config.secret=Secret] Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.counter=0] Initial counter value.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  */
  constructor({ issuer = _HOTP.defaults.issuer, label = _HOTP.defaults.label, issuerInLabel = _HOTP.defaults.issuerInLabel, secret = new Secret(), algorithm = _HOTP.defaults.algorithm, digits = _HOTP.defaults.digits, counter = _HOTP.defaults.counter, hmac } = {}) {
    this.issuer = issuer;
    this.label = label;
    this.issuerInLabel = issuerInLabel;
    this.secret = typeof secret === "string" ? Secret.fromBase32(secret) : secret;
    this.algorithm = hmac ? algorithm : canonicalizeAlgorithm(algorithm);
    this.digits = digits;
    this.counter = counter;
    this.hmac = hmac;
  }
};
var TOTP = class _TOTP {
  /**
  * Default configuration.
  * @type {{
  *   issuer: string,
  *   label: string,
  *   issuerInLabel: boolean,
  *   algorithm: string,
  *   digits: number,
  *   period: number
  *   window: number
  * }}
  */
  static get defaults() {
    return {
      issuer: "",
      label: "OTPAuth",
      issuerInLabel: true,
      algorithm: "SHA1",
      digits: 6,
      period: 30,
      window: 1
    };
  }
  /**
  * Calculates the counter. i.e. the number of periods since timestamp 0.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.period=30] Token time-step duration.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @returns {number} Counter.
  */
  static counter({ period = _TOTP.defaults.period, timestamp = Date.now() } = {}) {
    return Math.floor(timestamp / 1e3 / period);
  }
  /**
  * Calculates the counter. i.e. the number of periods since timestamp 0.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @returns {number} Counter.
  */
  counter({ timestamp = Date.now() } = {}) {
    return _TOTP.counter({
      period: this.period,
      timestamp
    });
  }
  /**
  * Calculates the remaining time in milliseconds until the next token is generated.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.period=30] Token time-step duration.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @returns {number} counter.
  */
  static remaining({ period = _TOTP.defaults.period, timestamp = Date.now() } = {}) {
    return period * 1e3 - timestamp % (period * 1e3);
  }
  /**
  * Calculates the remaining time in milliseconds until the next token is generated.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @returns {number} counter.
  */
  remaining({ timestamp = Date.now() } = {}) {
    return _TOTP.remaining({
      period: this.period,
      timestamp
    });
  }
  /**
  * Generates a TOTP token.
  * @param {Object} config Configuration options.
  * @param {Secret} config.secret Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.period=30] Token time-step duration.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  * @returns {string} Token.
  */
  static generate({ secret, algorithm, digits, period = _TOTP.defaults.period, timestamp = Date.now(), hmac }) {
    return HOTP.generate({
      secret,
      algorithm,
      digits,
      counter: _TOTP.counter({
        period,
        timestamp
      }),
      hmac
    });
  }
  /**
  * Generates a TOTP token.
  * @param {Object} [config] Configuration options.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @returns {string} Token.
  */
  generate({ timestamp = Date.now() } = {}) {
    return _TOTP.generate({
      secret: this.secret,
      algorithm: this.algorithm,
      digits: this.digits,
      period: this.period,
      timestamp,
      hmac: this.hmac
    });
  }
  /**
  * Validates a TOTP token.
  * @param {Object} config Configuration options.
  * @param {string} config.token Token value.
  * @param {Secret} config.secret Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.period=30] Token time-step duration.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @param {number} [config.window=1] Window of counter values to test.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  * @returns {number|null} Token delta or null if it is not found in the search window, in which case it should be considered invalid.
  */
  static validate({ token, secret, algorithm, digits, period = _TOTP.defaults.period, timestamp = Date.now(), window: window2, hmac }) {
    return HOTP.validate({
      token,
      secret,
      algorithm,
      digits,
      counter: _TOTP.counter({
        period,
        timestamp
      }),
      window: window2,
      hmac
    });
  }
  /**
  * Validates a TOTP token.
  * @param {Object} config Configuration options.
  * @param {string} config.token Token value.
  * @param {number} [config.timestamp=Date.now] Timestamp value in milliseconds.
  * @param {number} [config.window=1] Window of counter values to test.
  * @returns {number|null} Token delta or null if it is not found in the search window, in which case it should be considered invalid.
  */
  validate({ token, timestamp, window: window2 }) {
    return _TOTP.validate({
      token,
      secret: this.secret,
      algorithm: this.algorithm,
      digits: this.digits,
      period: this.period,
      timestamp,
      window: window2,
      hmac: this.hmac
    });
  }
  /**
  * Returns a Google Authenticator key URI.
  * @returns {string} URI.
  */
  toString() {
    const e = encodeURIComponent;
    return `otpauth://totp/${this.issuer.length > 0 ? this.issuerInLabel ? `${e(this.issuer)}:${e(this.label)}?issuer=${e(this.issuer)}&` : `${e(this.label)}?issuer=${e(this.issuer)}&` : `${e(this.label)}?`}secret=${e(this.secret.base32)}&algorithm=${e(this.algorithm)}&digits=${e(this.digits)}&period=${e(this.period)}`;
  }
  /**
  * Creates a TOTP object.
  * @param {Object} [config] Configuration options.
  * @param {string} [config.issuer=''] Account provider.
  * @param {string} [config.label='OTPAuth'] Account label.
  * @param {boolean} [config.issuerInLabel=true] Include issuer prefix in label.
  * @param {Secret|string} [config.secret=Secret] Secret key.
  * @param {string} [config.algorithm='SHA1'] HMAC hashing algorithm.
  * @param {number} [config.digits=6] Token length.
  * @param {number} [config.period=30] Token time-step duration.
  * @param {(algorithm: string, key: Uint8Array, message: Uint8Array) => Uint8Array} [config.hmac] Custom HMAC function.
  */
  constructor({ issuer = _TOTP.defaults.issuer, label = _TOTP.defaults.label, issuerInLabel = _TOTP.defaults.issuerInLabel, secret = new Secret(), algorithm = _TOTP.defaults.algorithm, digits = _TOTP.defaults.digits, period = _TOTP.defaults.period, hmac } = {}) {
    this.issuer = issuer;
    this.label = label;
    this.issuerInLabel = issuerInLabel;
    this.secret = typeof secret === "string" ? Secret.fromBase32(secret) : secret;
    this.algorithm = hmac ? algorithm : canonicalizeAlgorithm(algorithm);
    this.digits = digits;
    this.period = period;
    this.hmac = hmac;
  }
};

// src/core/otpauth-parts.ts
var KNOWN_PARAMETERS = ["secret", "issuer", "algorithm", "digits", "period", "encoder"];
var URL_FORM = "otpauth://totp/Issuer:Account?secret=BASE32&issuer=\u2026&algorithm=\u2026&digits=\u2026&period=\u2026";
var LABEL_ALLOWED2 = 'Issuer:Account or Account, with no other ":" (literal or %3A)';
var asciiLower = (name) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
function knownParameters(params) {
  const found = /* @__PURE__ */ new Map();
  for (const [name, value] of params) {
    const known = KNOWN_PARAMETERS.find((k) => k === asciiLower(name));
    if (known === void 0) continue;
    const entry = found.get(known) ?? { values: [], names: [] };
    entry.values.push(value);
    entry.names.push(name);
    found.set(known, entry);
  }
  return found;
}
function repeatedParameters(parameters, label) {
  const problems = [];
  for (const [name, { values, names }] of parameters) {
    if (values.length < 2) continue;
    const spellings = [...new Set(names)];
    const written = spellings.length > 1 ? ` (${spellings.join(", ")}: names are case-insensitive)` : "";
    problems.push({
      setting: label,
      problem: `has ${values.length} "${name}" parameters${written}`,
      allowed: "each parameter once",
      code: "E_URL_DUPLICATE"
    });
  }
  return problems;
}
function readSecret(text, label, problems) {
  if (text === void 0 || text.trim() === "") {
    problems.push({ setting: label, problem: "has no secret parameter", allowed: URL_FORM, code: "E_URL_NO_SECRET" });
    return void 0;
  }
  try {
    return decodeBase32(text, `${label} secret parameter`);
  } catch (e) {
    if (!(e instanceof TotpKitError)) throw e;
    problems.push(...e.problems.map((p) => ({ ...p, code: e.code })));
    return void 0;
  }
}
function readLabel(rawLabel, issuerParameter, label, problems) {
  const path = labelText(rawLabel, label, problems);
  const colon = path.indexOf(":");
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : void 0;
  const accountName = (colon >= 0 ? path.slice(colon + 1) : path).trimStart();
  if (issuerParameter?.includes(":")) {
    problems.push({
      setting: `${label} issuer parameter`,
      problem: `contains ":" (character ${issuerParameter.indexOf(":") + 1}), which the Key URI format does not allow in an issuer`,
      allowed: 'an issuer without ":"',
      code: "E_URL_LABEL"
    });
  }
  return { issuer: issuerParameter || labelIssuer, accountName };
}
function readSettings(one, encoder, label, problems) {
  const steam = encoder?.encoder === "steam";
  const given = {
    algorithm: one("algorithm"),
    // A Steam URL says digits=5 (Aegis, KeePassXC) or the digits=6 of tools that do not know Steam.
    digits: steam ? steamDigits(one("digits"), label, problems) : one("digits"),
    period: one("period")
  };
  const check = checkSettings(given);
  for (const p of check.problems) {
    const value = given[p.setting] ?? "";
    const problem = isSafeToPrint(value) ? p.problem : "has a value that is not allowed";
    problems.push({ ...p, setting: `${label} ${p.setting} parameter`, problem, code: "E_URL_SETTING" });
  }
  const explicit = codeSettingsOf(check.settings);
  if (steam) {
    const { digits: _digits, ...stated } = explicit;
    for (const p of steamSettingProblems(stated, `(the URL is a Steam key: ${encoder.statedAs})`)) {
      problems.push({ ...p, setting: `${label} ${p.setting} parameter`, code: "E_URL_SETTING" });
    }
  }
  return explicit;
}
function urlError(problems) {
  const plain = problems.map(({ code: _code, ...p }) => p);
  return new TotpKitError(
    "bad-input",
    problems[0]?.code ?? "E_URL_INVALID",
    plain.map((p) => formatProblem(p)).join("\n"),
    plain
  );
}
function labelText(raw, label, problems) {
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    problems.push({
      setting: label,
      problem: "has a label with broken percent-encoding",
      allowed: URL_FORM,
      code: "E_URL_LABEL"
    });
    return "";
  }
  const colons = path.split(":").length - 1;
  if (colons > 1) {
    problems.push({
      setting: label,
      problem: `has a label with ${colons} ":" (literal or %3A); only one may separate the issuer from the account`,
      allowed: LABEL_ALLOWED2,
      code: "E_URL_LABEL"
    });
    return "";
  }
  return path;
}
function statedEncoder(type, text, issuer, label, problems) {
  let parameter;
  if (text !== void 0) {
    parameter = normalizeEncoder(text);
    if (parameter === void 0) {
      const problem = isSafeToPrint(text) ? `${quote(text)} is not supported` : "has a value that is not supported";
      problems.push({
        setting: `${label} encoder parameter`,
        problem,
        allowed: "steam or totp",
        code: "E_URL_SETTING"
      });
    }
  }
  if (type === "steam") {
    if (parameter === "totp") {
      problems.push({
        setting: `${label} encoder parameter`,
        problem: "totp contradicts the otpauth://steam/ type",
        allowed: "steam, or leave it out",
        code: "E_URL_SETTING"
      });
    }
    return { encoder: "steam", statedAs: "the otpauth://steam/ type" };
  }
  if (parameter !== void 0) return { encoder: parameter, statedAs: `encoder=${parameter}` };
  return isSteamIssuer(issuer) ? { encoder: "steam", statedAs: "the issuer Steam" } : void 0;
}
function steamDigits(text, label, problems) {
  if (text === void 0) return void 0;
  const digits = parseWholeNumber(text);
  if (digits === STEAM_CODE_LENGTH || digits === STEAM_CODE_SETTINGS.digits) return void 0;
  problems.push({
    setting: `${label} digits parameter`,
    problem: `${isSafeToPrint(text) ? quote(text) : "a value"} cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters`,
    allowed: `${STEAM_CODE_LENGTH}, or leave it out`,
    code: "E_URL_SETTING"
  });
  return void 0;
}

// src/core/otpauth-url.ts
function isOtpauthUrl(text) {
  return /^\s*otpauth:/i.test(text);
}
function secretParameterOf(text) {
  try {
    return knownParameters(new URL(text.trim()).searchParams).get("secret")?.values[0] ?? "";
  } catch {
    return "";
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
  if (type !== "totp" && type !== "steam")
    throw badInput(label, "has an unknown OTP type", "totp or steam", "E_URL_TYPE");
  const problems = [];
  const parameters = knownParameters(url.searchParams);
  problems.push(...repeatedParameters(parameters, label));
  const one = (name) => {
    const values = parameters.get(name)?.values;
    return values?.length === 1 ? values[0] : void 0;
  };
  const secret = (parameters.get("secret")?.values.length ?? 0) > 1 ? void 0 : readSecret(one("secret"), label, problems);
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? "";
  const { issuer, accountName } = readLabel(rawLabel, one("issuer"), label, problems);
  const encoder = statedEncoder(type, one("encoder"), issuer, label, problems);
  const explicit = readSettings(one, encoder, label, problems);
  if (problems.length > 0 || secret === void 0) throw urlError(problems);
  const { algorithm, digits, period } = withDefaults(explicit);
  const key = {
    secret,
    algorithm,
    digits,
    period,
    ...issuer ? { issuer } : {},
    ...accountName ? { accountName } : {},
    ...encoder?.encoder === "steam" ? { encoder: "steam" } : {}
  };
  return { key, explicit, ...encoder ? { encoder } : {} };
}
function formatOtpauthUrl(key) {
  assertCodeSettings(key);
  for (const setting of ["issuer", "accountName"]) {
    const problem = labelPartProblem(setting, key[setting]);
    if (problem) throw badInput(setting, problem.problem, problem.allowed);
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
  const url = totp.toString();
  if (key.encoder !== "steam") return url;
  return `${url.replace(/([?&]digits=)6(?=&|$)/, `$1${STEAM_CODE_LENGTH}`)}&encoder=steam`;
}

// src/core/seed.ts
import { randomBytes as randomBytes3 } from "node:crypto";
function generateSeed(size = DEFAULTS.keySize) {
  if (!Number.isSafeInteger(size) || size < LIMITS.minKeySize || size > LIMITS.maxKeySize) {
    throw badInput("keySize", `${size} is out of range`, `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes`);
  }
  return randomBytes3(size);
}
function shortSeedWarning(seed, label) {
  if (seed.length >= LIMITS.minKeySize) return void 0;
  return `${label}: the seed is ${seed.length} bytes; RFC 4226 recommends at least ${LIMITS.minKeySize} (it is accepted, but consider rotating it)`;
}

// src/core/hex.ts
var HEX_PREFIX = "hex:";
var HEX_ALLOWED = 'hex digits 0-9 and a-f after "hex:", two per byte (spaces ignored)';
function isHexSeedText(text) {
  return text.trimStart().slice(0, HEX_PREFIX.length).toLowerCase() === HEX_PREFIX;
}
function hexDigitsOf(text) {
  return text.trimStart().slice(HEX_PREFIX.length).replace(/\s+/g, "").replace(/^0x/i, "");
}
function decodeHexSeed(text, label) {
  const digits = hexDigitsOf(text);
  if (digits.length === 0) throw badInput(label, 'has no hex digits after "hex:"', HEX_ALLOWED, "E_SEED_EMPTY");
  const at = digits.search(/[^0-9a-f]/i);
  if (at >= 0) {
    throw badInput(
      label,
      `is not valid hex: a character that is not a hex digit at position ${at + 1} after "hex:"`,
      HEX_ALLOWED,
      "E_SEED_NOT_HEX"
    );
  }
  if (digits.length % 2 !== 0) {
    throw badInput(
      label,
      `is not valid hex: ${digits.length} digits cannot encode whole bytes (two digits per byte)`,
      HEX_ALLOWED,
      "E_SEED_NOT_HEX"
    );
  }
  return Buffer.from(digits, "hex");
}

// src/core/seed-json.ts
var SEED_FIELDS = ["otpauth_url", "url", "secret", "seed", "totp"];
var STEAM_SEED_FIELD = "shared_secret";
var STEAM_OTHER_SECRET_FIELDS = ["identity_secret", "secret_1", "revocation_code", "uri"];
function isJsonObjectText(text) {
  return /^\s*[{[]/.test(text);
}
function topLevelKeys(text) {
  const keys = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 64)))
        keys.push(JSON.parse(text.slice(i, end + 1)));
      i = end;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return keys;
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function fieldName(name) {
  return isSafeToPrint(name, "name") ? JSON.stringify(name) : quote(name);
}
var list = (names) => names.map(fieldName).join(", ");
function pickSeedFieldNamed(text, field, label, data) {
  let value = data;
  if (text !== void 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw badInput(label, "is not valid JSON", "a JSON object, a Base32 seed or an otpauth URL", "E_JSON_INVALID");
    }
    const keys = topLevelKeys(text);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== void 0) {
      throw badInput(label, `has the field ${fieldName(duplicate)} twice`, "each field once", "E_JSON_DUPLICATE");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badInput(
      label,
      `holds ${kindOf(value)}, not a JSON object`,
      "a JSON object with the seed in a text field",
      "E_JSON_INVALID"
    );
  }
  const object = value;
  const names = Object.keys(object);
  if (field !== void 0) {
    if (!Object.hasOwn(object, field)) {
      throw badInput(
        label,
        `has no field ${fieldName(field)}`,
        names.length > 0 ? `one of its fields: ${list(names)}` : "a field holding the seed",
        "E_JSON_FIELD"
      );
    }
    const picked = object[field];
    if (typeof picked !== "string") {
      throw badInput(
        label,
        `field ${fieldName(field)} holds ${kindOf(picked)}, not text`,
        "a field holding a Base32 seed or an otpauth URL",
        "E_JSON_FIELD"
      );
    }
    return { name: field, value: picked, object };
  }
  const textFields = names.filter((n) => typeof object[n] === "string");
  const pick = (name) => ({ name, value: object[name], object });
  if (textFields.includes(STEAM_SEED_FIELD)) return pick(STEAM_SEED_FIELD);
  if (textFields.length === 1) return pick(textFields[0]);
  const usual = SEED_FIELDS.filter((n) => textFields.includes(n));
  if (usual.length === 1) return pick(usual[0]);
  const candidates = usual.length > 1 ? usual : textFields;
  if (candidates.length === 0) {
    throw badInput(
      label,
      `has no text field holding a seed${names.length > 0 ? ` (fields: ${list(names)})` : ""}`,
      "a field holding a Base32 seed or an otpauth URL",
      "E_JSON_FIELD"
    );
  }
  throw badInput(
    label,
    `has ${candidates.length} candidate fields (${list(candidates)})`,
    "name one with #FIELD",
    "E_JSON_AMBIGUOUS"
  );
}

// src/core/seed-text.ts
var MAX_SEED_TEXT = 64 * 1024;
function parseSeedText(text, label, field, options = {}) {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      "E_SEED_TOO_LONG"
    );
  }
  const forms = /* @__PURE__ */ new Set([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (field !== void 0 || isJsonObjectText(text)) return jsonSeed(text, label, field, options, forms);
  if (isOtpauthUrl(text)) {
    const { key, explicit, encoder } = parseOtpauthUrl(text, label);
    const raw = secretParameterOf(text);
    const encoded = /[?&]secret=([^&#]*)/i.exec(text)?.[1] ?? "";
    for (const form of [raw, encoded, encodeBase32(key.secret), normalizeBase32(raw), ...base64Forms(key.secret)]) {
      forms.add(form);
    }
    return {
      secret: key.secret,
      explicit,
      ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
      ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
      fromUrl: true,
      secretForms: nonEmpty(forms),
      ...encoder ? { encoder: encoder.encoder, encoderStatedAs: encoder.statedAs } : {}
    };
  }
  if (isHexSeedText(text)) return hexSeed(text, label, forms);
  return bareSeed(text, label, options.encoder, forms);
}
function hexSeed(text, label, forms) {
  const secret = decodeHexSeed(text, label);
  const hex = secret.toString("hex");
  for (const form of [hexDigitsOf(text), hex, hex.toUpperCase(), encodeBase32(secret), ...base64Forms(secret)]) {
    forms.add(form);
  }
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function jsonSeed(text, label, field, options, forms) {
  return pickedSeed(pickSeedFieldNamed(text, field, label), label, field, options, forms);
}
function pickedSeed(picked, label, field, options = {}, forms = /* @__PURE__ */ new Set()) {
  const steam = picked.name === STEAM_SEED_FIELD;
  const inner = parseSeedText(
    picked.value,
    field === void 0 ? label : `${label}#${field}`,
    void 0,
    steam ? { encoder: "steam" } : options
  );
  const values = [picked.value];
  if (steam) {
    for (const name of STEAM_OTHER_SECRET_FIELDS) {
      const other = picked.object[name];
      if (typeof other === "string") values.push(other);
    }
  }
  for (const form of inner.secretForms) forms.add(form);
  for (const value of values) {
    const escaped = JSON.stringify(value).slice(1, -1);
    for (const form of [value, escaped, escaped.replaceAll("/", "\\/")]) forms.add(form);
  }
  return {
    ...inner,
    secretForms: nonEmpty(forms),
    ...steam && inner.encoder === void 0 ? { encoder: "steam", encoderStatedAs: `the Steam field "${STEAM_SEED_FIELD}"` } : {}
  };
}
function bareSeed(text, label, encoder, forms) {
  const steam = encoder === "steam";
  const secret = steam ? decodeSteamSecret(text, label) : decodeBase32OrHint(text, label);
  if (!steam || isUpperCaseBase32Text(text)) forms.add(normalizeBase32(text));
  for (const form of [encodeBase32(secret), ...base64Forms(secret)]) forms.add(form);
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function decodeBase32OrHint(text, label) {
  try {
    return decodeBase32(text, label);
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== "E_SEED_NOT_BASE32" || !looksLikeHex(text)) throw e;
    throw badInput(
      label,
      HEX_NOT_BASE32,
      'the same digits after the prefix "hex:", or Base32 letters A\u2013Z and digits 2\u20137',
      "E_SEED_NOT_BASE32"
    );
  }
}
function nonEmpty(forms) {
  return [...forms].filter((f) => f.length > 0);
}
function contradictions(stated, wanted, sourceLabel) {
  const problems = [];
  for (const setting of ["algorithm", "digits", "period"]) {
    const says = stated[setting];
    const asked = wanted[setting];
    if (says !== void 0 && asked !== void 0 && says !== asked) {
      problems.push({
        setting,
        problem: `${asked} contradicts the ${setting}=${says} that ${sourceLabel} states`,
        allowed: `${says}, or leave it out`
      });
    }
  }
  return problems;
}
function resolveKey(seed, given, sourceLabel, label = (s) => s) {
  const check = checkSettings(given);
  const problems = [...check.problems];
  const givenEncoder = check.settings.encoder;
  const encoder = givenEncoder ?? seed.encoder ?? "totp";
  if (givenEncoder !== void 0 && seed.encoder !== void 0 && givenEncoder !== seed.encoder) {
    problems.push({
      setting: "encoder",
      problem: `${givenEncoder} contradicts ${seed.encoderStatedAs ?? `the encoder=${seed.encoder}`} that ${sourceLabel} states`,
      allowed: `${seed.encoder}, or leave it out`
    });
  } else if (encoder === "steam") {
    if (givenEncoder === void 0) problems.push(...steamSettingProblems(check.settings));
    problems.push(...steamContradictions(seed.explicit, sourceLabel));
  }
  const named = new Set(problems.map((p) => p.setting));
  problems.push(...contradictions(seed.explicit, check.settings, sourceLabel).filter((p) => !named.has(p.setting)));
  if (problems.length > 0) throw badSettings(problems, label);
  const labels = {
    ...seed.issuer !== void 0 ? { issuer: seed.issuer } : {},
    ...seed.accountName !== void 0 ? { accountName: seed.accountName } : {}
  };
  if (encoder === "steam") {
    return { secret: seed.secret, ...STEAM_CODE_SETTINGS, ...labels, encoder: "steam" };
  }
  const settings = withDefaults({ ...codeSettingsOf(check.settings), ...seed.explicit });
  return {
    secret: seed.secret,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    ...labels
  };
}
function steamContradictions(stated, sourceLabel) {
  return steamMisfits(stated, [STEAM_CODE_SETTINGS.digits]).map((setting) => ({
    setting: "encoder",
    problem: `steam contradicts the ${setting}=${stated[setting]} that ${sourceLabel} states (Steam Guard codes use ${STEAM_ALGORITHM} and ${STEAM_PERIOD} s steps)`,
    allowed: "totp, or leave it out"
  }));
}

// src/core/file-path.ts
function unexpandedTilde(path, scheme = "file:") {
  const match = /^~([A-Za-z0-9._-]*)(?=[/\\]|$)/.exec(path);
  if (!match) return void 0;
  const rest = path.slice(match[0].length);
  return {
    problem: `${scheme}${path}: "~" is not expanded (a shell expands it only at the start of a word, not after "${scheme}")`,
    allowed: match[1] === "" ? `the full path, e.g. ${scheme}$HOME${rest} in a shell` : "the full path"
  };
}

// src/stores/secret-box.ts
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes as randomBytes4, scryptSync } from "node:crypto";
var SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var KEY_VARIABLE = "TOTP_KIT_STORE_KEY";
var ADOPT_VARIABLE = "TOTP_KIT_STORE_ADOPT";
var CHECK_TEXT = "totp-kit store key check";
var CHECK_TEXT_V2 = "totp-kit store key check v2: records authenticated";
var CHECK_CONTEXT = "store/key-check";
var IV_BYTES = 12;
var TAG_BYTES = 16;
var MAC_INFO = "totp-kit record authentication v1";
var STORE_KEY_RULE = `base64 of 32 random bytes, made with: openssl rand -base64 32 (or node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"); or a passphrase of at least 20 characters, at least 10 of them different`;
var MIN_PASSPHRASE_CHARACTERS = 20;
var MIN_PASSPHRASE_DIFFERENT = 10;
var MIN_RAW_KEY_DIFFERENT = 16;
function adoptionRequested(env) {
  const value = env[ADOPT_VARIABLE]?.trim();
  if (value === void 0 || value === "" || value === "0") return false;
  if (value !== "1") throw badInput(ADOPT_VARIABLE, `${quote(value)} is not 1`, "1, or unset", "E_STORE_ADOPT");
  if ((env[KEY_VARIABLE] ?? "").trim() === "") {
    throw badInput(
      ADOPT_VARIABLE,
      "is set, but TOTP_KIT_STORE_KEY is not",
      "set with TOTP_KIT_STORE_KEY",
      "E_STORE_ADOPT"
    );
  }
  return true;
}
function isSealedObject(value) {
  const v = value;
  return typeof value === "object" && value !== null && v.v === 1 && v.alg === "A256GCM" && (v.kdf === "raw" || v.kdf === "scrypt") && (v.kdf === "raw" || typeof v.salt === "string") && typeof v.iv === "string" && typeof v.tag === "string" && typeof v.data === "string";
}
var SecretBox = class {
  #raw;
  #passphrase;
  #derived = /* @__PURE__ */ new Map();
  #salt;
  /** TOTP_KIT_STORE_ADOPT: the store's current records are vouched for (see SecretBoxOptions). */
  adopting;
  /**
   * @param keySpec the value of TOTP_KIT_STORE_KEY, or undefined for no encryption.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WEAK for a key that is neither base64 of 32 random bytes nor a
   *   passphrase of at least 20 characters with at least 10 different ones (the message says how to make one).
   */
  constructor(keySpec, options = {}) {
    this.adopting = options.adopt === true && keySpec !== void 0;
    if (keySpec === void 0) return;
    const spec = keySpec.trim();
    if (spec === "") throw badInput(KEY_VARIABLE, "is empty", STORE_KEY_RULE);
    const bytes = /^[A-Za-z0-9+/]{43}=$/.test(spec) ? Buffer.from(spec, "base64") : void 0;
    if (bytes?.length === 32) {
      if (new Set(bytes).size < MIN_RAW_KEY_DIFFERENT) {
        throw badInput(
          KEY_VARIABLE,
          "is too weak (base64 of 32 bytes that are not random)",
          STORE_KEY_RULE,
          "E_STORE_KEY_WEAK"
        );
      }
      this.#raw = bytes;
      return;
    }
    const characters = [...spec];
    if (characters.length < MIN_PASSPHRASE_CHARACTERS || new Set(characters).size < MIN_PASSPHRASE_DIFFERENT) {
      const what = characters.length < MIN_PASSPHRASE_CHARACTERS ? `a passphrase of ${characters.length} character${characters.length === 1 ? "" : "s"}` : `a passphrase of only ${new Set(characters).size} different characters`;
      throw badInput(KEY_VARIABLE, `is too weak (${what})`, STORE_KEY_RULE, "E_STORE_KEY_WEAK");
    }
    this.#passphrase = spec;
  }
  /** True when seeds are sealed (a store key is set). */
  get encrypting() {
    return this.#raw !== void 0 || this.#passphrase !== void 0;
  }
  #keyFor(kdf, salt) {
    if (kdf === "raw") {
      if (!this.#raw) throw wrongKey("a base64 32-byte key", "a passphrase");
      return this.#raw;
    }
    if (this.#passphrase === void 0 || salt === void 0) throw wrongKey("a passphrase", "a base64 32-byte key");
    let key = this.#derived.get(salt);
    if (!key) {
      key = scryptSync(this.#passphrase, Buffer.from(salt, "base64"), 32, SCRYPT);
      this.#derived.set(salt, key);
    }
    return key;
  }
  /**
   * Seals a seed for the record `context` (e.g. `key/npm-bot`). Without a store key, returns Base32.
   */
  seal(secret, context) {
    if (!this.encrypting) return encodeBase32(secret);
    const kdf = this.#raw ? "raw" : "scrypt";
    if (kdf === "scrypt" && this.#salt === void 0) this.#salt = randomBytes4(16).toString("base64");
    const salt = kdf === "scrypt" ? this.#salt : void 0;
    const iv = randomBytes4(12);
    const cipher = createCipheriv("aes-256-gcm", this.#keyFor(kdf, salt), iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return {
      v: 1,
      alg: "A256GCM",
      kdf,
      ...salt !== void 0 ? { salt } : {},
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64")
    };
  }
  /**
   * Opens a sealed seed of the record `context`. `what` names the record in errors.
   * @throws TotpKitError (bad-input) when the store key is missing or wrong; (backend) when the field is not a seed.
   */
  open(sealed, context, what) {
    if (typeof sealed === "string") {
      try {
        return decodeBase32(sealed, `${what} seed in the store`);
      } catch {
        throw damaged(what, context, "not Base32, not sealed");
      }
    }
    if (!isSealedObject(sealed)) throw damaged(what, context, "not Base32, not sealed");
    if (sealed.kdf === "scrypt" && this.#salt === void 0) this.#salt = sealed.salt;
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but the seed of ${what} is encrypted`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    const iv = Buffer.from(sealed.iv, "base64");
    const tag = Buffer.from(sealed.tag, "base64");
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw damaged(what, context, `sealed, but its IV or tag is not ${IV_BYTES} or ${TAG_BYTES} bytes`);
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#keyFor(sealed.kdf, sealed.salt), iv, {
        authTagLength: TAG_BYTES
      });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]);
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw badInput(
        KEY_VARIABLE,
        `does not decrypt the seed of ${what} (wrong key, or the record was altered)`,
        "the key the store was written with",
        "E_STORE_KEY_WRONG"
      );
    }
  }
  /**
   * A value sealed with this box's key, kept in a store to tell a wrong key before anything is written. It is a
   * version-2 check: the store's records are authenticated under it (see `recordKey`).
   */
  makeCheck() {
    return this.seal(Buffer.from(CHECK_TEXT_V2, "utf8"), CHECK_CONTEXT);
  }
  /**
   * Confirms that this box's key is the one a store's check value was sealed with, and says which version of
   * check it is: 1 (written before records were authenticated) or 2.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WRONG or E_STORE_KEY_MISSING naming `store`; (backend)
   *   E_STORE_CORRUPT when the check is not a sealed value.
   */
  assertCheck(check, store) {
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but ${store} holds encrypted seeds`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    if (isSealedObject(check)) this.#keyFor(check.kdf, check.salt);
    let opened;
    try {
      opened = Buffer.from(this.open(check, CHECK_CONTEXT, `store ${store}`)).toString("utf8");
    } catch (e) {
      if (e instanceof TotpKitError && e.code === "E_STORE_CORRUPT") throw e;
    }
    if (opened === CHECK_TEXT_V2) return 2;
    if (opened === CHECK_TEXT) return 1;
    throw badInput(
      KEY_VARIABLE,
      `is not the key ${store} was written with`,
      "the key the store was written with",
      "E_STORE_KEY_WRONG"
    );
  }
  /**
   * The key that authenticates a store's records: HKDF-SHA256 of the sealing key of `check` (the raw key, or the
   * scrypt output under the check's salt), salted with a digest of the check itself (so records cannot move
   * between stores that share a key) and labelled for this one use. Call after `assertCheck` accepted `check`.
   */
  recordKey(check) {
    if (!isSealedObject(check)) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        "the store key check is damaged; it was left untouched (restore the store from a backup)"
      );
    }
    const salt = createHash("sha256").update(canonicalJson(check)).digest();
    return Buffer.from(hkdfSync("sha256", this.#keyFor(check.kdf, check.salt), salt, MAC_INFO, 32));
  }
  /**
   * Re-seals a seed kept as Base32 before a store key was set; sealed seeds are returned as they are,
   * and so is a damaged one (it is refused, naming its record, when it is used).
   */
  reseal(sealed, context) {
    if (!this.encrypting || typeof sealed !== "string") return sealed;
    let secret;
    try {
      secret = decodeBase32(sealed, "stored seed");
    } catch {
      return sealed;
    }
    return this.seal(secret, context);
  }
};
function damaged(what, context, why) {
  const fix = context === CHECK_CONTEXT ? "restore the store from a backup" : `restore the store from a backup, or delete ${what} and create it again`;
  return new TotpKitError(
    "backend",
    "E_STORE_CORRUPT",
    `${what}: the stored seed is damaged (${why}); it was left untouched (${fix})`
  );
}
function wrongKey(sealedWith, given) {
  return badInput(
    KEY_VARIABLE,
    `is ${given}, but the store was sealed with ${sealedWith}`,
    "the key the store was written with",
    "E_STORE_KEY_WRONG"
  );
}

// src/stores/store-ref.ts
var DEFAULT_STORE = "file:./.totp-kit/store.json";
var ALLOWED2 = "file:PATH, aws-sm:PREFIX or postgres:VAR";
var AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;
function resolveStoreRef(given, env = process.env, givenLabel = "store") {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const label = given === void 0 && env.TOTP_KIT_STORE ? "TOTP_KIT_STORE" : givenLabel;
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, "is not a store reference", ALLOWED2, "E_STORE_REF");
  const [, scheme, rest] = match;
  if (scheme === "file") {
    if (rest === "") throw badInput(label, "file: needs a path", ALLOWED2, "E_STORE_REF");
    const tilde = unexpandedTilde(rest);
    if (tilde) throw badInput(label, tilde.problem, tilde.allowed, "E_STORE_REF");
    return { kind: "file", path: rest, reference };
  }
  if (scheme === "aws-sm") {
    if (!AWS_PREFIX.test(rest) || looksLikeSeed(rest)) {
      throw badInput(
        label,
        "aws-sm: needs a secret name prefix",
        "aws-sm:PREFIX with letters, digits and /_+=.@-",
        "E_STORE_REF"
      );
    }
    const problem = awsPrefixProblem(rest);
    if (problem) throw badInput(label, `aws-sm: ${problem}`, AWS_PREFIX_ALLOWED, "E_STORE_REF");
    return { kind: "aws-sm", prefix: rest, reference };
  }
  if (scheme === "postgres") return parsePostgresRef(rest, reference, label);
  if (scheme === "postgresql") {
    throw badInput(
      label,
      "postgresql: is not a store scheme",
      "postgres:VAR (VAR holds the connection URL)",
      "E_STORE_REF"
    );
  }
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED2, "E_STORE_REF");
}
async function openStore(ref, env = process.env) {
  const parsed = typeof ref === "string" ? resolveStoreRef(ref, env) : ref;
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY, { adopt: adoptionRequested(env) });
  if (parsed.kind === "file") {
    const { FileStore } = await import("./file-store-NJY55LR3.js");
    return new FileStore(parsed.path, secrets);
  }
  if (parsed.kind === "postgres") {
    const { PostgresStore } = await import("./postgres-store-WVAGK2X2.js");
    return new PostgresStore(parsed, secrets, env);
  }
  const { AwsSecretsManagerStore } = await import("./aws-sm-store-YFFXLE6B.js");
  return new AwsSecretsManagerStore(parsed.prefix, secrets, env);
}

// src/core/names.ts
var RESOURCE_NAME = /^\w(?:[\w.@-]*\w)?$/;
var ENTITY_ID = /^[A-Za-z0-9_.@+-]{1,128}$/;
var NAME_RULE = 'letters, digits, "_", "-", ".", "@", starting and ending with a letter, digit or "_" (at most 128)';
function nameProblem(setting, value) {
  if (typeof value !== "string" || value === "") return { setting, problem: "is required", allowed: NAME_RULE };
  if (looksLikeSeed(value))
    return { setting, problem: "looks like a seed, not a name (not printed)", allowed: NAME_RULE };
  if (value.length > 128 || !RESOURCE_NAME.test(value))
    return { setting, problem: `${quote(value)} is not a valid name`, allowed: NAME_RULE };
  return void 0;
}
function entityProblem(setting, value) {
  if (typeof value !== "string" || value === "")
    return { setting, problem: "is required", allowed: "letters, digits and _ . @ + -" };
  if (!ENTITY_ID.test(value))
    return {
      setting,
      problem: `${quote(value)} is not a valid entity id`,
      allowed: "letters, digits and _ . @ + - (at most 128)"
    };
  return void 0;
}
function checkName(setting, value) {
  const problem = nameProblem(setting, value);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed, "E_BAD_NAME");
  return value;
}

// src/stores/records.ts
function corrupt(what, field) {
  return new TotpKitError(
    "backend",
    "E_STORE_CORRUPT",
    `${what} in the store is damaged (field "${field}"); fix or delete it`
  );
}
function checkCommon(raw, what) {
  const check = checkSettings({
    algorithm: raw.algorithm,
    digits: raw.digits,
    period: raw.period,
    ...raw.skew !== void 0 ? { skew: raw.skew } : {},
    ...raw.qrSize !== void 0 ? { qrSize: raw.qrSize } : {},
    ...raw.maxValidationAttempts !== void 0 ? { maxValidationAttempts: raw.maxValidationAttempts } : {}
  });
  const first = check.problems[0];
  if (first) throw corrupt(what, first.setting);
  for (const field of ["algorithm", "digits", "period"]) {
    if (typeof raw[field] !== (field === "algorithm" ? "string" : "number")) throw corrupt(what, field);
  }
  if (typeof raw.generation !== "string") throw corrupt(what, "generation");
}
function asKeyRecord(raw, name) {
  const what = `key "${name}"`;
  checkCommon(raw, what);
  if (raw.name !== name) throw corrupt(what, "name");
  if (typeof raw.generated !== "boolean") throw corrupt(what, "generated");
  if (raw.secret === void 0) throw corrupt(what, "secret");
  if (typeof raw.usedCodes !== "object" || raw.usedCodes === null) throw corrupt(what, "usedCodes");
  if (raw.encoder !== void 0 && (raw.encoder !== "steam" || steamMisfits({ algorithm: raw.algorithm, period: raw.period }).length > 0)) {
    throw corrupt(what, "encoder");
  }
  return raw;
}
function asMethodRecord(raw, name) {
  const what = `MFA method "${name}"`;
  checkCommon(raw, what);
  if (raw.methodName !== name) throw corrupt(what, "methodName");
  if (typeof raw.issuer !== "string") throw corrupt(what, "issuer");
  return raw;
}
function asEnrollmentRecord(raw, method, entityId) {
  const what = `enrollment of "${entityId}" in MFA method "${method}"`;
  checkCommon(raw, what);
  if (raw.method !== method || raw.entityId !== entityId) throw corrupt(what, "entityId");
  if (raw.secret === void 0) throw corrupt(what, "secret");
  return raw;
}
function enrollmentId(method, entityId) {
  return `${method}/${entityId}`;
}
function toStoreRecord(record) {
  return record;
}
function openKeyRecord(secrets, record) {
  return {
    secret: secrets.open(record.secret, `key/${record.name}`, `key "${record.name}"`),
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    ...record.issuer !== void 0 ? { issuer: record.issuer } : {},
    ...record.accountName !== void 0 ? { accountName: record.accountName } : {},
    ...record.encoder !== void 0 ? { encoder: record.encoder } : {}
  };
}

// src/resources/context.ts
import { randomUUID } from "node:crypto";
function contextNow(ctx) {
  return ctx.now ? ctx.now() : nowSeconds();
}
function contextEnv(ctx) {
  return ctx.env ?? process.env;
}
function newGeneration() {
  return randomUUID();
}
function notFound(what) {
  return new TotpKitError("bad-input", "E_NOT_FOUND", `${what} does not exist`);
}
function alreadyExists(what, hint) {
  return new TotpKitError("bad-input", "E_EXISTS", `${what} already exists; ${hint}`);
}
function isoTime(unixSeconds) {
  return new Date(Math.floor(unixSeconds) * 1e3).toISOString();
}

// src/resources/method.ts
var METHOD_SETTINGS = [
  "issuer",
  "algorithm",
  "digits",
  "period",
  "keySize",
  "qrSize",
  "skew",
  "maxValidationAttempts"
];
function methodSpecProblems(spec) {
  return checkMethodSpec(spec).problems;
}
function checkMethodSpec(spec) {
  const problems = [];
  const nameIssue = nameProblem("methodName", spec.methodName);
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
      issuer: spec.issuer
    },
    { generated: true }
  );
  problems.push(...check.problems.filter((p) => p.setting !== "accountName"));
  if (problems.length > 0) return { problems };
  const { issuer, accountName: _none, ...settings } = check.settings;
  return {
    problems,
    checked: {
      methodName: spec.methodName,
      issuer,
      algorithm: settings.algorithm ?? DEFAULTS.algorithm,
      digits: settings.digits ?? DEFAULTS.digits,
      period: settings.period ?? DEFAULTS.period,
      keySize: settings.keySize ?? DEFAULTS.keySize,
      qrSize: settings.qrSize ?? DEFAULTS.qrSize,
      skew: settings.skew ?? DEFAULTS.skew,
      maxValidationAttempts: settings.maxValidationAttempts ?? DEFAULTS.maxValidationAttempts
    }
  };
}
function checkedMethodSpec(spec, label) {
  const { checked, problems } = checkMethodSpec(spec);
  if (!checked) throw badSettings(problems, label);
  return checked;
}
async function findMethod(ctx, name) {
  const raw = await ctx.store.get("method", name);
  return raw ? asMethodRecord(raw, name) : void 0;
}
async function enrollmentIdsOf(ctx, methodName) {
  return (await ctx.store.list("enrollment")).filter((id) => id.startsWith(`${methodName}/`));
}
async function createMethod(ctx, spec, generation = newGeneration()) {
  const now = isoTime(contextNow(ctx));
  const record = { ...spec, generation, createdAt: now, updatedAt: now };
  await ctx.store.update("method", spec.methodName, (current) => {
    if (current)
      throw alreadyExists(`MFA method "${spec.methodName}"`, "method names are unique: update it, or delete it first");
    return { result: void 0, next: toStoreRecord(record) };
  });
  return record;
}
async function updateMethod(ctx, spec, generation) {
  return ctx.store.update("method", spec.methodName, (current) => {
    if (!current) throw notFound(`MFA method "${spec.methodName}"`);
    const old = asMethodRecord(current, spec.methodName);
    const record = {
      ...old,
      ...spec,
      generation: generation ?? old.generation,
      updatedAt: isoTime(contextNow(ctx))
    };
    return { result: record, next: toStoreRecord(record) };
  });
}
async function readMethod(ctx, name) {
  const record = await findMethod(ctx, name);
  if (!record) throw notFound(`MFA method "${name}"`);
  return { ...record, enrollments: (await enrollmentIdsOf(ctx, name)).length };
}
async function listMethods(ctx) {
  return ctx.store.list("method");
}
async function deleteMethod(ctx, name, options = {}) {
  const current = await findMethod(ctx, name);
  if (!current || options.generation !== void 0 && current.generation !== options.generation) {
    return { deleted: false, enrollmentsDeleted: 0 };
  }
  const enrollments = await enrollmentIdsOf(ctx, name);
  if (enrollments.length > 0 && !options.force) {
    throw new TotpKitError(
      "bad-input",
      "E_METHOD_IN_USE",
      `MFA method "${name}" has ${enrollments.length} enrollment${enrollments.length === 1 ? "" : "s"}; unenroll ${enrollments.length === 1 ? "it" : "them"} first, or delete with --force`
    );
  }
  for (const id of enrollments)
    await ctx.store.update("enrollment", id, (e) => ({ result: void 0, next: e ? null : void 0 }));
  const deleted = await ctx.store.update("method", name, (record) => {
    if (!record || options.generation !== void 0 && record.generation !== options.generation)
      return { result: false };
    return { result: true, next: null };
  });
  return { deleted, enrollmentsDeleted: enrollments.length };
}

// src/core/qr.ts
var qrcode = async () => (await import("./lib-E74227SB.js")).default;
async function qrPng(text, size) {
  if (size === 0) return void 0;
  if (!Number.isSafeInteger(size) || size < 0 || size > LIMITS.maxQrSize) {
    throw badInput("qrSize", `${size} is out of range`, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
  }
  const QRCode = await qrcode();
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
  const QRCode = await qrcode();
  if (!colours) return QRCode.toString(text, { type: "utf8", errorCorrectionLevel: "M", margin: 2 });
  return QRCode.toString(text, { type: "terminal", small: true, errorCorrectionLevel: "M" });
}

// src/resources/verdicts.ts
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
function refusalMessage(refusal, digits, attempts = "unlimited") {
  const limited = attempts === "limited";
  switch (refusal.reason) {
    case "malformed":
      return `the code must be ${refusal.expected ?? `${digits ?? 6} digits 0-9`} (spaces are ignored)${limited ? "; not counted as an attempt" : ""}`;
    case "used":
      return "code already used; wait for the next code";
    case "locked":
      return `too many failed attempts; try again in ${refusal.retryIn} s`;
    default:
      return limited && refusal.attemptsLeft !== void 0 ? `invalid code (${refusal.attemptsLeft} attempt${refusal.attemptsLeft === 1 ? "" : "s"} left before a lockout)` : "invalid code";
  }
}

// src/resources/enrollment.ts
function enrollmentProblems(method, entityId) {
  return [nameProblem("method", method), entityProblem("entityId", entityId)].filter(
    (p) => p !== void 0
  );
}
function checkIdentity(method, entityId) {
  const first = enrollmentProblems(method, entityId)[0];
  if (first) throw badInput(first.setting, first.problem, first.allowed, "E_BAD_NAME");
}
function info(record) {
  const { secret: _s, lastAcceptedStep: _l, attempts: _a, ...rest } = record;
  return rest;
}
async function requireMethod(ctx, name) {
  const method = await findMethod(ctx, name);
  if (!method) throw notFound(`MFA method "${name}"`);
  return method;
}
async function findEnrollment(ctx, method, entityId) {
  checkIdentity(method, entityId);
  const raw = await ctx.store.get("enrollment", enrollmentId(method, entityId));
  return raw ? asEnrollmentRecord(raw, method, entityId) : void 0;
}
async function enroll(ctx, methodName, entityId, generation = newGeneration()) {
  checkIdentity(methodName, entityId);
  const method = await requireMethod(ctx, methodName);
  const id = enrollmentId(methodName, entityId);
  const secret = generateSeed(method.keySize);
  const record = {
    method: methodName,
    entityId,
    issuer: method.issuer,
    algorithm: method.algorithm,
    digits: method.digits,
    period: method.period,
    secret: ctx.store.secrets.seal(secret, `enrollment/${id}`),
    generation,
    createdAt: isoTime(contextNow(ctx))
  };
  const existing = await ctx.store.update(
    "enrollment",
    id,
    (current) => current ? { result: asEnrollmentRecord(current, methodName, entityId) } : { result: void 0, next: toStoreRecord(record) }
  );
  if (existing) {
    return {
      created: false,
      enrollment: info(existing),
      warning: `entity "${entityId}" already has a secret for MFA method "${methodName}"; it was kept (unenroll it first to replace it)`
    };
  }
  const key = {
    secret,
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    issuer: method.issuer,
    accountName: entityId
  };
  const url = formatOtpauthUrl(key);
  const barcode = await qrPng(url, method.qrSize);
  return { created: true, enrollment: info(record), url, ...barcode ? { barcode } : {} };
}
async function readEnrollment(ctx, method, entityId) {
  const record = await findEnrollment(ctx, method, entityId);
  if (!record) throw notFound(`enrollment of "${entityId}" in MFA method "${method}"`);
  return info(record);
}
async function listEnrollments(ctx, method) {
  return (await ctx.store.list("enrollment")).filter((id) => id.startsWith(`${method}/`)).map((id) => id.slice(method.length + 1));
}
async function unenroll(ctx, method, entityId, generation) {
  checkIdentity(method, entityId);
  return ctx.store.update("enrollment", enrollmentId(method, entityId), (current) => {
    if (!current || generation !== void 0 && current.generation !== generation)
      return { result: { deleted: false } };
    return { result: { deleted: true }, next: null };
  });
}
async function validateEnrollment(ctx, methodName, entityId, input, at) {
  checkIdentity(methodName, entityId);
  const code = normalizeCode(input) ?? "";
  if (code === "") throw badInput("code", "is empty", "the code to check", "E_CODE_REQUIRED");
  const method = await requireMethod(ctx, methodName);
  const id = enrollmentId(methodName, entityId);
  return ctx.store.update("enrollment", id, (current) => {
    if (!current) throw notFound(`enrollment of "${entityId}" in MFA method "${methodName}"`);
    const record = asEnrollmentRecord(current, methodName, entityId);
    const now = at ?? contextNow(ctx);
    if (!isWellFormedCode(record, code)) return { result: { valid: false, reason: "malformed" } };
    const window2 = record.attempts && now < record.attempts.windowStart + record.period ? record.attempts : void 0;
    if (window2 && window2.count >= method.maxValidationAttempts) {
      const retryIn = Math.max(1, Math.ceil(window2.windowStart + record.period - now));
      return { result: { valid: false, reason: "locked", retryIn, attemptsLeft: 0 } };
    }
    const key = {
      secret: ctx.store.secrets.open(
        record.secret,
        `enrollment/${id}`,
        `enrollment of "${entityId}" in MFA method "${methodName}"`
      ),
      algorithm: record.algorithm,
      digits: record.digits,
      period: record.period
    };
    const outcome = verifyCode(key, code, { at: now, skew: method.skew });
    if (outcome.valid && record.lastAcceptedStep !== void 0 && outcome.counter <= record.lastAcceptedStep) {
      return { result: { valid: false, reason: "used" } };
    }
    const attempts = { windowStart: window2?.windowStart ?? Math.floor(now), count: (window2?.count ?? 0) + 1 };
    if (outcome.valid) {
      const { attempts: _reset, ...rest } = record;
      return { result: { valid: true }, next: toStoreRecord({ ...rest, lastAcceptedStep: outcome.counter }) };
    }
    return {
      result: { valid: false, reason: "invalid", attemptsLeft: method.maxValidationAttempts - attempts.count },
      next: toStoreRecord({ ...record, attempts })
    };
  });
}
function enrollmentRefusal(v, digits) {
  return refusalMessage(v, digits, "limited");
}

// src/sources/aws-sm-source.ts
var SECRET_ID = /^(arn:[A-Za-z0-9-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/;
function awsSmSource(rest, label, options = {}, text = {}) {
  const hash = rest.indexOf("#");
  const id = hash >= 0 ? rest.slice(0, hash) : rest;
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (!SECRET_ID.test(id)) {
    throw badInput(
      label,
      "aws-sm: needs a secret name or ARN",
      "aws-sm:NAME, aws-sm:ARN, optionally #FIELD",
      "E_SOURCE_REF"
    );
  }
  if (field === "") throw badInput(label, "has an empty #FIELD", "aws-sm:ID#FIELD with a field name", "E_SOURCE_REF");
  const reference = `aws-sm:${rest}`;
  return {
    reference,
    async read() {
      const { sdk, client } = await loadSecretsManager(reference, options.env ?? process.env, options.region);
      let output;
      try {
        output = await client.send(new sdk.GetSecretValueCommand({ SecretId: id }));
      } catch (e) {
        throw new TotpKitError(
          "backend",
          "E_SOURCE_BACKEND",
          `${reference}: GetSecretValue failed: ${describeAwsError(e, options.regionLabel)}`
        );
      } finally {
        client.destroy();
      }
      const value = output;
      if (typeof value.SecretString === "string") {
        if (value.SecretString.trim() === "")
          throw badInput(reference, "is empty", "a Base32 seed, an otpauth URL or a JSON object", "E_SOURCE_EMPTY");
        return parseSeedText(value.SecretString, reference, field, text);
      }
      if (value.SecretBinary instanceof Uint8Array && value.SecretBinary.length > 0) {
        if (field !== void 0)
          throw badInput(
            reference,
            "is a binary secret, which has no fields",
            `aws-sm:${id} without #FIELD`,
            "E_SOURCE_REF"
          );
        const secret = Buffer.from(value.SecretBinary);
        return {
          secret,
          explicit: {},
          fromUrl: false,
          secretForms: [secret.toString("base64"), secret.toString("hex"), encodeBase32(secret)]
        };
      }
      throw badInput(
        reference,
        "holds neither a SecretString nor a SecretBinary",
        "a secret with a value",
        "E_SOURCE_EMPTY"
      );
    }
  };
}

// src/sources/env-source.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envSource(name, env, label = "source", text = {}) {
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
      return parseSeedText(value, reference, void 0, text);
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
async function readSmallFile(path, label, what = "a Base32 seed or an otpauth URL") {
  let bytes;
  try {
    bytes = await readCapped(path, MAX_SEED_TEXT);
  } catch (e) {
    const code = e.code ?? "";
    throw badInput(
      label,
      REASONS[code] ?? `cannot be read (${code || "unknown error"})`,
      `a readable file holding ${what}`,
      "E_SOURCE_NOT_FOUND"
    );
  }
  if (bytes.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is too large (more than ${MAX_SEED_TEXT} bytes)`,
      `at most ${MAX_SEED_TEXT} bytes`,
      "E_SEED_TOO_LONG"
    );
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw badInput(label, "is empty", what, "E_SOURCE_EMPTY");
  return text;
}
async function readSmallStdin(label, what = "one JSON declaration") {
  return readSmallFile("-", label, what);
}
function fileSource(path, label = "source", text = {}) {
  const reference = `file:${path}`;
  if (path === "") throw badInput(label, "file: needs a path", "file:PATH");
  const tilde = unexpandedTilde(path);
  if (tilde) throw badInput(label, tilde.problem, tilde.allowed, "E_SOURCE_REF");
  return {
    reference,
    read: async () => parseSeedText(await readSmallFile(path, reference), reference, void 0, text)
  };
}

// src/sources/store-source.ts
function storeSource(name, env, label, storeReference, storeLabel = "--store") {
  const problem = nameProblem("name", name);
  if (problem) throw badInput(label, "store: needs a key name", `store:NAME with ${problem.allowed}`);
  const reference = `store:${name}`;
  return {
    reference,
    async read() {
      const store = await openStore(
        resolveStoreRef(storeReference, env, storeReference === void 0 ? "TOTP_KIT_STORE" : storeLabel),
        env
      );
      const raw = await store.get("key", name);
      if (!raw) {
        throw badInput(
          reference,
          `no key "${name}" in store ${store.reference}`,
          "a key created with `totp-kit key create`",
          "E_SOURCE_NOT_FOUND"
        );
      }
      const key = openKeyRecord(store.secrets, asKeyRecord(raw, name));
      return {
        secret: key.secret,
        // The stored settings are the key's: a flag that contradicts them is refused like a URL's.
        explicit: { algorithm: key.algorithm, digits: key.digits, period: key.period },
        ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
        ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
        fromUrl: false,
        // The stored encoder is the key's too: --encoder steam on a standard key is a contradiction.
        encoder: key.encoder ?? "totp",
        encoderStatedAs: `the encoder ${key.encoder ?? "totp"}`,
        secretForms: [encodeBase32(key.secret), ...base64Forms(key.secret)]
      };
    }
  };
}

// src/sources/vault-client.ts
import { setTimeout as sleep } from "node:timers/promises";
var ATTEMPTS = 3;
var TIMEOUT_MS = 1e4;
function vaultOptions(env, given = {}) {
  const address = given.address || env.VAULT_ADDR;
  const token = given.token || env.VAULT_TOKEN;
  const namespace = given.namespace || env.VAULT_NAMESPACE;
  const labels = given.labels ?? {};
  const where = (variable, label) => label !== void 0 ? `${variable} or ${label}` : variable;
  if (!address)
    throw badInput(
      where("VAULT_ADDR", labels.address),
      "is not set",
      "the Vault address, e.g. https://vault.example.com:8200",
      "E_VAULT_CONFIG"
    );
  if (!/^https?:\/\/[^\s]+$/.test(address)) {
    const from = given.address ? labels.address ?? "address" : "VAULT_ADDR";
    throw badInput(from, "is not an http(s) URL", "https://host:8200", "E_VAULT_CONFIG");
  }
  if (!token) throw badInput(where("VAULT_TOKEN", labels.token), "is not set", "a Vault token", "E_VAULT_CONFIG");
  return { address: address.replace(/\/+$/, ""), token, ...namespace ? { namespace } : {} };
}
function reasonOf(status, errors) {
  const said = errors.join("; ").replace(/\s+/g, " ").slice(0, 200);
  if (status === 403) return "permission denied (403)";
  if (status === 404) return "not found (404)";
  if (status === 503)
    return /seal/i.test(said) ? "Vault is sealed (503)" : `Vault is unavailable (503${said ? `: ${said}` : ""})`;
  if (status === 429) return "Vault is a standby or rate-limited (429)";
  return `${status}${said ? `: ${said}` : ""}`;
}
async function vaultRequest(options, reference, method, path, body) {
  const headers = { "X-Vault-Token": options.token, "X-Vault-Request": "true" };
  if (options.namespace) headers["X-Vault-Namespace"] = options.namespace;
  if (body !== void 0) headers["Content-Type"] = "application/json";
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response;
    try {
      response = await fetch(`${options.address}/v1/${path}`, {
        method,
        headers,
        ...body !== void 0 ? { body: JSON.stringify(body) } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
    } catch (e) {
      const cause = e.cause?.code ?? e.name;
      last = `unreachable (${cause})`;
      if (attempt < ATTEMPTS) await sleep(200 * attempt);
      continue;
    }
    const text = await response.text();
    let json;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      json = void 0;
    }
    if (response.ok) {
      if (json === void 0)
        throw new TotpKitError("backend", "E_VAULT", `${reference}: Vault answered with something that is not JSON`);
      return json;
    }
    const errors = Array.isArray(json?.errors) ? json.errors.map(String) : [];
    last = reasonOf(response.status, errors);
    const transient = response.status === 429 || response.status >= 500 && !/seal/i.test(errors.join(" "));
    if (!transient || attempt === ATTEMPTS) break;
    await sleep(200 * attempt);
  }
  throw new TotpKitError("backend", "E_VAULT", `${reference}: ${method} /v1/${path} failed: ${last}`);
}
function splitMount(rest, label, form) {
  const slash = rest.indexOf("/");
  const mount = slash > 0 ? rest.slice(0, slash) : "";
  const path = slash > 0 ? rest.slice(slash + 1) : "";
  if (!mount || !path || /[\s?#]/.test(path) || path.split("/").some((p) => p === "" || p === "." || p === "..")) {
    throw badInput(label, `needs ${form}`, form, "E_SOURCE_REF");
  }
  return { mount, path };
}

// src/sources/vault-kv-source.ts
var FORM = "vault-kv:MOUNT/PATH#FIELD";
function vaultKvSource(rest, env, label, given = {}, textOptions = {}) {
  const hash = rest.indexOf("#");
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (field === "") throw badInput(label, "has an empty #FIELD", FORM, "E_SOURCE_REF");
  const { mount, path } = splitMount(hash >= 0 ? rest.slice(0, hash) : rest, label, FORM);
  const reference = `vault-kv:${rest}`;
  return {
    reference,
    async read() {
      const options = vaultOptions(env, given);
      const body = await vaultRequest(options, reference, "GET", `${mount}/data/${path}`);
      const data = body?.data?.data;
      if (data === null || data === void 0) {
        throw new TotpKitError(
          "backend",
          "E_VAULT",
          `${reference}: the secret has no current version (deleted or destroyed)`
        );
      }
      return pickedSeed(pickSeedFieldNamed(void 0, field, reference, data), reference, void 0, textOptions);
    }
  };
}

// src/sources/vault-totp-source.ts
var FORM2 = "vault-totp:MOUNT/KEY";
function vaultTotpSource(rest, env, label, given = {}) {
  const { mount, path: key } = splitMount(rest, label, FORM2);
  const reference = `vault-totp:${rest}`;
  const options = () => vaultOptions(env, given);
  const malformed = (what) => new TotpKitError("backend", "E_VAULT", `${reference}: Vault's answer has no ${what}`);
  return {
    kind: "remote",
    reference,
    async settings() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/keys/${key}`);
      const data = body?.data;
      if (!data) throw malformed("key data");
      const check = checkSettings({ algorithm: data.algorithm, digits: data.digits, period: data.period });
      if (check.problems.length > 0) throw malformed(`usable ${check.problems[0]?.setting}`);
      const { algorithm, digits, period } = withDefaults(check.settings);
      return { algorithm, digits, period };
    },
    async code() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/code/${key}`);
      const code = body?.data?.code;
      if (typeof code !== "string" || !/^[0-9]{6,8}$/.test(code)) throw malformed("code");
      return code;
    },
    async validate(code) {
      let body;
      try {
        body = await vaultRequest(options(), reference, "POST", `${mount}/code/${key}`, { code });
      } catch (e) {
        if (e instanceof TotpKitError && /code already used/.test(e.message)) return { valid: false, reason: "used" };
        throw e;
      }
      const valid = body?.data?.valid;
      if (typeof valid !== "boolean") throw malformed("verdict");
      return valid ? { valid } : { valid, reason: "invalid" };
    }
  };
}

// src/sources/index.ts
var SUPPORTED = [
  "env:NAME",
  "file:PATH",
  "aws-sm:ID[#FIELD]",
  "vault-kv:MOUNT/PATH#FIELD",
  "vault-totp:MOUNT/KEY",
  "store:NAME"
];
var KNOWN_SCHEMES = ["env", "file", "aws-sm", "vault-kv", "vault-totp", "store"];
function resolveSeedSource(reference, label, env, options = {}, what = "this") {
  const source = resolveSource(reference, label, env, options);
  if (source.kind === "remote") {
    throw badInput(
      label,
      `${source.reference} keeps its seed in Vault, so it cannot be used for ${what}`,
      "a source that holds the seed: env:, file:, aws-sm:, vault-kv:, store:",
      "E_SOURCE_REMOTE"
    );
  }
  return source;
}
function resolveSource(reference, label = "source", env = process.env, options = {}) {
  return sourceFor(reference, label, env, options);
}
function sourceFor(reference, label, env, options) {
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
  if (looksLikeSeed(rest)) {
    throw badInput(
      label,
      `${KNOWN_SCHEMES.includes(scheme) ? `${scheme}: ` : "it "}is followed by what looks like a seed, not a name (not printed)`,
      allowed,
      "E_SOURCE_SEED_AS_NAME"
    );
  }
  const text = options.encoder !== void 0 ? { encoder: options.encoder } : {};
  switch (scheme) {
    case "env":
      return envSource(rest, env, label, text);
    case "file":
      return fileSource(rest, label, text);
    case "store":
      return storeSource(rest, env, label, options.store, options.storeLabel);
    case "aws-sm":
      return awsSmSource(
        rest,
        label,
        {
          env,
          ...options.awsRegion ? { region: options.awsRegion } : {},
          ...options.awsRegionLabel !== void 0 ? { regionLabel: options.awsRegionLabel } : {}
        },
        text
      );
    case "vault-kv":
      return vaultKvSource(rest, env, label, options.vault, text);
    case "vault-totp":
      return vaultTotpSource(rest, env, label, options.vault);
    default:
      throw badInput(
        label,
        `${isSafeToPrint(scheme) ? `${scheme}: ` : "its scheme "}is not a known source scheme`,
        allowed,
        "E_SOURCE_SCHEME"
      );
  }
}

// src/resources/key.ts
function keySpecProblems(spec) {
  return checkKeySpec(spec).problems;
}
function checkKeySpec(spec) {
  const problems = [];
  const nameIssue = nameProblem("name", spec.name);
  if (nameIssue) problems.push(nameIssue);
  const generated = spec.generate !== void 0;
  if (generated === (spec.importFrom !== void 0)) {
    problems.push({
      setting: "generate",
      problem: generated ? "and importFrom were both given" : "or importFrom is required",
      allowed: "exactly one of generate and importFrom"
    });
  }
  const generate = spec.generate;
  if (generate !== void 0 && (typeof generate !== "object" || generate === null || Array.isArray(generate))) {
    problems.push({ setting: "generate", problem: "is not an object", allowed: "{ issuer, accountName, keySize? }" });
  } else if (generate !== void 0) {
    for (const field of Object.keys(generate)) {
      if (!["issuer", "accountName", "keySize"].includes(field)) {
        problems.push({
          setting: `generate.${field}`,
          problem: "is not a setting of generate",
          allowed: "issuer, accountName, keySize"
        });
      }
    }
  }
  if (spec.importFrom !== void 0 && (typeof spec.importFrom !== "string" || spec.importFrom === "")) {
    problems.push({ setting: "importFrom", problem: "is not a source reference", allowed: "env:NAME, file:PATH, \u2026" });
  } else if (typeof spec.importFrom === "string") {
    try {
      resolveSeedSource(spec.importFrom, "importFrom", {}, {}, "an import");
    } catch (e) {
      if (!(e instanceof TotpKitError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (generated && (spec.issuer !== void 0 || spec.accountName !== void 0)) {
    problems.push({
      setting: "issuer",
      problem: "belongs inside generate for a generated key",
      allowed: "generate: { issuer, accountName }"
    });
  }
  const check = checkSettings(
    {
      algorithm: spec.algorithm,
      digits: spec.digits,
      period: spec.period,
      skew: spec.skew,
      qrSize: spec.qrSize,
      encoder: spec.encoder,
      ...generated ? { keySize: spec.generate?.keySize, issuer: spec.generate?.issuer, accountName: spec.generate?.accountName } : { issuer: spec.issuer, accountName: spec.accountName }
    },
    { generated }
  );
  problems.push(...check.problems);
  if (generated && check.settings.encoder === "steam") {
    problems.push({
      setting: "encoder",
      problem: "steam cannot be used for a generated key: Steam makes the secrets of its keys",
      allowed: "totp, or import the Steam shared_secret instead of generating a seed"
    });
  }
  if (spec.exported !== void 0 && typeof spec.exported !== "boolean") {
    problems.push({ setting: "exported", problem: "is not true or false", allowed: "true or false" });
  }
  if (problems.length > 0) return { problems };
  const { issuer, accountName, encoder, ...stated } = check.settings;
  return {
    problems,
    checked: {
      name: spec.name,
      generated,
      ...encoder !== void 0 ? { encoder } : {},
      ...spec.importFrom !== void 0 ? { importFrom: spec.importFrom } : {},
      ...issuer !== void 0 ? { issuer } : {},
      ...accountName !== void 0 ? { accountName } : {},
      stated,
      settings: { ...DEFAULTS, ...stated },
      exported: spec.exported !== false
    }
  };
}
function checkedKeySpec(spec, label) {
  const { checked, problems } = checkKeySpec(spec);
  if (!checked) throw badSettings(problems, label);
  return checked;
}
async function findKey(ctx, name) {
  const raw = await ctx.store.get("key", name);
  return raw ? asKeyRecord(raw, name) : void 0;
}
function info2(record) {
  const { secret: _secret, usedCodes: _used, ...rest } = record;
  return rest;
}
async function material(ctx, spec) {
  if (spec.generated) {
    return {
      key: {
        secret: generateSeed(spec.settings.keySize),
        ...spec.settings,
        issuer: spec.issuer,
        accountName: spec.accountName
      },
      warnings: []
    };
  }
  const source = resolveSeedSource(
    spec.importFrom,
    "importFrom",
    contextEnv(ctx),
    spec.encoder !== void 0 ? { encoder: spec.encoder } : {},
    "an import"
  );
  const seed = await source.read();
  const key = resolveKey(
    seed,
    { ...spec.stated, ...spec.encoder !== void 0 ? { encoder: spec.encoder } : {} },
    source.reference
  );
  const warning = shortSeedWarning(key.secret, source.reference);
  const issuer = spec.issuer ?? key.issuer;
  const accountName = spec.accountName ?? key.accountName;
  return {
    key: { ...key, ...issuer !== void 0 ? { issuer } : {}, ...accountName !== void 0 ? { accountName } : {} },
    warnings: warning ? [warning] : []
  };
}
async function createKey(ctx, spec, options = {}) {
  const { key, warnings } = await material(ctx, spec);
  const now = contextNow(ctx);
  const record = {
    name: spec.name,
    generated: spec.generated,
    ...spec.importFrom !== void 0 ? { importFrom: spec.importFrom } : {},
    ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
    ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
    algorithm: key.algorithm,
    digits: key.digits,
    period: key.period,
    skew: spec.settings.skew,
    qrSize: spec.settings.qrSize,
    ...spec.generated ? { keySize: spec.settings.keySize } : {},
    exported: spec.exported,
    ...key.encoder !== void 0 ? { encoder: key.encoder } : {},
    secret: ctx.store.secrets.seal(key.secret, `key/${spec.name}`),
    generation: options.generation ?? newGeneration(),
    createdAt: isoTime(now),
    updatedAt: isoTime(now),
    usedCodes: {}
  };
  const handout = spec.generated && spec.exported;
  const url = handout ? formatOtpauthUrl(key) : void 0;
  const barcode = url ? await qrPng(url, spec.settings.qrSize) : void 0;
  await ctx.store.update("key", spec.name, (current) => {
    if (current && !options.replace)
      throw alreadyExists(`key "${spec.name}"`, "delete it first, or declare it and use apply");
    return { result: void 0, next: toStoreRecord(record) };
  });
  return { key: info2(record), ...url ? { url } : {}, ...barcode ? { barcode } : {}, warnings };
}
async function readKey(ctx, name) {
  const record = await findKey(ctx, name);
  if (!record) throw notFound(`key "${name}"`);
  return info2(record);
}
async function listKeys(ctx) {
  return ctx.store.list("key");
}
async function deleteKey(ctx, name, generation) {
  return ctx.store.update("key", name, (current) => {
    if (!current) return { result: { deleted: false } };
    if (generation !== void 0 && current.generation !== generation) return { result: { deleted: false } };
    return { result: { deleted: true }, next: null };
  });
}
async function updateKeyInPlace(ctx, name, changes) {
  return ctx.store.update("key", name, (current) => {
    if (!current) throw notFound(`key "${name}"`);
    const record = { ...asKeyRecord(current, name), ...changes, updatedAt: isoTime(contextNow(ctx)) };
    return { result: info2(record), next: toStoreRecord(record) };
  });
}
function openKey(ctx, record) {
  return openKeyRecord(ctx.store.secrets, record);
}
async function keyMaterial(ctx, name) {
  const record = await findKey(ctx, name);
  if (!record) throw notFound(`key "${name}"`);
  return openKey(ctx, record);
}
async function keyCode(ctx, name, at = contextNow(ctx)) {
  return generateCode(await keyMaterial(ctx, name), at);
}
async function validateKey(ctx, name, input, at) {
  if ((normalizeCode(input) ?? "") === "") throw badInput("code", "is empty", "the code to check", "E_CODE_REQUIRED");
  return ctx.store.update("key", name, (current) => {
    if (!current) throw notFound(`key "${name}"`);
    const record = asKeyRecord(current, name);
    const code = normalizeCode(input, record);
    const now = at ?? contextNow(ctx);
    const used = Object.fromEntries(Object.entries(record.usedCodes).filter(([, until]) => until > now));
    if (Object.hasOwn(used, code)) {
      const pruned = Object.keys(used).length !== Object.keys(record.usedCodes).length;
      return {
        result: { valid: false, reason: "used" },
        next: pruned ? toStoreRecord({ ...record, usedCodes: used }) : void 0
      };
    }
    const outcome = verifyCode(openKey(ctx, record), code, { at: now, skew: record.skew });
    const wellFormed = isWellFormedCode(record, code);
    if (wellFormed) used[code] = Math.floor(now) + record.period * (2 + record.skew);
    const next = toStoreRecord({ ...record, usedCodes: used });
    return { result: outcome.valid ? { valid: true } : { valid: false, reason: "invalid" }, next };
  });
}

export {
  MAX_UNIX_SECONDS,
  nowSeconds,
  remainingSeconds,
  assertMinRemaining,
  planFreshCode,
  tenths,
  encodeBase32,
  decodeBase32,
  ALGORITHMS,
  DEFAULTS,
  LIMITS,
  parseWholeNumber,
  checkSettings,
  hotp,
  codeLength,
  describeCodes,
  generateCode,
  verifyCode,
  isOtpauthUrl,
  parseOtpauthUrl,
  formatOtpauthUrl,
  generateSeed,
  shortSeedWarning,
  parseSeedText,
  contradictions,
  resolveKey,
  readSmallFile,
  readSmallStdin,
  checkName,
  DEFAULT_STORE,
  resolveStoreRef,
  openStore,
  resolveSource,
  newGeneration,
  notFound,
  qrTerminal,
  METHOD_SETTINGS,
  methodSpecProblems,
  checkedMethodSpec,
  findMethod,
  createMethod,
  updateMethod,
  readMethod,
  listMethods,
  deleteMethod,
  verifyWithKey,
  refusalMessage,
  enrollmentProblems,
  findEnrollment,
  enroll,
  readEnrollment,
  listEnrollments,
  unenroll,
  validateEnrollment,
  enrollmentRefusal,
  keySpecProblems,
  checkedKeySpec,
  findKey,
  createKey,
  readKey,
  listKeys,
  deleteKey,
  updateKeyInPlace,
  openKey,
  keyCode,
  validateKey
};
