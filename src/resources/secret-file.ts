/** Files that hold a seed in another form (a barcode, an otpauth URL): atomic, readable by their owner only. */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { TotpKitError } from '../core/errors.js';
import { writeFileAtomically } from '../stores/atomic-write.js';

/**
 * Writes `data` to `path` (mode 0600, missing parent folders created 0700) and returns the absolute
 * path. `what` names the file in errors ("barcode file", "URL file"). The temporary file is created
 * exclusively under a random name, and a symlink at `path` is replaced, not written through.
 */
export async function writeSecretFile(path: string, data: Uint8Array | string, what: string): Promise<string> {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await writeFileAtomically(target, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TotpKitError('backend', 'E_SECRET_FILE', `${what} ${path} could not be written (${code})`);
  }
  return target;
}
