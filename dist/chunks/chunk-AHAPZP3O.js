import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  TotpKitError,
  badInput,
  canonicalJson
} from "./chunk-BYLEH6TO.js";

// src/stores/record-auth.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var MAC_FIELD = "_mac";
var MAC_LABEL = "totp-kit record v1\n";
function withoutMac(record) {
  if (!Object.hasOwn(record, MAC_FIELD)) return record;
  const { [MAC_FIELD]: _mac, ...fields } = record;
  return fields;
}
var PLAIN_TRUST = {
  open: (_kind, _id, stored) => withoutMac(stored),
  seal: (_kind, _id, record) => withoutMac(record)
};
function mac(key, kind, id, fields) {
  return createHmac("sha256", key).update(MAC_LABEL).update(canonicalJson({ kind, id, record: fields })).digest();
}
function authenticatedTrust(secrets, check, describe) {
  const key = secrets.recordKey(check);
  return {
    open(kind, id, stored) {
      const fields = withoutMac(stored);
      const given = stored[MAC_FIELD];
      const expected = mac(key, kind, id, fields);
      const presented = typeof given === "string" ? Buffer.from(given, "base64") : void 0;
      if (presented?.length === expected.length && timingSafeEqual(presented, expected)) return fields;
      throw tampered(describe(kind, id), given === void 0);
    },
    seal(kind, id, record) {
      const fields = withoutMac(record);
      const sealed = typeof fields.secret === "string" ? { ...fields, secret: secrets.reseal(fields.secret, `${kind}/${id}`) } : fields;
      return { ...sealed, [MAC_FIELD]: mac(key, kind, id, sealed).toString("base64") };
    }
  };
}
function adoptedFields(secrets, kind, id, stored) {
  const fields = withoutMac(stored);
  if (fields.secret === void 0) return fields;
  const context = `${kind}/${id}`;
  const seed = secrets.open(fields.secret, context, `${kind} "${id}"`);
  return typeof fields.secret === "string" ? { ...fields, secret: secrets.seal(seed, context) } : fields;
}
function tampered(what, unsigned) {
  const why = unsigned ? "it is not authenticated (written without TOTP_KIT_STORE_KEY, or not by totp-kit)" : "it fails authentication under TOTP_KIT_STORE_KEY (changed without the key, or copied from another record or store)";
  return new TotpKitError(
    "backend",
    "E_STORE_TAMPERED",
    `${what} is refused: ${why}; it was left untouched (restore it; if you changed it yourself, check it and run once with TOTP_KIT_STORE_ADOPT=1)`
  );
}
function notAdopted(reference) {
  return badInput(
    "TOTP_KIT_STORE_KEY",
    `is set, but the records of ${reference} are not authenticated by a store key (written without one, or by an older totp-kit)`,
    "check the store, then run one command with TOTP_KIT_STORE_ADOPT=1 to seal and authenticate its records; or unset TOTP_KIT_STORE_KEY",
    "E_STORE_NOT_ADOPTED"
  );
}
var TrustCache = class {
  #pending;
  #read;
  constructor(read) {
    this.#read = read;
  }
  /** The trust, reading it when none is kept. */
  async get() {
    this.#pending ??= this.#read();
    const pending = this.#pending;
    try {
      const trust = await pending;
      if (trust === void 0 && this.#pending === pending) this.#pending = void 0;
      return trust;
    } catch (e) {
      if (this.#pending === pending) this.#pending = void 0;
      throw e;
    }
  }
  /** Keeps a trust the store has just established (its key check written or found). */
  set(trust) {
    this.#pending = Promise.resolve(trust);
  }
};

export {
  PLAIN_TRUST,
  authenticatedTrust,
  adoptedFields,
  notAdopted,
  TrustCache
};
