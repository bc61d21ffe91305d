/**
 * Puts the `totp-kit` CLI on PATH for the job's later steps (input `install-cli`): small launchers in
 * the runner's temp folder run the action's own `dist/cli.js` with the action's own Node (node24), so a
 * `run:` step can say `totp-kit exec --from env:NPM_TOTP -- npm publish --otp {code}` whatever Node the
 * image has. `totp-kit` (sh) serves Linux, macOS and Git Bash; `totp-kit.cmd` serves cmd and PowerShell.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { TotpKitError } from '../core/errors.js';

/**
 * The bundled CLI beside the action's entry: this module sits in dist/ or dist/chunks/ when bundled, in
 * src/action/ when run from source (@github/local-action).
 */
export function bundledCli(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'cli.js'), join(here, '..', 'cli.js'), join(here, '..', '..', 'dist', 'cli.js')];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new TotpKitError(
      'backend',
      'E_NO_CLI',
      'install-cli: dist/cli.js is missing beside the action; set install-cli: false',
    );
  }
  return found;
}

/** A path in single quotes for sh. */
function shQuote(path: string): string {
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/** The launcher scripts for a Node binary and a CLI file. */
export function launchers(node: string, cli: string, windows: boolean): { sh: string; cmd: string } {
  // Git Bash on Windows takes forward slashes; cmd.exe takes the path as it is.
  const posix = (path: string) => (windows ? path.replaceAll('\\', '/') : path);
  return {
    sh: `#!/bin/sh\nexec ${shQuote(posix(node))} ${shQuote(posix(cli))} "$@"\n`,
    cmd: `@"${node}" "${cli}" %*\r\n`,
  };
}

/**
 * The launchers' folder: `RUNNER_TEMP/totp-kit-cli` on a runner (RUNNER_TEMP belongs to the job). Without
 * RUNNER_TEMP, a fresh folder of this process only (mkdtemp, mode 0700) under the system's temporary
 * folder: a fixed name there (`/tmp/totp-kit-cli`) could have been made by another user of the machine,
 * who could then replace the launcher that later steps run.
 */
async function launcherFolder(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.RUNNER_TEMP) {
    const dir = join(env.RUNNER_TEMP, 'totp-kit-cli');
    await mkdir(dir, { recursive: true });
    return dir;
  }
  const dir = await mkdtemp(join(tmpdir(), 'totp-kit-cli-'));
  await chmod(dir, 0o700);
  return dir;
}

/**
 * Writes the launchers and adds their folder to PATH for later steps (and this process).
 * @returns the folder.
 */
export async function installCli(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { sh, cmd } = launchers(process.execPath, bundledCli(), process.platform === 'win32');
  const dir = await launcherFolder(env);
  await writeFile(join(dir, 'totp-kit'), sh, { mode: 0o755 });
  await chmod(join(dir, 'totp-kit'), 0o755);
  if (process.platform === 'win32') await writeFile(join(dir, 'totp-kit.cmd'), cmd);
  core.addPath(dir);
  return dir;
}
