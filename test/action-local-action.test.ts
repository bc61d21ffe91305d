// The action run with GitHub's own local runner emulation, @github/local-action (a devDependency), the way its
// README says: `local-action run <action dir> <logic entrypoint> <dotenv file>`. It reads action.yml (inputs,
// defaults, outputs) with a YAML parser, replaces @actions/core with its stub, imports the TypeScript logic
// entrypoint (src/action/main.ts, which exports run(); local-action supports non-bundled code only) and prints
// the outputs it recorded. Its stub, like the runner for job outputs, withholds an output that contains a
// registered secret ("Skip output code since it may contain secret"), so the masked code never reaches its
// table; a failure is an `::error::` line (local-action itself exits 0). Two runs — a success and a failure — show
// the emulation works end to end; what the action does with other inputs (Steam keys, time offsets, verify) is
// checked in this process at fixed times (action.test.ts, steam.test.ts), where each run costs no Node start.
//
// BUG (see the skipped test below): action.yml is not valid YAML, so local-action — and the runner — cannot
// load it. Until it is fixed, these scenarios run against a copy of the action whose action.yml has the two
// offending descriptions quoted (nothing else changed); once the real file parses, the real one is used.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { expectNoSeed, logWithoutMaskCommands } from './helpers/leak.js';
import { NODE_BIN, ROOT } from './helpers/run-action.js';

const PACKAGE = join(ROOT, 'node_modules', '@github', 'local-action');
const BIN = join(PACKAGE, 'bin', 'local-action.js');
const INSTALLED = existsSync(BIN);
if (!INSTALLED) console.warn('@github/local-action is not installed: its tests are SKIPPED (npm ci)');

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-local-action-'));

/** The YAML parser local-action itself uses (one of its dependencies). */
function parseYaml(text: string): unknown {
  const yaml = createRequire(join(PACKAGE, 'package.json'))('yaml') as { parse(text: string): unknown };
  return yaml.parse(text);
}

function actionYamlError(text: string): string | undefined {
  try {
    parseYaml(text);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

/** The action directory to hand to local-action: the repository, or a stand-in while action.yml does not parse. */
function actionDir(): string {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  const problem = actionYamlError(text);
  if (problem === undefined) return ROOT;
  console.warn(`action.yml is not valid YAML (${problem}): local-action runs against a copy with it quoted`);
  const quoted = text
    .split('\n')
    .map((line) => {
      const m = /^(\s+description: )(?!['">|])(.*: .*)$/.exec(line);
      return m ? `${m[1]}'${(m[2] as string).replace(/'/g, "''")}'` : line;
    })
    .join('\n');
  const dir = join(DIR, 'action');
  mkdirSync(dir);
  writeFileSync(join(dir, 'action.yml'), quoted);
  for (const entry of ['src', 'package.json', 'tsconfig.json', 'node_modules']) {
    symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  return dir;
}

interface LocalRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The "Action Outputs" table local-action prints at the end. */
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** `local-action run <dir> src/action/main.ts <.env>` with the given inputs (written the runner's way). */
async function localAction(name: string, inputs: Record<string, string>, dir: string): Promise<LocalRun> {
  const summaryFile = join(DIR, `${name}.summary.md`);
  writeFileSync(summaryFile, '');
  const envFile = join(DIR, `${name}.env`);
  const lines = Object.entries(inputs).map(([k, v]) => `INPUT_${k.replace(/ /g, '_').toUpperCase()}="${v}"`);
  lines.push('ACTIONS_STEP_DEBUG=false', 'GITHUB_ACTIONS=true', `GITHUB_STEP_SUMMARY="${summaryFile}"`);
  // The runner's temp folder, where install-cli puts the CLI's launchers.
  lines.push(`RUNNER_TEMP="${join(DIR, `${name}-temp`)}"`);
  writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  const child = spawn(NODE_BIN, [BIN, 'run', dir, 'src/action/main.ts', envFile], {
    cwd: ROOT,
    env: {
      PATH: `${dirname(NODE_BIN)}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME ?? '',
      FORCE_COLOR: '0',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  // Only against a hang: on a busy machine each of the four runs (npm exec, tsx, local-action) may take minutes.
  const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  const table = stdout.slice(stdout.lastIndexOf('Action Outputs'));
  const outputs: Record<string, string> = {};
  for (const m of table.matchAll(/│\s*\d+\s*│\s*'([^']+)'\s*│\s*'([^']*)'\s*│/g))
    outputs[m[1] as string] = m[2] as string;
  return { status, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

/** The leak scan of every test file: the log (without mask commands), stderr, every output and the summary. */
function expectNoSeedInRun(r: LocalRun): void {
  expectNoSeed(logWithoutMaskCommands(r.stdout), SEED, 'the local-action log');
  expectNoSeed(r.stderr, SEED, 'the local-action stderr');
  for (const [name, value] of Object.entries(r.outputs)) expectNoSeed(value, SEED, `output ${name}`);
  expectNoSeed(r.summary, SEED, 'the job summary');
}

describe.skipIf(!INSTALLED)('@github/local-action', () => {
  const runs: Record<string, LocalRun> = {};

  beforeAll(async () => {
    const dir = actionDir();
    const [generate, bad] = await Promise.all([
      localAction('generate', { secret: B32, 'min-remaining': '0' }, dir),
      localAction('bad', { secret: B32, mode: 'foo' }, dir),
    ]);
    Object.assign(runs, { generate, bad });
  }, 300_000);
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  it('action.yml is valid YAML (the runner and local-action parse it)', () => {
    // Plain scalars with ": " inside once broke it (inputs.method.description, inputs.aws-region.description).
    expect(actionYamlError(readFileSync(join(ROOT, 'action.yml'), 'utf8'))).toBeUndefined();
  });

  it('generate with a Base32 secret: the outputs, with the masked code withheld', () => {
    const r = runs.generate as LocalRun;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Running Action');
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.stdout).toContain('::warning::Skip output code since it may contain secret.');
    expect(r.outputs).toEqual({
      'expires-in': expect.stringMatching(/^([1-9]|[12][0-9]|30)$/),
      'expires-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:(00|30)\.000Z$/),
      period: '30',
      digits: '6',
      algorithm: 'SHA1',
      step: expect.stringMatching(/^[0-9]+$/),
      'clock-offset': '0',
    });
    expect(r.stdout).toMatch(/A 6-digit code is in the "code" output \(masked\)/);
    // install-cli is on by default (action.yml): the launchers go to the runner's temp folder.
    expect(r.stdout).toContain(
      `The totp-kit CLI is on PATH for later steps (${join(DIR, 'generate-temp', 'totp-kit-cli')})`,
    );
    expect(r.summary).toContain('the secret input');
    expectNoSeed(r.stdout + r.stderr + r.summary, SEED, 'the local-action log');
    expectNoSeedInRun(r);
  });

  it('a bad input: one ::error:: naming it, no outputs', () => {
    const r = runs.bad as LocalRun;
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      '::error::mode: "foo" is not a mode (allowed: generate or verify, or install (only put the totp-kit CLI on PATH))',
    ]);
    expect(r.stdout).toContain('No outputs were set!');
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expectNoSeed(r.stdout + r.stderr, SEED, 'the local-action log');
    expectNoSeedInRun(r);
  });
});
