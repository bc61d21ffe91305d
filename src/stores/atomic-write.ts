/**
 * Replaces a file atomically without trusting its folder's other entries: the temporary file gets an
 * unpredictable name (128 random bits) beside the target and is created exclusively (O_CREAT|O_EXCL, and
 * O_NOFOLLOW), so nothing planted at any name — a symlink, a file — is ever opened or followed. It is created
 * mode 0600 (less if the umask takes more away), written, fsynced and renamed over the target (a symlink at the
 * target is replaced, not followed); then the folder is fsynced so the rename itself survives a power cut. A
 * crash leaves the old or the new content, never a torn file, and at worst a `TARGET.<hex>.tmp` file beside it.
 *
 * write-file-atomic, used before, names its temporary file `TARGET.<hash of pid and a counter>`, opens it
 * without O_EXCL (following a symlink planted there) and writes through a symlink at the target.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Fresh names tried when one is taken (with 128 random bits, only something planted can take one). */
const ATTEMPTS = 5;

const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export interface AtomicWriteOptions {
  /** The random part of each temporary name; tests pin it to show that a planted name is never opened. */
  readonly randomPart?: () => string;
}

/**
 * Writes `data` to `path` atomically, mode 0600.
 * @throws the file system's error (EEXIST when every temporary name tried was taken); the target is then as
 *   it was and no temporary file is left.
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const folder = dirname(path);
  const randomPart = options.randomPart ?? (() => randomBytes(16).toString('hex'));
  let temp = '';
  let handle: FileHandle | undefined;
  for (let attempt = 1; handle === undefined; attempt++) {
    temp = join(folder, `${basename(path)}.${randomPart()}.tmp`);
    try {
      handle = await open(temp, CREATE_EXCLUSIVE, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= ATTEMPTS) throw e;
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
    // The temporary name is this call's own (created exclusively): nothing else's is removed.
    await rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncFolder(folder);
}

/**
 * Makes the rename durable. Best effort: the new content is already in place, so a folder that cannot be
 * fsynced (Windows, some network file systems) must not turn a done write into a reported failure.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let dir: FileHandle | undefined;
  try {
    dir = await open(folder, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    await dir.sync();
  } catch {
    // see above
  } finally {
    await dir?.close().catch(() => undefined);
  }
}
