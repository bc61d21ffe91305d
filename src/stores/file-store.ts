/**
 * The embedded store: one JSON file, mode 0600 in a 0700 directory. Writes replace the file atomically
 * (temporary file, fsync, rename: a crash leaves the old or the new content, never a torn file) and
 * every read-modify-write holds an inter-process lock (a `.lock` directory beside the file, refreshed
 * while held and taken over when stale), so concurrent processes lose nothing. A file that is not a
 * store of a format this version knows is refused by name and never overwritten.
 *
 * Other local users are kept out (store-place.ts): a store whose folder others can write to or another
 * user owns, or whose file is a symlink, another user's or hard-linked, is refused before anything is read
 * or written. The temporary file of a write is created exclusively under a random name (atomic-write.ts).
 * Everything after the check (lock, read, write) uses the folder's real path, so every path to one store
 * (a symlinked folder, `..`) shares one lock, and a symlink re-pointed meanwhile changes nothing.
 */
import { constants } from 'node:fs';
import { type FileHandle, mkdir, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { ErrorCode } from '../core/error-codes.js';
import { TotpKitError } from '../core/errors.js';
import { writeFileAtomically } from './atomic-write.js';
import { adoptedFields, authenticatedTrust, notAdopted, PLAIN_TRUST, type RecordTrust } from './record-auth.js';
import type { SecretBox } from './secret-box.js';
import type { Change, RecordKind, Store, StoreRecord } from './store.js';
import { checkFile, checkFolder, realFolder, symlinkedFile, type Unsafe } from './store-place.js';

/** The store file's format version; a newer one is refused rather than misread. */
export const STORE_FORMAT = 1;

type SectionName = 'keys' | 'methods' | 'enrollments' | 'leases';

const SECTIONS: Readonly<Record<RecordKind, SectionName>> = {
  key: 'keys',
  method: 'methods',
  enrollment: 'enrollments',
  lease: 'leases',
};

type Section = Record<string, StoreRecord>;
/** The whole file. */
export interface StoreDocument {
  format: number;
  /**
   * With a store key: a value sealed with it, so a wrong key is refused before anything is written. A version-2
   * check also says every record is authenticated (record-auth.ts).
   */
  keyCheck?: unknown;
  keys: Section;
  methods: Section;
  enrollments: Section;
  /** The last time step handed out per key to `--lease` callers (no seed material). */
  leases: Section;
}

/** How long a lock may go unrefreshed before another process takes it over (proper-lockfile's minimum is 2 s). */
const LOCK_STALE_MS = 5_000;

/** The store file is opened without following a symlink, and without blocking on a FIFO planted in its place. */
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** A store in one local file. */
export class FileStore implements Store {
  readonly reference: string;
  readonly secrets: SecretBox;
  readonly #path: string;
  /** TOTP_KIT_STORE_ADOPT: the adoption of this store, done once before its first use. */
  #adoption: Promise<void> | undefined;

  constructor(path: string, secrets: SecretBox) {
    this.#path = path;
    this.reference = `file:${path}`;
    this.secrets = secrets;
  }

  /** A store that cannot be used: what is wrong, that nothing was changed, and (`fix`) what to do. */
  #failure(problem: string, code: ErrorCode = 'E_STORE_UNREADABLE', fix?: string): TotpKitError {
    const next = fix !== undefined ? ` (${fix})` : '';
    return new TotpKitError('backend', code, `store ${this.reference}: ${problem}; it was left untouched${next}`);
  }

  /** A store whose place other users could tamper with (store-place.ts): refused, with the fix. */
  #refusal(unsafe: Unsafe): TotpKitError {
    return new TotpKitError(
      'backend',
      'E_STORE_UNSAFE',
      `store ${this.reference}: refused: ${unsafe.problem}; it was left untouched (fix: ${unsafe.fix})`,
    );
  }

  /**
   * The store file's real path (its folder's symlinks resolved) once the folder and those above it pass the
   * checks; undefined when the folder does not exist. With `create`, a missing folder is made first (0700,
   * missing parents too).
   */
  async #realFile(create: boolean): Promise<string | undefined> {
    const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'unknown error';
    if (create) {
      try {
        await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
      } catch (e) {
        throw this.#failure(`cannot be created (${errno(e)} for its folder)`, 'E_STORE_UNWRITABLE');
      }
    }
    let folder: string | undefined;
    let unsafe: Unsafe | undefined;
    try {
      folder = await realFolder(this.#path);
      if (folder !== undefined) unsafe = await checkFolder(folder);
    } catch (e) {
      throw this.#failure(`cannot be read (${errno(e)} for its folder)`);
    }
    if (unsafe) throw this.#refusal(unsafe);
    if (folder === undefined && create) {
      throw this.#failure('cannot be created (ENOENT for its folder)', 'E_STORE_UNWRITABLE');
    }
    return folder === undefined ? undefined : join(folder, basename(this.#path));
  }

  /** The text of the store file at its real path, checked through the open file; undefined when there is none. */
  async #readText(file: string): Promise<string | undefined> {
    let handle: FileHandle;
    try {
      handle = await open(file, READ_NO_FOLLOW);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
      if (code === 'ENOENT') return undefined;
      // O_NOFOLLOW on a symlink: ELOOP (Linux, macOS), EMLINK (FreeBSD).
      if (code === 'ELOOP' || code === 'EMLINK') throw this.#refusal(symlinkedFile(file));
      throw this.#failure(`cannot be read (${code})`);
    }
    try {
      const stats = await handle.stat();
      if (stats.isDirectory()) throw this.#failure('cannot be read (EISDIR)');
      const unsafe = checkFile(stats, file);
      if (unsafe) throw this.#refusal(unsafe);
      return await handle.readFile('utf8');
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw this.#failure(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  /** Reads and checks the whole file; a missing file is an empty store. */
  async read(): Promise<StoreDocument> {
    return this.#readAt(await this.#realFile(false));
  }

  /** `read` of the file at its real path (undefined: its folder does not exist yet). */
  async #readAt(file: string | undefined): Promise<StoreDocument> {
    const text = file === undefined ? undefined : await this.#readText(file);
    if (text === undefined) return { format: STORE_FORMAT, keys: {}, methods: {}, enrollments: {}, leases: {} };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      // Atomic writes never leave an empty or torn store: such a file was damaged or made by something else.
      if (text.trim() === '') {
        throw this.#failure(
          'is empty',
          'E_STORE_CORRUPT',
          `restore it from a backup, or delete ${this.#path} to start an empty store`,
        );
      }
      throw this.#failure(
        'is not valid JSON (corrupt or truncated)',
        'E_STORE_CORRUPT',
        `restore it from a backup; moving ${this.#path} aside starts an empty store, without its keys and enrollments`,
      );
    }
    const doc = data as Partial<StoreDocument> | null;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || typeof doc.format !== 'number') {
      throw this.#failure(
        'is not a totp-kit store (no format version)',
        'E_STORE_CORRUPT',
        'check that the store reference names a totp-kit store file, or restore it from a backup',
      );
    }
    if (doc.format > STORE_FORMAT || !Number.isInteger(doc.format) || doc.format < 1) {
      throw this.#failure(
        `has format ${doc.format}, which this version of totp-kit does not understand (it writes ${STORE_FORMAT}); upgrade totp-kit`,
        'E_STORE_FORMAT',
      );
    }
    const sections = {} as Record<SectionName, Section>;
    for (const name of Object.values(SECTIONS)) {
      const section = doc[name] ?? {};
      if (typeof section !== 'object' || section === null || Array.isArray(section)) {
        throw this.#failure(`has a damaged "${name}" section`, 'E_STORE_CORRUPT', 'restore it from a backup');
      }
      sections[name] = section;
    }
    return { format: doc.format, ...(doc.keyCheck !== undefined ? { keyCheck: doc.keyCheck } : {}), ...sections };
  }

  /**
   * Keeps one store under one key. With a key, #trust has checked it (and given an empty store its check). Without
   * one, a store holding a key check or sealed seeds is refused rather than given plain records beside them.
   */
  #checkKey(doc: StoreDocument): void {
    if (this.secrets.encrypting) return;
    if (doc.keyCheck !== undefined || this.#records(doc).some(([, , record]) => isSealed(record.secret))) {
      this.secrets.assertCheck(undefined, this.reference);
    }
  }

  /** Every record of the document, as [kind, id, record]. */
  #records(doc: StoreDocument): [RecordKind, string, StoreRecord][] {
    return (Object.keys(SECTIONS) as RecordKind[]).flatMap((kind) =>
      Object.entries(doc[SECTIONS[kind]]).map(([id, record]): [RecordKind, string, StoreRecord] => [kind, id, record]),
    );
  }

  /**
   * How records are opened and written (record-auth.ts): as they are without a key; authenticated under a
   * version-2 key check with one. An empty store gets its check here (written with the first write).
   * @throws TotpKitError E_STORE_KEY_WRONG for another key, E_STORE_NOT_ADOPTED for records never authenticated.
   */
  #trust(doc: StoreDocument): RecordTrust {
    if (!this.secrets.encrypting) return PLAIN_TRUST;
    const version = doc.keyCheck === undefined ? undefined : this.secrets.assertCheck(doc.keyCheck, this.reference);
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
  async #adopted(): Promise<void> {
    if (!this.secrets.adopting) return;
    this.#adoption ??= this.#locked(async (file) => {
      const doc = await this.#readAt(file);
      const records = this.#records(doc);
      if (records.length === 0) return; // nothing to vouch for: the first write authenticates the store
      const version = doc.keyCheck === undefined ? undefined : this.secrets.assertCheck(doc.keyCheck, this.reference);
      if (version !== 2) doc.keyCheck = this.secrets.makeCheck();
      const trust = this.#trust(doc);
      for (const [kind, id, record] of records) {
        doc[SECTIONS[kind]][id] = trust.seal(kind, id, adoptedFields(this.secrets, kind, id, record));
      }
      await this.#write({ ...doc, format: STORE_FORMAT }, file);
    });
    await this.#adoption;
  }

  async #write(doc: StoreDocument, file: string): Promise<void> {
    this.#checkKey(doc);
    // Records other than the one changed are written as they were read: a plain or tampered record is never
    // re-sealed or re-signed here (that would launder it); only adoption (#adopted) takes records in.
    try {
      await writeFileAtomically(file, `${JSON.stringify(doc, null, 2)}\n`);
    } catch (e) {
      throw this.#failure(
        `could not be written (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`,
        'E_STORE_UNWRITABLE',
      );
    }
  }

  /** Runs `work` on the store file's real path under the store's one lock, taken at that real path. */
  async #locked<T>(work: (file: string) => Promise<T>): Promise<T> {
    const file = (await this.#realFile(true)) as string;
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(file, {
        realpath: false,
        stale: LOCK_STALE_MS,
        retries: { retries: 400, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
      });
    } catch (e) {
      throw this.#failure(
        `could not be locked (${(e as NodeJS.ErrnoException).code ?? 'busy'}): another totp-kit process holds it`,
        'E_STORE_LOCKED',
      );
    }
    try {
      return await work(file);
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Nothing to let go of: the file is open only while it is read or written. */
  async close(): Promise<void> {}

  async get(kind: RecordKind, id: string): Promise<StoreRecord | undefined> {
    await this.#adopted();
    const doc = await this.read();
    const trust = this.#trust(doc);
    const section = doc[SECTIONS[kind]];
    return Object.hasOwn(section, id) ? trust.open(kind, id, section[id] as StoreRecord) : undefined;
  }

  async list(kind: RecordKind): Promise<string[]> {
    await this.#adopted();
    return Object.keys((await this.read())[SECTIONS[kind]]).sort();
  }

  async update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T> {
    await this.#adopted();
    return this.#locked(async (file) => {
      const doc = await this.#readAt(file);
      const trust = this.#trust(doc);
      const section = doc[SECTIONS[kind]];
      const outcome = change(Object.hasOwn(section, id) ? trust.open(kind, id, section[id] as StoreRecord) : undefined);
      if (outcome.next === undefined) return outcome.result;
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
}

/** A seed sealed under a store key (not Base32 text). */
function isSealed(secret: unknown): boolean {
  return secret !== undefined && typeof secret !== 'string';
}
