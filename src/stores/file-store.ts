/**
 * The embedded store: one JSON file, mode 0600 in a 0700 directory. Writes replace the file atomically
 * (temporary file, fsync, rename: a crash leaves the old or the new content, never a torn file) and
 * every read-modify-write holds an inter-process lock (a `.lock` directory beside the file, refreshed
 * while held and taken over when stale), so concurrent processes lose nothing. A file that is not a
 * store of a format this version knows is refused by name and never overwritten.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { TotpKitError } from '../core/errors.js';
import type { SecretBox } from './secret-box.js';
import type { Change, RecordKind, Store, StoreRecord } from './store.js';

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
  /** With a store key: a value sealed with it, so a wrong key is refused before anything is written. */
  keyCheck?: unknown;
  keys: Section;
  methods: Section;
  enrollments: Section;
  /** The last time step handed out per key to `--lease` callers (no seed material). */
  leases: Section;
}

/** How long a lock may go unrefreshed before another process takes it over (proper-lockfile's minimum is 2 s). */
const LOCK_STALE_MS = 5_000;

/** A store in one local file. */
export class FileStore implements Store {
  readonly reference: string;
  readonly secrets: SecretBox;
  readonly #path: string;

  constructor(path: string, secrets: SecretBox) {
    this.#path = path;
    this.reference = `file:${path}`;
    this.secrets = secrets;
  }

  #failure(problem: string, code = 'E_STORE_UNREADABLE'): TotpKitError {
    return new TotpKitError('backend', code, `store ${this.reference}: ${problem}; it was left untouched`);
  }

  /** Reads and checks the whole file; a missing file is an empty store. */
  async read(): Promise<StoreDocument> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
      if (code === 'ENOENT') return { format: STORE_FORMAT, keys: {}, methods: {}, enrollments: {}, leases: {} };
      throw this.#failure(`cannot be read (${code})`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw this.#failure(
        text.trim() === '' ? 'is empty' : 'is not valid JSON (corrupt or truncated)',
        'E_STORE_CORRUPT',
      );
    }
    const doc = data as Partial<StoreDocument> | null;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || typeof doc.format !== 'number') {
      throw this.#failure('is not a totp-kit store (no format version)', 'E_STORE_CORRUPT');
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
        throw this.#failure(`has a damaged "${name}" section`, 'E_STORE_CORRUPT');
      }
      sections[name] = section;
    }
    return { format: doc.format, ...(doc.keyCheck !== undefined ? { keyCheck: doc.keyCheck } : {}), ...sections };
  }

  /**
   * Keeps one store under one key: with a key, a store sealed with another key is refused; without one,
   * a store holding sealed seeds is refused rather than given a plain seed beside them.
   */
  #checkKey(doc: StoreDocument): void {
    if (doc.keyCheck !== undefined) this.secrets.assertCheck(doc.keyCheck, this.reference);
    else {
      // A store sealed before it had a check value: one sealed seed tells whether the key is right.
      for (const kind of Object.keys(SECTIONS) as RecordKind[]) {
        for (const [id, record] of Object.entries(doc[SECTIONS[kind]])) {
          if (record.secret === undefined || typeof record.secret === 'string') continue;
          if (!this.secrets.encrypting) this.secrets.assertCheck(undefined, this.reference);
          this.secrets.open(record.secret, `${kind}/${id}`, `${kind} "${id}"`);
          break;
        }
      }
    }
    if (this.secrets.encrypting && doc.keyCheck === undefined) doc.keyCheck = this.secrets.makeCheck();
  }

  async #write(doc: StoreDocument): Promise<void> {
    this.#checkKey(doc);
    // With a store key set, no seed stays in clear text, even one written before the key was.
    if (this.secrets.encrypting) {
      for (const kind of Object.keys(SECTIONS) as RecordKind[]) {
        const section = doc[SECTIONS[kind]];
        for (const [id, record] of Object.entries(section)) {
          if (typeof record.secret === 'string') {
            section[id] = { ...record, secret: this.secrets.reseal(record.secret, `${kind}/${id}`) };
          }
        }
      }
    }
    await writeFileAtomic(this.#path, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600, fsync: true });
  }

  async #locked<T>(work: () => Promise<T>): Promise<T> {
    try {
      await mkdir(dirname(this.#path), { recursive: true, mode: 0o700 });
    } catch (e) {
      throw this.#failure(
        `cannot be created (${(e as NodeJS.ErrnoException).code ?? 'unknown error'} for its folder)`,
        'E_STORE_UNWRITABLE',
      );
    }
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.#path, {
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
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }

  async get(kind: RecordKind, id: string): Promise<StoreRecord | undefined> {
    const section = (await this.read())[SECTIONS[kind]];
    return Object.hasOwn(section, id) ? section[id] : undefined;
  }

  async list(kind: RecordKind): Promise<string[]> {
    return Object.keys((await this.read())[SECTIONS[kind]]).sort();
  }

  async update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T> {
    return this.#locked(async () => {
      const doc = await this.read();
      const section = doc[SECTIONS[kind]];
      const outcome = change(Object.hasOwn(section, id) ? section[id] : undefined);
      if (outcome.next === undefined) return outcome.result;
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
}
