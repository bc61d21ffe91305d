/**
 * The embedded store: one JSON file, mode 0600 in a 0700 directory, replaced atomically (temporary
 * file, fsync, rename), so a crash leaves the old or the new content, never a torn file. A file that is
 * not a store of a format this version knows is refused by name and never overwritten.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { TotpKitError } from '../core/errors.js';
import type { Algorithm, Digits } from '../core/settings.js';

/** The store file's format version; a newer one is refused rather than misread. */
export const STORE_FORMAT = 1;

/** A key as the file keeps it. */
export interface StoredKey {
  /** Base32 seed. */
  readonly secret: string;
  readonly issuer?: string;
  readonly accountName?: string;
  readonly algorithm: Algorithm;
  readonly digits: Digits;
  readonly period: number;
  readonly createdAt: string;
}

/** The whole store file. */
export interface StoreData {
  readonly format: number;
  readonly keys: Readonly<Record<string, StoredKey>>;
}

function storeFailure(path: string, problem: string): TotpKitError {
  return new TotpKitError('backend', 'E_STORE_UNREADABLE', `store file:${path}: ${problem}; it was left untouched`);
}

/** Reads the store; a missing file is an empty store. */
export async function readStore(path: string): Promise<StoreData> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { format: STORE_FORMAT, keys: {} };
    throw storeFailure(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw storeFailure(path, text.trim() === '' ? 'is empty' : 'is not valid JSON (corrupt or truncated)');
  }
  if (typeof data !== 'object' || data === null || typeof (data as StoreData).format !== 'number') {
    throw storeFailure(path, 'is not a totp-kit store (no format version)');
  }
  const format = (data as StoreData).format;
  if (format > STORE_FORMAT) {
    throw storeFailure(
      path,
      `has format ${format}, newer than this version of totp-kit understands (${STORE_FORMAT}); upgrade totp-kit`,
    );
  }
  const keys = (data as StoreData).keys;
  if (typeof keys !== 'object' || keys === null) throw storeFailure(path, 'has no keys section');
  return { format, keys };
}

/** Replaces the store file atomically with owner-only permissions. */
export async function writeStore(path: string, data: StoreData): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600, fsync: true });
}
