/**
 * Where a file store may live, decided like ssh's StrictModes. In a folder other users can write to, they can
 * plant or swap the store's files (a symlink at a temporary name, store.json as a link into their own
 * folder, an older copy), so the store is used only when:
 * - its folder (symlinks resolved) belongs to the current user or root and is writable by no one else
 *   (group and others, sticky or not: a sticky folder still lets others create names in it);
 * - no folder above it is writable by others without the sticky bit (anyone could rename the store's
 *   folder away and put their own in its place). Folders above it that are group-writable or belong to
 *   another user are accepted: their owner controls the project the store is in anyway (a CI workspace of
 *   the runner's user used by root in a container, a checkout made under umask 002);
 * - the store file, when there is one, is a regular file (not a symlink or a FIFO; a folder there is
 *   "cannot be read (EISDIR)") with one link (another name would take another lock), belonging to the
 *   current user or root and writable by no one else.
 * The caller then uses only the real folder it was given back, so a symlink re-pointed later changes nothing.
 * Ownership and modes are not checked on Windows, where they do not apply.
 */
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

/** Why a store's place is not safe to use, and the command that makes it so. */
export interface Unsafe {
  readonly problem: string;
  readonly fix: string;
}

const CHECKED = process.platform !== 'win32' && typeof process.geteuid === 'function';

/**
 * The store folder with every symlink resolved, or undefined when it does not exist yet.
 * @throws the file system's error (ENOTDIR when a part of the path is a file, EACCES, …).
 */
export async function realFolder(storePath: string): Promise<string | undefined> {
  const folder = dirname(storePath);
  let real: string;
  try {
    real = await realpath(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (!(await stat(real)).isDirectory()) {
    throw Object.assign(new Error(`${real} is not a folder`), { code: 'ENOTDIR' });
  }
  return real;
}

/**
 * Checks the store's real folder and every folder above it.
 * @throws the file system's error when one cannot be looked at.
 */
export async function checkFolder(folder: string): Promise<Unsafe | undefined> {
  if (!CHECKED) return undefined;
  const own = await stat(folder);
  if (!ownedByUs(own)) {
    return {
      problem: `its folder ${folder} belongs to another user (uid ${own.uid}), who could plant or swap its files`,
      fix: `chown ${me()} ${shellQuote(folder)}, or use a folder of your own`,
    };
  }
  if ((own.mode & 0o022) !== 0) {
    return {
      problem: `its folder ${folder} is writable by ${writers(own.mode)} (mode ${octal(own.mode)}), so another user could plant or swap its files`,
      fix: `chmod 700 ${shellQuote(folder)}`,
    };
  }
  for (let above = dirname(folder); ; above = dirname(above)) {
    const s = await stat(above);
    if ((s.mode & 0o002) !== 0 && (s.mode & 0o1000) === 0) {
      return {
        problem: `the folder ${above} above it is writable by others without the sticky bit (mode ${octal(s.mode)}), so another user could swap the store's folder`,
        fix: `chmod o-w ${shellQuote(above)}, or keep the store elsewhere`,
      };
    }
    if (dirname(above) === above) return undefined;
  }
}

/** Checks the opened store file (`file` is its real path, for the message). */
export function checkFile(s: Stats, file: string): Unsafe | undefined {
  if (!s.isFile()) return { problem: `the store file ${file} is not a regular file`, fix: 'move it away' };
  if (!CHECKED) return undefined;
  if (!ownedByUs(s)) {
    return {
      problem: `the store file ${file} belongs to another user (uid ${s.uid})`,
      fix: `chown ${me()} ${shellQuote(file)}`,
    };
  }
  if ((s.mode & 0o022) !== 0) {
    return {
      problem: `the store file ${file} is writable by ${writers(s.mode)} (mode ${octal(s.mode)}), so another user could change it`,
      fix: `chmod 600 ${shellQuote(file)}`,
    };
  }
  if (s.nlink > 1) {
    const f = shellQuote(file);
    return {
      problem: `the store file ${file} has ${s.nlink} hard links, so it could be reached (and locked) under another name`,
      fix: `give it a file of its own: cp -p ${f} ${shellQuote(`${file}.copy`)} && mv ${shellQuote(`${file}.copy`)} ${f}`,
    };
  }
  return undefined;
}

/** The refusal of a store file that is a symbolic link (seen as ELOOP when opened with O_NOFOLLOW). */
export function symlinkedFile(file: string): Unsafe {
  return {
    problem: `the store file ${file} is a symbolic link, which totp-kit does not follow`,
    fix: 'point the store at the file the link leads to',
  };
}

function ownedByUs(s: Stats): boolean {
  return s.uid === 0 || s.uid === process.geteuid?.();
}

function writers(mode: number): string {
  if ((mode & 0o020) !== 0 && (mode & 0o002) !== 0) return 'group and others';
  return (mode & 0o020) !== 0 ? 'its group' : 'others';
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** The current user's name for `chown`, or the uid when it has none. */
function me(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.geteuid?.());
  }
}

/** A path as a POSIX shell word, quoted only when it needs to be. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
