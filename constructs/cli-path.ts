/**
 * Where the bundled CLI is, found from this module's own location (never from the user's working
 * directory): the constructs bundle is `dist/constructs.js`, next to `dist/cli.js`; run from source
 * (tests), this module is `constructs/cli-path.ts` and the bundle is `../dist/cli.js`.
 */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The absolute path of `dist/cli.js` for a module at `moduleUrl` (in `dist/` or in `constructs/`). */
export function bundledCliPath(moduleUrl: string = import.meta.url): string {
  const dir = dirname(fileURLToPath(moduleUrl));
  return basename(dir) === 'dist' ? join(dir, 'cli.js') : join(dir, '..', 'dist', 'cli.js');
}
