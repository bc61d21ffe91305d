// `totp-kit exec`: {code} in the arguments and TOTP_CODE in the environment are a code of the key, the seed's
// variable does not reach the command, its exit code and output come through (output as it comes), a code with
// too little time left is awaited, retries use codes of later steps than any used and only when --retry-on
// matches, --lease hands out distinct steps, and bad flags are one line each.
// totp-kit runs in-process (main(argv, io), against the sources) on a fake clock whose waits take no real time,
// so every code and every waiting line is exact whatever second a test starts in; the command is a real child
// process (test/fixtures/exec-child.mjs), since running it is the feature. What only a process of its own shows
// (its exit code, standard input from a pipe) runs the bundle, with --min-remaining 0 so it never waits.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { fakeClock } from './helpers/fake-clock.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { runCli } from './helpers/run-cli.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const CHILD = fileURLToPath(new URL('./fixtures/exec-child.mjs', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-exec-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** 15 s into a 30 s step: more left than exec's default --min-remaining (5 s). */
const NOW = 1_700_000_025;
const STEP = Math.floor(NOW / 30);
/** The environment of every run: the seed, and a PATH to look commands up in. */
const ENV = { PATH: process.env.PATH ?? '', TOTP_SEED: B32 };

/** The code of a time step of the seed (period 30 unless given). */
function codeOf(step: number, period = 30): string {
  return generateCode({ secret: SEED, algorithm: 'SHA1', digits: 6, period }, step * period);
}

interface ChildRun {
  readonly args: string[];
  readonly code: string | null;
  readonly seedVisible: boolean;
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

/** A run of exec in-process, and the waits it asked for (seconds, in order). */
interface ExecRun extends InProcessRun {
  readonly waits: readonly number[];
}

/** Runs `totp-kit …argv` in-process with the seed in TOTP_SEED, on a fake clock reading `now`. */
async function totpKit(argv: readonly string[], env: Record<string, string> = {}, now = NOW): Promise<ExecRun> {
  const clock = fakeClock(now);
  const r = await runInProcess(argv, { env: { ...ENV, ...env }, now: clock.now, sleep: clock.sleep });
  expectNoSeedInCli(r, SEED, `totp-kit ${argv.join(' ')}`);
  return { ...r, waits: clock.waits };
}

/** Runs `totp-kit exec --from env:TOTP_SEED <flags> -- node exec-child.mjs <args>` in-process. */
function exec(flags: readonly string[], args: readonly string[], env: Record<string, string> = {}, now = NOW) {
  return totpKit(['exec', '--from', 'env:TOTP_SEED', ...flags, '--', process.execPath, CHILD, ...args], env, now);
}

describe('exec runs the command with a fresh code', () => {
  it('puts the code in place of every {code} and in TOTP_CODE; other arguments reach the command exactly', async () => {
    const log = newLog();
    const r = await exec([], ['--otp', '{code}', 'x{code}y{code}', 'a b', '"quoted"', '$HOME', '*', ''], {
      EXEC_LOG: log,
    });
    expect(r).toMatchObject({ status: 0, out: 'child done\n', err: '', waits: [] });
    const code = codeOf(STEP);
    expect(runsIn(log)).toEqual([
      {
        args: ['--otp', code, `x${code}y${code}`, 'a b', '"quoted"', '$HOME', '*', ''],
        code,
        seedVisible: false,
        at: expect.any(Number),
      },
    ]);
  });

  it('waits for the next code when the current one has less than --min-remaining left (default 5 s)', async () => {
    const log = newLog();
    const r = await exec([], ['{code}'], { EXEC_LOG: log }, STEP * 30 + 27);
    expect(r).toMatchObject({ status: 0, out: 'child done\n', waits: [3] });
    expect(r.err).toBe(
      'totp-kit: the current code expires in 3.0 s (< --min-remaining 5); waiting 3.0 s for the next one\n',
    );
    expect(runsIn(log)[0]?.args).toEqual([codeOf(STEP + 1)]);
    // --min-remaining 0 takes the code with 3 s left.
    const now = newLog();
    expect((await exec(['--min-remaining', '0'], ['{code}'], { EXEC_LOG: now }, STEP * 30 + 27)).waits).toEqual([]);
    expect(runsIn(now)[0]?.args).toEqual([codeOf(STEP)]);
  });

  it("removes the seed's variable (--from env:NAME) from the command's environment", async () => {
    const log = newLog();
    expect((await exec([], [], { EXEC_LOG: log, OTHER: 'kept' })).status).toBe(0);
    expect(runsIn(log)[0]?.seedVisible).toBe(false);
  });

  it('passes the exit code through, and 128 + the signal number when a signal ended the command', async () => {
    const failed = await exec([], [], { EXEC_MODE: 'fail', EXEC_EXIT: '7', EXEC_MESSAGE: 'E403 forbidden' });
    expect(failed).toMatchObject({ status: 7, out: '', err: 'E403 forbidden\n' });
    const signalled = await exec([], [], { EXEC_MODE: 'signal' });
    expect(signalled.status).toBe(143);
  });

  it("streams the command's output as it comes, not when it ends", async () => {
    // The command prints a line, then waits until that line has reached totp-kit's stdout: exec passes output on
    // as it comes or this run never ends (the command gives up after 20 s and fails).
    const seen = join(DIR, 'first-seen');
    const command =
      "const fs = require('fs'); process.stdout.write('first\\n'); const began = Date.now();" +
      "const t = setInterval(() => { if (fs.existsSync(process.env.SEEN)) { clearInterval(t); process.stdout.write('second\\n'); }" +
      " else if (Date.now() - began > 20000) { clearInterval(t); process.stdout.write('gave up\\n'); process.exitCode = 1; } }, 10);";
    let out = '';
    const status = await main(['exec', '--from', 'env:TOTP_SEED', '--', process.execPath, '-e', command], {
      out: (text) => {
        out += text;
        if (out === 'first\n') writeFileSync(seen, '');
      },
      err: () => {},
      env: { ...ENV, SEEN: seen },
      now: () => NOW,
      isTty: false,
    });
    expect({ status, out }).toEqual({ status: 0, out: 'first\nsecond\n' });
  });

  it('does not wait for a process the command left running with its output open', async () => {
    const leftRunning =
      "const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'inherit', detached: true }); c.unref(); console.log('started ' + c.pid)";
    const r = await totpKit(['exec', '--from', 'env:TOTP_SEED', '--', process.execPath, '-e', leftRunning]);
    expect(r.status, r.err).toBe(0);
    expect(r.out).toMatch(/^started \d+\n$/);
    const pid = Number(r.out.split(' ')[1]);
    // exec returned while the process it left behind, holding the output open, still runs.
    expect(() => process.kill(pid, 0)).not.toThrow();
    process.kill(pid, 'SIGKILL');
  });

  it('masks the code in GitHub Actions before the command runs', async () => {
    const log = newLog();
    const r = await exec([], ['{code}'], {
      EXEC_LOG: log,
      GITHUB_ACTIONS: 'true',
      EXEC_MODE: 'fail',
      EXEC_MESSAGE: 'the command ran',
    });
    expect(r.status).toBe(1);
    expect(runsIn(log)[0]?.code).toBe(codeOf(STEP));
    expect(r.err).toBe(`::add-mask::${codeOf(STEP)}\nthe command ran\n`);
  });
});

describe('exec retries with codes of later steps', () => {
  it('retries when the output matches --retry-on, each time with the code of the next step', async () => {
    const log = newLog();
    const r = await exec(['--retries', '3', '--retry-on', 'EOTP|one-time password'], ['--otp', '{code}'], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '2',
      EXEC_MESSAGE: 'npm ERR! code EOTP',
    });
    expect(r.status, r.err).toBe(0);
    expect(runsIn(log).map((run) => run.args)).toEqual([
      ['--otp', codeOf(STEP)],
      ['--otp', codeOf(STEP + 1)],
      ['--otp', codeOf(STEP + 2)],
    ]);
    expect(r.waits).toEqual([15, 30]);
    const retrying = (attempt: number, wait: string) =>
      'npm ERR! code EOTP\n' +
      `totp-kit: exec: "node" exited with 1 and its output matches --retry-on; retrying with a new code (attempt ${attempt} of 4)\n` +
      `totp-kit: the code of this step was used already; waiting ${wait} s for the next one\n`;
    expect(r.err).toBe(retrying(2, '15.0') + retrying(3, '30.0'));
    expect(r.out).toBe('child done\n');
  });

  it('does not retry when the output does not match --retry-on, and passes the exit code through', async () => {
    const log = newLog();
    const r = await exec(['--retries', '3', '--retry-on', 'EOTP'], [], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '5',
      EXEC_EXIT: '4',
      EXEC_MESSAGE: 'E404 not found',
    });
    expect(r.status).toBe(4);
    expect(runsIn(log)).toHaveLength(1);
    expect(r.err).toBe(
      'E404 not found\ntotp-kit: exec: "node" exited with 4; its output does not match --retry-on, so no retry\n',
    );
  });

  it('gives up after --retries with the last exit code; without --retry-on any failure is retried', async () => {
    const log = newLog();
    const r = await exec(['--period', '1', '--min-remaining', '0', '--retries', '2'], ['{code}'], {
      EXEC_LOG: log,
      EXEC_MODE: 'fail',
      EXEC_FAILURES: '9',
      EXEC_EXIT: '9',
    });
    expect(r.status).toBe(9);
    expect(runsIn(log).map((run) => run.code)).toEqual([NOW, NOW + 1, NOW + 2].map((step) => codeOf(step, 1)));
    expect(r.err).toMatch(/exited with 9; retrying with a new code \(attempt 2 of 3\)\n/);
    expect(r.err).toMatch(/exited with 9 \(attempt 3 of 3\)\n$/);
  });
});

describe('exec with --lease', () => {
  it('gives commands started together codes of distinct steps (file store)', async () => {
    const log = newLog();
    const env = { EXEC_LOG: log, TOTP_KIT_STORE: `file:${join(DIR, 'lease-store.json')}` };
    // Each run has a clock of its own, as processes started together do.
    const runs = await Promise.all([1, 2, 3].map(() => exec(['--lease'], ['{code}'], env)));
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0]);
    const codes = runsIn(log).map((run) => run.code);
    expect(codes.sort()).toEqual([codeOf(STEP), codeOf(STEP + 1), codeOf(STEP + 2)].sort());
    // Whoever got a later step waited for it.
    expect(runs.map((r) => r.waits.reduce((sum, wait) => sum + wait, 0)).sort((a, b) => a - b)).toEqual([0, 15, 45]);
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
    it(`refuses ${what}`, async () => {
      const r = await totpKit(args);
      expect(r.status, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  }

  it('says when the command cannot be found (exit 127), naming it', async () => {
    const r = await totpKit(['exec', '--from', 'env:TOTP_SEED', '--', 'totp-kit-no-such-command']);
    expect(r).toMatchObject({
      status: 127,
      out: '',
      err: 'totp-kit: exec: "totp-kit-no-such-command": command not found\n',
    });
    // With under --min-remaining left, the waiting line comes first.
    const late = await totpKit(
      ['exec', '--from', 'env:TOTP_SEED', '--', 'totp-kit-no-such-command'],
      {},
      STEP * 30 + 28,
    );
    expect(late).toMatchObject({ status: 127, waits: [2] });
    expect(late.err).toBe(
      'totp-kit: the current code expires in 2.0 s (< --min-remaining 5); waiting 2.0 s for the next one\n' +
        'totp-kit: exec: "totp-kit-no-such-command": command not found\n',
    );
  });

  it('does not print a command name that could be a seed', async () => {
    const r = await totpKit(['exec', '--from', 'env:TOTP_SEED', '--', B32]);
    expect(r).toMatchObject({ status: 127, err: 'totp-kit: exec: the command: command not found\n' });
  });
});

describe('the bundle, as a user runs it (node dist/cli.js)', () => {
  /** Runs the bundle's exec with --min-remaining 0: it never waits, whatever the second. */
  function bundle(env: Record<string, string>, input?: string) {
    const r = runCli(['exec', '--from', 'env:TOTP_SEED', '--min-remaining', '0', '--', process.execPath, CHILD], {
      env: { TOTP_SEED: B32, ...env },
      ...(input !== undefined ? { input } : {}),
    });
    expectNoSeedInCli(r, SEED, 'the bundle');
    return r;
  }

  it("exits with the command's exit code, and 128 + the signal number when a signal ended it", () => {
    const failed = bundle({ EXEC_MODE: 'fail', EXEC_EXIT: '7', EXEC_MESSAGE: 'E403 forbidden' });
    expect({ status: failed.status, stdout: failed.stdout, stderr: failed.stderr }).toEqual({
      status: 7,
      stdout: '',
      stderr: 'E403 forbidden\n',
    });
    expect(bundle({ EXEC_MODE: 'signal' }).status).toBe(143);
  });

  it('passes standard input to the command', () => {
    const r = bundle({ EXEC_MODE: 'stdin' }, 'hello from stdin\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('HELLO FROM STDIN\nchild done\n');
  });
});
