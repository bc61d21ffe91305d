// `totp-kit demo` (what `npm start` runs), in fresh temporary working directories: the store it creates,
// the QR code, issuer, account and code it shows (checked with oathtool against the stored seed), reuse,
// where the store goes, and refusal of a corrupt store. In-process, against the sources.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed } from './helpers/leak.js';

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL)
  console.warn('oathtool is not installed: demo codes are checked against src/ only (SKIPPED oathtool)');

const T = 1700000045;
const DEFAULT_STORE = join('.totp-kit', 'store.json');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'totp-kit-demo-'));
  dirs.push(d);
  return d;
}

/** The code of a Base32 seed at `at`: oathtool when installed, else the core. */
function reference(base32: string, at: number): string {
  if (!HAS_OATHTOOL) {
    return generateCode({ secret: decodeBase32(base32), algorithm: 'SHA1', digits: 6, period: 30 }, at);
  }
  const r = spawnSync('oathtool', ['--totp', '-b', `--now=@${at}`, base32], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

interface Stored {
  readonly secret: string;
  readonly issuer: string;
  readonly accountName: string;
}

function readStored(path: string): Stored {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  expect(data.format).toBe(1);
  const key = data.keys?.demo as Stored;
  expect(key.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes, the default key size
  return key;
}

function demo(cwd: string, args: readonly string[] = [], env: Record<string, string> = {}): Promise<InProcessRun> {
  return runInProcess(['demo', '--at', String(T), ...args], { cwd, env, now: T });
}

/** Checks what a successful demo run shows, against the key in the store, and returns its code. */
function expectDemoOutput(r: InProcessRun, storePath: string): string {
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  const key = readStored(storePath);
  const seed = decodeBase32(key.secret);
  expectNoSeed(r.stdout, seed, 'stdout');
  expectNoSeed(r.stderr, seed, 'stderr');
  const qrLines = r.stdout.split('\n').filter((l) => /[▀▄█]/.test(l));
  expect(qrLines.length).toBeGreaterThanOrEqual(10);
  expect(r.stdout).toMatch(/issuer totp-kit\s+account demo\b/);
  const shown = /current code\s+(\d{3}) (\d{3})\b/.exec(r.stdout);
  expect(shown, 'a code grouped like "123 456"').not.toBeNull();
  const code = `${shown?.[1]}${shown?.[2]}`;
  expect(code).toBe(reference(key.secret, T));
  return code;
}

describe('demo', () => {
  it('is what npm start runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.start).toBe('node dist/cli.js demo');
  });

  it('creates .totp-kit/store.json (0600 in a 0700 directory) and shows QR, issuer, account and code', async () => {
    const cwd = freshDir();
    const r = await demo(cwd);
    const path = join(cwd, DEFAULT_STORE);
    expect(statSync(join(cwd, '.totp-kit')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(cwd, '.totp-kit'))).toEqual(['store.json']);
    expectDemoOutput(r, path);
    expect(r.stdout).toMatch(/created key "demo" in file:\.\/\.totp-kit\/store\.json/);
    const key = readStored(path);
    expect([key.issuer, key.accountName]).toEqual(['totp-kit', 'demo']);
  });

  it('reuses the key on a second run: same code at the same time, store unchanged', async () => {
    const cwd = freshDir();
    const path = join(cwd, DEFAULT_STORE);
    const first = expectDemoOutput(await demo(cwd), path);
    const before = readFileSync(path);
    const again = await demo(cwd);
    expect(expectDemoOutput(again, path)).toBe(first);
    expect(again.stdout).toMatch(/reusing key "demo"/);
    expect(again.stdout).not.toMatch(/created key/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('different fresh directories get different keys', async () => {
    const a = freshDir();
    const b = freshDir();
    await demo(a);
    await demo(b);
    expect(readStored(join(a, DEFAULT_STORE)).secret).not.toBe(readStored(join(b, DEFAULT_STORE)).secret);
  });

  it('TOTP_KIT_STORE=file:PATH puts the store there', async () => {
    const cwd = freshDir();
    const path = join(freshDir(), 'elsewhere', 'store.json');
    const r = await demo(cwd, [], { TOTP_KIT_STORE: `file:${path}` });
    expectDemoOutput(r, path);
    expect(r.stdout).toContain(`in file:${path}`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(existsSync(join(cwd, '.totp-kit'))).toBe(false);
  });

  it('--store file:PATH puts the store there, and wins over TOTP_KIT_STORE', async () => {
    const cwd = freshDir();
    const other = freshDir();
    const path = join(other, 'flag-store.json');
    const ignored = join(other, 'env-store.json');
    const r = await demo(cwd, ['--store', `file:${path}`], { TOTP_KIT_STORE: `file:${ignored}` });
    expectDemoOutput(r, path);
    expect(r.stdout).toContain(`in file:${path}`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(existsSync(ignored)).toBe(false);
    expect(existsSync(join(cwd, '.totp-kit'))).toBe(false);
  });

  describe('a corrupt store is refused (exit 3, one line naming it) and left byte-for-byte unchanged', () => {
    it.each([
      ['not JSON', '{"format": 1, "keys": {'],
      ['empty', ''],
      ['of a newer format', '{"format": 99, "keys": {}}'],
      ['not a store', '["demo"]'],
    ])('%s', async (_name, content) => {
      const cwd = freshDir();
      mkdirSync(join(cwd, '.totp-kit'), { mode: 0o700 });
      const path = join(cwd, DEFAULT_STORE);
      writeFileSync(path, content, { mode: 0o600 });
      const before = readFileSync(path);
      const r = await demo(cwd);
      expect(r.status).toBe(3);
      expect(r.stdout).toBe('');
      const err = r.stderr.replace(/\n$/, '').split('\n');
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^totp-kit: store file:\.\/\.totp-kit\/store\.json: /);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(readdirSync(join(cwd, '.totp-kit'))).toEqual(['store.json']);
    });

    it('a corrupt store given with --store is named as given', async () => {
      const cwd = freshDir();
      const path = join(cwd, 'mine.json');
      writeFileSync(path, 'not json at all');
      const r = await demo(cwd, ['--store', `file:${path}`]);
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(
        new RegExp(`^totp-kit: store file:${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\\n]*\\n$`),
      );
      expect(readFileSync(path, 'utf8')).toBe('not json at all');
    });
  });
});
