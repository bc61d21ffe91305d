// Happy paths of the CLI, run in-process against the sources, checked against oathtool (OATH Toolkit) where it
// is installed: codes, --json, URL settings, file sources, --min-remaining, verify, help and version. Standard
// input from a pipe and the bundle itself: test/bundle-cli.test.ts.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import type { Algorithm, Digits } from '../src/core/settings.js';
import { generateCode } from '../src/core/totp.js';
import { fakeClock } from './helpers/fake-clock.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const ENV = { TOTP_SEED: B32 };
const FROM = ['--from', 'env:TOTP_SEED'];
/** The clock of runs without --at: mid-step. */
const NOW = 1700000015;
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-cli-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL) console.warn('oathtool is not installed: cross-checks are SKIPPED, expected codes come from src/');

interface Opts {
  readonly algorithm?: Algorithm;
  readonly digits?: Digits;
  readonly period?: number;
}

const references = new Map<string, string>();

/** The reference code at `at`: oathtool when installed (asked once per step), else the core's generateCode. */
function reference(at: number, o: Opts = {}): string {
  const { algorithm = 'SHA1', digits = 6, period = 30 } = o;
  if (!HAS_OATHTOOL) return generateCode({ secret: SEED, algorithm, digits, period }, at);
  const args = [`--totp=${algorithm}`, `--digits=${digits}`, `--time-step-size=${period}s`];
  const step = Math.floor(at / period);
  const known = references.get(`${args.join(' ')} ${step}`);
  if (known !== undefined) return known;
  const r = spawnSync('oathtool', [...args, `--now=@${at}`, SEED.toString('hex')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  references.set(`${args.join(' ')} ${step}`, r.stdout.trim());
  return r.stdout.trim();
}

/** Runs the CLI and asserts that no form of the seed is in what it printed. */
async function run(args: readonly string[], env: Record<string, string> = ENV, now = NOW): Promise<InProcessRun> {
  const r = await runInProcess(args, { env, now });
  expectNoSeed(r.stdout, SEED, 'stdout');
  expectNoSeed(r.stderr, SEED, 'stderr');
  return r;
}

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

describe('code', () => {
  const TIMES = [0, 59, 1111111109, 1234567890, 2000000000, 20000000000];

  it.each(TIMES)('prints exactly the code and a newline at --at %i (oathtool agrees)', async (at) => {
    const r = await run(['code', ...FROM, '--at', String(at)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${reference(at)}\n`);
  });

  it.skipIf(!HAS_OATHTOOL).each([
    ['SHA256', 8, 60],
    ['SHA512', 8, 30],
    ['sha-256', 6, 45],
  ] as const)('honours --algorithm %s --digits %i --period %i on a bare seed', async (algorithm, digits, period) => {
    const at = 1700000123;
    const r = await run([
      'code',
      ...FROM,
      '--algorithm',
      algorithm,
      '--digits',
      String(digits),
      '--period',
      String(period),
      '--at',
      String(at),
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `${reference(at, { algorithm: algorithm === 'sha-256' ? 'SHA256' : algorithm, digits, period })}\n`,
    );
  });

  it.each([1111111109, 1700000010, 1700000039])(
    '--json at %i prints one object with exactly the contract keys',
    async (at) => {
      const r = await run(['code', ...FROM, '--at', String(at), '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(lines(r.stdout)).toHaveLength(1);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out).sort()).toEqual(['algorithm', 'code', 'digits', 'expiresAt', 'period', 'remaining']);
      expect(out).toEqual({
        code: reference(at),
        period: 30,
        digits: 6,
        algorithm: 'SHA1',
        remaining: 30 - (at % 30),
        expiresAt: new Date((at - (at % 30) + 30) * 1000).toISOString(),
      });
    },
  );

  describe('settings stated by an otpauth URL', () => {
    const url = `otpauth://totp/ACME:alice%40example.com?secret=${B32}&issuer=ACME&algorithm=SHA256&digits=8&period=60`;
    const env = { TOTP_URL: url };
    const at = 1700000100;
    const expected = () => reference(at, { algorithm: 'SHA256', digits: 8, period: 60 });

    it('are honoured', async () => {
      const r = await run(['code', '--from', 'env:TOTP_URL', '--at', String(at), '--json'], env);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        code: expected(),
        period: 60,
        digits: 8,
        algorithm: 'SHA256',
        remaining: 60 - (at % 60),
        expiresAt: new Date((at - (at % 60) + 60) * 1000).toISOString(),
      });
    });

    it('accept flags equal to what the URL states', async () => {
      const args = ['--digits', '8', '--algorithm', 'sha256', '--period', '60', '--at', String(at)];
      const r = await run(['code', '--from', 'env:TOTP_URL', ...args], env);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${expected()}\n`);
    });
  });

  describe('--from file:PATH', () => {
    const groups = (B32.match(/.{1,4}/g) ?? []).join(' ');
    it.each([
      ['with a trailing newline', `${B32}\n`],
      ['in lower case', `${B32.toLowerCase()}\n`],
      ['in spaced groups', `${groups}\r\n`],
      ['with padding', `${B32}====\n`],
      ['as an otpauth URL', `otpauth://totp/ACME:alice?secret=${B32}&issuer=ACME\n`],
    ])('reads a seed %s', async (name, content) => {
      const path = join(DIR, `${name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(path, content, { mode: 0o600 });
      const r = await run(['code', '--from', `file:${path}`, '--at', '1700000000']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(`${reference(1700000000)}\n`);
    });
  });

  it.each([
    ['--secret', B32],
    ['--url', `otpauth://totp/ACME:alice?secret=${B32}`],
  ])('%s works and warns on one stderr line to use --from env:NAME', async (flag, value) => {
    const r = await run(['code', flag, value, '--at', '59']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${reference(59)}\n`);
    const err = lines(r.stderr);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^totp-kit: warning: ${flag} `));
    expect(err[0]).toContain('--from env:NAME');
  });

  describe('--min-remaining', () => {
    const boundary = 1700000010; // a multiple of 30
    it('at 2 s before a boundary, --min-remaining 5 gives the NEXT step’s code', async () => {
      const r = await run(['code', ...FROM, '--at', String(boundary - 2), '--min-remaining', '5', '--json']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.code).toBe(reference(boundary));
      expect(out.remaining).toBe(30);
      expect(out.expiresAt).toBe(new Date((boundary + 30) * 1000).toISOString());
    });

    it('at 2 s before a boundary, --min-remaining 2 keeps the current code', async () => {
      const r = await run(['code', ...FROM, '--at', String(boundary - 2), '--min-remaining', '2']);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${reference(boundary - 2)}\n`);
    });

    it('without --at, waits for the next step (period 2 s, --min-remaining 1)', async () => {
      // The clock stands 0.25 s before a step starts: the CLI says so, waits that long, then prints the new code.
      const next = 1700000010;
      const clock = fakeClock(next - 0.25);
      const args = ['code', ...FROM, '--period', '2', '--min-remaining', '1', '--json'];
      const r = await runInProcess(args, { env: ENV, now: clock.now, sleep: clock.sleep });
      expectNoSeedInCli(r, SEED);
      expect(r.status).toBe(0);
      expect(lines(r.stderr)).toEqual([
        expect.stringMatching(/^totp-kit: warning: period 2 s is unusual/),
        'totp-kit: the current code expires in 0.2 s (< --min-remaining 1); waiting 0.2 s for the next one',
      ]);
      expect(clock.waits).toEqual([0.25]);
      const out = JSON.parse(r.stdout);
      expect(out.code).toBe(reference(next, { period: 2 }));
      expect(out.expiresAt).toBe(new Date((next + 2) * 1000).toISOString());
      expect(out.remaining).toBe(2);
    });
  });
});

describe('verify', () => {
  const at = 1700000015; // mid-step
  const code = (t: number) => reference(t);
  const verify = (c: string, ...extra: string[]) => run(['verify', ...FROM, '--at', String(at), '--code', c, ...extra]);

  it('accepts the current code (no --at): exit 0, "valid"', async () => {
    const r = await run(['verify', ...FROM, '--code', reference(NOW)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('valid\n');
    expect(r.stderr).toBe('');
  });

  it.each([
    ['the current code', () => code(at)],
    ['the current code with spaces', () => ` ${code(at).slice(0, 3)} ${code(at).slice(3)} `],
    ['the previous step’s code (default skew 1)', () => code(at - 30)],
    ['the next step’s code (default skew 1)', () => code(at + 30)],
  ])('accepts %s', async (_name, c) => {
    const r = await verify(c());
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('valid\n');
    expect(r.stderr).toBe('');
  });

  it('rejects a wrong code: exit 1, "invalid", no hint', async () => {
    const near = new Set([code(at - 60), code(at - 30), code(at), code(at + 30), code(at + 60)]);
    let wrong = Number(code(at));
    do wrong = (wrong + 1) % 1e6;
    while (near.has(String(wrong).padStart(6, '0')));
    const r = await verify(String(wrong).padStart(6, '0'));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('invalid\n');
    expect(r.stderr).toBe('');
  });

  it('rejects the previous step’s code with --skew 0, and a code two steps old', async () => {
    const prev = code(at - 30);
    expect(prev, 'test setup: two steps share a code (1 in 10^6); rerun').not.toBe(code(at));
    for (const r of [await verify(prev, '--skew', '0'), await verify(code(at - 60))]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('invalid\n');
    }
  });

  it.each(['12345', '1234567', '12345a'])('rejects the malformed code %j: exit 1, "invalid" and a hint', async (c) => {
    const r = await verify(c);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('invalid\n');
    expect(lines(r.stderr)).toEqual(['totp-kit: the code must be 6 digits 0-9 (spaces are ignored)']);
  });

  it('--json prints {valid: …}', async () => {
    const ok = await verify(code(at - 30), '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true });
    expect(lines(ok.stdout)).toHaveLength(1);
    const bad = await verify('12345', '--json');
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false });
    expect(lines(bad.stdout)).toHaveLength(1);
    expect(bad.stderr).toBe('');
  });
});

describe('help, version, usage', () => {
  it('--help exits 0 and lists the commands and global flags', async () => {
    const r = await run(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['Usage: totp-kit', 'code', 'verify', 'demo', '--json', '--store', '--version', 'Exit codes']) {
      expect(r.stdout).toContain(word);
    }
  });

  it.each([
    ['code', ['--from', '--url', '--secret', '--algorithm', '--digits', '--period', '--at', '--min-remaining']],
    ['verify', ['--from', '--url', '--secret', '--code', '--skew', '--at']],
  ])('%s --help exits 0 and lists its flags', async (command, flags) => {
    const r = await run([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Usage: totp-kit ${command}`);
    for (const flag of flags) expect(r.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
  });

  it('--version prints the package.json version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const r = await run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('no arguments prints the usage on stderr and exits 2', async () => {
    const r = await run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: totp-kit /);
    expect(r.stderr).toContain('code');
  });
});
