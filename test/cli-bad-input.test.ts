// Bad input through the CLI (in-process, against the sources), as a user meets it: exit 2, exactly one line
// on stderr that names the input, nothing on stdout, no stack trace, and never any part of the seed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed } from './helpers/leak.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const URL_OK = `otpauth://totp/ACME:alice?secret=${B32}&issuer=ACME`;
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-bad-'));
const F = {
  missing: join(DIR, 'no-such-file'),
  directory: join(DIR, 'a-directory'),
  empty: join(DIR, 'empty.txt'),
  over64k: join(DIR, 'over-64k.txt'),
  oneMb: join(DIR, 'one-mb.txt'),
  nul: join(DIR, 'nul.txt'),
};
/** The largest value one environment variable can hold on Linux is 128 KiB (MAX_ARG_STRLEN). */
const HUGE_ENV = B32.repeat(Math.ceil(127_000 / B32.length)).slice(0, 127_000);

/** The seed with one character replaced, at position 6. */
const withChar = (c: string, text = B32) => `${text.slice(0, 5)}${c}${text.slice(6)}`;

beforeAll(() => {
  mkdirSync(F.directory);
  writeFileSync(F.empty, '');
  writeFileSync(F.over64k, B32.repeat(Math.ceil(65_537 / B32.length)).slice(0, 64 * 1024 + 1));
  writeFileSync(F.oneMb, B32.repeat(Math.ceil(2 ** 20 / B32.length)).slice(0, 2 ** 20));
  writeFileSync(F.nul, `${B32.slice(0, 16)}\0${B32.slice(16)}\n`);
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

interface BadCase {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  /** Every one of these must appear in the single line. */
  readonly names: readonly string[];
  /** What the line must say about the problem. */
  readonly says?: RegExp;
}

const FROM = ['--from', 'env:TOTP_SEED'];
const code = (...extra: string[]) => ['code', ...FROM, ...extra];
const NOT_B32 = /is not valid Base32/;

const CASES: readonly BadCase[] = [
  // seed flags
  { name: 'no seed flag', args: ['code'], names: ['--from', '--url', '--secret'], says: /none given/ },
  { name: '--from and --secret', args: code('--secret', B32), names: ['--from', '--secret'], says: /both given/ },
  { name: '--url and --secret', args: ['code', '--url', URL_OK, '--secret', B32], names: ['--url', '--secret'] },
  { name: '--secret with 0', args: ['code', '--secret', withChar('0')], names: ['--secret'], says: NOT_B32 },
  { name: '--secret with 1', args: ['code', '--secret', withChar('1')], names: ['--secret'], says: NOT_B32 },
  { name: '--secret with 8', args: ['code', '--secret', withChar('8')], names: ['--secret'], says: NOT_B32 },
  { name: '--secret with 9', args: ['code', '--secret', withChar('9')], names: ['--secret'], says: NOT_B32 },
  {
    name: '--secret lower-case with "!"',
    args: ['code', '--secret', withChar('!', B32.toLowerCase())],
    names: ['--secret'],
    says: NOT_B32,
  },
  {
    name: '--secret with a Cyrillic look-alike',
    args: ['code', '--secret', withChar('\u0410')],
    names: ['--secret'],
    says: NOT_B32,
  },
  { name: '--secret with only padding', args: ['code', '--secret', '===='], names: ['--secret'], says: /empty/ },
  { name: '--secret empty', args: ['code', '--secret', ''], names: ['--secret'], says: /empty/ },
  { name: '--secret of 1 character', args: ['code', '--secret', 'G'], names: ['--secret'], says: NOT_B32 },
  {
    name: '127 KB seed in a variable',
    args: ['code', '--from', 'env:BIG'],
    env: { BIG: HUGE_ENV },
    names: ['env:BIG'],
    says: /too long/,
  },
  { name: '1 MB seed in a file', args: ['code', '--from', `file:${F.oneMb}`], names: [`file:${F.oneMb}`] },
  { name: 'NUL byte in a file', args: ['code', '--from', `file:${F.nul}`], names: [`file:${F.nul}`], says: NOT_B32 },
  // --url
  {
    name: '--url hotp',
    args: ['code', '--url', `otpauth://hotp/ACME:alice?secret=${B32}&counter=1`],
    names: ['--url'],
    says: /hotp/,
  },
  { name: '--url without secret', args: ['code', '--url', 'otpauth://totp/ACME:alice?issuer=ACME'], names: ['--url'] },
  {
    name: '--url with two secrets',
    args: ['code', '--url', `${URL_OK}&secret=${B32}`],
    names: ['--url', 'secret'],
    says: /2/,
  },
  {
    name: '--url with bad Base32',
    args: ['code', '--url', `otpauth://totp/ACME:alice?secret=${withChar('1')}`],
    names: ['--url secret'],
    says: NOT_B32,
  },
  {
    name: '--url with algorithm=MD5',
    args: ['code', '--url', `${URL_OK}&algorithm=MD5`],
    names: ['--url algorithm'],
    says: /MD5/,
  },
  { name: '--url https://', args: ['code', '--url', `https://example.com/?secret=${B32}`], names: ['--url'] },
  { name: '--url bare Base32', args: ['code', '--url', B32], names: ['--url'], says: /otpauth/ },
  // --from
  { name: '--from without scheme', args: ['code', '--from', 'TOTP_SEED'], names: ['--from'] },
  { name: '--from foo:x', args: ['code', '--from', 'foo:x'], names: ['--from', 'foo:'] },
  { name: '--from aws-sm: without an id', args: ['code', '--from', 'aws-sm:'], names: ['--from', 'aws-sm:'] },
  { name: '--from aws-sm:x# (empty field)', args: ['code', '--from', 'aws-sm:x#'], names: ['--from', '#FIELD'] },
  {
    name: '--from vault-kv:a (no path)',
    args: ['code', '--from', 'vault-kv:a'],
    names: ['--from', 'vault-kv:MOUNT/PATH'],
  },
  {
    name: '--from vault-kv:a/b#c without VAULT_ADDR',
    args: ['code', '--from', 'vault-kv:a/b#c'],
    names: ['VAULT_ADDR'],
    says: /is not set/,
  },
  {
    name: '--from vault-totp:a/b without VAULT_TOKEN',
    args: ['code', '--from', 'vault-totp:a/b'],
    env: { VAULT_ADDR: 'http://127.0.0.1:1' },
    names: ['VAULT_TOKEN'],
    says: /is not set/,
  },
  {
    name: '--from store:x (no such key)',
    args: ['code', '--from', 'store:x', '--store', `file:${F.missing}`],
    names: ['store:x', `file:${F.missing}`],
    says: /no key "x" in store/,
  },
  { name: '--from store:bad name', args: ['code', '--from', 'store:a b'], names: ['--from', 'store:'] },
  { name: '--from env:', args: ['code', '--from', 'env:'], names: ['--from', 'env:'] },
  { name: '--from env:1BAD', args: ['code', '--from', 'env:1BAD'], names: ['--from', 'env:'] },
  { name: 'unset variable', args: ['code', '--from', 'env:NOT_SET_X'], names: ['env:NOT_SET_X'], says: /not set/ },
  { name: 'empty variable', args: ['code', '--from', 'env:EMPTY'], env: { EMPTY: '' }, names: ['env:EMPTY'] },
  { name: 'file: missing', args: ['code', '--from', `file:${F.missing}`], names: [`file:${F.missing}`] },
  {
    name: 'file: a directory',
    args: ['code', '--from', `file:${F.directory}`],
    names: [`file:${F.directory}`],
    says: /directory/,
  },
  { name: 'file: empty', args: ['code', '--from', `file:${F.empty}`], names: [`file:${F.empty}`], says: /empty/ },
  { name: 'file: > 64 KB', args: ['code', '--from', `file:${F.over64k}`], names: [`file:${F.over64k}`] },
  { name: 'file: without path', args: ['code', '--from', 'file:'], names: ['--from', 'file:'] },
  { name: '--from an otpauth URL', args: ['code', '--from', URL_OK], names: ['--from'] },
  { name: '--from a bare seed', args: ['code', '--from', B32], names: ['--from'] },
  // settings
  { name: '--algorithm MD5', args: code('--algorithm', 'MD5'), names: ['--algorithm', 'MD5'] },
  { name: '--digits 7', args: code('--digits', '7'), names: ['--digits', '7'], says: /6 or 8/ },
  { name: '--digits 06', args: code('--digits', '06'), names: ['--digits', '06'], says: /6 or 8/ },
  { name: '--digits abc', args: code('--digits', 'abc'), names: ['--digits', 'abc'], says: /6 or 8/ },
  { name: '--period 0', args: code('--period', '0'), names: ['--period'] },
  { name: '--period -30', args: code('--period', '-30'), names: ['--period', '-30'] },
  { name: '--period 1.5', args: code('--period', '1.5'), names: ['--period', '1.5'] },
  { name: '--period 99999999999999999999', args: code('--period', '99999999999999999999'), names: ['--period'] },
  // clock and freshness
  { name: '--at -1', args: code('--at', '-1'), names: ['--at', '-1'] },
  { name: '--at 1.5', args: code('--at', '1.5'), names: ['--at', '1.5'] },
  { name: '--at abc', args: code('--at', 'abc'), names: ['--at', 'abc'] },
  { name: '--at 1e10', args: code('--at', '1e10'), names: ['--at', '1e10'] },
  { name: '--at after 9999', args: code('--at', '999999999999999'), names: ['--at'] },
  { name: '--min-remaining abc', args: code('--min-remaining', 'abc'), names: ['--min-remaining', 'abc'] },
  { name: '--min-remaining -1', args: code('--min-remaining', '-1'), names: ['--min-remaining'] },
  {
    name: '--min-remaining 30 (the period)',
    args: code('--min-remaining', '30'),
    names: ['--min-remaining', '30'],
    says: /0 to 29/,
  },
  {
    name: '--min-remaining 10 with --period 10',
    args: code('--period', '10', '--min-remaining', '10'),
    names: ['--min-remaining', '10'],
    says: /0 to 9/,
  },
  // warnings of accepted input (argv seed, unusual period) are held back when a later check refuses
  { name: '--secret then bad --at', args: ['code', '--secret', B32, '--at', 'abc'], names: ['--at'] },
  {
    name: '--url then bad --min-remaining',
    args: ['code', '--url', URL_OK, '--min-remaining', '30'],
    names: ['--min-remaining'],
  },
  { name: '--period 5 then bad --at', args: code('--period', '5', '--at', '1.5'), names: ['--at'] },
  {
    name: 'verify --secret then bad --at',
    args: ['verify', '--secret', B32, '--code', '123456', '--at', '-1'],
    names: ['--at'],
  },
  // verify
  { name: 'verify --skew 2', args: ['verify', ...FROM, '--code', '123456', '--skew', '2'], names: ['--skew'] },
  { name: 'verify --code ""', args: ['verify', ...FROM, '--code', ''], names: ['--code'], says: /empty/ },
  { name: 'verify without --code', args: ['verify', ...FROM], names: ['--code'] },
  { name: 'verify --at abc', args: ['verify', ...FROM, '--code', '123456', '--at', 'abc'], names: ['--at'] },
  // commander
  { name: 'unknown option', args: code('--bogus'), names: ['--bogus'], says: /unknown option/ },
  { name: 'unknown command', args: ['bogus'], names: ['bogus'], says: /unknown command/ },
  // a URL's settings cannot be overridden
  {
    name: 'URL digits=6 vs --digits 8 (env)',
    args: ['code', '--from', 'env:TOTP_URL', '--digits', '8'],
    env: { TOTP_URL: `${URL_OK}&digits=6` },
    names: ['--digits', '8', 'digits=6', 'env:TOTP_URL'],
  },
  {
    name: 'URL digits=6 vs --digits 8 (--url)',
    args: ['code', '--url', `${URL_OK}&digits=6`, '--digits', '8'],
    names: ['--digits', '8', 'digits=6', '--url'],
  },
];

/** The clock of runs without --at. */
const NOW = 1700000015;

async function run(args: readonly string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  const r = await runInProcess(args, { env: { TOTP_SEED: B32, ...env }, now: NOW });
  expectNoSeed(r.stdout, SEED, 'stdout');
  expectNoSeed(r.stderr, SEED, 'stderr');
  return r;
}

function expectCleanRefusal(r: InProcessRun, lines: number): string[] {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const out = r.stderr.replace(/\n$/, '').split('\n');
  expect(out).toHaveLength(lines);
  for (const line of out) expect(line).toMatch(/^totp-kit: \S/);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/\b[A-Za-z]*Error\b:?/);
  expect(r.stderr).not.toContain('warning');
  return out;
}

describe('bad input: exit 2 with one line naming the input', () => {
  it('has at least 35 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(35);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const [line] = expectCleanRefusal(await run(c.args, c.env), 1);
    for (const name of c.names) expect(line).toContain(name);
    if (c.says) expect(line).toMatch(c.says);
  });
});

describe('bad input: unicode letters that upper-case into Base32 letters', () => {
  // "ı".toUpperCase() is "I", "ſ" is "S", "ﬀ" is "FF": none of them is Base32.
  it.each(['\u0131', '\u017f', '\ufb00'])('refuses %s in a seed', async (c) => {
    const [line] = expectCleanRefusal(await run(['code', '--from', 'env:X', '--at', '59'], { X: withChar(c) }), 1);
    expect(line).toMatch(/^totp-kit: env:X: is not valid Base32: a character that is not Base32 at position 6/);
  });
});

describe('bad input: what is never echoed', () => {
  it('a seed typed as a command is not quoted back', async () => {
    const [line] = expectCleanRefusal(await run([B32]), 1);
    expect(line).toMatch(/^totp-kit: unknown command \(not printed: it could be a seed\)/);
  });

  it('a seed typed as an option is not quoted back, a short typo is', async () => {
    expectCleanRefusal(await run([...code(), `--${B32}`]), 1);
    const [typo] = expectCleanRefusal(await run(code('--digit', '6')), 1);
    expect(typo).toContain("unknown option '--digit'");
    expect(typo).toContain('--digits');
  });

  it('a seed pasted into --from is not quoted, not even in lower case', async () => {
    const lower = B32.toLowerCase();
    const r = await run(['code', '--from', lower]);
    expectCleanRefusal(r, 1);
    expect(r.stderr).not.toContain(lower.slice(0, 8));
  });

  it('a refused --secret prints no argv warning, an accepted one does (control)', async () => {
    expectCleanRefusal(await run(['code', '--secret', withChar('0')]), 1);
    const ok = await run(['code', '--secret', B32, '--at', '0']);
    expect(ok.status).toBe(0);
    expect(ok.stderr.replace(/\n$/, '').split('\n')).toHaveLength(1);
    expect(ok.stderr).toMatch(/^totp-kit: warning: --secret /);
  });
});

describe('several bad settings are all reported', () => {
  it('--digits 7 --algorithm MD5 gives two lines, one per setting', async () => {
    const lines = expectCleanRefusal(await run(code('--digits', '7', '--algorithm', 'MD5')), 2);
    expect(lines.filter((l) => l.includes('--digits') && l.includes('"7"'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('--algorithm') && l.includes('"MD5"'))).toHaveLength(1);
  });

  it('--digits 7 --algorithm MD5 --period 0 gives three lines', async () => {
    const lines = expectCleanRefusal(await run(code('--digits', '7', '--algorithm', 'MD5', '--period', '0')), 3);
    for (const flag of ['--digits', '--algorithm', '--period']) {
      expect(lines.filter((l) => l.startsWith(`totp-kit: ${flag}`))).toHaveLength(1);
    }
  });

  it('verify lists --skew, --digits, --algorithm, --code and --at problems together', async () => {
    const args = ['verify', ...FROM, '--code', ' ', '--skew', '2', '--digits', '7', '--algorithm', 'MD5', '--at', 'x'];
    const lines = expectCleanRefusal(await run(args), 5);
    for (const flag of ['--skew', '--digits', '--algorithm', '--code', '--at']) {
      expect(lines.filter((l) => l.startsWith(`totp-kit: ${flag}:`))).toHaveLength(1);
    }
  });

  it('code lists --digits, --at and --min-remaining problems together', async () => {
    const lines = expectCleanRefusal(await run(code('--digits', '7', '--at', 'abc', '--min-remaining', 'x')), 3);
    for (const flag of ['--digits', '--at', '--min-remaining']) {
      expect(lines.filter((l) => l.startsWith(`totp-kit: ${flag}:`))).toHaveLength(1);
    }
  });

  it('a URL contradicted twice names both settings', async () => {
    const env = { TOTP_URL: `${URL_OK}&digits=6&period=30` };
    const lines = expectCleanRefusal(
      await run(['code', '--from', 'env:TOTP_URL', '--digits', '8', '--period', '60'], env),
      2,
    );
    expect(lines.some((l) => l.includes('--digits') && l.includes('digits=6'))).toBe(true);
    expect(lines.some((l) => l.includes('--period') && l.includes('period=30'))).toBe(true);
  });
});

describe('a command group without its subcommand', () => {
  it.each(['key', 'method'])('`totp-kit %s` prints its help on stderr and exits 2, not 0', async (group) => {
    const r = await run([group]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Usage: totp-kit ${group}`);
  });
});
