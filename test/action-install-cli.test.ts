// The action puts the CLI on PATH (input `install-cli`, default true; `mode: install` does only that): the
// bundled dist/index.js is run the runner's way, the folder it adds to GITHUB_PATH is put on PATH the way the
// runner does for later steps, and a later `run:` step's `totp-kit exec … -- CMD {code}` and `totp-kit code`
// work there, with the action's own Node, masking the code. What needs no launcher (install-cli: false, the
// refusals) runs in this process against the sources (helpers/in-process-action.ts).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { expectNoSeed } from './helpers/leak.js';
import { type ActionRun, NODE_BIN, runAction } from './helpers/run-action.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const KEY = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period: 30 };
const CHILD = fileURLToPath(new URL('./fixtures/exec-child.mjs', import.meta.url));
/** The clock of the in-process runs and of `totp-kit code --at`. */
const T = 1_699_999_990;
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Runs the bundle as the runner does, keeping RUNNER_TEMP (the launchers) until the file ends. */
async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const r = await runAction({ inputs, keepTemp: true });
  temps.push(r.runnerTemp);
  expectNoSeed(r.maskedView, SEED, 'the action');
  return r;
}

/** Runs the action in this process, at `T`. */
async function runHere(inputs: Record<string, string>): Promise<ActionRun> {
  const r = await runActionInProcess({ inputs, now: T });
  expectNoSeed(r.maskedView, SEED, 'the action');
  return r;
}

/** A later step's shell: PATH with the folders the action added in front, as the runner prepends them. */
function laterStep(r: ActionRun, command: string, args: readonly string[], env: Record<string, string> = {}) {
  return spawnSync(command, args, {
    encoding: 'utf8',
    env: {
      PATH: [...[...r.paths].reverse(), '/usr/bin', '/bin'].join(delimiter),
      HOME: process.env.HOME ?? '',
      GITHUB_ACTIONS: 'true',
      ...env,
    },
    timeout: 60_000,
  });
}

describe('install-cli, through the bundle', () => {
  it("is on by default: the folder is added to PATH and holds an executable totp-kit running the action's Node", async () => {
    const r = await run({ secret: B32, 'min-remaining': '0' });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.paths).toHaveLength(1);
    const launcher = join(r.paths[0] as string, 'totp-kit');
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    // The launcher runs the action's own Node (node24), not whatever `node` a later step finds.
    expect(readFileSync(launcher, 'utf8')).toContain(NODE_BIN);
    expect(r.stdout).toMatch(/The totp-kit CLI is on PATH for later steps/);
    const version = laterStep(r, 'totp-kit', ['--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    // A later step's `totp-kit exec … -- CMD {code}`, masking the code.
    const log = join(r.runnerTemp, 'runs.jsonl');
    const before = Date.now() / 1000;
    const step = laterStep(
      r,
      'totp-kit',
      ['exec', '--from', 'env:NPM_TOTP', '--', process.execPath, CHILD, '--otp', '{code}'],
      { NPM_TOTP: B32, EXEC_LOG: log },
    );
    expect(step.status, step.stderr).toBe(0);
    const ran = JSON.parse(readFileSync(log, 'utf8').trim()) as { args: string[]; code: string; at: number };
    expect(ran.args).toEqual(['--otp', ran.code]);
    // exec reads the machine's clock (it has no --at): the code is the one of a step between the start of the step
    // and the moment its command ran (on a busy machine, a step may begin in between).
    const codes: string[] = [];
    for (let counter = Math.floor(before / 30); counter <= Math.floor(ran.at / 30); counter++) {
      codes.push(generateCode(KEY, counter * 30));
    }
    expect(codes).toContain(ran.code);
    expect(step.stderr.split('\n')).toContain(`::add-mask::${ran.code}`);
    expect(`${step.stdout}${step.stderr}`).not.toContain(B32);

    // A later step capturing `totp-kit code` alone, the mask going to stderr.
    const code = laterStep(r, 'totp-kit', ['code', '--from', 'env:TOTP_SEED', '--at', String(T)], { TOTP_SEED: B32 });
    expect(code.status, code.stderr).toBe(0);
    expect(code.stdout).toBe(`${generateCode(KEY, T)}\n`);
    expect(code.stderr).toBe(`::add-mask::${generateCode(KEY, T)}\n`);
  });

  it('mode: install only installs: no seed needed, no code output', async () => {
    const r = await run({ mode: 'install' });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.paths).toHaveLength(1);
    expect(r.outputs.code).toBeUndefined();
    const version = laterStep(r, 'totp-kit', ['--version']);
    expect(version.status, version.stderr).toBe(0);
  });
});

describe('install-cli, in this process', () => {
  it('is off with install-cli: false', async () => {
    const r = await runHere({ secret: B32, 'install-cli': 'false' });
    expect(r.exitCode).toBe(0);
    expect(r.paths).toEqual([]);
    expect(r.stdout).not.toMatch(/on PATH/);
  });

  it('refuses a seed with mode: install, and a bad install-cli, in one line each', async () => {
    const withSeed = await runHere({ mode: 'install', secret: B32 });
    expect(withSeed.exitCode).toBe(1);
    expect(withSeed.errors).toEqual([
      'secret: is not used with mode: install (which only puts the CLI on PATH) (allowed: leave it empty, or use mode: generate)',
    ]);
    expect(withSeed.paths).toEqual([]);
    const bad = await runHere({ secret: B32, 'install-cli': 'yes' });
    expect(bad.exitCode).toBe(1);
    expect(bad.errors).toEqual(['install-cli: "yes" is not a boolean (allowed: true or false)']);
    expect(bad.paths).toEqual([]);
  });
});
