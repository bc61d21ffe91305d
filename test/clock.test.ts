// Clock edge cases, through the CLI and the core: `--at` at 0, at 2^31 − 1 and 2^31, past 2038 and up to
// 9999-12-31T23:59:59Z, at period boundaries (k·period − 1 and k·period) for periods 30 and 60, with codes
// checked against oathtool and `remaining` / `expiresAt` exact; a runner clock skewed by ±1 period is handled
// by `skew`; `--at` out of range is refused in one line. The CLI runs in-process (main(argv, io), against the
// sources) with a fixed clock; one test runs the bundle on the real clock, in a way that holds whatever
// second it starts in.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import type { KeyMaterial as TotpKey } from '../src/core/key.js';
import type { Algorithm, Digits } from '../src/core/settings.js';
import { expiresAt, MAX_UNIX_SECONDS, remainingSeconds } from '../src/core/time.js';
import { counterAt, generateCode, verifyCode } from '../src/core/totp.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { runCli } from './helpers/run-cli.js';

const SEED = randomBytes(20);
const ENV = { TOTP_SEED: encodeBase32(SEED) };
const FROM = ['--from', 'env:TOTP_SEED'];
const SEED_HEX = SEED.toString('hex');

const probe = spawnSync('oathtool', ['--version'], { encoding: 'utf8' });
const hasOathtool = probe.error === undefined && probe.status === 0;
if (!hasOathtool) {
  console.warn(
    '\n!!! clock.test.ts: the `oathtool` binary was not found: the oathtool comparisons are SKIPPED.' +
      '\n!!! Install it (Debian/Ubuntu: apt-get install oathtool; macOS: brew install oath-toolkit). CI installs it.\n',
  );
}

/** oathtool's code, or a failure naming the arguments (oathtool must accept every time used here). */
function oathtool(t: number, period: number, algorithm: Algorithm = 'SHA1', digits: Digits = 6, hex = SEED_HEX) {
  const args = [
    `--totp=${algorithm.toLowerCase()}`,
    `--digits=${digits}`,
    `--time-step-size=${period}s`,
    `--now=@${t}`,
    hex,
  ];
  const run = spawnSync('oathtool', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`oathtool refused ${args.slice(0, 4).join(' ')}: ${run.stderr.trim()}`);
  return run.stdout.trim();
}

/** The clock of the in-process runs: they give --at, so this only keeps one that forgot it off the wall clock. */
const FIXED_NOW = 1_700_000_015;

/** Runs the CLI in-process and checks what every run must hold: no seed anywhere in what it printed. */
async function cli(args: readonly string[], env: Record<string, string> = ENV): Promise<InProcessRun> {
  const result = await runInProcess(args, { env, now: FIXED_NOW });
  expectNoSeed(`${result.stdout}\n${result.stderr}`, SEED, `totp-kit ${args.join(' ')}`);
  return result;
}

interface CodeJson {
  readonly code: string;
  readonly period: number;
  readonly digits: number;
  readonly algorithm: string;
  readonly remaining: number;
  readonly expiresAt: string;
}

async function codeJson(t: number, period: number, extra: readonly string[] = []): Promise<CodeJson> {
  const result = await cli(['code', ...FROM, '--period', String(period), '--at', String(t), '--json', ...extra]);
  expect(result.stderr, `code --at ${t} --period ${period}`).toBe('');
  expect(result.status, `code --at ${t} --period ${period}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as CodeJson;
}

const YEAR_2038 = 2 ** 31; // 2038-01-19T03:14:08Z, the first second a signed 32-bit time_t cannot hold
const YEAR_2100 = 4102444800; // 2100-01-01T00:00:00Z, a multiple of both 30 and 60

/** The times checked for a period: fixed corners and both sides of step boundaries across the range. */
function timesFor(period: number): number[] {
  const boundaries = [
    1,
    2,
    Math.ceil(YEAR_2038 / period), // the step boundary just past 2^31
    Math.floor(2 ** 32 / period) + 1, // past 2^32 (2106): unsigned 32-bit time_t wraps
    YEAR_2100 / period,
    Math.floor((MAX_UNIX_SECONDS + 1) / period), // the last boundary: its k·period − 1 is the latest --at
  ];
  const times = new Set([0, YEAR_2038 - 1, YEAR_2038, 2 ** 32, YEAR_2100 + 1, MAX_UNIX_SECONDS]);
  for (const k of boundaries) {
    times.add(k * period - 1);
    if (k * period <= MAX_UNIX_SECONDS) times.add(k * period);
  }
  return [...times].sort((a, b) => a - b);
}

describe('the time corners', () => {
  it('include 2^31 − 1, 2^31, 2100 and 253402300799 (9999-12-31T23:59:59Z), and step boundaries on both sides', () => {
    expect(new Date(YEAR_2038 * 1000).toISOString()).toBe('2038-01-19T03:14:08.000Z');
    expect(new Date(YEAR_2100 * 1000).toISOString()).toBe('2100-01-01T00:00:00.000Z');
    expect(new Date(MAX_UNIX_SECONDS * 1000).toISOString()).toBe('9999-12-31T23:59:59.000Z');
    for (const period of [30, 60]) {
      const times = timesFor(period);
      expect(times).toEqual(expect.arrayContaining([0, YEAR_2038 - 1, YEAR_2038, YEAR_2100, MAX_UNIX_SECONDS]));
      expect(times.filter((t) => t % period === 0 && t > 0).length).toBeGreaterThanOrEqual(5);
      expect(times.filter((t) => (t + 1) % period === 0).length).toBeGreaterThanOrEqual(6);
      expect(times.every((t) => t >= 0 && t <= MAX_UNIX_SECONDS)).toBe(true);
    }
  });
});

describe.skipIf(!hasOathtool)("code --at: the CLI's codes are oathtool's, remaining and expiresAt exact", () => {
  for (const period of [30, 60]) {
    it(`period ${period}: ${timesFor(period).length} times from 0 to ${MAX_UNIX_SECONDS}`, async () => {
      for (const t of timesFor(period)) {
        const json = await codeJson(t, period);
        const expectedCode = oathtool(t, period);
        const end = (Math.floor(t / period) + 1) * period;
        expect(json, `--at ${t} --period ${period}`).toEqual({
          code: expectedCode,
          period,
          digits: 6,
          algorithm: 'SHA1',
          remaining: period - (t % period),
          expiresAt: new Date(end * 1000).toISOString(),
        });
        // The core says the same, and the boundaries are where they should be.
        expect(generateCode({ secret: SEED, algorithm: 'SHA1', digits: 6, period }, t)).toBe(expectedCode);
        if ((t + 1) % period === 0) expect(json.remaining).toBe(1);
        if (t % period === 0) expect(json.remaining).toBe(period);
      }
    });
  }

  it('SHA256 and SHA512 with 8 digits past 2038 and at the end of time agree with oathtool', async () => {
    for (const [algorithm, t] of [
      ['SHA256', YEAR_2038],
      ['SHA512', YEAR_2100 - 1],
      ['SHA256', MAX_UNIX_SECONDS],
      ['SHA512', 0],
    ] as const) {
      const result = await cli([
        'code',
        ...FROM,
        '--algorithm',
        algorithm,
        '--digits',
        '8',
        '--at',
        String(t),
        '--json',
      ]);
      expect(result.status, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout) as CodeJson;
      expect(json.code, `${algorithm} --at ${t}`).toBe(oathtool(t, 30, algorithm, 8));
      expect(json.algorithm).toBe(algorithm);
      expect(json.digits).toBe(8);
    }
  });
});

describe('code --at: pinned values that need no oathtool', () => {
  // RFC 6238 Appendix B (SHA1, 8 digits, seed "12345678901234567890"): 20000000000 is in the year 2603.
  const RFC_SEED = Buffer.from('12345678901234567890');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('RFC 6238 vector at %i gives %s', async (t, expected) => {
    const result = await runInProcess(['code', ...FROM, '--digits', '8', '--at', String(t), '--json'], {
      env: { TOTP_SEED: encodeBase32(RFC_SEED) },
      now: FIXED_NOW,
    });
    expectNoSeedInCli(result, RFC_SEED);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as CodeJson;
    expect(json.code).toBe(expected);
    expect(json.remaining).toBe(30 - (t % 30));
    expect(json.expiresAt).toBe(new Date((Math.floor(t / 30) + 1) * 30 * 1000).toISOString());
  });

  it('expiresAt is exact at the corners, including the last code, which expires in the year 10000', async () => {
    const cases: [number, number, string, number][] = [
      [0, 30, '1970-01-01T00:00:30.000Z', 30],
      [29, 30, '1970-01-01T00:00:30.000Z', 1],
      [59, 60, '1970-01-01T00:01:00.000Z', 1],
      [YEAR_2038 - 1, 30, '2038-01-19T03:14:30.000Z', 23],
      [YEAR_2038, 60, '2038-01-19T03:15:00.000Z', 52],
      [YEAR_2100, 60, '2100-01-01T00:01:00.000Z', 60],
      // 253402300800 is 10000-01-01T00:00:00Z: toISOString writes the six-digit year of ISO 8601's expanded form.
      [MAX_UNIX_SECONDS, 30, '+010000-01-01T00:00:00.000Z', 1],
    ];
    for (const [t, period, iso, remaining] of cases) {
      const json = await codeJson(t, period);
      expect({ t, period, expiresAt: json.expiresAt, remaining: json.remaining }).toEqual({
        t,
        period,
        expiresAt: iso,
        remaining,
      });
      expect(expiresAt(t, period) * 1000).toBe(Date.parse(iso));
      expect(remainingSeconds(t, period)).toBe(remaining);
    }
  });
});

describe('--at out of range, negative or not whole: exit 2, one line, nothing on stdout', () => {
  const BAD = [
    String(MAX_UNIX_SECONDS + 1),
    '99999999999999999999',
    '9007199254740993', // 2^53 + 1
    '-1',
    '-30',
    '-0.5',
    '1.5',
    '30.0',
    '1e3',
    '0x1e',
    'NaN',
    'Infinity',
    '',
  ];
  for (const command of ['code', 'verify'] as const) {
    it(`${command} --at ${BAD.map((b) => JSON.stringify(b)).join(', ')}`, async () => {
      for (const at of BAD) {
        const args =
          command === 'code' ? ['code', ...FROM, '--at', at] : ['verify', ...FROM, '--code', '123456', '--at', at];
        const result = await cli(args);
        expect({ at, status: result.status, stdout: result.stdout }).toEqual({ at, status: 2, stdout: '' });
        const lines = result.stderr.split('\n').filter((l) => l !== '');
        expect(lines, `--at ${JSON.stringify(at)}`).toHaveLength(1);
        expect(lines[0]).toMatch(
          /^totp-kit: --at: .* (is not a time|is after the year 9999) \(allowed: Unix seconds from 0 to 253402300799, or ISO 8601 with Z or an offset, e\.g\. 2026-12-05T10:00:00Z\)$/,
        );
        expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+\)?$/m); // no stack trace
      }
    });
  }

  it('the largest time is accepted by both commands', async () => {
    const code = (await codeJson(MAX_UNIX_SECONDS, 30)).code;
    const result = await cli(['verify', ...FROM, '--code', code, '--at', String(MAX_UNIX_SECONDS), '--skew', '0']);
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('a runner clock skewed by ±1 period', () => {
  const key: TotpKey = { secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 };

  /** The CLI's verdict on `code` when the runner's clock reads `at`. */
  async function verifyAt(code: string, at: number, skew: 0 | 1) {
    const result = await cli(['verify', ...FROM, '--code', code, '--at', String(at), '--skew', String(skew), '--json']);
    return {
      status: result.status,
      ...(JSON.parse(result.stdout) as { valid: boolean; delta?: number; reason?: string }),
    };
  }

  for (const base of [1_700_000_015, YEAR_2038, YEAR_2100 + 29, MAX_UNIX_SECONDS - 60]) {
    it(`at ${base}: a code from a clock 30 s behind or ahead is accepted with skew 1, refused with skew 0`, async () => {
      for (const offset of [-30, 30]) {
        // The authenticator's clock is `offset` seconds off the runner's: its code is of the step beside.
        const result = await cli(['code', ...FROM, '--at', String(base + offset)]);
        expect(result.status, result.stderr).toBe(0);
        const code = result.stdout.trim();
        expect(code).not.toBe(generateCode(key, base)); // (a one-in-a-million collision would void the test)
        expect(await verifyAt(code, base, 1)).toEqual({ status: 0, valid: true, delta: offset / 30 });
        expect(await verifyAt(code, base, 0)).toEqual({ status: 1, valid: false, reason: 'invalid' });
      }
    });
  }

  it('a code two periods away is refused even with skew 1', async () => {
    for (const offset of [-60, 60]) {
      const code = generateCode(key, 1_700_000_015 + offset);
      expect(await verifyAt(code, 1_700_000_015, 1)).toEqual({ status: 1, valid: false, reason: 'invalid' });
    }
  });

  /** Runs the CLI in-process with a clock `offset` seconds off `now`, the way a runner's clock drifts. */
  async function runWithClock(
    argv: readonly string[],
    now: number,
  ): Promise<{ status: number; out: string; err: string }> {
    const { status, out, err } = await runInProcess(argv, { env: { ...ENV }, now });
    expectNoSeed(`${out}\n${err}`, SEED, `totp-kit ${argv.join(' ')}`);
    return { status, out, err };
  }

  it("verify without --at follows the runner's clock: ±30 s accepted with skew 1, refused with skew 0, ±60 s refused", async () => {
    // Fractional clock readings, well inside a step and right at its edges.
    for (const truth of [1_765_000_000.5, 1_700_000_010.25, 1_700_000_039.999, YEAR_2038 + 0.5]) {
      const code = generateCode(key, truth); // the user's authenticator, on time
      for (const offset of [-30, 30]) {
        const lenient = await runWithClock(['verify', ...FROM, '--code', code, '--json'], truth + offset);
        expect({ truth, offset, ...lenient }).toEqual({
          truth,
          offset,
          status: 0,
          out: `${JSON.stringify({ valid: true, delta: -offset / 30 })}\n`,
          err: '',
        });
        const strict = await runWithClock(['verify', ...FROM, '--code', code, '--skew', '0', '--json'], truth + offset);
        expect({ truth, offset, status: strict.status, out: strict.out }).toEqual({
          truth,
          offset,
          status: 1,
          out: `${JSON.stringify({ valid: false, reason: 'invalid' })}\n`,
        });
      }
      for (const offset of [-60, 60]) {
        const far = await runWithClock(['verify', ...FROM, '--code', code, '--json'], truth + offset);
        expect(far.status, `offset ${offset}`).toBe(1);
      }
      // The core agrees, and says which step matched.
      expect(verifyCode(key, code, { at: truth + 30, skew: 1 })).toMatchObject({ valid: true, delta: -1 });
      expect(verifyCode(key, code, { at: truth - 30, skew: 1 })).toMatchObject({ valid: true, delta: 1 });
      expect(counterAt(truth + 30, 30) - counterAt(truth, 30)).toBe(1);
    }
  });

  it("code without --at follows the runner's clock: remaining and expiresAt from a fractional reading", async () => {
    for (const [now, remaining, iso] of [
      [1_700_000_020.25, 20, '2023-11-14T22:14:00.000Z'],
      [1_700_000_039.999, 1, '2023-11-14T22:14:00.000Z'],
      [1_700_000_040, 30, '2023-11-14T22:14:30.000Z'],
    ] as const) {
      const run = await runWithClock(['code', ...FROM, '--json'], now);
      expect(run.status, run.err).toBe(0);
      const json = JSON.parse(run.out) as CodeJson;
      expect({ now, remaining: json.remaining, expiresAt: json.expiresAt, code: json.code }).toEqual({
        now,
        remaining,
        expiresAt: iso,
        code: generateCode(key, now),
      });
    }
  });

  it('the bundle on the real clock: its code is of the step it ran in; verify follows the same clock', () => {
    // Whatever second this starts in: a run's step lies between the steps of the times before and after it.
    const stepsAround = (run: () => ReturnType<typeof runCli>) => {
      const before = Math.floor(Date.now() / 1000 / 30);
      const result = run();
      const after = Math.floor(Date.now() / 1000 / 30);
      expectNoSeedInCli(result, SEED, 'the bundle');
      expect(result.status, result.stderr).toBe(0);
      return { result, before, after };
    };
    const code = stepsAround(() => runCli(['code', ...FROM, '--json'], { env: ENV }));
    const json = JSON.parse(code.result.stdout) as CodeJson;
    const step = Date.parse(json.expiresAt) / 1000 / 30 - 1;
    expect(step).toBeGreaterThanOrEqual(code.before);
    expect(step).toBeLessThanOrEqual(code.after);
    expect(json.code).toBe(generateCode(key, step * 30));
    // The code of the step it ran in is valid for verify (skew 1), which says how many steps later it ran.
    const verify = stepsAround(() => runCli(['verify', ...FROM, '--code', json.code, '--json'], { env: ENV }));
    const verdict = JSON.parse(verify.result.stdout) as { valid: boolean; delta: number };
    expect(verdict.valid).toBe(true);
    expect(step - verdict.delta).toBeGreaterThanOrEqual(verify.before);
    expect(step - verdict.delta).toBeLessThanOrEqual(verify.after);
  });
});
