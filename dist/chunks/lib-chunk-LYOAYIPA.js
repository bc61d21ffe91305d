import {
  PLAIN_TRUST,
  adoptedFields,
  authenticatedTrust,
  notAdopted
} from "./lib-chunk-MEYBRUXD.js";
import {
  TotpKitError
} from "./lib-chunk-6FJPLQQP.js";

// src/stores/file-store.ts
import { constants as constants2 } from "node:fs";
import { mkdir, open as open2 } from "node:fs/promises";
import { basename as basename2, dirname as dirname3, join as join2 } from "node:path";
import lockfile from "proper-lockfile";

// src/stores/atomic-write.ts
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var ATTEMPTS = 5;
var CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
async function writeFileAtomically(path, data, options = {}) {
  const folder = dirname(path);
  const randomPart = options.randomPart ?? (() => randomBytes(16).toString("hex"));
  let temp = "";
  let handle;
  for (let attempt = 1; handle === void 0; attempt++) {
    temp = join(folder, `${basename(path)}.${randomPart()}.tmp`);
    try {
      handle = await open(temp, CREATE_EXCLUSIVE, 384);
    } catch (e) {
      if (e.code !== "EEXIST" || attempt >= ATTEMPTS) throw e;
    }
  }
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => void 0);
    throw e;
  }
  await syncFolder(folder);
}
async function syncFolder(folder) {
  if (process.platform === "win32") return;
  let dir;
  try {
    dir = await open(folder, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    await dir.sync();
  } catch {
  } finally {
    await dir?.close().catch(() => void 0);
  }
}

// src/stores/store-place.ts
import { realpath, stat } from "node:fs/promises";
import { userInfo } from "node:os";
import { dirname as dirname2 } from "node:path";
var CHECKED = process.platform !== "win32" && typeof process.geteuid === "function";
async function realFolder(storePath) {
  const folder = dirname2(storePath);
  let real;
  try {
    real = await realpath(folder);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  if (!(await stat(real)).isDirectory()) {
    throw Object.assign(new Error(`${real} is not a folder`), { code: "ENOTDIR" });
  }
  return real;
}
async function checkFolder(folder) {
  if (!CHECKED) return void 0;
  const own = await stat(folder);
  if (!ownedByUs(own)) {
    return {
      problem: `its folder ${folder} belongs to another user (uid ${own.uid}), who could plant or swap its files`,
      fix: `chown ${me()} ${shellQuote(folder)}, or use a folder of your own`
    };
  }
  if ((own.mode & 18) !== 0) {
    return {
      problem: `its folder ${folder} is writable by ${writers(own.mode)} (mode ${octal(own.mode)}), so another user could plant or swap its files`,
      fix: `chmod 700 ${shellQuote(folder)}`
    };
  }
  for (let above = dirname2(folder); ; above = dirname2(above)) {
    const s = await stat(above);
    if ((s.mode & 2) !== 0 && (s.mode & 512) === 0) {
      return {
        problem: `the folder ${above} above it is writable by others without the sticky bit (mode ${octal(s.mode)}), so another user could swap the store's folder`,
        fix: `chmod o-w ${shellQuote(above)}, or keep the store elsewhere`
      };
    }
    if (dirname2(above) === above) return void 0;
  }
}
function checkFile(s, file) {
  if (!s.isFile()) return { problem: `the store file ${file} is not a regular file`, fix: "move it away" };
  if (!CHECKED) return void 0;
  if (!ownedByUs(s)) {
    return {
      problem: `the store file ${file} belongs to another user (uid ${s.uid})`,
      fix: `chown ${me()} ${shellQuote(file)}`
    };
  }
  if ((s.mode & 18) !== 0) {
    return {
      problem: `the store file ${file} is writable by ${writers(s.mode)} (mode ${octal(s.mode)}), so another user could change it`,
      fix: `chmod 600 ${shellQuote(file)}`
    };
  }
  if (s.nlink > 1) {
    const f = shellQuote(file);
    return {
      problem: `the store file ${file} has ${s.nlink} hard links, so it could be reached (and locked) under another name`,
      fix: `give it a file of its own: cp -p ${f} ${shellQuote(`${file}.copy`)} && mv ${shellQuote(`${file}.copy`)} ${f}`
    };
  }
  return void 0;
}
function symlinkedFile(file) {
  return {
    problem: `the store file ${file} is a symbolic link, which totp-kit does not follow`,
    fix: "point the store at the file the link leads to"
  };
}
function ownedByUs(s) {
  return s.uid === 0 || s.uid === process.geteuid?.();
}
function writers(mode) {
  if ((mode & 16) !== 0 && (mode & 2) !== 0) return "group and others";
  return (mode & 16) !== 0 ? "its group" : "others";
}
function octal(mode) {
  return (mode & 4095).toString(8).padStart(4, "0");
}
function me() {
  try {
    return userInfo().username;
  } catch {
    return String(process.geteuid?.());
  }
}
function shellQuote(path) {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

// src/stores/file-store.ts
var STORE_FORMAT = 1;
var SECTIONS = {
  key: "keys",
  method: "methods",
  enrollment: "enrollments",
  lease: "leases"
};
var LOCK_STALE_MS = 5e3;
var READ_NO_FOLLOW = constants2.O_RDONLY | (constants2.O_NOFOLLOW ?? 0) | (constants2.O_NONBLOCK ?? 0);
var FileStore = class {
  reference;
  secrets;
  #path;
  /** TOTP_KIT_STORE_ADOPT: the adoption of this store, done once before its first use. */
  #adoption;
  constructor(path, secrets) {
    this.#path = path;
    this.reference = `file:${path}`;
    this.secrets = secrets;
  }
  #failure(problem, code = "E_STORE_UNREADABLE") {
    return new TotpKitError("backend", code, `store ${this.reference}: ${problem}; it was left untouched`);
  }
  /** A store whose place other users could tamper with (store-place.ts): refused, with the fix. */
  #refusal(unsafe) {
    return new TotpKitError(
      "backend",
      "E_STORE_UNSAFE",
      `store ${this.reference}: refused: ${unsafe.problem}; it was left untouched (fix: ${unsafe.fix})`
    );
  }
  /**
   * The store file's real path (its folder's symlinks resolved) once the folder and those above it pass the
   * checks; undefined when the folder does not exist. With `create`, a missing folder is made first (0700,
   * missing parents too).
   */
  async #realFile(create) {
    const errno = (e) => e.code ?? "unknown error";
    if (create) {
      try {
        await mkdir(dirname3(this.#path), { recursive: true, mode: 448 });
      } catch (e) {
        throw this.#failure(`cannot be created (${errno(e)} for its folder)`, "E_STORE_UNWRITABLE");
      }
    }
    let folder;
    let unsafe;
    try {
      folder = await realFolder(this.#path);
      if (folder !== void 0) unsafe = await checkFolder(folder);
    } catch (e) {
      throw this.#failure(`cannot be read (${errno(e)} for its folder)`);
    }
    if (unsafe) throw this.#refusal(unsafe);
    if (folder === void 0 && create) {
      throw this.#failure("cannot be created (ENOENT for its folder)", "E_STORE_UNWRITABLE");
    }
    return folder === void 0 ? void 0 : join2(folder, basename2(this.#path));
  }
  /** The text of the store file at its real path, checked through the open file; undefined when there is none. */
  async #readText(file) {
    let handle;
    try {
      handle = await open2(file, READ_NO_FOLLOW);
    } catch (e) {
      const code = e.code ?? "unknown error";
      if (code === "ENOENT") return void 0;
      if (code === "ELOOP" || code === "EMLINK") throw this.#refusal(symlinkedFile(file));
      throw this.#failure(`cannot be read (${code})`);
    }
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw this.#failure("cannot be read (EISDIR)");
      const unsafe = checkFile(stats, file);
      if (unsafe) throw this.#refusal(unsafe);
      return await handle.readFile("utf8");
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw this.#failure(`cannot be read (${e.code ?? "unknown error"})`);
    } finally {
      await handle.close().catch(() => void 0);
    }
  }
  /** Reads and checks the whole file; a missing file is an empty store. */
  async read() {
    return this.#readAt(await this.#realFile(false));
  }
  /** `read` of the file at its real path (undefined: its folder does not exist yet). */
  async #readAt(file) {
    const text = file === void 0 ? void 0 : await this.#readText(file);
    if (text === void 0) return { format: STORE_FORMAT, keys: {}, methods: {}, enrollments: {}, leases: {} };
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
   * Keeps one store under one key. With a key, #trust has checked it (and given an empty store its check). Without
   * one, a store holding a key check or sealed seeds is refused rather than given plain records beside them.
   */
  #checkKey(doc) {
    if (this.secrets.encrypting) return;
    if (doc.keyCheck !== void 0 || this.#records(doc).some(([, , record]) => isSealed(record.secret))) {
      this.secrets.assertCheck(void 0, this.reference);
    }
  }
  /** Every record of the document, as [kind, id, record]. */
  #records(doc) {
    return Object.keys(SECTIONS).flatMap(
      (kind) => Object.entries(doc[SECTIONS[kind]]).map(([id, record]) => [kind, id, record])
    );
  }
  /**
   * How records are opened and written (record-auth.ts): as they are without a key; authenticated under a
   * version-2 key check with one. An empty store gets its check here (written with the first write).
   * @throws TotpKitError E_STORE_KEY_WRONG for another key, E_STORE_NOT_ADOPTED for records never authenticated.
   */
  #trust(doc) {
    if (!this.secrets.encrypting) return PLAIN_TRUST;
    const version = doc.keyCheck === void 0 ? void 0 : this.secrets.assertCheck(doc.keyCheck, this.reference);
    if (version !== 2) {
      if (this.#records(doc).length > 0) throw notAdopted(this.reference);
      doc.keyCheck = this.secrets.makeCheck();
    }
    return authenticatedTrust(this.secrets, doc.keyCheck, (kind, id) => `store ${this.reference}: ${kind} "${id}"`);
  }
  /**
   * TOTP_KIT_STORE_ADOPT=1: vouches for the records as they are, once per store object, before it is used: every
   * seed sealed (a sealed one must open with the key), every record signed, a version-2 key check kept or written.
   * Nothing is written when a record is refused (wrong key, damaged seed).
   */
  async #adopted() {
    if (!this.secrets.adopting) return;
    this.#adoption ??= this.#locked(async (file) => {
      const doc = await this.#readAt(file);
      const records = this.#records(doc);
      if (records.length === 0) return;
      const version = doc.keyCheck === void 0 ? void 0 : this.secrets.assertCheck(doc.keyCheck, this.reference);
      if (version !== 2) doc.keyCheck = this.secrets.makeCheck();
      const trust = this.#trust(doc);
      for (const [kind, id, record] of records) {
        doc[SECTIONS[kind]][id] = trust.seal(kind, id, adoptedFields(this.secrets, kind, id, record));
      }
      await this.#write({ ...doc, format: STORE_FORMAT }, file);
    });
    await this.#adoption;
  }
  async #write(doc, file) {
    this.#checkKey(doc);
    try {
      await writeFileAtomically(file, `${JSON.stringify(doc, null, 2)}
`);
    } catch (e) {
      throw this.#failure(
        `could not be written (${e.code ?? "unknown error"})`,
        "E_STORE_UNWRITABLE"
      );
    }
  }
  /** Runs `work` on the store file's real path under the store's one lock, taken at that real path. */
  async #locked(work) {
    const file = await this.#realFile(true);
    let release;
    try {
      release = await lockfile.lock(file, {
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
      return await work(file);
    } finally {
      await release().catch(() => void 0);
    }
  }
  async get(kind, id) {
    await this.#adopted();
    const doc = await this.read();
    const trust = this.#trust(doc);
    const section = doc[SECTIONS[kind]];
    return Object.hasOwn(section, id) ? trust.open(kind, id, section[id]) : void 0;
  }
  async list(kind) {
    await this.#adopted();
    return Object.keys((await this.read())[SECTIONS[kind]]).sort();
  }
  async update(kind, id, change) {
    await this.#adopted();
    return this.#locked(async (file) => {
      const doc = await this.#readAt(file);
      const trust = this.#trust(doc);
      const section = doc[SECTIONS[kind]];
      const outcome = change(Object.hasOwn(section, id) ? trust.open(kind, id, section[id]) : void 0);
      if (outcome.next === void 0) return outcome.result;
      if (outcome.next === null) {
        if (!Object.hasOwn(section, id)) return outcome.result;
        delete section[id];
      } else {
        section[id] = trust.seal(kind, id, outcome.next);
      }
      await this.#write({ ...doc, format: STORE_FORMAT }, file);
      return outcome.result;
    });
  }
};
function isSealed(secret) {
  return secret !== void 0 && typeof secret !== "string";
}

export {
  writeFileAtomically,
  STORE_FORMAT,
  FileStore
};
