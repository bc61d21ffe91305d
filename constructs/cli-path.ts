/**
 * Where the bundled CLI is, found from this module's own location (never from the user's working
 * directory). The bundler decides where this code lands: in `dist/constructs.js`, or in a chunk under
 * `dist/chunks/` shared with other entries; run from source (tests), this module is `constructs/cli-path.ts`.
 * Each case finds the package's `dist/cli.js`.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of `dist/cli.js` for a module at `moduleUrl` (in `dist/`, `dist/chunks/` or `constructs/`). */
export function bundledCliPath(moduleUrl: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  if (basename(dir) === 'dist') return join(dir, 'cli.js');
  if (basename(dir) === 'chunks' && basename(dirname(dir)) === 'dist') return join(dirname(dir), 'cli.js');
  return join(dir, '..', 'dist', 'cli.js');
}
