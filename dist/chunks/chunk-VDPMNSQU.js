import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  TotpKitError,
  badInput,
  canonicalJson,
  looksLikeSeed,
  quote
} from "./chunk-XHKLEXY5.js";

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

// src/stores/aws-sdk.ts
var THROTTLING = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ThrottledException"
]);
var awsErrorName = (e) => String(e?.name ?? "");
async function loadSecretsManager(what, region) {
  let sdk;
  try {
    const module = await import("./dist-cjs-KFWVMIRG.js");
    sdk = "SecretsManagerClient" in module ? module : module.default;
  } catch (e) {
    const code = e.code;
    throw new TotpKitError(
      "backend",
      "E_AWS_SDK",
      `${what}: the AWS SDK (@aws-sdk/client-secrets-manager) cannot be loaded${typeof code === "string" ? ` (${code})` : ""}`
    );
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const config = {
    ...region ? { region } : {},
    // The SDK waits forever for a silent server by default; a step should fail, naming the operation.
    requestHandler: {
      requestTimeout: requestTimeoutMs(),
      connectionTimeout: Math.min(requestTimeoutMs(), 5e3),
      throwOnRequestTimeout: true,
      // requestTimeout stops counting once headers arrive: a body that stalls needs an idle limit too.
      socketTimeout: requestTimeoutMs()
    }
  };
  return { sdk, client: new sdk.SecretsManagerClient(config) };
}
function requestTimeoutMs() {
  const given = Number(process.env.TOTP_KIT_AWS_TIMEOUT_MS);
  return Number.isSafeInteger(given) && given > 0 ? given : 1e4;
}
function isUnreadableAnswer(error) {
  const e = error ?? {};
  const name = awsErrorName(error);
  if (typeof e.code === "string" && /^E[A-Z0-9_]+$/.test(e.code)) return false;
  if (name === "TimeoutError" || name === "RequestTimeout") return false;
  return name === "SyntaxError" || /Deserialization error/i.test(String(e.message ?? ""));
}
function unreadableAnswer(error) {
  const status = error?.$metadata?.httpStatusCode;
  return `returned an answer that could not be read${status !== void 0 && status >= 300 ? ` (HTTP ${status})` : ""}`;
}
function describeAwsError(error, regionLabel) {
  const e = error ?? {};
  const name = awsErrorName(error);
  const code = typeof e.code === "string" ? e.code : void 0;
  if (isUnreadableAnswer(error)) return `the service ${unreadableAnswer(error)}`;
  if (name === "AccessDeniedException") return `access denied (${name})`;
  if (THROTTLING.has(name)) return `throttled after retries (${name})`;
  if (name === "ResourceNotFoundException") return "not found";
  if (name === "DecryptionFailure") return `the secret cannot be decrypted with its KMS key (${name})`;
  if (code && /^E[A-Z0-9_]+$/.test(code)) return `unreachable (${code})`;
  if (name === "TimeoutError" || name === "RequestTimeout") return `unreachable (${name})`;
  if (e.message === "Region is missing") {
    return `no AWS region configured (set AWS_REGION${regionLabel !== void 0 ? ` or ${regionLabel}` : ""})`;
  }
  if (name === "CredentialsProviderError")
    return "no AWS credentials found (configure them, e.g. with aws-actions/configure-aws-credentials)";
  const message = String(e.message ?? "").replace(/\s+/g, " ").trim();
  const short = message.length > 200 ? `${message.slice(0, 200)}\u2026` : message;
  if (!name || name === "Error") return short || "unknown error";
  return short ? `${name}: ${short}` : name;
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
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scryptSync } from "node:crypto";
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
    if (kdf === "scrypt" && this.#salt === void 0) this.#salt = randomBytes(16).toString("base64");
    const salt = kdf === "scrypt" ? this.#salt : void 0;
    const iv = randomBytes(12);
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
var ALLOWED2 = "file:PATH or aws-sm:PREFIX";
var AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;
var RECORD_KIND_SEGMENTS = ["key", "method", "enrollment", "lease"];
var AWS_PREFIX_ALLOWED = "aws-sm:PREFIX with letters, digits and /_+=.@-, and no segment named key, method, enrollment or lease";
function awsPrefixProblem(prefix) {
  const segment = prefix.split("/").find((s) => RECORD_KIND_SEGMENTS.includes(s.toLowerCase()));
  if (segment === void 0) return void 0;
  return `prefix has a segment "${segment}": a prefix may have no segment named key, method, enrollment or lease (another store's records would be named like its secrets)`;
}
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
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED2, "E_STORE_REF");
}
async function openStore(ref, env = process.env) {
  const parsed = typeof ref === "string" ? resolveStoreRef(ref, env) : ref;
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY, { adopt: adoptionRequested(env) });
  if (parsed.kind === "file") {
    const { FileStore } = await import("./file-store-LXKVPHU7.js");
    return new FileStore(parsed.path, secrets);
  }
  const { AwsSecretsManagerStore } = await import("./aws-sm-store-GS6UZFRD.js");
  return new AwsSecretsManagerStore(parsed.prefix, secrets, env);
}

export {
  encodeBase32,
  normalizeBase32,
  looksLikeHex,
  HEX_NOT_BASE32,
  decodeBase32,
  awsErrorName,
  loadSecretsManager,
  isUnreadableAnswer,
  unreadableAnswer,
  describeAwsError,
  unexpandedTilde,
  DEFAULT_STORE,
  awsPrefixProblem,
  resolveStoreRef,
  openStore
};
