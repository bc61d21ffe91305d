// Issue 14: the sealing itself (Low 7: AES-GCM tag and IV lengths), store keys (Low 8: weak keys refused, with a
// message saying what is allowed and how to make a strong one), and what the CLI says about a tampered store
// (Medium 1: one line, exit 3). The CLI runs in-process, against the sources.
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { generateCode } from '../src/core/totp.js';
import { FileStore } from '../src/stores/file-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { openStore, resolveStoreRef } from '../src/stores/store-ref.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli, expectNoSeedInError } from './helpers/leak.js';

const KEY = randomBytes(32).toString('base64');
const SEED = randomBytes(20);
const SEEDS: Uint8Array[] = [SEED, Buffer.from(KEY, 'base64')];
const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-store-auth-box-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/** Runs `totp-kit …args` in-process, at a fixed time. */
const cli = (args: readonly string[], options: { env?: Record<string, string> } = {}) =>
  runInProcess(args, { ...options, now: 1_700_000_010 });

function thrown(fn: () => unknown): TotpKitError {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expectNoSeedInError(error, SEEDS);
  expect(error).toBeInstanceOf(TotpKitError);
  expect((error as Error).message).not.toContain('\n');
  return error as TotpKitError;
}

interface Sealed {
  v: 1;
  alg: 'A256GCM';
  kdf: 'raw';
  iv: string;
  tag: string;
  data: string;
}

describe('AES-GCM tag and IV lengths (Low 7)', () => {
  const box = new SecretBox(KEY);
  const sealed = box.seal(SEED, 'key/bot') as unknown as Sealed;
  const tag = Buffer.from(sealed.tag, 'base64');

  it('opens what it sealed: a 16-byte tag and a 12-byte IV', () => {
    expect(tag).toHaveLength(16);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(box.open(sealed, 'key/bot', 'key "bot"')).toEqual(SEED);
  });

  it.each([4, 8, 12, 15])('refuses a tag truncated to %i bytes', (bytes) => {
    const truncated = { ...sealed, tag: tag.subarray(0, bytes).toString('base64') };
    const error = thrown(() => box.open(truncated, 'key/bot', 'key "bot"'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_CORRUPT' });
    expect(error.message).toContain('key "bot"');
  });

  it.each([8, 16, 32])('refuses an IV of %i bytes (a valid encryption under it, too)', (bytes) => {
    // Sealed properly under the store's key with that IV: GCM itself would accept it.
    const iv = randomBytes(bytes);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(KEY, 'base64'), iv);
    cipher.setAAD(Buffer.from('key/bot', 'utf8'));
    const data = Buffer.concat([cipher.update(SEED), cipher.final()]);
    const odd = {
      ...sealed,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
    const error = thrown(() => box.open(odd, 'key/bot', 'key "bot"'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_CORRUPT' });
  });

  it('refuses a tag that is not base64 of 16 bytes (padding games)', () => {
    const error = thrown(() => box.open({ ...sealed, tag: `${sealed.tag.slice(0, 8)}` }, 'key/bot', 'key "bot"'));
    expect(error.code).toBe('E_STORE_CORRUPT');
  });
});

describe('store keys (Low 8)', () => {
  const RULE = /base64 of 32 random bytes.*openssl rand -base64 32.*at least 20 characters/;

  it.each([
    ['one letter', 'a'],
    ['a short passphrase', 'hunter2hunter'],
    ['19 characters', 'Abcdefghij-12345678'],
    ['20 characters of too few different ones', 'passwordpasswordpass'],
    ['the same character repeated', 'x'.repeat(64)],
    ['base64 of 32 zero bytes', Buffer.alloc(32).toString('base64')],
    ['base64 of 32 bytes of little variety', Buffer.from('ab'.repeat(16)).toString('base64')],
  ])('refuses %s, saying what is allowed and how to make a key', (_, key) => {
    const error = thrown(() => new SecretBox(key));
    expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_WEAK' });
    expect(error.message).toMatch(/^TOTP_KIT_STORE_KEY: is too weak/);
    expect(error.message).toMatch(RULE);
    if (key.length > 7) expect(error.message).not.toContain(key);
  });

  it.each([
    ['base64 of 32 random bytes', randomBytes(32).toString('base64')],
    ['the same with a trailing newline', `${randomBytes(32).toString('base64')}\n`],
    ['a passphrase of 4 words', 'correct horse battery staple'],
    ['base64 of 24 random bytes (taken as a passphrase)', randomBytes(24).toString('base64')],
    ['64 hex digits (taken as a passphrase)', randomBytes(32).toString('hex')],
  ])('accepts %s', (_, key) => {
    expect(new SecretBox(key).encrypting).toBe(true);
  });

  it('refuses a weak key when a store is opened, and through the CLI (exit 2, one line)', async () => {
    const path = join(ROOT, 'weak', 'store.json');
    await expect(
      openStore(resolveStoreRef(`file:${path}`, {}), { TOTP_KIT_STORE_KEY: 'hunter2' }),
    ).rejects.toMatchObject({
      code: 'E_STORE_KEY_WEAK',
    });
    const r = await cli(['key', 'list', '--store', `file:${path}`], { env: { TOTP_KIT_STORE_KEY: 'hunter2' } });
    expectNoSeedInCli(r, SEEDS);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(RULE);
    expect(r.stderr).not.toContain('hunter2');
  });
});

describe('TOTP_KIT_STORE_ADOPT', () => {
  it('needs a store key', async () => {
    await expect(
      openStore(resolveStoreRef(`file:${join(ROOT, 'x.json')}`, {}), { TOTP_KIT_STORE_ADOPT: '1' }),
    ).rejects.toMatchObject({ kind: 'bad-input', code: 'E_STORE_ADOPT' });
    await expect(
      openStore(resolveStoreRef(`file:${join(ROOT, 'x.json')}`, {}), {
        TOTP_KIT_STORE_KEY: KEY,
        TOTP_KIT_STORE_ADOPT: 'yes please',
      }),
    ).rejects.toMatchObject({ kind: 'bad-input', code: 'E_STORE_ADOPT' });
  });
});

describe('a tampered store through the CLI (Medium 1)', () => {
  it('a plain seed swapped in: exit 3, one line naming the record, the file left exactly as it was', async () => {
    const dir = mkdtempSync(join(ROOT, 'cli-'));
    const path = join(dir, 'store.json');
    const store = `file:${path}`;
    const env = { TOTP_KIT_STORE_KEY: KEY };
    const created = await cli(
      ['key', 'create', 'bot', '--generate', '--issuer', 'Acme', '--account', 'bot', '--no-export', '--store', store],
      {
        env,
      },
    );
    expect(created.status, created.stderr).toBe(0);
    // The attacker: write access to the file, no key.
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.keys.bot.secret = encodeBase32(SEED);
    writeFileSync(path, JSON.stringify(doc, null, 2));
    const before = readFileSync(path);
    const code = generateCode({ secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 }, 1_700_000_010);
    const r = await cli(['key', 'verify', 'bot', '--code', code, '--at', '1700000010', '--store', store], { env });
    expectNoSeedInCli(r, SEEDS);
    expect(r.status, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('key "bot"');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('an unkeyed store opened with a key: exit 2, saying how to adopt it', async () => {
    const dir = mkdtempSync(join(ROOT, 'cli-'));
    const store = `file:${join(dir, 'store.json')}`;
    const created = await cli([
      'key',
      'create',
      'bot',
      '--generate',
      '--issuer',
      'Acme',
      '--account',
      'bot',
      '--no-export',
      '--store',
      store,
    ]);
    expect(created.status, created.stderr).toBe(0);
    const r = await cli(['key', 'code', 'bot', '--store', store], { env: { TOTP_KIT_STORE_KEY: KEY } });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('TOTP_KIT_STORE_ADOPT=1');
    const adopted = await cli(['key', 'code', 'bot', '--store', store], {
      env: { TOTP_KIT_STORE_KEY: KEY, TOTP_KIT_STORE_ADOPT: '1' },
    });
    expect(adopted.status, adopted.stderr).toBe(0);
    expect(adopted.stdout).toMatch(/^\d{6}\n$/);
    const after = await cli(['key', 'code', 'bot', '--store', store], { env: { TOTP_KIT_STORE_KEY: KEY } });
    expect(after.status, after.stderr).toBe(0);
  });
});

describe('the file store keeps working in-process', () => {
  it('a FileStore over a new file under a key writes a version-2 key check', async () => {
    const path = join(ROOT, 'v2', 'store.json');
    const store = new FileStore(path, new SecretBox(KEY));
    await store.update('method', 'ops', () => ({ result: 0, next: { methodName: 'ops' } }));
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    expect(doc.keyCheck).toMatchObject({ v: 1, alg: 'A256GCM' });
    expect(doc.methods.ops._mac).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
