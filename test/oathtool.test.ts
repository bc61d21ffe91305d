// Cross-checks generateCode and verifyCode against two independent implementations: the `oathtool`
// binary (OATH Toolkit, Debian package `oathtool`) and the `otpauth` npm library. The cases come from
// a seeded PRNG; the seed is printed so a failure can be replayed (TOTP_KIT_TEST_SEED=<n>).
import { spawnSync } from 'node:child_process';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { KeyMaterial as TotpKey } from '../src/core/key.js';
import type { Algorithm, Digits } from '../src/core/settings.js';
import { MAX_UNIX_SECONDS } from '../src/core/time.js';
import { counterAt, generateCode, verifyCode } from '../src/core/totp.js';

const SEED = Number(process.env.TOTP_KIT_TEST_SEED ?? 20250611);
const CASES = 600;

/** mulberry32: a tiny deterministic PRNG, so every run checks the same cases. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Case {
  readonly key: TotpKey;
  readonly time: number;
  readonly kind: string;
}

function makeCases(seed: number, count: number): Case[] {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    // The first cases pin the extremes (10- and 64-byte seeds, periods 1 and 300); case 3 is t = max, period 1.
    const length = [10, 64, 10, 64][i] ?? int(10, 64);
    const secret = Uint8Array.from({ length }, () => int(0, 255));
    const algorithm = pick<Algorithm>(['SHA1', 'SHA256', 'SHA512']);
    const digits = pick<Digits>([6, 8]);
    const period = [1, 300, 300, 1][i] ?? int(1, 300);
    const lastStep = Math.floor(MAX_UNIX_SECONDS / period);
    const kind = ['zero', 'step-end', 'step-start', 'max', 'uniform', 'recent'][i % 6] as string;
    const k = int(1, lastStep);
    const time = {
      zero: 0,
      'step-end': k * period - 1,
      'step-start': k * period,
      max: MAX_UNIX_SECONDS - (i % 12 === 3 ? 0 : int(0, period)),
      uniform: int(0, MAX_UNIX_SECONDS),
      recent: int(1_600_000_000, 2_200_000_000),
    }[kind] as number;
    cases.push({ key: { secret, algorithm, digits, period }, time, kind });
  }
  return cases;
}

const cases = makeCases(SEED, CASES);
console.log(`oathtool.test.ts: ${CASES} cases from PRNG seed ${SEED} (set TOTP_KIT_TEST_SEED to change it)`);

function describeCase(c: Case): string {
  const hex = Buffer.from(c.key.secret).toString('hex');
  return `${c.key.algorithm} digits=${c.key.digits} period=${c.key.period} t=${c.time} (${c.kind}) key=${hex}`;
}

function otpauthCode(c: Case): string {
  return TOTP.generate({
    secret: new Secret({ buffer: Uint8Array.from(c.key.secret).buffer }),
    algorithm: c.key.algorithm,
    digits: c.key.digits,
    period: c.key.period,
    timestamp: c.time * 1000,
  });
}

function oathtoolArgs(c: Case): string[] {
  return [
    `--totp=${c.key.algorithm.toLowerCase()}`,
    `--digits=${c.key.digits}`,
    `--time-step-size=${c.key.period}s`,
    `--now=@${c.time}`,
    Buffer.from(c.key.secret).toString('hex'),
  ];
}

/**
 * What oathtool prints for each argument list (its lines), from one shell running them all: hundreds of Node
 * spawns would cost a process start each. A failed call gives its exit status instead.
 */
function oathtoolRuns(argLists: readonly (readonly string[])[]): { status: number; lines: string[] }[] {
  const quoted = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;
  const script = argLists.map((args) => `oathtool ${args.map(quoted).join(' ')}; echo "--- $?"`).join('\n');
  const run = spawnSync('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, run.stderr).toBe(0);
  const parts = run.stdout.split(/^--- (\d+)\n/m);
  const results = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    results.push({ status: Number(parts[i + 1]), lines: (parts[i] as string).split('\n').filter((l) => l !== '') });
  }
  expect(results).toHaveLength(argLists.length);
  return results;
}

const probe = spawnSync('oathtool', ['--version'], { encoding: 'utf8' });
const hasOathtool = probe.error === undefined && probe.status === 0;
if (!hasOathtool) {
  console.warn(
    '\n!!! oathtool.test.ts: the `oathtool` binary was not found: the oathtool cross-check is SKIPPED.' +
      '\n!!! Install it (Debian/Ubuntu: apt-get install oathtool; macOS: brew install oath-toolkit). CI installs it.\n',
  );
}

describe('the generated case set', () => {
  it('covers every algorithm × digits, seed lengths 10–64, periods 1–300 and the time corners', () => {
    const combos = new Set(cases.map((c) => `${c.key.algorithm}/${c.key.digits}`));
    expect([...combos].sort()).toEqual(['SHA1/6', 'SHA1/8', 'SHA256/6', 'SHA256/8', 'SHA512/6', 'SHA512/8']);
    const lengths = cases.map((c) => c.key.secret.length);
    const periods = cases.map((c) => c.key.period);
    expect(Math.min(...lengths)).toBe(10);
    expect(Math.max(...lengths)).toBe(64);
    expect(Math.min(...periods)).toBe(1);
    expect(Math.max(...periods)).toBe(300);
    expect(cases.filter((c) => c.time === 0).length).toBe(CASES / 6);
    expect(cases.filter((c) => c.time === MAX_UNIX_SECONDS).length).toBeGreaterThan(0);
    expect(cases.every((c) => c.time >= 0 && c.time <= MAX_UNIX_SECONDS)).toBe(true);
    for (const c of cases.filter((x) => x.kind === 'step-end')) expect((c.time + 1) % c.key.period).toBe(0);
    for (const c of cases.filter((x) => x.kind === 'step-start')) expect(c.time % c.key.period).toBe(0);
    // Counters above 2^32 (short periods far in the future) are where 32-bit shortcuts break.
    expect(cases.filter((c) => counterAt(c.time, c.key.period) > 2 ** 32).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasOathtool)('generateCode and verifyCode against oathtool', () => {
  it('oathtool accepts the far-future time 253402300799 (9999-12-31T23:59:59Z) used by the cases', () => {
    const run = spawnSync('oathtool', ['--totp', '--now=@253402300799', '3132333435363738393031323334353637383930']);
    expect(run.status).toBe(0);
    expect(String(run.stdout).trim()).toMatch(/^\d{6}$/);
  });

  it(`gives oathtool's code for all ${CASES} cases, and verifyCode accepts it with skew 0`, () => {
    const mismatches: string[] = [];
    const runs = oathtoolRuns(cases.map(oathtoolArgs));
    for (const [i, c] of cases.entries()) {
      const run = runs[i] as { status: number; lines: string[] };
      if (run.status !== 0) throw new Error(`oathtool failed (exit ${run.status}) for ${describeCase(c)}`);
      expect(run.lines, describeCase(c)).toHaveLength(1);
      const expected = run.lines[0] as string;
      expect(expected).toMatch(c.key.digits === 6 ? /^\d{6}$/ : /^\d{8}$/);
      const actual = generateCode(c.key, c.time);
      if (actual !== expected) mismatches.push(`${describeCase(c)}: oathtool ${expected}, totp-kit ${actual}`);
      const verified = verifyCode(c.key, expected, { at: c.time, skew: 0 });
      if (!verified.valid || verified.counter !== counterAt(c.time, c.key.period)) {
        mismatches.push(`${describeCase(c)}: verifyCode(${expected}) gave ${JSON.stringify(verified)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with oathtool --window on the codes of consecutive steps', () => {
    // One oathtool call prints the codes of steps c..c+5; totp-kit must give the same sequence.
    const some = cases.slice(0, 60);
    const runs = oathtoolRuns(some.map((c) => ['--window=5', ...oathtoolArgs(c)]));
    for (const [i, c] of some.entries()) {
      const run = runs[i] as { status: number; lines: string[] };
      expect(run.status).toBe(0);
      const expected = run.lines;
      expect(expected, describeCase(c)).toHaveLength(6);
      const start = counterAt(c.time, c.key.period) * c.key.period;
      const actual = expected.map((_, i) => generateCode(c.key, start + i * c.key.period));
      expect(actual, describeCase(c)).toEqual(expected);
    }
  });
});

describe('generateCode and verifyCode against the otpauth library', () => {
  it(`gives otpauth's code for all ${CASES} cases, and verifyCode accepts it with skew 0`, () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      const expected = otpauthCode(c);
      const actual = generateCode(c.key, c.time);
      if (actual !== expected) mismatches.push(`${describeCase(c)}: otpauth ${expected}, totp-kit ${actual}`);
      if (!verifyCode(c.key, expected, { at: c.time, skew: 0 }).valid) {
        mismatches.push(`${describeCase(c)}: verifyCode refused otpauth's ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses, with skew 0, the code of the step after each case', () => {
    const wrong: string[] = [];
    for (const c of cases.slice(0, 200)) {
      const nextTime = (counterAt(c.time, c.key.period) + 1) * c.key.period;
      const next = otpauthCode({ ...c, time: nextTime });
      if (next === otpauthCode(c)) continue; // a collision of two steps' codes (chance 1 in 10^6)
      if (verifyCode(c.key, next, { at: c.time, skew: 0 }).valid) wrong.push(describeCase(c));
    }
    expect(wrong).toEqual([]);
  });
});
