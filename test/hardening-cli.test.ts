// Security review, issue 14 (Low findings), through the CLI and the action in-process, against the sources (the
// action's install-cli, which writes launchers, through the bundled dist/index.js):
//
// - Low 4: `demo` shows the barcode (and so the seed) only of the key it created itself: a key named `demo`
//   that was imported, is not exported or was made by hand is refused in one line, without barcode or seed.
// - Low 9: a seed typed where a store prefix, a variable name, a declaration field or a key name belongs is
//   never printed back (the leak rules of src/core/errors.ts: `quote` and `looksLikeSeed`).
// - Low 10: the action's install-cli without RUNNER_TEMP writes its launcher into a fresh private folder,
//   not the predictable shared `$TMPDIR/totp-kit-cli` another user may have created.
// - Low 11: verify mode masks the code as typed and as normalised; `code`/`verify` (and the action) warn,
//   on stderr only, about a seed shorter than RFC 4226's 16 bytes.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_GENERATION, isDemoKey } from '../src/cli/commands/demo.js';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import type { KeyRecord } from '../src/stores/records.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInAction, expectNoSeedInCli } from './helpers/leak.js';
import { runAction } from './helpers/run-action.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const T = 1700000045;
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-hardening-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** Runs `totp-kit …args` at T in `cwd` (or this process's directory). */
function cli(args: readonly string[], o: { cwd?: string; env?: Record<string, string> } = {}): Promise<InProcessRun> {
  return runInProcess(args, { ...o, now: T });
}

let dirs = 0;
function freshDir(): string {
  dirs += 1;
  const dir = join(DIR, `run-${dirs}`);
  mkdirSync(dir);
  return dir;
}

/** A refusal: exit `status`, nothing on stdout, one line on stderr, no stack trace, no seed. */
function expectOneLineRefusal(r: InProcessRun, status: number, what: string): string {
  expectNoSeedInCli(r, SEED, what);
  expect(r.status, `${what}: ${r.stderr}`).toBe(status);
  expect(r.stdout, what).toBe('');
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  expect(lines, `${what}: ${r.stderr}`).toHaveLength(1);
  expect(r.stderr).toMatch(/^totp-kit: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  return lines[0] as string;
}

/** A loopback port nothing listens on (a server is opened on it and closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Low 4: demo shows only its own key', () => {
  const BARCODE = /[▀▄█]/;

  function demo(cwd: string): Promise<InProcessRun> {
    return cli(['demo', '--at', String(T)], { cwd });
  }

  function storeOf(cwd: string): string {
    return join(cwd, '.totp-kit', 'store.json');
  }

  /** Creates key `demo` in cwd's default store with `key create demo …`, the seed coming from env:S. */
  async function createDemoKey(cwd: string, args: readonly string[]): Promise<void> {
    const r = await cli(['key', 'create', 'demo', ...args], { cwd, env: { S: B32 } });
    expect(r.status, r.stderr).toBe(0);
  }

  async function expectRefused(cwd: string, what: string): Promise<void> {
    const before = readFileSync(storeOf(cwd));
    const r = await demo(cwd);
    const line = expectOneLineRefusal(r, 2, what);
    expect(line).toMatch(/demo/);
    expect(r.stderr).not.toMatch(BARCODE);
    expect(r.stderr).not.toMatch(/otpauth:/i);
    expect(readFileSync(storeOf(cwd)).equals(before), 'the store is left as it was').toBe(true);
  }

  it('refuses an imported key named demo created with --no-export: one line, no barcode, no seed', async () => {
    const cwd = freshDir();
    await createDemoKey(cwd, ['--from', 'env:S', '--issuer', 'totp-kit', '--account', 'demo', '--no-export']);
    await expectRefused(cwd, 'demo over an imported --no-export key');
  });

  it('refuses an imported (exported) key named demo', async () => {
    const cwd = freshDir();
    await createDemoKey(cwd, ['--from', 'env:S', '--issuer', 'totp-kit', '--account', 'demo']);
    await expectRefused(cwd, 'demo over an imported key');
  });

  it('refuses a generated key named demo that demo did not create, even with its issuer and account', async () => {
    const cwd = freshDir();
    await createDemoKey(cwd, ['--generate', '--issuer', 'totp-kit', '--account', 'demo', '--url-file', 'demo.url']);
    await expectRefused(cwd, 'demo over a key made with key create --generate');
  });

  it('refuses its own key once a declaration made it unexported', async () => {
    const cwd = freshDir();
    expect((await demo(cwd)).status).toBe(0);
    const applied = await cli(
      [
        'apply',
        '--declaration',
        '{"kind":"key","name":"demo","generate":{"issuer":"totp-kit","accountName":"demo"},"exported":false}',
      ],
      { cwd },
    );
    expect(applied.status, applied.stderr).toBe(0);
    await expectRefused(cwd, 'demo over its own key, unexported');
  });

  it("isDemoKey: only a generated, exported key with demo's labels and mark", () => {
    const own = {
      name: 'demo',
      generated: true,
      issuer: 'totp-kit',
      accountName: 'demo',
      exported: true,
      generation: `${DEMO_GENERATION}0f8e2c1a-1111-4222-8333-444455556666`,
    } as unknown as KeyRecord;
    expect(isDemoKey(own)).toBe(true);
    expect(isDemoKey({ ...own, exported: false })).toBe(false);
    expect(isDemoKey({ ...own, generated: false, importFrom: 'env:S' })).toBe(false);
    expect(isDemoKey({ ...own, generation: '0f8e2c1a-1111-4222-8333-444455556666' })).toBe(false);
    expect(isDemoKey({ ...own, issuer: 'ACME' })).toBe(false);
  });

  it('still creates and then reuses its own key, showing the barcode and the same code', async () => {
    const cwd = freshDir();
    const first = await demo(cwd);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created key "demo"/);
    expect(first.stdout).toMatch(BARCODE);
    const again = await demo(cwd);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/reusing key "demo"/);
    expect(again.stdout).toMatch(BARCODE);
    const code = (r: InProcessRun) => /current code\s+(\d{3}) (\d{3})/.exec(r.stdout)?.slice(1).join('');
    expect(code(again)).toBe(code(first));
  });
});

describe('Low 9: a seed typed in the wrong place is never printed back', () => {
  const refusals: [string, readonly string[]][] = [
    ['--declaration-env SEED (plan)', ['plan', '--declaration-env', B32]],
    ['--declaration-env SEED (apply)', ['apply', '--declaration-env', B32, '--generation', 'g1']],
    [
      'a declaration field named like a seed (plan)',
      ['plan', '--declaration', `{"kind":"key","name":"k","generate":{"issuer":"a","accountName":"b"},"${B32}":1}`],
    ],
    [
      'a declaration field named like a seed (apply)',
      ['apply', '--declaration', `{"kind":"key","name":"k","generate":{"issuer":"a","accountName":"b"},"${B32}":1}`],
    ],
    [
      'a method declaration field named like a seed',
      ['plan', '--declaration', `{"kind":"method","methodName":"m","issuer":"a","${B32}":true}`],
    ],
    ['key create SEED', ['key', 'create', B32, '--generate', '--issuer', 'a', '--account', 'b']],
    ['key create SEED --from', ['key', 'create', B32, '--from', 'env:S']],
    ['key get SEED', ['key', 'get', B32]],
    ['key delete SEED', ['key', 'delete', B32]],
    ['key code SEED', ['key', 'code', B32, '--at', String(T)]],
    ['key verify SEED', ['key', 'verify', B32, '--code', '123456']],
    ['key create with a lower-case seed as its name', ['key', 'create', B32.toLowerCase(), '--from', 'env:S']],
    ['method create SEED', ['method', 'create', B32, '--issuer', 'a']],
    ['method get SEED', ['method', 'get', B32]],
    ['plan --stack SEED', ['plan', '--stack', B32]],
  ];
  for (const [what, args] of refusals) {
    it(`refuses ${what} in one line without printing it`, async () => {
      const cwd = freshDir();
      const r = await cli(args, { cwd, env: { S: encodeBase32(randomBytes(20)) } });
      expectOneLineRefusal(r, 2, what);
      // Nothing was written: no key under a seed's name.
      expect(existsSync(join(cwd, '.totp-kit', 'store.json')), what).toBe(false);
    });
  }

  it('{"kind":"key","SEED":1}: one line per problem, none printing the field name', async () => {
    const r = await cli(['plan', '--declaration', `{"kind":"key","${B32}":1}`], { cwd: freshDir() });
    expectNoSeedInCli(r, SEED, 'plan {"kind":"key","SEED":1}');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    for (const line of lines) expect(line).toMatch(/^totp-kit: /);
    expect(lines).toContain(
      'totp-kit: a field named like a seed (not printed): is not a setting of a key (allowed: kind, name, generate, importFrom, issuer, accountName, algorithm, digits, period, skew, qrSize, exported, qrCodeFile)',
    );
  });

  it('an unknown declaration field that is not seed-like is still named', async () => {
    const r = await cli(['plan', '--declaration', '{"kind":"key","genrate":1}'], { cwd: freshDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^totp-kit: genrate: is not a setting of a key/m);
  });

  it('a --declaration-env name that is not seed-like is still named', async () => {
    const r = await cli(['plan', '--declaration-env', 'TOTP_KIT_DECLARATION'], { cwd: freshDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'totp-kit: environment variable TOTP_KIT_DECLARATION: is not set (allowed: one JSON declaration)\n',
    );
  });

  // The aws-sm store names itself `store aws-sm:PREFIX` in every failure (and demo prints the reference), so
  // resolveStoreRef refuses a prefix that looks like a seed before anything can print it.
  it('--store aws-sm:SEED is refused without printing the prefix', async () => {
    const port = await closedPort();
    const r = await cli(['--store', `aws-sm:${B32}`, 'key', 'list'], {
      cwd: freshDir(),
      env: {
        AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${port}`,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
        AWS_SECRET_ACCESS_KEY: 'local-test-secret',
        AWS_CONFIG_FILE: '/nonexistent/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_MAX_ATTEMPTS: '1',
      },
    });
    expectOneLineRefusal(r, 2, '--store aws-sm:SEED');
    expect(r.stderr).toMatch(/^totp-kit: --store: /);
  });
});

describe('Low 10: install-cli without RUNNER_TEMP uses a fresh private folder', () => {
  it('does not write its launcher into a $TMPDIR/totp-kit-cli another user created (mode 0777)', async () => {
    const tmp = freshDir();
    const shared = join(tmp, 'totp-kit-cli');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const planted = '#!/bin/sh\necho planted by another user\n';
    writeFileSync(join(shared, 'totp-kit'), planted, { mode: 0o755 });
    const r = await runAction({
      inputs: { mode: 'install' },
      // The runner always sets RUNNER_TEMP; elsewhere (a self-made runner, local-action) it may be empty.
      env: { RUNNER_TEMP: '', TMPDIR: tmp },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.paths).toHaveLength(1);
    const dir = r.paths[0] as string;
    expect(dir).not.toBe(shared);
    expect(dir.startsWith(tmp), `${dir} is under TMPDIR`).toBe(true);
    expect(readFileSync(join(shared, 'totp-kit'), 'utf8')).toBe(planted);
    const info = statSync(dir);
    expect(info.mode & 0o777).toBe(0o700);
    expect(info.uid).toBe(process.getuid?.() ?? info.uid);
    expect(readFileSync(join(dir, 'totp-kit'), 'utf8')).toMatch(/^#!\/bin\/sh\nexec '.*' '.*cli\.js' "\$@"\n$/);
    expect(statSync(join(dir, 'totp-kit')).mode & 0o777).toBe(0o755);
  });

  it('two runs without RUNNER_TEMP get two different folders', async () => {
    const tmp = freshDir();
    const runs = [];
    for (let i = 0; i < 2; i++)
      runs.push(await runAction({ inputs: { mode: 'install' }, env: { RUNNER_TEMP: '', TMPDIR: tmp } }));
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(runs[0]?.paths[0]).not.toBe(runs[1]?.paths[0]);
  });

  it('with RUNNER_TEMP, the launcher still goes to RUNNER_TEMP/totp-kit-cli', async () => {
    const r = await runAction({ inputs: { mode: 'install' }, keepTemp: true });
    try {
      expect(r.paths).toEqual([join(r.runnerTemp, 'totp-kit-cli')]);
    } finally {
      rmSync(r.runnerTemp, { recursive: true, force: true });
    }
  });
});

describe('Low 11a: verify mode masks the code as typed and as normalised', () => {
  it('registers both "070 998" and "070998" as masks', async () => {
    const r = await runActionInProcess({
      now: T,
      inputs: { mode: 'verify', secret: B32, code: '070 998', 'fail-on-invalid': 'false' },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.masks).toContain('070 998');
    expect(r.masks).toContain('070998');
    expectNoSeedInAction(r, SEED);
  });

  it('a Steam code typed in lower case is masked in the upper case it is checked in', async () => {
    const r = await runActionInProcess({
      now: T,
      inputs: {
        mode: 'verify',
        secret: SEED.toString('base64'),
        encoder: 'steam',
        code: 'bcd fg',
        'fail-on-invalid': 'false',
      },
    });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.masks).toEqual(expect.arrayContaining(['bcd fg', 'bcdfg', 'BCDFG']));
  });
});

describe('Low 11b: a seed shorter than 16 bytes is used with one warning on stderr', () => {
  const SHORT = Buffer.from([0x5a]); // one byte: Base32 "LI"
  const SHORT_B32 = encodeBase32(SHORT);
  const WARNING =
    /^totp-kit: warning: env:TOTP_SEED: the seed is 1 bytes; RFC 4226 recommends at least 16 \(it is accepted, but consider rotating it\)$/;

  it('code: stdout is the code alone; stderr is one warning line', async () => {
    const r = await cli(['code', '--from', 'env:TOTP_SEED', '--at', String(T)], { env: { TOTP_SEED: SHORT_B32 } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${generateCode({ secret: SHORT, algorithm: 'SHA1', digits: 6, period: 30 }, T)}\n`);
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(WARNING);
  });

  it('code --json: stdout is unchanged JSON', async () => {
    const r = await cli(['--json', 'code', '--from', 'env:TOTP_SEED', '--at', String(T)], {
      env: { TOTP_SEED: SHORT_B32 },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).code).toBe(
      generateCode({ secret: SHORT, algorithm: 'SHA1', digits: 6, period: 30 }, T),
    );
    expect(r.stderr.replace(/\n$/, '').split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/RFC 4226 recommends at least 16/);
  });

  it('verify: the verdict on stdout, one warning line on stderr', async () => {
    const code = generateCode({ secret: SHORT, algorithm: 'SHA1', digits: 6, period: 30 }, T);
    const r = await cli(['verify', '--from', 'env:TOTP_SEED', '--at', String(T), '--code', code], {
      env: { TOTP_SEED: SHORT_B32 },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('valid\n');
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(WARNING);
  });

  it('a 16-byte seed gets no warning', async () => {
    const r = await cli(['code', '--from', 'env:TOTP_SEED', '--at', String(T)], {
      env: { TOTP_SEED: encodeBase32(randomBytes(16)) },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('the action warns (core.warning) in generate and verify mode, and still works', async () => {
    const generate = await runActionInProcess({
      now: T,
      inputs: { secret: SHORT_B32, 'min-remaining': '0' },
    });
    expect(generate.exitCode, generate.stdout).toBe(0);
    expect(generate.outputs.code).toBe(generateCode({ secret: SHORT, algorithm: 'SHA1', digits: 6, period: 30 }, T));
    expect(generate.warnings).toEqual([
      'secret: the seed is 1 bytes; RFC 4226 recommends at least 16 (it is accepted, but consider rotating it)',
    ]);
    const verify = await runActionInProcess({
      now: T,
      inputs: { mode: 'verify', secret: SHORT_B32, code: '000000', 'fail-on-invalid': 'false' },
    });
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(verify.warnings[0]).toMatch(/^secret: the seed is 1 bytes; RFC 4226 recommends at least 16/);
  });
});
