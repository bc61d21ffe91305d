// Helpers for test/package.test.ts, which installs the packed package the ways users do, in fresh folders outside
// the repository: running commands without a shell and with a timeout, an environment that does not carry the
// repository's npm context into those folders, and a checkout of the repository at a tag (what `uses:` gets).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declaredInputs, inputEnvName, parseOutputFile, unescapeData } from './run-action.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface Ran {
  /** The command line, for messages (arguments that may hold a seed are never passed here: use env). */
  readonly command: string;
  readonly cwd: string;
  /** Exit code; null when killed (see `signal`). */
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd: string;
  /** The whole environment of the child (nothing is inherited): start from `userEnv()`. */
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Runs `file args…` (no shell) and resolves with what happened, whatever the exit code. */
export function run(file: string, args: readonly string[], options: RunOptions): Promise<Ran> {
  const started = Date.now();
  const command = [file, ...args].join(' ');
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 120_000,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number | string; signal?: string | null }) | null;
        const code = failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null;
        const spawnProblem = failure !== null && typeof failure.code === 'string' ? `${failure.message}\n` : '';
        resolve({
          command,
          cwd: options.cwd,
          code,
          signal: failure?.signal ?? null,
          stdout,
          stderr: spawnProblem + stderr,
          ms: Date.now() - started,
        });
      },
    );
  });
}

/** A run as a failure message: the command, where, how it ended, and the end of what it printed. */
export function describeRun(r: Ran): string {
  const tail = (s: string) => (s.length > 4000 ? `…${s.slice(-4000)}` : s);
  const ended = r.code === null ? `killed (${r.signal ?? 'timeout'}) after ${r.ms} ms` : `exit ${r.code}`;
  return `\`${r.command}\` in ${r.cwd}: ${ended}\n--- stderr ---\n${tail(r.stderr)}\n--- stdout ---\n${tail(r.stdout)}`;
}

/** `run`, failing with `describeRun` unless the command exits 0. */
export async function mustRun(file: string, args: readonly string[], options: RunOptions): Promise<Ran> {
  const r = await run(file, args, options);
  if (r.code !== 0) throw new Error(describeRun(r));
  return r;
}

/**
 * npm settings that describe the machine (its cache, its config files, its registry and proxies): kept, so
 * installs use the warm cache. Every other `npm_*` variable comes from the npm that started vitest (`npx`,
 * `npm test`) and describes this repository (`npm_config_local_prefix`, `npm_package_*`, `npm_config_call`):
 * it would make npm in a user's folder act on the repository instead.
 */
const MACHINE_NPM_SETTINGS = new Set([
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
  'npm_config_registry',
  'npm_config_cafile',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_noproxy',
  'npm_config_strict_ssl',
]);

/** The environment of a user's shell on this machine: PATH, HOME, locale, proxies and npm's machine settings. */
export function userEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const keep = lower.startsWith('npm_')
      ? MACHINE_NPM_SETTINGS.has(lower)
      : ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TERM', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY'].includes(
          name.toUpperCase(),
        );
    if (keep) env[name] = value;
  }
  return { ...env, NO_UPDATE_NOTIFIER: '1', ...extra };
}

/** The `node_modules` folders Node would search from `dir` upwards: none may exist for a clean consumer. */
export function nodeModulesAbove(dir: string): string[] {
  const found: string[] = [];
  let current = dirname(dir);
  for (;;) {
    if (existsSync(join(current, 'node_modules'))) found.push(join(current, 'node_modules'));
    if (current === parse(current).root) return found;
    current = dirname(current);
  }
}

/**
 * A checkout of the repository as `uses: OWNER/totp-kit@TAG` gets it (no `npm install`): the files git tracks
 * as they are in the working tree (uncommitted changes included: `git archive HEAD` would miss them), and
 * dist/ as it is. Tracked files deleted in the working tree are left out.
 */
export async function checkoutLike(dest: string): Promise<string[]> {
  const listed = await mustRun('git', ['ls-files', '-z', '--cached'], { cwd: REPO, env: userEnv() });
  const files = listed.stdout.split('\0').filter((f) => f !== '' && existsSync(join(REPO, f)));
  for (const file of files) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(join(REPO, file), join(dest, file), { verbatimSymlinks: true });
  }
  cpSync(join(REPO, 'dist'), join(dest, 'dist'), { recursive: true });
  return files;
}

/** What the runner makes of a step that ran an action from a checkout (see `runCheckedOutAction`). */
export interface CheckedOutRun {
  readonly ran: Ran;
  /** Standard output, line by line, workflow commands included, in the order printed. */
  readonly lines: readonly string[];
  /** Values of `::add-mask::` commands, unescaped, in order. */
  readonly masks: readonly string[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Folders added to PATH for later steps. */
  readonly paths: readonly string[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

export interface CheckedOutAction {
  /** The action's folder (a checkout) and its `runs.main`. */
  readonly actionDir: string;
  readonly main: string;
  /** Inputs by their action.yml names, as a workflow's `with:` gives them. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The working directory (GITHUB_WORKSPACE). */
  readonly workspace: string;
  /** An empty folder for RUNNER_TEMP and the runner's files, kept afterwards (a later step uses it). */
  readonly runnerTemp: string;
}

/**
 * Runs `node ACTION_DIR/MAIN` as the runner runs a `node24` action: a minimal environment, every input
 * action.yml declares as `INPUT_<NAME>` (its default unless given), the runner's files in RUNNER_TEMP and the
 * workspace as working directory. test/helpers/run-action.ts does the same for this repository's own
 * dist/index.js; this one takes the action's folder, so a checkout can be run.
 */
export async function runCheckedOutAction(a: CheckedOutAction): Promise<CheckedOutRun> {
  const files = {
    GITHUB_OUTPUT: join(a.runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(a.runnerTemp, 'step_summary'),
    GITHUB_ENV: join(a.runnerTemp, 'env'),
    GITHUB_STATE: join(a.runnerTemp, 'state'),
    GITHUB_PATH: join(a.runnerTemp, 'path'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: a.workspace,
    GITHUB_ACTION_PATH: a.actionDir,
    RUNNER_TEMP: a.runnerTemp,
    ...files,
  };
  for (const [name, fallback] of declaredInputs()) env[inputEnvName(name)] = fallback ?? '';
  for (const [name, value] of Object.entries(a.inputs)) env[inputEnvName(name)] = value;
  const ran = await run(process.execPath, [join(a.actionDir, a.main)], { cwd: a.workspace, env, timeoutMs: 120_000 });
  const lines = ran.stdout.split(/\r?\n/).filter((line) => line !== '');
  const command = (name: string) =>
    lines.flatMap((line) => {
      const m = new RegExp(`^::${name}(?: [^:]*)?::(.*)$`).exec(line);
      return m ? [unescapeData(m[1] as string)] : [];
    });
  return {
    ran,
    lines,
    masks: command('add-mask'),
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    paths: readFileSync(files.GITHUB_PATH, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line !== ''),
    errors: command('error'),
    warnings: command('warning'),
  };
}
