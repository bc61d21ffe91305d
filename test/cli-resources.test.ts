// The resource lifecycle through the CLI (in-process, against the sources), as a user runs it: keys, MFA methods,
// enrollments, plan/apply/destroy (docs/cli.md, docs/stores.md), with exit codes, --json,
// and no seed in anything printed. Codes come from oathtool where it is installed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { formatOtpauthUrl, parseOtpauthUrl } from '../src/core/otpauth-url.js';
import type { Algorithm, Digits } from '../src/core/settings.js';
import { generateCode } from '../src/core/totp.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed } from './helpers/leak.js';

const HAS_OATHTOOL = spawnSync('/usr/bin/oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL) console.warn('oathtool is not installed: cross-checks are SKIPPED, expected codes come from src/');

/** Start of a 30 s step, so `--at` offsets are exact. */
const T = 1_700_000_010;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ref(seed: Uint8Array, at: number, o: { algorithm?: Algorithm; digits?: Digits } = {}): string {
  const { algorithm = 'SHA1', digits = 6 } = o;
  if (!HAS_OATHTOOL) return generateCode({ secret: seed, algorithm, digits, period: 30 }, at);
  const args = [`--totp=${algorithm.toLowerCase()}`, `--digits=${digits}`, `--now=@${at}`, '-b', encodeBase32(seed)];
  const r = spawnSync('/usr/bin/oathtool', args, { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

const wrong = (...valid: string[]) =>
  ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c)) as string;

const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-cli-resources-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let dir = '';
let storePath = '';
let printed: string[] = [];
/** Every seed the store has held during the test (Base32), to look for in everything printed. */
let seeds = new Set<string>();

function rememberSeeds(path = storePath): void {
  if (!existsSync(path)) return;
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  for (const section of [doc.keys, doc.enrollments])
    for (const record of Object.values(section ?? {})) {
      const secret = (record as { secret: unknown }).secret;
      if (typeof secret === 'string') seeds.add(secret); // no store key in these tests: seeds are Base32
    }
}

beforeEach(() => {
  dir = mkdtempSync(join(ROOT, 'case-'));
  storePath = join(dir, 'store.json');
  printed = [];
  seeds = new Set();
});
afterEach(() => {
  for (const seed of seeds) for (const text of printed) expectNoSeed(text, decodeBase32(seed), 'CLI output');
});

/** What a run should print and its exit code, to compare with `outcome(run)`. */
interface Outcome {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in the test's directory on its store (`--store`, or TOTP_KIT_STORE with `viaEnv`), at T unless
 * `--at` says otherwise.
 */
async function cli(
  args: string[],
  o: { env?: Record<string, string>; input?: string; viaEnv?: boolean } = {},
): Promise<Outcome> {
  const env = { ...o.env, ...(o.viaEnv ? { TOTP_KIT_STORE: `file:${storePath}` } : {}) };
  const r = await runInProcess(o.viaEnv ? args : ['--store', `file:${storePath}`, ...args], {
    cwd: dir,
    env,
    now: T,
    ...(o.input !== undefined ? { input: o.input } : {}),
  });
  printed.push(r.stdout, r.stderr);
  rememberSeeds();
  return outcome(r);
}
const outcome = (r: InProcessRun): Outcome => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });
const ok = (r: Outcome, stdout: string, stderr = '') => expect(r).toEqual({ status: 0, stdout, stderr });
const json = (r: Outcome) => {
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};
const storedSeed = (section: 'keys' | 'enrollments', id: string) =>
  decodeBase32(JSON.parse(readFileSync(storePath, 'utf8'))[section][id].secret);

describe('totp-kit key', () => {
  it('create --generate --qr, code, verify, get, list, delete', async () => {
    const created = await cli([
      'key',
      'create',
      'npm-bot',
      '--generate',
      '--issuer',
      'npm',
      '--account',
      'release-bot',
      '--qr',
      'enroll/npm-bot.png',
    ]);
    const qr = join(dir, 'enroll', 'npm-bot.png');
    ok(created, `created key "npm-bot" (generated; SHA1, 6 digits, 30 s)\nbarcode written to ${qr}\n`);
    expect(statSync(qr).mode & 0o777).toBe(0o600);
    expect(readFileSync(qr).subarray(0, 8)).toEqual(PNG);
    const seed = storedSeed('keys', 'npm-bot');

    ok(await cli(['key', 'code', 'npm-bot', '--at', String(T + 7)]), `${ref(seed, T + 7)}\n`);
    expect(json(await cli(['key', 'code', 'npm-bot', '--at', String(T + 7), '--json']))).toEqual({
      code: ref(seed, T + 7),
      period: 30,
      digits: 6,
      algorithm: 'SHA1',
      remaining: 23,
      expiresAt: new Date((T + 30) * 1000).toISOString(),
    });
    const c = ref(seed, T);
    ok(await cli(['key', 'verify', 'npm-bot', '--code', c, '--at', String(T)]), 'valid\n');
    const used = 'totp-kit: code already used; wait for the next code\n';
    for (const again of [c, `${c} `, `${c.slice(0, 3)} ${c.slice(3)}`])
      expect(await cli(['key', 'verify', 'npm-bot', '--code', again, '--at', String(T + 1)])).toEqual({
        status: 1,
        stdout: 'invalid\n',
        stderr: used,
      });
    const w = wrong(ref(seed, T - 30), c, ref(seed, T + 30));
    expect(await cli(['key', 'verify', 'npm-bot', '--code', w, '--at', String(T)])).toEqual({
      status: 1,
      stdout: 'invalid\n',
      stderr: 'totp-kit: invalid code\n',
    });
    const replay = await cli(['key', 'verify', 'npm-bot', '--code', w, '--at', String(T), '--json']);
    expect([replay.status, json(replay)]).toEqual([1, { valid: false, reason: 'used' }]);
    expect(await cli(['key', 'verify', 'npm-bot', '--code', ' ', '--at', String(T)])).toMatchObject({
      status: 2,
      stderr: 'totp-kit: code: is empty (allowed: the code to check)\n',
    });

    const get = await cli(['key', 'get', 'npm-bot']);
    expect(get.status).toBe(0);
    expect(get.stdout).toContain(
      'name: npm-bot\ngenerated: true\nissuer: npm\naccountName: release-bot\nalgorithm: SHA1\n',
    );
    expect(get.stdout).not.toMatch(/secret|usedCodes/);
    const info = json(await cli(['key', 'get', 'npm-bot', '--json']));
    expect(info).toMatchObject({ name: 'npm-bot', generated: true, issuer: 'npm', digits: 6, skew: 1, exported: true });
    expect(info).not.toHaveProperty('secret');
    ok(await cli(['key', 'list']), 'npm-bot\n');
    expect(json(await cli(['key', 'list', '--json']))).toEqual({ keys: ['npm-bot'] });

    const dup = await cli([
      'key',
      'create',
      'npm-bot',
      '--generate',
      '--issuer',
      'npm',
      '--account',
      'x',
      '--no-export',
    ]);
    expect(dup).toEqual({
      status: 2,
      stdout: '',
      stderr: 'totp-kit: key "npm-bot" already exists; delete it first, or declare it and use apply\n',
    });
    ok(await cli(['key', 'delete', 'npm-bot']), 'deleted key "npm-bot"\n');
    ok(await cli(['key', 'delete', 'npm-bot']), 'key "npm-bot" was not there (nothing to delete)\n');
    expect(json(await cli(['key', 'delete', 'npm-bot', '--json']))).toEqual({ name: 'npm-bot', deleted: false });
    const gone = await cli(['key', 'code', 'npm-bot']);
    expect([gone.status, gone.stdout, gone.stderr.split('\n').length]).toEqual([2, '', 2]);
    expect(gone.stderr).toMatch(/^totp-kit: .*"npm-bot"/);
    expect(json(await cli(['key', 'list', '--json']))).toEqual({ keys: [] });
  });

  it('create --from env:X takes issuer and account from the URL; a 10-byte seed warns; --generate without --qr is refused', async () => {
    const seed = randomBytes(20);
    const env = {
      TOTP_URL: formatOtpauthUrl({
        secret: seed,
        algorithm: 'SHA256',
        digits: 8,
        period: 30,
        issuer: 'GitHub',
        accountName: 'alice',
      }),
      SHORT_SEED: encodeBase32(randomBytes(10)),
    };
    const r = await cli(['key', 'create', 'gh', '--from', 'env:TOTP_URL', '--json'], { env });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const made = json(r);
    expect(made).toMatchObject({
      name: 'gh',
      generated: false,
      importFrom: 'env:TOTP_URL',
      issuer: 'GitHub',
      accountName: 'alice',
      algorithm: 'SHA256',
      digits: 8,
    });
    expect(made).not.toHaveProperty('secret');
    ok(await cli(['key', 'code', 'gh', '--at', String(T)]), `${ref(seed, T, { algorithm: 'SHA256', digits: 8 })}\n`);
    const short = await cli(['key', 'create', 'old', '--from', 'env:SHORT_SEED', '--issuer', 'Legacy'], { env });
    expect(short.status).toBe(0);
    expect(short.stderr).toBe(
      'totp-kit: warning: env:SHORT_SEED: the seed is 10 bytes; RFC 4226 recommends at least 16 (it is accepted, but consider rotating it)\n',
    );
    expect(json(await cli(['key', 'get', 'old', '--json']))).toMatchObject({
      issuer: 'Legacy',
      importFrom: 'env:SHORT_SEED',
    });
    // Off a terminal, a generated key whose barcode and URL would go nowhere is never made.
    const before = readFileSync(storePath);
    expect(await cli(['key', 'create', 'bare', '--generate', '--issuer', 'A', '--account', 'b'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "totp-kit: --qr/--url-file: neither given and standard output is not a terminal, so the new key's barcode and URL would be lost; nothing was created (allowed: --qr FILE.png, --url-file FILE or --no-export)\n",
    });
    expect(readFileSync(storePath).equals(before)).toBe(true);
    expect(await cli(['key', 'create', 'nope', '--from', 'env:UNSET_VAR'])).toMatchObject({ status: 2, stdout: '' });
  });
});

describe('totp-kit method', () => {
  it('create, enroll, update (pinned digits), get, list, verify, delete (--force), unenroll; TOTP_KIT_STORE', async () => {
    const run = (args: string[]) => cli(args, { viaEnv: true });
    ok(
      await run(['method', 'create', 'ops', '--issuer', 'Acme', '--algorithm', 'sha-256']),
      'created MFA method "ops" (SHA256, 6 digits, 30 s)\n',
    );
    expect(await run(['method', 'create', 'ops', '--issuer', 'Other'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'totp-kit: MFA method "ops" already exists; method names are unique: update it, or delete it first\n',
    });
    const enrolled = await run(['method', 'enroll', 'ops', '--entity', 'alice', '--url-file', 'alice.url', '--json']);
    expect(json(enrolled)).toMatchObject({
      created: true,
      method: 'ops',
      entityId: 'alice',
      digits: 6,
      urlFile: join(dir, 'alice.url'),
    });
    expect(statSync(join(dir, 'alice.url')).mode & 0o777).toBe(0o600);
    const url = parseOtpauthUrl(readFileSync(join(dir, 'alice.url'), 'utf8'));
    expect(url.key).toMatchObject({ issuer: 'Acme', accountName: 'alice', algorithm: 'SHA256' });
    expect(url.key.secret).toEqual(storedSeed('enrollments', 'ops/alice'));
    expect(await run(['method', 'enroll', 'ops', '--entity', 'alice'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "totp-kit: --qr/--url-file: neither given and standard output is not a terminal, so the new enrollment's barcode and URL would be lost; nobody was enrolled (allowed: --qr FILE.png or --url-file FILE)\n",
    });
    const again = await run(['method', 'enroll', 'ops', '--entity', 'alice', '--url-file', 'again.url']);
    ok(
      again,
      '"alice" was already enrolled in MFA method "ops"; kept\n',
      'totp-kit: warning: entity "alice" already has a secret for MFA method "ops"; it was kept (unenroll it first to replace it)\n' +
        'totp-kit: warning: nothing written to --qr/--url-file: there is no new secret to hand out (an imported or unexported key, or an existing enrollment)\n',
    );
    expect(existsSync(join(dir, 'again.url'))).toBe(false);

    ok(
      await run(['method', 'update', 'ops', '--digits', '8', '--max-validation-attempts', '3']),
      'updated MFA method "ops"\n',
    );
    expect(json(await run(['method', 'get', 'ops', '--json']))).toMatchObject({
      methodName: 'ops',
      algorithm: 'SHA256',
      digits: 8,
      maxValidationAttempts: 3,
      enrollments: 1,
    });
    expect((await run(['method', 'get', 'ops'])).stdout).toContain(
      'methodName: ops\nissuer: Acme\nalgorithm: SHA256\ndigits: 8\n',
    );
    ok(await run(['method', 'list']), 'ops\n');
    expect(json(await run(['method', 'list', '--json']))).toEqual({ methods: ['ops'] });
    const code = ref(url.key.secret, T, { algorithm: 'SHA256' }); // 6 digits: pinned at enrollment
    ok(await run(['method', 'verify', 'ops', '--entity', 'alice', '--code', code, '--at', String(T)]), 'valid\n');
    const replay = await run([
      'method',
      'verify',
      'ops',
      '--entity',
      'alice',
      '--code',
      code,
      '--at',
      String(T),
      '--json',
    ]);
    expect([replay.status, json(replay)]).toEqual([1, { valid: false, reason: 'used' }]);

    expect(await run(['method', 'delete', 'ops'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'totp-kit: MFA method "ops" has 1 enrollment; unenroll it first, or delete with --force\n',
    });
    expect(json(await run(['method', 'enroll', 'ops', '--entity', 'bob', '--qr', 'bob.png', '--json']))).toMatchObject({
      created: true,
      digits: 8,
    });
    ok(await run(['method', 'unenroll', 'ops', '--entity', 'bob']), 'unenrolled "bob" from MFA method "ops"\n');
    ok(await run(['method', 'unenroll', 'ops', '--entity', 'bob']), '"bob" was not enrolled (nothing to do)\n');
    expect(json(await run(['method', 'delete', 'ops', '--force', '--json']))).toEqual({
      name: 'ops',
      deleted: true,
      enrollmentsDeleted: 1,
    });
    ok(await run(['method', 'delete', 'ops']), 'MFA method "ops" was not there (nothing to delete)\n');
    for (const args of [
      ['method', 'verify', 'nope', '--entity', 'alice', '--code', '123456'],
      ['method', 'enroll', 'nope', '--entity', 'alice', '--url-file', 'alice2.url'],
      ['method', 'get', 'nope'],
    ])
      expect(await run(args), args.join(' ')).toEqual({
        status: 2,
        stdout: '',
        stderr: 'totp-kit: MFA method "nope" does not exist\n',
      });
  });

  it("worked example (the README's): lockout, then a valid code, then its replay; a plan from stdin", async () => {
    const A = 1_700_000_001; // README's times
    ok(
      await cli(['method', 'create', 'ops', '--issuer', 'Acme', '--max-validation-attempts', '3']),
      'created MFA method "ops" (SHA1, 6 digits, 30 s)\n',
    );
    ok(
      await cli(['method', 'enroll', 'ops', '--entity', 'alice', '--qr', 'alice.png']),
      `enrolled "alice" in MFA method "ops"\nbarcode written to ${join(dir, 'alice.png')}\n`,
    );
    const seed = storedSeed('enrollments', 'ops/alice');
    const verify = (code: string, at: number) =>
      cli(['method', 'verify', 'ops', '--entity', 'alice', '--code', code, '--at', String(at)]);
    const refused = (r: Outcome, why: string) =>
      expect(r).toEqual({ status: 1, stdout: 'invalid\n', stderr: `totp-kit: ${why}\n` });
    const w = wrong(...[-30, 0, 30].map((d) => ref(seed, A + d)));
    refused(await verify(w, A), 'invalid code (2 attempts left before a lockout)');
    refused(await verify(w, A + 1), 'invalid code (1 attempt left before a lockout)');
    refused(await verify(w, A + 2), 'invalid code (0 attempts left before a lockout)');
    refused(await verify(ref(seed, A + 3), A + 3), 'too many failed attempts; try again in 27 s');
    refused(
      await verify('12345', A + 4),
      'the code must be 6 digits 0-9 (spaces are ignored); not counted as an attempt',
    );
    ok(await verify(ref(seed, A + 39), A + 39), 'valid\n');
    refused(await verify(ref(seed, A + 39), A + 40), 'code already used; wait for the next code');
    const npmBot = { kind: 'key', name: 'npm-bot', generate: { issuer: 'npm', accountName: 'bot' } };
    ok(
      await cli(['apply', '--generation', 'g1'], { input: JSON.stringify(npmBot) }),
      'key "npm-bot": created (generation g1)\n  does not exist yet\n',
      'totp-kit: warning: key "npm-bot": its barcode was not saved (no qrCodeFile) and cannot be shown again\n',
    );
    ok(
      await cli(['plan'], { input: JSON.stringify({ ...npmBot, digits: 8 }) }),
      'key "npm-bot": replace\n  digits 6 → 8 forces a new seed\n',
    );
  });
});

describe('totp-kit plan | apply | destroy', () => {
  const decl = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      kind: 'key',
      name: 'bot',
      generate: { issuer: 'Acme', accountName: 'bot' },
      qrCodeFile: 'qr/bot.png',
      ...extra,
    });

  it('plans, applies and destroys by generation (--declaration, --file, stdin, --json)', async () => {
    ok(await cli(['plan', '--declaration', decl()]), 'key "bot": create\n  does not exist yet\n');
    ok(
      await cli(['apply', '--declaration', decl(), '--generation', 'g1']),
      `key "bot": created (generation g1)\n  does not exist yet\n  barcode written to ${join(dir, 'qr', 'bot.png')}\n`,
    );
    const first = storedSeed('keys', 'bot');
    ok(await cli(['plan', '--declaration', decl()]), 'key "bot": no-op\n');
    ok(await cli(['apply', '--declaration', decl(), '--generation', 'g1']), 'key "bot": up to date (generation g1)\n');
    writeFileSync(join(dir, 'skew.json'), decl({ skew: 0 }));
    ok(await cli(['plan', '--file', 'skew.json']), 'key "bot": update\n  skew 1 → 0 updates in place\n');
    expect(json(await cli(['apply', '--file', 'skew.json', '--generation', 'g1', '--json']))).toMatchObject({
      action: 'update',
      generation: 'g1',
      warnings: [],
    });
    expect(storedSeed('keys', 'bot')).toEqual(first);

    const digits8 = decl({ skew: 0, digits: 8 });
    expect(json(await cli(['plan', '--json'], { input: digits8 }))).toEqual({
      resource: 'key "bot"',
      action: 'replace',
      changes: [{ setting: 'digits', from: 6, to: 8, forcesReplacement: true }],
      reasons: ['digits 6 → 8 forces a new seed'],
    });
    const applied = json(await cli(['apply', '--generation', 'g2', '--json'], { input: digits8 }));
    expect(applied).toMatchObject({ action: 'replace', generation: 'g2', qrCodeFile: join(dir, 'qr', 'bot.png') });
    expect(storedSeed('keys', 'bot')).not.toEqual(first);
    ok(await cli(['key', 'code', 'bot', '--at', String(T)]), `${ref(storedSeed('keys', 'bot'), T, { digits: 8 })}\n`);
    ok(
      await cli(['destroy', '--declaration', digits8, '--generation', 'g1']),
      'key "bot": kept, it is not generation g1 (replaced since, or already gone)\n',
    );
    expect(json(await cli(['key', 'list', '--json']))).toEqual({ keys: ['bot'] });
    expect(json(await cli(['destroy', '--generation', 'g2', '--json'], { input: digits8 }))).toEqual({
      resource: 'key "bot"',
      deleted: true,
    });
    ok(await cli(['destroy', '--declaration', digits8]), 'key "bot": kept (not there)\n');
  });

  it('method and enrollment declarations; an existing enrollment is kept', async () => {
    const method = JSON.stringify({ kind: 'method', methodName: 'ops', issuer: 'Acme' });
    const alice = JSON.stringify({ kind: 'enrollment', method: 'ops', entityId: 'alice', qrCodeFile: 'alice.png' });
    expect(json(await cli(['apply', '--declaration', method, '--json']))).toMatchObject({
      resource: 'MFA method "ops"',
      action: 'create',
    });
    ok(
      await cli([
        'plan',
        '--declaration',
        JSON.stringify({ kind: 'method', methodName: 'ops', issuer: 'Acme', period: 60 }),
      ]),
      'MFA method "ops": update\n  period 30 → 60 updates in place\n  existing enrollments keep their algorithm, digits, period and issuer; new ones get the new settings\n',
    );
    expect(json(await cli(['apply', '--declaration', alice, '--generation', 'e1', '--json']))).toMatchObject({
      action: 'create',
      qrCodeFile: join(dir, 'alice.png'),
    });
    const seed = storedSeed('enrollments', 'ops/alice');
    ok(await cli(['plan', '--declaration', alice]), 'enrollment of "alice" in MFA method "ops": no-op\n');
    ok(
      await cli(['apply', '--declaration', alice, '--generation', 'e2']),
      'enrollment of "alice" in MFA method "ops": up to date (generation e2)\n',
    );
    expect(storedSeed('enrollments', 'ops/alice')).toEqual(seed);
    ok(
      await cli(['destroy', '--declaration', alice, '--generation', 'e1']),
      'enrollment of "alice" in MFA method "ops": kept, it is not generation e1 (replaced since, or already gone)\n',
    );
    ok(
      await cli(['destroy', '--declaration', alice, '--generation', 'e2']),
      'enrollment of "alice" in MFA method "ops": deleted\n',
    );
  });

  it('refuses a bad declaration with one line per problem (exit 2), and bad JSON in one line', async () => {
    const bad = JSON.stringify({ kind: 'key', name: '-x', digits: 7, colour: 'red' });
    for (const [args, input] of [[['plan', '--declaration', bad]], [['apply'], bad]] as [string[], string?][]) {
      const r = await cli(args, input === undefined ? {} : { input });
      expect([r.status, r.stdout]).toEqual([2, '']);
      expect(
        r.stderr
          .split('\n')
          .slice(0, -1)
          .map((l) => l.replace(/ \(allowed: .*$/, '')),
      ).toEqual([
        'totp-kit: colour: is not a setting of a key',
        'totp-kit: name: "-x" is not a valid name',
        'totp-kit: generate: or importFrom is required',
        'totp-kit: digits: "7" is not allowed',
      ]);
    }
    const notJson = await cli(['apply', '--declaration', '{"kind":']);
    expect([notJson.status, notJson.stderr.split('\n').length]).toEqual([2, 2]);
    expect(notJson.stderr).toMatch(/^totp-kit: --declaration: is not valid JSON/);
    expect(existsSync(storePath)).toBe(false);
  });
});

it('without --store or TOTP_KIT_STORE uses ./.totp-kit/store.json in the working directory (mode 0600, dir 0700)', async () => {
  const args = ['key', 'create', 'bot', '--generate', '--issuer', 'A', '--account', 'b', '--no-export'];
  const r = await runInProcess(args, { cwd: dir, now: T });
  printed.push(r.stdout, r.stderr);
  expect(r).toMatchObject({ status: 0, stderr: '' });
  const path = join(dir, '.totp-kit', 'store.json');
  rememberSeeds(path);
  expect(statSync(path).mode & 0o777).toBe(0o600);
  expect(statSync(join(dir, '.totp-kit')).mode & 0o777).toBe(0o700);
});
