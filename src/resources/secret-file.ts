/** Files that hold a seed in another form (a barcode, an otpauth URL): atomic, readable by their owner only. */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { TotpKitError } from '../core/errors.js';

/**
 * Writes `data` to `path` (mode 0600, missing parent folders created 0700) and returns the absolute
 * path. `what` names the file in errors ("barcode file", "URL file").
 */
export async function writeSecretFile(path: string, data: Buffer | string, what: string): Promise<string> {
  const target = resolve(path);
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await writeFileAtomic(target, data, { mode: 0o600 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TotpKitError('backend', 'E_SECRET_FILE', `${what} ${path} could not be written (${code})`);
  }
  return target;
}
