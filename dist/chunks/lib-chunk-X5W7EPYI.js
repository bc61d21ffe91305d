import {
  TotpKitError
} from "./lib-chunk-JW2HY5J3.js";

// src/stores/file-store.ts
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import lockfile from "proper-lockfile";
import writeFileAtomic from "write-file-atomic";
var STORE_FORMAT = 1;
var SECTIONS = {
  key: "keys",
  method: "methods",
  enrollment: "enrollments",
  lease: "leases"
};
var LOCK_STALE_MS = 5e3;
var FileStore = class {
  reference;
  secrets;
  #path;
  constructor(path, secrets) {
    this.#path = path;
    this.reference = `file:${path}`;
    this.secrets = secrets;
  }
  #failure(problem, code = "E_STORE_UNREADABLE") {
    return new TotpKitError("backend", code, `store ${this.reference}: ${problem}; it was left untouched`);
  }
  /** Reads and checks the whole file; a missing file is an empty store. */
  async read() {
    let text;
    try {
      text = await readFile(this.#path, "utf8");
    } catch (e) {
      const code = e.code ?? "unknown error";
      if (code === "ENOENT") return { format: STORE_FORMAT, keys: {}, methods: {}, enrollments: {}, leases: {} };
      throw this.#failure(`cannot be read (${code})`);
    }
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw this.#failure(
        text.trim() === "" ? "is empty" : "is not valid JSON (corrupt or truncated)",
        "E_STORE_CORRUPT"
      );
    }
    const doc = data;
    if (typeof doc !== "object" || doc === null || Array.isArray(doc) || typeof doc.format !== "number") {
      throw this.#failure("is not a totp-kit store (no format version)", "E_STORE_CORRUPT");
    }
    if (doc.format > STORE_FORMAT || !Number.isInteger(doc.format) || doc.format < 1) {
      throw this.#failure(
        `has format ${doc.format}, which this version of totp-kit does not understand (it writes ${STORE_FORMAT}); upgrade totp-kit`,
        "E_STORE_FORMAT"
      );
    }
    const sections = {};
    for (const name of Object.values(SECTIONS)) {
      const section = doc[name] ?? {};
      if (typeof section !== "object" || section === null || Array.isArray(section)) {
        throw this.#failure(`has a damaged "${name}" section`, "E_STORE_CORRUPT");
      }
      sections[name] = section;
    }
    return { format: doc.format, ...doc.keyCheck !== void 0 ? { keyCheck: doc.keyCheck } : {}, ...sections };
  }
  /**
   * Keeps one store under one key: with a key, a store sealed with another key is refused; without one,
   * a store holding sealed seeds is refused rather than given a plain seed beside them.
   */
  #checkKey(doc) {
    if (doc.keyCheck !== void 0) this.secrets.assertCheck(doc.keyCheck, this.reference);
    else {
      for (const kind of Object.keys(SECTIONS)) {
        for (const [id, record] of Object.entries(doc[SECTIONS[kind]])) {
          if (record.secret === void 0 || typeof record.secret === "string") continue;
          if (!this.secrets.encrypting) this.secrets.assertCheck(void 0, this.reference);
          this.secrets.open(record.secret, `${kind}/${id}`, `${kind} "${id}"`);
          break;
        }
      }
    }
    if (this.secrets.encrypting && doc.keyCheck === void 0) doc.keyCheck = this.secrets.makeCheck();
  }
  async #write(doc) {
    this.#checkKey(doc);
    if (this.secrets.encrypting) {
      for (const kind of Object.keys(SECTIONS)) {
        const section = doc[SECTIONS[kind]];
        for (const [id, record] of Object.entries(section)) {
          if (typeof record.secret === "string") {
            section[id] = { ...record, secret: this.secrets.reseal(record.secret, `${kind}/${id}`) };
          }
        }
      }
    }
    await writeFileAtomic(this.#path, `${JSON.stringify(doc, null, 2)}
`, { mode: 384, fsync: true });
  }
  async #locked(work) {
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 448 });
    } catch (e) {
      throw this.#failure(
        `cannot be created (${e.code ?? "unknown error"} for its folder)`,
        "E_STORE_UNWRITABLE"
      );
    }
    let release;
    try {
      release = await lockfile.lock(this.#path, {
        realpath: false,
        stale: LOCK_STALE_MS,
        retries: { retries: 400, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true }
      });
    } catch (e) {
      throw this.#failure(
        `could not be locked (${e.code ?? "busy"}): another totp-kit process holds it`,
        "E_STORE_LOCKED"
      );
    }
    try {
      return await work();
    } finally {
      await release().catch(() => void 0);
    }
  }
  async get(kind, id) {
    const section = (await this.read())[SECTIONS[kind]];
    return Object.hasOwn(section, id) ? section[id] : void 0;
  }
  async list(kind) {
    return Object.keys((await this.read())[SECTIONS[kind]]).sort();
  }
  async update(kind, id, change) {
    return this.#locked(async () => {
      const doc = await this.read();
      const section = doc[SECTIONS[kind]];
      const outcome = change(Object.hasOwn(section, id) ? section[id] : void 0);
      if (outcome.next === void 0) return outcome.result;
      if (outcome.next === null) {
        if (!Object.hasOwn(section, id)) return outcome.result;
        delete section[id];
      } else {
        section[id] = outcome.next;
      }
      await this.#write({ ...doc, format: STORE_FORMAT });
      return outcome.result;
    });
  }
};

export {
  STORE_FORMAT,
  FileStore
};
