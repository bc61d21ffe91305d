// `totp-kit exec` through the bundled CLI, with a real child process (test/fixtures/exec-child.mjs): {code}
// in the arguments and TOTP_CODE in the environment are a code of the key, the seed's variable does not
// reach the command, its exit code and output come through (output as it comes), retries use codes of later
// steps than any used and only when --retry-on matches, and bad flags are one line each.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { CLI, type CliResult, runCli } from './helpers/run-cli.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const CHILD = fileURLToPath(new URL('./fixtures/exec-child.mjs', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-exec-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

interface ChildRun {
  readonly args: string[];
  readonly code: string | null;
  readonly seedVisible: boolean;
  readonly at: number;
}

let logs = 0;
function newLog(): string {
  logs += 1;
  return join(DIR, `runs-${logs}.jsonl`);
}

function runsIn(log: string): ChildRun[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ChildRun);
}

/** Runs `totp-kit exec <flags> -- node exec-child.mjs <args>` with the seed in TOTP_SEED. */
function exec(flags: readonly string[], args: readonly string[], env: Record<string, string> = {}): CliResult {
  const r = runCli(['exec', '--from', 'env:TOTP_SEED', ...flags, '--', process.execPath, CHILD, ...args], {
    env: { TOTP_SEED: B32, ...env },
  });
  expectNoSeedInCli(r, SEED, `exec ${flags.join(' ')}`);
  return r;
}

/**
 * The step (of `period`) whose code `code` is: the step of `at` (when the command ran) or one of the three
 * before it (a loaded machine may start the command late; it never runs before its code's step).
 */
function stepOf(code: string | null, at: number, period: number): number {
  const key = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period };
  const step = Math.floor(at / period);
  for (let candidate = step; candidate >= step - 3; candidate--) {
    if (generateCode(key, candidate * period) === code) return candidate;
  }
  throw new Error(`code ${code} is not the code of step ${step} or of the three before it`);
}

describe('exec runs the command with a fresh code', () => {
  it('puts the code in place of every {code} and in TOTP_CODE; other arguments reach the command exactly', () => {
    const log = newLog();
    const r = exec([], ['--otp', '{code}', 'x{code}y{code}', 'a b', '"quoted"', '$HOME', '*', ''], {
      EXEC_LOG: log,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('child done\n');
    const [run] = runsIn(log);
    const code = run?.code as string;
    expect(code).toMatch(/^[0-9]{6}$/);
    // The code of the step the command ran in: --min-remaining (default 5 s) left time for it to start.
    expect(code).toBe(generateCode({ secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 }, run?.at as number));
    expect(run?.args).toEqual(['--otp', code, `x${code}y${code}`, 'a b', '"quoted"', '$HOME', '*', '']);
  });

  it("removes the seed's variable (--from env:NAME) from the command's environment", () => {
    const log = newLog();
    expect(exec([], [], { EXEC_LOG: log }).status).toBe(0);
    expect(runsIn(log)[0]?.seedVisible).toBe(false);
  });

  it('passes the exit code through, and 128 + the signal number when a signal ended the command', () => {
    const failed = exec([], [], { EXEC_MODE: 'fail', EXEC_EXIT: '7', EXEC_MESSAGE: 'E403 forbidden' });
    expect(failed.status).toBe(7);
    expect(failed.stderr).toContain('E403 forbidden');
    const signalled = exec([], [], { EXEC_MODE: 'signal' });
    expect(signalled.status).toBe(143);
  });

  it('passes standard input to the command', () => {
    const r = runCli(['exec', '--from', 'env:TOTP_SEED', '--', process.execPath, CHILD], {
      env: { TOTP_SEED: B32, EXEC_MODE: 'stdin' },
      input: 'hello from stdin\n',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('HELLO FROM STDIN\nchild done\n');
  });

  it("streams the command's output as it comes, not when it ends", async () => {
    const child = spawn(process.execPath, [CLI, 'exec', '--from', 'env:TOTP_SEED', '--', process.execPath, CHILD], {
      env: { PATH: process.env.PATH ?? '', TOTP_SEED: B32, EXEC_MODE: 'slow' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seen: { text: string; at: number }[] = [];
    child.stdout.setEncoding('utf8').on('data', (text: string) => seen.push({ text, at: performance.now() }));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const ended = performance.now();
    expect(status).toBe(0);
    const first = seen.find((s) => s.text.includes('first'));
    expect(first, JSON.stringify(seen)).toBeDefined();
    // The child waits 1.5 s between its two lines: the first must have arrived well before the end.
    expect(ended - (first?.at as number)).toBeGreaterThan(1000);
  });

  it('does not wait for a process the command left running with its output open', () => {
    const started = performance.now();
    const leftRunning =
      "require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'inherit', detached: true }).unref(); console.log('started')";
    const r = runCli(['exec', '--from', 'env:TOTP_SEED', '--', process.execPath, '-e', leftRunning], {
      env: { TOTP_SEED: B32 },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('started\n');
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('masks the code in GitHub Actions before the command runs', () => {
    const log = newLog();
    const r = exec([], ['{code}'], { EXEC_LOG: log, GITHUB_ACTIONS: 'true' });
    expect(r.status, r.stderr).toBe(0);
    const code = runsIn(log)[0]?.code as string;
    expect(r.stderr.split('\n')).toContain(`::add-mask::${code}`);
  });
});

describe('exec retries with codes of later steps', () => {
  it('retries when the output matches --retry-on, each time with a code of a later step than any used', () => {
    const log = newLog();
    const r = exec(['--period', '2', '--retries', '3', '--retry-on', 'EOTP|one-time password'], ['--otp', '{code}'], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '2',
      EXEC_MESSAGE: 'npm ERR! code EOTP',
    });
    expect(r.status, r.stderr).toBe(0);
    const runs = runsIn(log);
    expect(runs).toHaveLength(3);
    const steps = runs.map((run) => stepOf(run.code, run.at, 2));
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1] as number);
    for (const run of runs) expect(run.args).toEqual(['--otp', run.code]);
    expect(r.stderr).toMatch(
      /exited with 1 and its output matches --retry-on; retrying with a new code \(attempt 2 of 4\)/,
    );
    expect(r.stderr).toMatch(/attempt 3 of 4/);
  });

  it('does not retry when the output does not match --retry-on, and passes the exit code through', () => {
    const log = newLog();
    const r = exec(['--retries', '3', '--retry-on', 'EOTP'], [], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '5',
      EXEC_EXIT: '4',
      EXEC_MESSAGE: 'E404 not found',
    });
    expect(r.status).toBe(4);
    expect(runsIn(log)).toHaveLength(1);
    expect(r.stderr).toMatch(/does not match --retry-on, so no retry/);
  });

  it('gives up after --retries with the last exit code; without --retry-on any failure is retried', () => {
    const log = newLog();
    const r = exec(['--period', '1', '--min-remaining', '0', '--retries', '2'], [], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '9',
      EXEC_EXIT: '9',
    });
    expect(r.status).toBe(9);
    expect(runsIn(log)).toHaveLength(3);
    expect(r.stderr).toMatch(/exited with 9 \(attempt 3 of 3\)/);
  });
});

describe('exec with --lease', () => {
  it('gives commands started together codes of distinct steps (file store)', async () => {
    const log = newLog();
    const store = join(DIR, 'lease-store.json');
    const start = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, 'exec', '--from', 'env:TOTP_SEED', '--period', '2', '--lease', '--', process.execPath, CHILD, '{code}'],
          {
            env: { PATH: process.env.PATH ?? '', TOTP_SEED: B32, EXEC_LOG: log, TOTP_KIT_STORE: `file:${store}` },
            stdio: 'ignore',
          },
        );
        child.on('close', resolve);
      });
    const statuses = await Promise.all([start(), start(), start()]);
    expect(statuses).toEqual([0, 0, 0]);
    const runs = runsIn(log);
    const steps = runs.map((run) => stepOf(run.code, run.at, 2));
    expect(new Set(steps).size, `steps ${steps.join(', ')}`).toBe(3);
  });
});

describe('exec refuses bad input in one line each', () => {
  const refusals: [string, readonly string[], RegExp][] = [
    [
      'a command without --',
      ['exec', '--from', 'env:TOTP_SEED', 'node', '-e', '1'],
      /^totp-kit: command: must come after --/,
    ],
    [
      'a bad --retry-on',
      ['exec', '--from', 'env:TOTP_SEED', '--retry-on', '(', '--', 'node'],
      /--retry-on: "\(" is not a valid regular expression/,
    ],
    [
      'too many --retries',
      ['exec', '--from', 'env:TOTP_SEED', '--retries', '99', '--', 'node'],
      /--retries: "99" is too many \(allowed: 0 to 10\)/,
    ],
    [
      'a negative --min-remaining',
      ['exec', '--from', 'env:TOTP_SEED', '--min-remaining', '-1', '--', 'node'],
      /--min-remaining: "-1" is negative/,
    ],
    ['no seed', ['exec', '--', 'node'], /seed: none given/],
    ['no command', ['exec', '--from', 'env:TOTP_SEED', '--'], /missing required argument 'command'/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}`, () => {
      const r = runCli(args, { env: { TOTP_SEED: B32 } });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expectNoSeedInCli(r, SEED, what);
    });
  }

  it('says when the command cannot be found (exit 127), naming it', () => {
    // --min-remaining 0: with under 5 s left, exec would first print its waiting line.
    const r = runCli(['exec', '--from', 'env:TOTP_SEED', '--min-remaining', '0', '--', 'totp-kit-no-such-command'], {
      env: { TOTP_SEED: B32 },
    });
    expect(r.status).toBe(127);
    expect(r.stderr).toBe('totp-kit: exec: "totp-kit-no-such-command": command not found\n');
  });

  it('does not print a command name that could be a seed', () => {
    const r = runCli(['exec', '--from', 'env:TOTP_SEED', '--min-remaining', '0', '--', B32], {
      env: { TOTP_SEED: B32 },
    });
    expect(r.status).toBe(127);
    expect(r.stderr).toBe('totp-kit: exec: the command: command not found\n');
  });
});
