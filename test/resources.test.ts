// The resource lifecycle at library level (PRODUCT.md "Resources and their lifecycle", "Stores"), with Vault's
// TOTP engine and identity MFA semantics (shared/reference/vault-semantics.md, HCSEC-2025-17), on a FileStore in a
// temporary directory and a clock the tests set. Codes are checked against oathtool where it is installed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { formatOtpauthUrl, parseOtpauthUrl as parseUrl } from '../src/core/otpauth-url.js';
import type { Algorithm, Digits } from '../src/core/settings.js';
import { generateCode } from '../src/core/totp.js';
import type { ResourceContext } from '../src/resources/context.js';
import { declarationProblems } from '../src/resources/declaration.js';
import { enroll, listEnrollments, readEnrollment, unenroll, validateEnrollment } from '../src/resources/enrollment.js';
import {
  checkedKeySpec,
  createKey,
  deleteKey,
  type KeySpec,
  keyCode,
  listKeys,
  readKey,
  validateKey,
} from '../src/resources/key.js';
import {
  checkedMethodSpec,
  createMethod,
  deleteMethod,
  listMethods,
  type MethodSpec,
  readMethod,
  updateMethod,
} from '../src/resources/method.js';
import { applyDeclaration, destroyDeclaration, planDeclaration } from '../src/resources/plan.js';
import { FileStore } from '../src/stores/file-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import type { RecordKind } from '../src/stores/store.js';
import { expectNoSeed, expectNoSeedInError, leakCheckedAsync } from './helpers/leak.js';

const HAS_OATHTOOL = spawnSync('/usr/bin/oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL) console.warn('oathtool is not installed: cross-checks are SKIPPED, expected codes come from src/');

/** Start of a 30 s step (1_700_000_010 / 30 = 56_666_667), so offsets are exact. */
const T = 1_700_000_010;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The reference code at `at`: oathtool when installed, else the core. */
function ref(seed: Uint8Array, at: number, o: { algorithm?: Algorithm; digits?: Digits; period?: number } = {}) {
  const { algorithm = 'SHA1', digits = 6, period = 30 } = o;
  if (!HAS_OATHTOOL) return generateCode({ secret: seed, algorithm, digits, period }, at);
  const args = [
    `--totp=${algorithm.toLowerCase()}`,
    `--digits=${digits}`,
    `--time-step-size=${period}s`,
    `--now=@${at}`,
  ];
  const r = spawnSync('/usr/bin/oathtool', [...args, Buffer.from(seed).toString('hex')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

/** A well-formed code that none of `valid` is. */
function wrong(...valid: string[]): string {
  for (let n = 0; ; n++) {
    const c = String((Number(valid[0] ?? 0) + 111_111 * (n + 1)) % 1e6).padStart(6, '0');
    if (!valid.includes(c)) return c;
  }
}

/** Every seed a store of this file handed out (in a URL) or that a test imported: what the leak scan looks for. */
const SEEDS: Uint8Array[] = [];
/** Parses a URL the store handed out, remembering its seed for the leak scan. */
const parseOtpauthUrl: typeof parseUrl = (text, label) => {
  const parsed = parseUrl(text, label);
  SEEDS.push(parsed.key.secret);
  return parsed;
};
/** The leak scan of a rejection: scanned against every seed of the file, then passed on to `rejects`. */
const scanned = <T>(promise: Promise<T>): Promise<T> => leakCheckedAsync(promise, SEEDS);

const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-resources-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let dir = '';
let path = '';
let t = T;
let ctx: ResourceContext;
const open = (key?: string, at = path): ResourceContext => ({
  store: new FileStore(at, new SecretBox(key)),
  now: () => t,
});
beforeEach(() => {
  dir = mkdtempSync(join(ROOT, 'case-'));
  path = join(dir, 'state', 'store.json');
  t = T;
  ctx = open();
});
afterEach(() => vi.unstubAllEnvs());

const gen = (name: string, extra: Partial<KeySpec> = {}) =>
  checkedKeySpec({ name, generate: { issuer: 'Acme', accountName: 'bot' }, ...extra });
const method = (extra: Partial<MethodSpec> = {}) => checkedMethodSpec({ methodName: 'ops', issuer: 'Acme', ...extra });
const seedOf = async (c: ResourceContext, kind: RecordKind, id: string) =>
  c.store.secrets.open((await c.store.get(kind, id))?.secret, `${kind}/${id}`, id);
const fileText = () => readFileSync(path, 'utf8');
const vk = (name: string, code: string) => validateKey(ctx, name, code);
const ve = (code: string, entity = 'alice') => validateEnrollment(ctx, 'ops', entity, code);
const [VALID, USED, INVALID] = [{ valid: true }, { valid: false, reason: 'used' }, { valid: false, reason: 'invalid' }];

describe('keys (Vault TOTP engine)', () => {
  it('generates: URL and barcode once; read, list and create results never carry the seed', async () => {
    const created = await createKey(ctx, gen('npm-bot', { algorithm: 'SHA256' }));
    const url = parseOtpauthUrl(created.url ?? '');
    const seed = url.key.secret;
    expect(url.key).toMatchObject({ issuer: 'Acme', accountName: 'bot', algorithm: 'SHA256', digits: 6, period: 30 });
    expect(seed.length).toBe(20);
    expect(created.barcode?.subarray(0, 8)).toEqual(PNG);
    const read = await readKey(ctx, 'npm-bot');
    for (const shown of [created.key, read]) {
      expect(shown).not.toHaveProperty('secret');
      expect(shown).not.toHaveProperty('usedCodes');
      expectNoSeed(JSON.stringify(shown), seed, 'key info');
    }
    expect(read).toMatchObject({ name: 'npm-bot', generated: true, issuer: 'Acme', keySize: 20, skew: 1, qrSize: 200 });
    expect(await listKeys(ctx)).toEqual(['npm-bot']);
    expect(await keyCode(ctx, 'npm-bot', T + 7)).toBe(ref(seed, T + 7, { algorithm: 'SHA256' }));
    await expect(scanned(createKey(ctx, gen('npm-bot')))).rejects.toMatchObject({
      kind: 'bad-input',
      code: 'E_EXISTS',
    });
    expect(await keyCode(ctx, 'npm-bot', T)).toBe(ref(seed, T, { algorithm: 'SHA256' })); // not replaced
    expect((await createKey(ctx, gen('quiet', { exported: false }))).url).toBeUndefined();
    expect(await deleteKey(ctx, 'npm-bot')).toEqual({ deleted: true });
    expect(await deleteKey(ctx, 'npm-bot')).toEqual({ deleted: false });
    await expect(scanned(readKey(ctx, 'npm-bot'))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    expect(await listKeys(ctx)).toEqual(['quiet']);
  });

  it('imports from env: (labels from the URL, else the flags) and file: (a 10-byte seed warns)', async () => {
    const seed = randomBytes(20);
    SEEDS.push(seed);
    const url = formatOtpauthUrl({
      secret: seed,
      algorithm: 'SHA256',
      digits: 8,
      period: 30,
      issuer: 'GitHub',
      accountName: 'alice',
    });
    vi.stubEnv('TOTP_IMPORT_URL', url);
    const a = await createKey(ctx, checkedKeySpec({ name: 'gh', importFrom: 'env:TOTP_IMPORT_URL' }));
    expect(a.key).toMatchObject({
      generated: false,
      importFrom: 'env:TOTP_IMPORT_URL',
      issuer: 'GitHub',
      accountName: 'alice',
      digits: 8,
    });
    expect(a.url).toBeUndefined();
    expect(a.warnings).toEqual([]);
    expectNoSeed(JSON.stringify(a), seed, 'create result');
    expect(await keyCode(ctx, 'gh', T)).toBe(ref(seed, T, { algorithm: 'SHA256', digits: 8 }));
    const b = await createKey(
      ctx,
      checkedKeySpec({ name: 'gh2', importFrom: 'env:TOTP_IMPORT_URL', issuer: 'Corp', accountName: 'ops' }),
    );
    expect(b.key).toMatchObject({ issuer: 'Corp', accountName: 'ops' });

    const short = randomBytes(10);
    SEEDS.push(short);
    writeFileSync(join(dir, 'seed.txt'), `${encodeBase32(short).toLowerCase()}\n`);
    const c = await createKey(ctx, checkedKeySpec({ name: 'old', importFrom: `file:${join(dir, 'seed.txt')}` }));
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings[0]).toMatch(/10 bytes.*at least 16/);
    expect(c.key.issuer).toBeUndefined();
    rmSync(join(dir, 'seed.txt')); // read once: later codes need no source
    expect(await keyCode(ctx, 'old', T + 31)).toBe(ref(short, T + 31));
  });

  it('refuses a code presented before (valid or not) for period × (2 + skew) s, then judges it afresh', async () => {
    const seed = parseOtpauthUrl((await createKey(ctx, gen('k'))).url ?? '').key.secret;
    const c = ref(seed, T);
    t = T - 90; // c is not valid yet: refused as invalid, and recorded until T
    expect(await vk('k', c)).toEqual(INVALID);
    t = T - 20; // c is now inside the skew window, but was presented 70 s ago
    expect(await vk('k', c)).toEqual(USED);
    t = T - 1;
    expect(await vk('k', c)).toEqual(USED);
    t = T; // 90 s after it was presented: valid again
    expect(await vk('k', c)).toEqual(VALID);
    t = T + 89;
    expect(await vk('k', c)).toEqual(USED);
    t = T + 90; // no longer recorded: judged on its merits (too old)
    expect(await vk('k', c)).toEqual(INVALID);

    await createKey(ctx, gen('k0', { skew: 0 }));
    const w = wrong(await keyCode(ctx, 'k0', T + 60));
    t = T;
    expect((await vk('k0', w)).reason).toBe('invalid');
    t = T + 59;
    expect((await vk('k0', w)).reason).toBe('used');
    t = T + 60; // period × (2 + 0)
    expect((await vk('k0', w)).reason).toBe('invalid');
  });

  it('HCSEC-2025-17: whitespace cannot replay a code; an empty code is bad input', async () => {
    const seed = parseOtpauthUrl((await createKey(ctx, gen('k'))).url ?? '').key.secret;
    const c = ref(seed, T);
    const variants = (x: string) => [`${x} `, ` ${x.slice(0, 3)} ${x.slice(3)}`, `${x}\n`, `\t${x}`];
    expect(await vk('k', c)).toEqual(VALID);
    for (const v of variants(c)) expect(await vk('k', v), JSON.stringify(v)).toEqual(USED);
    const bad = c === '123456' ? '654321' : '123456';
    expect(await vk('k', bad)).toEqual(INVALID);
    for (const v of variants(bad)) expect(await vk('k', v), JSON.stringify(v)).toEqual(USED);
    for (const empty of ['', '   '])
      await expect(scanned(vk('k', empty))).rejects.toMatchObject({ kind: 'bad-input', code: 'E_CODE_REQUIRED' });
    await expect(scanned(vk('nope', c))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('enrollments (Vault identity MFA TOTP, stricter)', () => {
  async function enrolled(spec: Partial<MethodSpec> = {}, entity = 'alice') {
    if (!(await listMethods(ctx)).includes('ops')) await createMethod(ctx, method(spec));
    const e = await enroll(ctx, 'ops', entity);
    return { ...e, seed: parseOtpauthUrl(e.url ?? '').key.secret };
  }

  it('returns URL and barcode once; enrolling again keeps the secret and warns', async () => {
    const e = await enrolled({ algorithm: 'SHA256' });
    expect(parseOtpauthUrl(e.url ?? '').key).toMatchObject({
      issuer: 'Acme',
      accountName: 'alice',
      algorithm: 'SHA256',
    });
    expect(e.barcode?.subarray(0, 8)).toEqual(PNG);
    expect(e.enrollment).not.toHaveProperty('secret');
    expectNoSeed(JSON.stringify(e.enrollment), e.seed, 'enrollment info');
    const again = await enroll(ctx, 'ops', 'alice');
    expect(again).toMatchObject({ created: false });
    expect(again.url).toBeUndefined();
    expect(again.barcode).toBeUndefined();
    expect(again.warning).toBe(
      'entity "alice" already has a secret for MFA method "ops"; it was kept (unenroll it first to replace it)',
    );
    expect(await seedOf(ctx, 'enrollment', 'ops/alice')).toEqual(Buffer.from(e.seed));
    expect(await listEnrollments(ctx, 'ops')).toEqual(['alice']);
    expect(await readEnrollment(ctx, 'ops', 'alice')).not.toHaveProperty('secret');
    expect(await unenroll(ctx, 'ops', 'alice')).toEqual({ deleted: true });
    expect(await unenroll(ctx, 'ops', 'alice')).toEqual({ deleted: false });
    await expect(scanned(enroll(ctx, 'nope', 'alice'))).rejects.toMatchObject({
      kind: 'bad-input',
      code: 'E_NOT_FOUND',
    });
  });

  it('accepts a code once and refuses older steps after a newer one (RFC 6238 §5.2); malformed codes are not attempts', async () => {
    const { seed } = await enrolled();
    t = T + 5;
    const [prev, cur, next] = [ref(seed, T - 30), ref(seed, T), ref(seed, T + 30)];
    expect(await ve(cur)).toEqual(VALID);
    expect(await ve(cur)).toEqual(USED);
    expect(await ve(` ${cur} `)).toEqual(USED);
    expect(await ve(prev)).toEqual(USED);
    expect(await ve(next)).toEqual(VALID);
    expect(await ve(cur)).toEqual(USED);
    for (const m of ['12345', '1234567', 'abcdef', '12 34 5x'])
      expect(await ve(m)).toEqual({ valid: false, reason: 'malformed' });
    const w = wrong(prev, cur, next);
    expect(await ve(w)).toEqual({ valid: false, reason: 'invalid', attemptsLeft: 4 });
  });

  it('locks out after maxValidationAttempts wrong codes, even for the correct code, until the window ends', async () => {
    const { seed } = await enrolled({ maxValidationAttempts: 5 });
    t = T + 3; // the window is [T + 3, T + 33)
    const w = wrong(ref(seed, T - 30), ref(seed, T), ref(seed, T + 30));
    for (const left of [4, 3, 2, 1, 0])
      expect(await ve(w)).toEqual({ valid: false, reason: 'invalid', attemptsLeft: left });
    t = T + 13;
    expect(await ve(ref(seed, t))).toEqual({ valid: false, reason: 'locked', retryIn: 20, attemptsLeft: 0 });
    t = T + 32;
    expect((await ve(ref(seed, t))).retryIn).toBe(1);
    t = T + 33;
    expect(await ve(ref(seed, t))).toEqual(VALID);
  });

  it('a success resets the attempt counter', async () => {
    const { seed } = await enrolled();
    t = T + 3;
    const w = wrong(ref(seed, T - 30), ref(seed, T), ref(seed, T + 30));
    for (let i = 0; i < 4; i++) await ve(w);
    expect(await ve(ref(seed, T))).toEqual(VALID);
    for (const left of [4, 3, 2, 1, 0]) expect((await ve(w)).attemptsLeft).toBe(left);
    expect((await ve(ref(seed, T + 30))).reason).toBe('locked');
  });

  it('pins algorithm, digits and period per enrollment; skew and maxValidationAttempts apply to all at once', async () => {
    await enrolled({ digits: 6 });
    await updateMethod(ctx, method({ digits: 8, skew: 0, maxValidationAttempts: 2 }));
    const old = await seedOf(ctx, 'enrollment', 'ops/alice'); // opened through the store's SecretBox
    expect((await readEnrollment(ctx, 'ops', 'alice')).digits).toBe(6);
    t = T + 40;
    expect(await ve(ref(old, t))).toEqual(VALID);
    expect((await ve(ref(old, t, { digits: 8 }))).reason).toBe('malformed');
    const bob = await enroll(ctx, 'ops', 'bob');
    const bobKey = parseOtpauthUrl(bob.url ?? '').key;
    expect(bobKey.digits).toBe(8);
    expect(bob.enrollment.digits).toBe(8);
    expect(await ve(ref(bobKey.secret, t, { digits: 8 }), 'bob')).toEqual(VALID);
    // skew 0 now: alice's code of the previous step is wrong; two wrong codes lock her out.
    t = T + 65;
    expect(await ve(ref(old, T + 35))).toMatchObject({ reason: 'invalid', attemptsLeft: 1 });
    expect(await ve(ref(old, T + 35))).toMatchObject({ reason: 'invalid', attemptsLeft: 0 });
    expect((await ve(ref(old, t))).reason).toBe('locked');
  });
});

describe('methods', () => {
  it('names are unique; delete is refused while enrolled unless forced; a missing one deletes fine', async () => {
    await createMethod(ctx, method());
    await expect(scanned(createMethod(ctx, method({ digits: 8 })))).rejects.toMatchObject({
      kind: 'bad-input',
      code: 'E_EXISTS',
    });
    await enroll(ctx, 'ops', 'alice');
    await expect(scanned(deleteMethod(ctx, 'ops'))).rejects.toThrow(/has 1 enrollment;/);
    await enroll(ctx, 'ops', 'bob');
    expect((await readMethod(ctx, 'ops')).enrollments).toBe(2);
    await expect(scanned(deleteMethod(ctx, 'ops'))).rejects.toMatchObject({
      kind: 'bad-input',
      code: 'E_METHOD_IN_USE',
      message: 'MFA method "ops" has 2 enrollments; unenroll them first, or delete with --force',
    });
    expect(await deleteMethod(ctx, 'ops', { force: true })).toEqual({ deleted: true, enrollmentsDeleted: 2 });
    expect(await listEnrollments(ctx, 'ops')).toEqual([]);
    expect(await listMethods(ctx)).toEqual([]);
    expect(await deleteMethod(ctx, 'ops')).toEqual({ deleted: false, enrollmentsDeleted: 0 });
  });
});

describe('plan, apply, destroy', () => {
  const key = (extra: Record<string, unknown> = {}, generate: Record<string, unknown> = {}) => ({
    kind: 'key',
    name: 'bot',
    generate: { issuer: 'Acme', accountName: 'bot', ...generate },
    ...extra,
  });
  const codes = async () => Promise.all([T, T + 30, T + 60].map((at) => keyCode(ctx, 'bot', at)));

  it('creates, then finds nothing to do', async () => {
    expect(await planDeclaration(ctx, key())).toEqual({
      resource: 'key "bot"',
      action: 'create',
      changes: [],
      reasons: ['does not exist yet'],
    });
    expect(await applyDeclaration(ctx, key(), { generation: 'g1' })).toMatchObject({
      action: 'create',
      generation: 'g1',
    });
    expect(await planDeclaration(ctx, key())).toMatchObject({ action: 'no-op', changes: [], reasons: [] });
  });

  it.each([
    [{ skew: 0 }, 'skew 1 → 0 updates in place'],
    [{ qrSize: 0 }, 'qrSize 200 → 0 updates in place'],
    [{ exported: false }, 'exported true → false updates in place'],
  ])('%o updates in place, keeping the seed', async (extra, reason) => {
    await applyDeclaration(ctx, key(), { generation: 'g1' });
    const before = await codes();
    expect(await planDeclaration(ctx, key(extra))).toMatchObject({ action: 'update', reasons: [reason] });
    expect(await applyDeclaration(ctx, key(extra), { generation: 'g2' })).toMatchObject({ action: 'update' });
    expect(await codes()).toEqual(before);
    expect(await planDeclaration(ctx, key(extra))).toMatchObject({ action: 'no-op' });
  });

  it.each([
    [{ algorithm: 'SHA256' }, {}, 'algorithm SHA1 → SHA256 forces a new seed'],
    [{ digits: 8 }, {}, 'digits 6 → 8 forces a new seed'],
    [{ period: 60 }, {}, 'period 30 → 60 forces a new seed'],
    [{}, { keySize: 32 }, 'keySize 20 → 32 forces a new seed'],
    [{}, { issuer: 'Other' }, 'issuer Acme → Other forces a new seed'],
    [{}, { accountName: 'robot' }, 'accountName bot → robot forces a new seed'],
  ])('%o %o replaces the generated key with a new seed', async (extra, generate, reason) => {
    await applyDeclaration(ctx, key(), { generation: 'g1' });
    const [seed, before] = [await seedOf(ctx, 'key', 'bot'), await codes()];
    expect(await planDeclaration(ctx, key(extra, generate))).toMatchObject({ action: 'replace', reasons: [reason] });
    expect(await applyDeclaration(ctx, key(extra, generate), { generation: 'g2' })).toMatchObject({
      action: 'replace',
    });
    expect(await seedOf(ctx, 'key', 'bot')).not.toEqual(seed);
    expect(await codes()).not.toEqual(before);
    expect((await readKey(ctx, 'bot')).generation).toBe('g2');
  });

  it('imported key: importFrom replaces, issuer updates in place', async () => {
    const mk = (s: Buffer) =>
      formatOtpauthUrl({ secret: s, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'GitHub', accountName: 'a' });
    const [a, b] = [randomBytes(20), randomBytes(20)];
    SEEDS.push(a, b);
    vi.stubEnv('SEED_A', mk(a));
    vi.stubEnv('SEED_B', mk(b));
    const imp = (extra: Record<string, unknown> = {}) => ({
      kind: 'key',
      name: 'bot',
      importFrom: 'env:SEED_A',
      ...extra,
    });
    await applyDeclaration(ctx, imp());
    expect(await planDeclaration(ctx, imp({ issuer: 'Corp' }))).toMatchObject({
      action: 'update',
      reasons: ['issuer GitHub → Corp updates in place'],
    });
    await applyDeclaration(ctx, imp({ issuer: 'Corp' }));
    expect(await keyCode(ctx, 'bot', T)).toBe(ref(a, T));
    const plan = await planDeclaration(ctx, imp({ importFrom: 'env:SEED_B' }));
    expect(plan).toMatchObject({
      action: 'replace',
      reasons: ['importFrom env:SEED_A → env:SEED_B forces a new seed'],
    });
    await applyDeclaration(ctx, imp({ importFrom: 'env:SEED_B' }));
    expect(await keyCode(ctx, 'bot', T)).toBe(ref(b, T));
  });

  it('methods update in place (with a note when enrollments are pinned); an existing enrollment is a no-op', async () => {
    const m = (extra: Record<string, unknown> = {}) => ({
      kind: 'method',
      methodName: 'ops',
      issuer: 'Acme',
      ...extra,
    });
    await applyDeclaration(ctx, m());
    const note = 'existing enrollments keep their algorithm, digits, period and issuer; new ones get the new settings';
    expect(await planDeclaration(ctx, m({ digits: 8 }))).toMatchObject({
      action: 'update',
      reasons: ['digits 6 → 8 updates in place', note],
    });
    expect(await planDeclaration(ctx, m({ skew: 0 }))).toMatchObject({
      action: 'update',
      reasons: ['skew 1 → 0 updates in place'],
    });
    const e = { kind: 'enrollment', method: 'ops', entityId: 'alice', qrCodeFile: join(dir, 'qr', 'alice.png') };
    expect(await planDeclaration(ctx, e)).toMatchObject({ action: 'create' });
    const applied = await applyDeclaration(ctx, e, { generation: 'e1' });
    expect(applied.qrCodeFile).toBe(e.qrCodeFile);
    expect(readFileSync(e.qrCodeFile).subarray(0, 8)).toEqual(PNG);
    expect(statSync(e.qrCodeFile).mode & 0o777).toBe(0o600);
    const seed = await seedOf(ctx, 'enrollment', 'ops/alice');
    expect(await planDeclaration(ctx, e)).toMatchObject({ action: 'no-op' });
    expect(await applyDeclaration(ctx, e, { generation: 'e2' })).toMatchObject({ action: 'no-op', generation: 'e2' });
    expect(await seedOf(ctx, 'enrollment', 'ops/alice')).toEqual(seed);
  });

  it('destroy with a generation deletes only that generation', async () => {
    await applyDeclaration(ctx, key(), { generation: 'g1' });
    await applyDeclaration(ctx, key({ digits: 8 }), { generation: 'g2' });
    expect(await destroyDeclaration(ctx, key(), { generation: 'g1' })).toEqual({
      resource: 'key "bot"',
      deleted: false,
      kept: 'it is not generation g1 (replaced since, or already gone)',
    });
    expect(await listKeys(ctx)).toEqual(['bot']);
    expect(await destroyDeclaration(ctx, key(), { generation: 'g2' })).toEqual({
      resource: 'key "bot"',
      deleted: true,
    });
    await applyDeclaration(ctx, key(), { generation: 'g3' });
    expect(await destroyDeclaration(ctx, key())).toEqual({ resource: 'key "bot"', deleted: true });
    expect(await listKeys(ctx)).toEqual([]);
  });

  it('declarationProblems lists every problem at once, each naming its setting', () => {
    const problems = declarationProblems({
      kind: 'key',
      name: '-bad',
      colour: 'red',
      digits: 7,
      generate: {},
      importFrom: 'env:X',
    });
    expect(problems.map((p) => p.setting).sort()).toEqual([
      'accountName',
      'colour',
      'digits',
      'generate',
      'issuer',
      'name',
    ]);
    expect(problems.find((p) => p.setting === 'digits')).toMatchObject({
      problem: '"7" is not allowed',
      allowed: '6 or 8',
    });
    expect(problems.find((p) => p.setting === 'generate')?.problem).toBe('and importFrom were both given');
    expect(problems.find((p) => p.setting === 'issuer')?.problem).toBe('is required for a generated key');
    expect(declarationProblems({ kind: 'key', name: 'ok', generate: { issuer: 'A', accountName: 'b' } })).toEqual([]);
  });
});

describe('encryption (TOTP_KIT_STORE_KEY)', () => {
  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['base64 of 32 random bytes', randomBytes(32).toString('base64')],
  ])(
    'with %s no seed is in the file, codes still match, and a wrong or missing key is refused',
    async (_, storeKey) => {
      ctx = open(storeKey);
      const keySeed = parseOtpauthUrl((await createKey(ctx, gen('bot'))).url ?? '').key.secret;
      await createMethod(ctx, method());
      const enrSeed = parseOtpauthUrl((await enroll(ctx, 'ops', 'alice')).url ?? '').key.secret;
      for (const seed of [keySeed, enrSeed]) expectNoSeed(fileText(), seed, 'store file');
      expect(await keyCode(ctx, 'bot', T)).toBe(ref(keySeed, T));
      expect(await keyCode(open(storeKey), 'bot', T)).toBe(ref(keySeed, T)); // a new process, same key
      expect(await validateEnrollment(open(storeKey), 'ops', 'alice', ref(enrSeed, T))).toEqual(VALID);
      for (const other of ['another passphrase, also long enough', randomBytes(32).toString('base64')])
        await expect(scanned(keyCode(open(other), 'bot', T))).rejects.toMatchObject({
          kind: 'bad-input',
          code: 'E_STORE_KEY_WRONG',
        });
      await expect(scanned(keyCode(open(), 'bot', T))).rejects.toMatchObject({
        kind: 'bad-input',
        code: 'E_STORE_KEY_MISSING',
      });
      await expect(scanned(validateEnrollment(open(), 'ops', 'alice', '123456'))).rejects.toMatchObject({
        code: 'E_STORE_KEY_MISSING',
      });
    },
  );

  it('seals seeds written without a key when the store is adopted under one (TOTP_KIT_STORE_ADOPT)', async () => {
    const keySeed = parseOtpauthUrl((await createKey(ctx, gen('bot'))).url ?? '').key.secret;
    await createMethod(ctx, method());
    const enrSeed = parseOtpauthUrl((await enroll(ctx, 'ops', 'alice')).url ?? '').key.secret;
    expect(fileText()).toContain(encodeBase32(keySeed)); // plain before: the file permissions guard it
    const storeKey = randomBytes(32).toString('base64');
    // A key alone does not adopt the store (store-auth.test.ts): the first use says how.
    await expect(scanned(createMethod(open(storeKey), method({ methodName: 'other' })))).rejects.toMatchObject({
      code: 'E_STORE_NOT_ADOPTED',
    });
    expect(fileText()).toContain(encodeBase32(keySeed));
    const adopting: ResourceContext = {
      store: new FileStore(path, new SecretBox(storeKey, { adopt: true })),
      now: () => t,
    };
    await createMethod(adopting, method({ methodName: 'other' }));
    const keyed = open(storeKey);
    for (const seed of [keySeed, enrSeed]) expectNoSeed(fileText(), seed, 'store file after a keyed write');
    expect(await keyCode(keyed, 'bot', T)).toBe(ref(keySeed, T));
    expect(await validateEnrollment(keyed, 'ops', 'alice', ref(enrSeed, T))).toEqual(VALID);
  });
});

describe('store file', () => {
  it('is mode 0600 in a 0700 directory', async () => {
    await createKey(ctx, gen('bot'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['not JSON', 'hello'],
    ['empty', ''],
    ['truncated JSON', '{"format": 1, "keys": {"bot": {'],
    ['format 2', '{"format": 2}'],
    ['format 0', '{"format": 0}'],
    ['an array', '[]'],
  ])('refuses a file that is %s by name and leaves it byte-for-byte unchanged', async (_, text) => {
    await createKey(ctx, gen('bot')); // creates the directory
    writeFileSync(path, text);
    const before = readFileSync(path);
    const attempts = [
      () => listKeys(ctx),
      () => readKey(ctx, 'bot'),
      () => createMethod(ctx, method()),
      () => deleteKey(ctx, 'bot'),
    ];
    for (const attempt of attempts) {
      const refused = await attempt().then(
        () => undefined,
        (e: unknown) => e,
      );
      expectNoSeedInError(refused, SEEDS);
      expect(refused).toMatchObject({ kind: 'backend', message: expect.stringContaining(`store file:${path}: `) });
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged record (algorithm "MD5") as E_STORE_CORRUPT', async () => {
    await createKey(ctx, gen('bot'));
    const doc = JSON.parse(fileText());
    doc.keys.bot.algorithm = 'MD5';
    writeFileSync(path, JSON.stringify(doc));
    await expect(scanned(readKey(ctx, 'bot'))).rejects.toMatchObject({ kind: 'backend', code: 'E_STORE_CORRUPT' });
    await expect(scanned(keyCode(ctx, 'bot', T))).rejects.toThrow(
      'key "bot" in the store is damaged (field "algorithm")',
    );
  });
});

describe('one store, one key', () => {
  /** Two store keys: passphrases of at least 20 characters (shorter ones are refused). */
  const [PASS_A, PASS_B] = ['passphrase A of this store', 'passphrase B of this store'];
  const gen = (name: string): KeySpec => ({ name, generate: { issuer: 'I', accountName: 'x' }, exported: false });

  it('refuses a plain seed beside sealed ones when the key is not set, and writes nothing', async () => {
    await createKey(open(PASS_A), checkedKeySpec(gen('a')));
    expectNoSeed(fileText(), await seedOf(open(PASS_A), 'key', 'a'), 'the store file under a store key');
    const before = readFileSync(path, 'utf8');
    await expect(scanned(createKey(open(), checkedKeySpec(gen('b'))))).rejects.toMatchObject({
      kind: 'bad-input',
      code: 'E_STORE_KEY_MISSING',
    });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses another key before writing, so no store ends up sealed under two keys', async () => {
    await createKey(open(PASS_A), checkedKeySpec(gen('a')));
    expectNoSeed(fileText(), await seedOf(open(PASS_A), 'key', 'a'), 'the store file under a store key');
    const before = readFileSync(path, 'utf8');
    const error = await createKey(open(PASS_B), checkedKeySpec(gen('c'))).catch((e: unknown) => e);
    expectNoSeedInError(error, SEEDS);
    expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_WRONG' });
    expect((error as Error).message).toBe(
      `TOTP_KIT_STORE_KEY: is not the key file:${path} was written with (allowed: the key the store was written with)`,
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(await keyCode(open(PASS_A), 'a', T)).toMatch(/^\d{6}$/);
  });
});

describe('generate is checked field by field', () => {
  it('names a misspelt field and a generate that is not an object', () => {
    const typo = { kind: 'key', name: 'a', generate: { issuer: 'A', accountName: 'b', keysize: 32 } };
    expect(declarationProblems(typo)).toEqual([
      { setting: 'generate.keysize', problem: 'is not a setting of generate', allowed: 'issuer, accountName, keySize' },
    ]);
    const yes = declarationProblems({ kind: 'key', name: 'a', generate: 'yes' });
    expect(yes.map((p) => p.setting)).toContain('generate');
    expect(yes.find((p) => p.setting === 'generate')?.problem).toBe('is not an object');
  });
});
