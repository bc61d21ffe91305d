// The GitHub Action: its run() in this process against the sources, at fixed times (helpers/in-process-action.ts),
// with codes checked against oathtool — masking of every form of the seed before anything is written,
// min-remaining, verify (stateless and per enrollment), bad inputs and the job summary — then a thin suite through
// the bundle (`node dist/index.js`, run the runner's way: helpers/run-action.ts) for what only a real process shows.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import type { Digits } from '../src/core/settings.js';
import { steamCode } from '../src/core/steam.js';
import { type InProcessActionOptions, runActionInProcess } from './helpers/in-process-action.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInAction, expectNoSeedInCli } from './helpers/leak.js';
import {
  type ActionRun,
  type ActionRunOptions,
  declaredInputs,
  expectCodeOfRun,
  inputEnvName,
  parseOutputFile,
  referenceCode,
  runAction,
} from './helpers/run-action.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-action-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** The runner's clock in this file: 20 s left of a 30 s step (10 of a 60 s one, 20 of a 45 s one). */
const T = 1_699_999_990;

/** Base32 as a person might paste it: lower case, in groups of four. */
const spaced = (b32: string) => b32.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');

/** Asserts what must hold for every run: no form of `seed` anywhere a person can read. */
function expectClean(r: ActionRun, seed: Uint8Array = SEED): ActionRun {
  expectNoSeed(r.maskedView, seed, 'the masked log, summary and outputs');
  for (const [name, value] of Object.entries(r.outputs)) if (name !== 'code') expectNoSeed(value, seed, name);
  expectNoSeed(r.summary, seed, 'the job summary');
  // The leak scan of every test file: the log unmasked (successful steps too), stderr, outputs, summary, messages.
  expectNoSeedInAction(r, [seed, SEED]);
  expect(r.masks, 'never ::add-mask:: with an empty value').not.toContain('');
  return r;
}

/** Runs the action in this process (at `T` unless told otherwise), and checks it leaks nothing. */
async function run(
  options: Omit<InProcessActionOptions, 'now'> & { now?: InProcessActionOptions['now'] },
  seed: Uint8Array = SEED,
): Promise<ActionRun> {
  return expectClean(await runActionInProcess({ now: T, ...options }), seed);
}

/** Asserts the step failed with exactly one ::error:: naming `input`, no stack trace and no seed in any output. */
function expectRefused(r: ActionRun, input: string, seed: Uint8Array = SEED): string {
  expect(r.exitCode).toBe(1);
  expect(r.errors, r.stdout).toHaveLength(1);
  const message = r.errors[0] as string;
  expect(message.startsWith(`${input}: `), message).toBe(true);
  expect(r.stderr).toBe('');
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/^\s+at |TotpKitError|Error: /m);
  expect(r.outputs).toEqual({});
  const visible = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  expectNoSeed(visible, seed, 'the log (unmasked)');
  return message;
}

/** A code that is not valid at `at`, nor a step either side. */
function wrongCode(secret: Uint8Array, at: number, digits: Digits = 6, period = 30): string {
  const near = new Set([-2, -1, 0, 1, 2].map((k) => referenceCode(secret, at + k * period, { digits, period })));
  for (let i = 0; ; i++) {
    const candidate = String(i).padStart(digits, '0');
    if (!near.has(candidate)) return candidate;
  }
}

describe('the runner contract these tests rely on', () => {
  it('names inputs the runner way: upper case, spaces to "_", hyphens kept', () => {
    expect(inputEnvName('min-remaining')).toBe('INPUT_MIN-REMAINING');
    expect(inputEnvName('fail-on-invalid')).toBe('INPUT_FAIL-ON-INVALID');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });

  it('parses GITHUB_OUTPUT in both of its formats', () => {
    const text = 'code<<ghadelimiter_1\n123456\nghadelimiter_1\nmulti<<EOF\na\nb\nEOF\nplain=x=y\n';
    expect(parseOutputFile(text)).toEqual({ code: '123456', multi: 'a\nb', plain: 'x=y' });
  });

  it('action.yml declares every input the action reads, with the documented defaults', () => {
    const inputs = declaredInputs();
    const names = [
      ...['secret', 'source', 'algorithm', 'digits', 'period', 'min-remaining', 'mode', 'code', 'skew', 'store'],
      ...['method', 'entity', 'fail-on-invalid', 'aws-region', 'vault-address', 'vault-token', 'vault-namespace'],
      ...['encoder', 'clock-source', 'time-offset', 'lease', 'install-cli'],
    ];
    expect([...inputs.keys()].sort()).toEqual(names.sort());
    expect(inputs.get('min-remaining')).toBe('5');
    expect(inputs.get('mode')).toBe('generate');
    expect(inputs.get('fail-on-invalid')).toBe('true');
    expect(inputs.get('lease')).toBe('false');
    expect(inputs.get('install-cli')).toBe('true');
    expect(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')).toMatch(
      /runs:\s+using: node24\s+main: dist\/index\.js/,
    );
  });

  it('the in-process runs leave the process as they found it, even when the step fails', async () => {
    const before = { env: { ...process.env }, cwd: process.cwd(), exitCode: process.exitCode };
    const failed = await run({ inputs: { mode: 'foo' }, cwd: DIR, env: { TOTP_SEED: B32 } });
    expect(failed.exitCode).toBe(1);
    expect({ env: { ...process.env }, cwd: process.cwd(), exitCode: process.exitCode }).toEqual(before);
    const installed = await run({ inputs: { secret: B32, 'install-cli': 'true' } });
    expect(installed.paths).toHaveLength(1);
    expect(process.env.PATH).toBe(before.env.PATH);
  });
});

describe('generate', () => {
  it('outputs the code of a Base32 secret at the time (oathtool agrees) and the settings', async () => {
    const r = await run({ inputs: { secret: B32, 'min-remaining': '0' } });
    expectCodeOfRun(r, SEED);
    expect(r.outputs).toEqual({
      code: referenceCode(SEED, T),
      'expires-in': '20',
      'expires-at': new Date((T + 20) * 1000).toISOString(),
      period: '30',
      digits: '6',
      algorithm: 'SHA1',
      step: String(Math.floor(T / 30)),
      'clock-offset': '0',
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('outputs the code of an otpauth URL with SHA256, 8 digits and a 60 s period', async () => {
    const url = `otpauth://totp/ACME:ci%40example.com?secret=${B32}&issuer=ACME&algorithm=SHA256&digits=8&period=60`;
    const r = await run({ inputs: { secret: url, 'min-remaining': '0' } });
    expectCodeOfRun(r, SEED, { algorithm: 'SHA256', digits: 8, period: 60 });
  });

  it('applies algorithm, digits and period given beside a bare seed', async () => {
    const inputs = { secret: B32, algorithm: 'sha-512', digits: '8', period: '45', 'min-remaining': '0' };
    const r = await run({ inputs });
    expectCodeOfRun(r, SEED, { algorithm: 'SHA512', digits: 8, period: 45 });
  });

  it('warns about an unusual period given beside a bare seed, like the CLI', async () => {
    const r = await run({ inputs: { secret: B32, period: '2', 'min-remaining': '0' } });
    expect(r.exitCode).toBe(0);
    expect(r.warnings).toEqual([expect.stringMatching(/^period 2 s is unusual/)]);
  });

  it('a Steam key (encoder: steam, base64 secret) with time-offset: 5 characters, for the clock moved by the offset', async () => {
    const inputs = { secret: SEED.toString('base64'), encoder: 'steam', 'time-offset': '-60', 'min-remaining': '0' };
    const r = await run({ inputs });
    expect(r.exitCode, r.stdout).toBe(0);
    const step = Math.floor((T - 60) / 30);
    expect(r.outputs).toMatchObject({ digits: '5', algorithm: 'SHA1', 'clock-offset': '-60', step: String(step) });
    expect(r.outputs.code).toBe(steamCode(SEED, step));
    expect(r.stdout).toContain("time-offset: -60 s applied to the runner's clock.");
    expect(r.stdout).toMatch(/A 5-character Steam Guard code is in the "code" output \(masked\)/);
    expect(r.summary).toContain('Steam Guard (SHA1, 5 characters, 30 s)');
  });

  it('accepts the default min-remaining (5 s) and outputs a code with at least 5 s left', async () => {
    const r = await run({ inputs: { secret: B32 } });
    expectCodeOfRun(r, SEED);
    expect(Number(r.outputs['expires-in'])).toBeGreaterThanOrEqual(5);
  });
});

describe('masking: every form of the seed and the code are masked before anything is written', () => {
  /**
   * Checks the masks: each of `forms` and the code is registered, before the first write to GITHUB_OUTPUT or
   * GITHUB_STEP_SUMMARY; nothing a person can read holds the seed or the code.
   */
  function expectMasked(r: ActionRun, forms: readonly string[]): ActionRun {
    expect(r.exitCode, r.stdout).toBe(0);
    const code = r.outputs.code as string;
    for (const form of [...forms, code]) expect(r.masks, `a mask for ${JSON.stringify(form)}`).toContain(form);
    const firstWrite = r.events.findIndex((e) => e.kind === 'output' || e.kind === 'summary');
    expect(firstWrite, 'the writes were seen').toBeGreaterThan(0);
    const masksBefore = r.events.slice(0, firstWrite).flatMap((e) => (e.kind === 'mask' ? [e.value] : []));
    for (const form of [...forms, code]) {
      expect(masksBefore, `${JSON.stringify(form)} masked before the first write`).toContain(form);
    }
    expect(r.maskedView).not.toContain(code);
    return r;
  }

  it('Base32 as given (lower case, spaced) and normalised', async () => {
    const given = spaced(B32);
    expectMasked(await run({ inputs: { secret: given, 'min-remaining': '0' } }), [given, B32]);
  });

  it('an otpauth URL, its secret parameter as written, decoded and normalised', async () => {
    const seed = randomBytes(16); // 26 Base32 characters + 6 of padding
    const b32 = encodeBase32(seed);
    const padded = `${b32.toLowerCase()}======`;
    const variants = [
      { written: b32, decoded: b32 },
      { written: padded.replace(/=/g, '%3D'), decoded: padded },
      { written: padded, decoded: padded },
      { written: `${b32.slice(0, 13)}%20${b32.slice(13)}`, decoded: `${b32.slice(0, 13)} ${b32.slice(13)}` },
      { written: `${b32.slice(0, 13)}+${b32.slice(13)}`, decoded: `${b32.slice(0, 13)} ${b32.slice(13)}` },
    ];
    for (const { written, decoded } of variants) {
      const url = `otpauth://totp/ACME:ci?secret=${written}&issuer=ACME&algorithm=SHA256&digits=8&period=60`;
      const r = await run({ inputs: { secret: url, 'min-remaining': '0' } }, seed);
      expectMasked(r, [url, written, decoded, b32]);
      expectCodeOfRun(r, seed, { algorithm: 'SHA256', digits: 8, period: 60 });
    }
  });

  /** Every line of a multi-line JSON seed worth masking: the runner masks line by line. */
  const maskableLines = (json: string) =>
    json
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 4 && /[A-Za-z0-9]/.test(l));

  it('a multi-line JSON seed from env: — each line, the field value and the seed', async () => {
    const json = `{\n  "seed": "${spaced(B32)}",\n  "note": "rotated in May"\n}\n`;
    const lines = maskableLines(json);
    expect(lines).toHaveLength(2);
    const r = await run({ inputs: { source: 'env:TOTP_JSON', 'min-remaining': '0' }, env: { TOTP_JSON: json } });
    expectMasked(r, [...lines, spaced(B32), B32]);
    expectCodeOfRun(r, SEED);
    expect(r.summary).toContain('env:TOTP_JSON');
  });

  it('a JSON object holding an otpauth URL from file: — lines as written (escaped "/") and the URL', async () => {
    const url = `otpauth://totp/ACME:bot?secret=${B32}&issuer=ACME&digits=8`;
    const json = `{\n  "otpauth_url": "${url.replace(/\//g, '\\/')}",\n  "owner": "release team"\n}`;
    const file = join(DIR, 'seed.json');
    writeFileSync(file, json, { mode: 0o600 });
    const r = await run({ inputs: { source: `file:${file}`, 'min-remaining': '0' } });
    expectMasked(r, [...maskableLines(json), url, B32]);
    expectCodeOfRun(r, SEED, { digits: 8 });
  });

  it('the code to check in verify mode, as given', async () => {
    const code = referenceCode(SEED, T);
    const given = `${code.slice(0, 3)} ${code.slice(3)}`;
    const r = await run({ inputs: { secret: B32, mode: 'verify', code: given } });
    expect(r.outputs.valid).toBe('true');
    expect(r.masks).toContain(given);
    expect(r.maskedView).not.toContain(given);
  });
});

describe('min-remaining', () => {
  /** Seconds between the output write and the code's expiry, on the run's clock. */
  const secondsLeftAtOutput = (r: ActionRun) => {
    const write = r.events.find((e) => e.kind === 'output');
    if (write?.kind !== 'output') throw new Error('no output write seen');
    return (Date.parse(r.outputs['expires-at'] as string) - write.atMs) / 1000;
  };

  it('waits for the next code when the current one has less left (period 2, min-remaining 1)', async () => {
    const inputs = { secret: B32, period: '2', 'min-remaining': '1' };
    const late = T + 1.5; // 0.5 s left of a 2 s step
    const r = await run({ inputs, now: late });
    expectCodeOfRun(r, SEED, { period: 2 });
    expect(r.outputs.code).toBe(referenceCode(SEED, T + 2, { period: 2 }));
    expect(r.outputs['expires-in']).toBe('2');
    const waiting = r.stdout.split('\n').filter((l) => /waiting/.test(l));
    expect(waiting).toEqual(['The current code expires in 0.5 s (< min-remaining 1); waiting 0.5 s for the next one.']);
    expect(secondsLeftAtOutput(r)).toBe(2);
    expect(r.summary).toMatch(/waited for a fresh code<\/td><td>0\.5 s</);
  });

  it('does not wait when the current code has enough left', async () => {
    const r = await run({ inputs: { secret: B32, period: '2', 'min-remaining': '1' }, now: T + 0.9 });
    expect(r.outputs.code).toBe(referenceCode(SEED, T, { period: 2 }));
    expect(r.stdout).not.toMatch(/waiting/);
    expect(secondsLeftAtOutput(r)).toBeCloseTo(1.1, 5);
    expect(r.summary).toMatch(/waited for a fresh code<\/td><td>no</);
  });

  it('never waits with min-remaining 0, however little is left', async () => {
    for (const at of [T, T + 0.7, T + 1.4, T + 1.99]) {
      const r = await run({ inputs: { secret: B32, period: '2', 'min-remaining': '0' }, now: at });
      expectCodeOfRun(r, SEED, { period: 2 });
      expect(r.outputs.code).toBe(referenceCode(SEED, at, { period: 2 }));
      expect(r.stdout).not.toMatch(/waiting/);
      expect(r.summary).toMatch(/waited for a fresh code<\/td><td>no</);
    }
  });

  it.each([
    ['2', { period: '2' }],
    ['30', {}],
    ['31', {}],
  ])('refuses min-remaining %s at or above the period, naming min-remaining', async (value, extra) => {
    const r = await run({ inputs: { secret: B32, 'min-remaining': value, ...extra } });
    const message = expectRefused(r, 'min-remaining');
    expect(message).toContain('period');
  });

  it('adapts the default min-remaining (5) to a key whose period is 5 s or less, with a notice', async () => {
    const r = await run({ inputs: { secret: B32, period: '4' } }); // 2 s left of a 4 s step: waits for the next
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("::notice::min-remaining: the default 5 s is not below the key's 4 s period; using 3 s");
    expect(r.stdout).toContain(
      'The current code expires in 2.0 s (< min-remaining 3); waiting 2.0 s for the next one.',
    );
    expect(r.outputs['expires-in']).toBe('4');
  });
});

describe('lease', () => {
  it("gives a second job at the same moment the next step, noting that a file store is this runner's only", async () => {
    const store = `file:${join(DIR, 'lease.json')}`;
    const inputs = { secret: B32, lease: 'true', store, 'min-remaining': '0' };
    const first = await run({ inputs });
    const second = await run({ inputs });
    expect(first.outputs.step).toBe(String(Math.floor(T / 30)));
    expect(second.outputs.step).toBe(String(Math.floor(T / 30) + 1));
    expect(second.outputs.code).toBe(referenceCode(SEED, T + 30));
    for (const r of [first, second]) {
      expect(r.stdout).toContain(
        `::notice::lease: ${store} is shared only by jobs on this runner; for parallel jobs on other runners use store: postgres:VAR (VAR holding the connection URL)`,
      );
      expect(r.summary).toContain(`a step no other caller got, in <code>${store}</code>`);
    }
    expect(second.stdout).toContain('waiting 20.0 s for the next one.');
  });
});

describe('verify, stateless', () => {
  it('a valid code: valid=true, exit 0, with the settings as outputs', async () => {
    const r = await run({ inputs: { secret: B32, mode: 'verify', code: referenceCode(SEED, T) } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs).toEqual({ valid: 'true', period: '30', digits: '6', algorithm: 'SHA1' });
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatch(/code check/);
    expect(r.summary).toMatch(/result<\/td><td>valid</);
  });

  it('a wrong code: valid=false, exit 1, ::error::code: invalid code', async () => {
    const r = await run({ inputs: { secret: B32, mode: 'verify', code: wrongCode(SEED, T) } });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.valid).toBe('false');
    expect(r.errors).toEqual(['code: invalid code']);
  });

  it('a wrong code with fail-on-invalid: false: exit 0, valid=false and a warning', async () => {
    const inputs = { secret: B32, mode: 'verify', code: wrongCode(SEED, T), 'fail-on-invalid': 'false' };
    const r = await run({ inputs });
    expect(r.exitCode).toBe(0);
    expect(r.outputs.valid).toBe('false');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^code: invalid code/);
  });

  it('a code with spaces is accepted', async () => {
    const code = referenceCode(SEED, T);
    const r = await run({ inputs: { secret: B32, mode: 'verify', code: ` ${code.slice(0, 3)} ${code.slice(3)} ` } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.valid).toBe('true');
  });

  it("the previous step's code passes with the default skew and fails with skew 0", async () => {
    const previous = referenceCode(SEED, T - 30);
    const skew1 = await run({ inputs: { secret: B32, mode: 'verify', code: previous } });
    const skew0 = await run({ inputs: { secret: B32, mode: 'verify', code: previous, skew: '0' } });
    expect(skew1.outputs.valid).toBe('true');
    expect(skew0.outputs.valid).toBe('false');
    expect(skew0.errors).toEqual(['code: invalid code']);
  });

  it('a code of the wrong length is invalid, not an error about the input', async () => {
    const r = await run({ inputs: { secret: B32, mode: 'verify', code: '12345' } });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.valid).toBe('false');
    expect(r.errors).toEqual(['code: the code must be 6 digits 0-9 (spaces are ignored)']);
  });
});

describe('verify, per enrollment (store, method, entity)', () => {
  const store = `file:${join(DIR, 'store.json')}`;
  const cli = async (...args: string[]) => {
    const r = await runInProcess(['--store', store, ...args], { now: T });
    expect(r.status, `${r.out}${r.err}`).toBe(0);
    expectNoSeedInCli(r, SEED, `totp-kit ${args.join(' ')}`);
    return r;
  };
  /** Enrolls `entity` and returns its seed, read from the otpauth URL the CLI wrote to a 0600 file. */
  const enroll = async (entity: string): Promise<Uint8Array> => {
    const urlFile = join(DIR, `${entity}.url`);
    await cli('method', 'enroll', 'ops', '--entity', entity, '--url-file', urlFile);
    const secret = new URL(readFileSync(urlFile, 'utf8').trim()).searchParams.get('secret') as string;
    return decodeBase32(secret);
  };
  const verify = (entity: string, code: string, seed: Uint8Array) =>
    run({ inputs: { mode: 'verify', code, store, method: 'ops', entity } }, seed);

  it('accepts a code once, refuses it again, and locks out after the maximum of failed attempts', async () => {
    await cli('method', 'create', 'ops', '--issuer', 'Acme', '--max-validation-attempts', '2', '--qr-size', '0');
    const alice = await enroll('alice');
    const code = referenceCode(alice, T);

    const first = await verify('alice', code, alice);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toEqual({ valid: 'true', period: '30', digits: '6', algorithm: 'SHA1' });
    expect(first.summary).toMatch(/per enrollment/);

    const again = await verify('alice', code, alice);
    expect(again.exitCode).toBe(1);
    expect(again.outputs.valid).toBe('false');
    expect(again.errors).toHaveLength(1);
    expect(again.errors[0]).toMatch(/^code: .*already used/);

    const bob = await enroll('bob');
    const wrong = wrongCode(bob, T);
    const tries = [await verify('bob', wrong, bob), await verify('bob', wrong, bob)];
    for (const t of tries) {
      expect(t.exitCode).toBe(1);
      expect(t.errors[0]).toMatch(/^code: invalid code \(\d attempts? left before a lockout\)$/);
    }
    // A correct code during the lockout is refused too; the window is one period from the first failure.
    const locked = await verify('bob', referenceCode(bob, T), bob);
    expect(locked.exitCode).toBe(1);
    expect(locked.outputs.valid).toBe('false');
    expect(locked.errors).toEqual(['code: too many failed attempts; try again in 30 s']);
  });
});

describe('bad input: one ::error:: naming the input, exit 1, no stack trace, no seed', () => {
  const OTHER = encodeBase32(randomBytes(20));

  it('no secret and no source', async () => {
    expectRefused(await run({ inputs: {} }), 'secret');
  });

  it('both secret and source', async () => {
    expectRefused(await run({ inputs: { secret: B32, source: 'env:TOTP_SEED' } }), 'secret');
  });

  it('an unknown source scheme', async () => {
    const message = expectRefused(await run({ inputs: { source: 'ftp:seed' } }), 'source');
    expect(message).toContain('ftp:');
  });

  it('a seed pasted into source is refused without being quoted', async () => {
    expectRefused(await run({ inputs: { source: B32 } }), 'source');
    const url = `otpauth://totp/A:b?secret=${B32}`;
    expectRefused(await run({ inputs: { source: url } }), 'source');
  });

  it('digits that contradict the URL', async () => {
    const url = `otpauth://totp/ACME:ci?secret=${B32}&digits=6`;
    const message = expectRefused(await run({ inputs: { secret: url, digits: '8' } }), 'digits');
    expect(message).toMatch(/8 contradicts the digits=6/);
  });

  it('a secret that is not Base32', async () => {
    const bad = `${B32.slice(0, 10)}1${B32.slice(10)}`;
    const message = expectRefused(await run({ inputs: { secret: bad } }), 'secret');
    expect(message).not.toContain(bad.slice(0, 8));
  });

  it('a JSON secret with two candidate fields: the keys are named, never the values', async () => {
    const json = JSON.stringify({ secret: B32, seed: OTHER });
    const r = await run({ inputs: { secret: json } });
    const message = expectRefused(r, 'secret');
    expect(message).toContain('"secret"');
    expect(message).toContain('"seed"');
    expectNoSeed(message, decodeBase32(OTHER), 'the message');
  });

  it('mode foo', async () => {
    const message = expectRefused(await run({ inputs: { secret: B32, mode: 'foo' } }), 'mode');
    expect(message).toContain('"foo"');
  });

  it('min-remaining abc', async () => {
    const message = expectRefused(await run({ inputs: { secret: B32, 'min-remaining': 'abc' } }), 'min-remaining');
    expect(message).toContain('"abc"');
  });

  it('several bad inputs at once are listed together, one line each', async () => {
    const inputs = { mode: 'foo', 'min-remaining': 'abc', digits: '7', algorithm: 'MD5' };
    expectAllListed(await run({ inputs }));
  });
});

/** The refusal of mode foo, min-remaining abc, digits 7 and algorithm MD5 with no seed: five lines in one ::error::. */
function expectAllListed(r: ActionRun): void {
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  const lines = (r.errors[0] as string).split('\n');
  for (const input of ['mode', 'secret', 'min-remaining', 'digits', 'algorithm']) {
    expect(
      lines.filter((l) => l.startsWith(`${input}: `)),
      input,
    ).toHaveLength(1);
  }
  expect(lines).toHaveLength(5);
  expect(r.stderr).toBe('');
}

describe('the job summary', () => {
  it('tells where the key came from, the settings and the seconds left — never the code or the seed', async () => {
    const r = await run({
      inputs: { source: 'env:TOTP_SEED', period: '60', digits: '8', algorithm: 'SHA256', 'min-remaining': '0' },
      env: { TOTP_SEED: B32 },
    });
    expectCodeOfRun(r, SEED, { algorithm: 'SHA256', digits: 8, period: 60 });
    expect(r.summary).toContain('<code>env:TOTP_SEED</code>');
    expect(r.summary).toContain('SHA256, 8, 60 s');
    expect(r.summary).toContain('seconds left when output</td><td>50<');
    expect(r.summary).not.toContain(r.outputs.code as string);
    expectNoSeed(r.summary, SEED, 'the summary');
  });

  it('is skipped, with a debug line, where the runner gives no GITHUB_STEP_SUMMARY (a local run)', async () => {
    const r = await run({ inputs: { secret: B32, 'min-remaining': '0' }, env: { GITHUB_STEP_SUMMARY: '' } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.summary).toBe('');
    expect(r.stdout).toContain('::debug::no GITHUB_STEP_SUMMARY: job summary skipped');
  });

  it('says "the secret input" for a secret, and never echoes a verified code', async () => {
    const code = referenceCode(SEED, T);
    const r = await run({ inputs: { secret: B32, mode: 'verify', code } });
    expect(r.summary).toContain('the secret input');
    expect(r.summary).not.toContain(code);
  });
});

// ---- through the bundle, as the runner runs it ------------------------------------------------------------------
// A real `node dist/index.js` with the runner's environment: exit codes of a process, GITHUB_OUTPUT written by one,
// and ::add-mask:: printed before the first write (traced in that process). These use the machine's clock: with
// min-remaining 0 a run never waits, and expectCodeOfRun accepts the step of any moment of the run.

describe('the bundle (dist/index.js), as the runner runs it', () => {
  async function bundle(options: ActionRunOptions): Promise<ActionRun> {
    return expectClean(await runAction(options));
  }

  it('outputs the code in GITHUB_OUTPUT and exits 0, masking every form first (multi-line JSON from env:)', async () => {
    const json = `{\n  "seed": "${spaced(B32)}",\n  "note": "rotated in May"\n}\n`;
    const r = await bundle({
      inputs: { source: 'env:TOTP_JSON', 'min-remaining': '0' },
      env: { TOTP_JSON: json },
      trace: true,
    });
    expectCodeOfRun(r, SEED);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const forms = [`"seed": "${spaced(B32)}",`, '"note": "rotated in May"', spaced(B32), B32, r.outputs.code as string];
    const firstWrite = r.events.findIndex((e) => e.kind === 'output' || e.kind === 'summary');
    expect(firstWrite, 'the trace saw the output writes').toBeGreaterThan(0);
    const masksBefore = r.events.slice(0, firstWrite).flatMap((e) => (e.kind === 'mask' ? [e.value] : []));
    for (const form of forms)
      expect(masksBefore, `${JSON.stringify(form)} masked before the first write`).toContain(form);
    expect(r.maskedView).not.toContain(r.outputs.code);
  });

  it('exits 1 with every bad input in one ::error::, nothing on stderr', async () => {
    expectAllListed(await bundle({ inputs: { mode: 'foo', 'min-remaining': 'abc', digits: '7', algorithm: 'MD5' } }));
  });

  it('exits 1 for a wrong code, and 0 for it with fail-on-invalid: false', async () => {
    const wrong = wrongCode(SEED, Date.now() / 1000);
    const failed = await bundle({ inputs: { secret: B32, mode: 'verify', code: wrong } });
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs).toEqual({ valid: 'false', period: '30', digits: '6', algorithm: 'SHA1' });
    expect(failed.errors).toEqual(['code: invalid code']);
    const warned = await bundle({ inputs: { secret: B32, mode: 'verify', code: wrong, 'fail-on-invalid': 'false' } });
    expect(warned.exitCode).toBe(0);
    expect(warned.outputs.valid).toBe('false');
  });
});
