// One vocabulary for why a code is refused, across `verify`, `key verify` and `method verify`: the library's words
// (`invalid`, `malformed`, `used`, `locked`; src/resources/key.ts, src/resources/enrollment.ts and
// src/sources/load-key.ts), in their JSON and their text. In-process through `main(argv, io)`; a reused code
// reaches stateless `verify` only through Vault's TOTP engine, here a loopback server speaking its API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import type { KeyMaterial as TotpKey } from '../src/core/key.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { generateSeed } from '../src/core/seed.js';
import { generateCode } from '../src/core/totp.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed } from './helpers/leak.js';
import { startVaultServer, type VaultServer } from './helpers/vault-server.js';

/** Start of a 30 s step, so `--at` offsets are exact. */
const T = 1_700_000_010;
const SEED = generateSeed(20);
const KEY: TotpKey = { secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 };
/** Seeds handed out during a test (enrollments), scanned for with SEED in everything printed. */
const seeds: Uint8Array[] = [SEED];

const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-verify-vocabulary-'));
let vault: VaultServer;
beforeAll(async () => {
  vault = await startVaultServer({ now: () => T * 1000 });
  vault.putTotpKey('totp', 'bot', { secret: SEED });
});
afterAll(async () => {
  await vault.close();
  rmSync(ROOT, { recursive: true, force: true });
});

let storePath = '';
beforeEach(() => {
  storePath = join(mkdtempSync(join(ROOT, 'case-')), 'store.json');
});

/**
 * SEED in a file, for `key create --from`: an import reads the process's environment, not the Io's, so env:SEED
 * would not reach it in-process.
 */
function seedFile(): string {
  const path = join(storePath, '..', 'seed.txt');
  writeFileSync(path, `${encodeBase32(SEED)}\n`, { mode: 0o600 });
  return path;
}

interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process (not a terminal), the seed in env:SEED, on the test's store. */
async function cli(args: readonly string[]): Promise<Run> {
  const { status, out, err } = await runInProcess(['--store', `file:${storePath}`, ...args], {
    env: { SEED: encodeBase32(SEED), VAULT_ADDR: vault.address, VAULT_TOKEN: vault.token },
    now: T,
  });
  expectNoSeed(`${out}\n${err}`, seeds, `totp-kit ${args.join(' ')}`);
  return { status, out, err };
}

/** The command run twice: with --json (one object on stdout) and as text. */
async function both(args: readonly string[]): Promise<{ json: Run & { value: unknown }; text: Run }> {
  const json = await cli([...args, '--json']);
  expect(json.out.trimEnd().split('\n'), json.out).toHaveLength(1);
  return { json: { ...json, value: JSON.parse(json.out) }, text: await cli(args) };
}

/** A 6-digit code that is none of the key's codes from two steps before `at` to two after. */
function wrongCode(key: TotpKey, at: number): string {
  const near = new Set([-2, -1, 0, 1, 2].map((d) => generateCode(key, at + d * key.period)));
  let n = Number(generateCode(key, at));
  do n = (n + 1) % 1e6;
  while (near.has(String(n).padStart(6, '0')));
  return String(n).padStart(6, '0');
}

const refusedText = (why?: string) => ({
  status: 1,
  out: 'invalid\n',
  err: why === undefined ? '' : `totp-kit: ${why}\n`,
});

describe('verify (stateless)', () => {
  const verify = (code: string, ...extra: string[]) => ['verify', '--from', 'env:SEED', '--code', code, ...extra];

  it('a wrong code: reason "invalid" in JSON (not "no-match"); "invalid" as text, with no hint', async () => {
    const wrong = wrongCode(KEY, T);
    const { json, text } = await both(verify(wrong, '--at', String(T)));
    expect([json.status, json.value, json.err]).toEqual([1, { valid: false, reason: 'invalid' }, '']);
    expect(text).toEqual(refusedText());
  });

  it('a malformed code: reason "malformed", and the hint', async () => {
    const { json, text } = await both(verify('12345', '--at', String(T)));
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'malformed' }]);
    expect(text).toEqual(refusedText('the code must be 6 digits 0-9 (spaces are ignored)'));
  });

  it('a reused code (Vault remembers it): reason "used", as key verify words it', async () => {
    const code = generateCode(KEY, T);
    const ref = ['verify', '--from', 'vault-totp:totp/bot', '--code', code];
    const first = await cli([...ref, '--json']);
    expect([first.status, JSON.parse(first.out)]).toEqual([0, { valid: true }]);
    const { json, text } = await both(ref);
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'used' }]);
    expect(text).toEqual(refusedText('code already used; wait for the next code'));
  });

  it('a wrong code checked by Vault: reason "invalid" too', async () => {
    // Two different wrong codes: Vault refuses any code presented before as used.
    const [first, second] = [wrongCode(KEY, T), wrongCode(KEY, T + 300)];
    expect(first).not.toBe(second);
    const json = await cli(['verify', '--from', 'vault-totp:totp/bot', '--code', first, '--json']);
    expect([json.status, JSON.parse(json.out)]).toEqual([1, { valid: false, reason: 'invalid' }]);
    expect(await cli(['verify', '--from', 'vault-totp:totp/bot', '--code', second])).toEqual(refusedText());
  });

  it('--skew is refused for a key its backend checks, as --at is', async () => {
    const r = await cli(['verify', '--from', 'vault-totp:totp/bot', '--code', '123456', '--skew', '1']);
    expect(r).toEqual({
      status: 2,
      out: '',
      err: 'totp-kit: --skew: cannot be used with vault-totp:totp/bot: its backend checks the code with its own clock and skew (allowed: leave it out)\n',
    });
  });
});

describe('key verify', () => {
  beforeEach(async () => {
    expect((await cli(['key', 'create', 'bot', '--from', `file:${seedFile()}`])).status).toBe(0);
  });
  const verify = (code: string) => ['key', 'verify', 'bot', '--code', code, '--at', String(T)];

  it('a wrong code: reason "invalid" in JSON and text', async () => {
    const wrong = wrongCode(KEY, T);
    const json = await cli([...verify(wrong), '--json']);
    expect([json.status, JSON.parse(json.out)]).toEqual([1, { valid: false, reason: 'invalid' }]);
    // A second wrong code (the first is now a used one).
    const other = wrongCode(KEY, T + 300);
    expect(other).not.toBe(wrong);
    expect(await cli(verify(other))).toEqual(refusedText('invalid code'));
  });

  it('a reused code: reason "used" in JSON and text', async () => {
    const code = generateCode(KEY, T);
    expect(await cli(verify(code))).toEqual({ status: 0, out: 'valid\n', err: '' });
    const { json, text } = await both(verify(code));
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'used' }]);
    expect(text).toEqual(refusedText('code already used; wait for the next code'));
  });
});

describe('method verify', () => {
  let key: TotpKey;
  beforeEach(async () => {
    expect((await cli(['method', 'create', 'ops', '--issuer', 'Acme', '--max-validation-attempts', '3'])).status).toBe(
      0,
    );
    const urlFile = join(storePath, '..', 'alice.url');
    expect((await cli(['method', 'enroll', 'ops', '--entity', 'alice', '--url-file', urlFile])).status).toBe(0);
    key = parseOtpauthUrl(readFileSync(urlFile, 'utf8')).key;
    seeds.push(key.secret);
  });
  const verify = (code: string, at = T) => [
    'method',
    'verify',
    'ops',
    '--entity',
    'alice',
    '--code',
    code,
    '--at',
    String(at),
  ];

  it('a wrong code: reason "invalid" in JSON and text, counting down the attempts', async () => {
    const wrong = wrongCode(key, T);
    const { json, text } = await both(verify(wrong));
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'invalid', attemptsLeft: 2 }]);
    expect(text).toEqual(refusedText('invalid code (1 attempt left before a lockout)'));
  });

  it('a reused code: reason "used" in JSON and text', async () => {
    const code = generateCode(key, T);
    expect(await cli(verify(code))).toEqual({ status: 0, out: 'valid\n', err: '' });
    const { json, text } = await both(verify(code, T + 1));
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'used' }]);
    expect(text).toEqual(refusedText('code already used; wait for the next code'));
  });

  it('a locked enrollment: reason "locked" in JSON and text, even for the right code', async () => {
    const wrong = wrongCode(key, T);
    for (let i = 0; i < 3; i++) expect((await cli(verify(wrong, T + i))).status).toBe(1);
    const right = generateCode(key, T + 3);
    const { json, text } = await both(verify(right, T + 3));
    expect([json.status, json.value]).toEqual([1, { valid: false, reason: 'locked', retryIn: 27, attemptsLeft: 0 }]);
    expect(text).toEqual(refusedText('too many failed attempts; try again in 27 s'));
  });
});

it('a wrong code gets the same reason from all three commands', async () => {
  expect((await cli(['key', 'create', 'bot', '--from', `file:${seedFile()}`])).status).toBe(0);
  expect((await cli(['method', 'create', 'ops', '--issuer', 'Acme'])).status).toBe(0);
  const urlFile = join(storePath, '..', 'bob.url');
  expect((await cli(['method', 'enroll', 'ops', '--entity', 'bob', '--url-file', urlFile])).status).toBe(0);
  const enrolled = parseOtpauthUrl(readFileSync(urlFile, 'utf8')).key;
  seeds.push(enrolled.secret);
  const reasons = [];
  for (const args of [
    ['verify', '--from', 'env:SEED', '--code', wrongCode(KEY, T), '--at', String(T)],
    ['key', 'verify', 'bot', '--code', wrongCode(KEY, T), '--at', String(T)],
    ['method', 'verify', 'ops', '--entity', 'bob', '--code', wrongCode(enrolled, T), '--at', String(T)],
  ]) {
    const r = await cli([...args, '--json']);
    expect(r.status, args.join(' ')).toBe(1);
    reasons.push((JSON.parse(r.out) as { reason: string }).reason);
  }
  expect(reasons).toEqual(['invalid', 'invalid', 'invalid']);
});
