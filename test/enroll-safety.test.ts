// `key create --generate` and `method enroll` hand out a new seed (barcode and otpauth URL) once. In-process
// through `main(argv, io)` with an Io that is or is not a terminal: on a terminal the barcode is drawn there once
// (decoded here with jsQR: it must be the stored seed's URL); otherwise, or with --json, a command that names no
// --qr / --url-file (nor --no-export for a key) is refused in one line before the store is touched. The seed
// itself is never printed: every output goes through the leak scan.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { generateSeed } from '../src/core/seed.js';
import { generateCode } from '../src/core/totp.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed } from './helpers/leak.js';
import { decodeRgba, decodeTerminal } from './helpers/qr-decode.js';

const T = 1_700_000_010;
const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-enroll-safety-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const IMPORTED = generateSeed(20);
let dir = '';
let storePath = '';
/** Everything the CLI printed in this test, scanned for every seed the store held. */
let printed: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(ROOT, 'case-'));
  storePath = join(dir, 'store.json');
  printed = [];
});
afterEach(() => {
  const seeds = [IMPORTED, ...storedSeeds()];
  for (const text of printed) expectNoSeed(text, seeds, 'CLI output');
});

/** Every seed in the store (no store key here: seeds are kept as Base32). */
function storedSeeds(): Uint8Array[] {
  if (!existsSync(storePath)) return [];
  const doc = JSON.parse(readFileSync(storePath, 'utf8'));
  return [doc.keys, doc.enrollments].flatMap((section) =>
    Object.values(section ?? {}).map((r) => decodeBase32((r as { secret: string }).secret)),
  );
}

/** The glyphs of a barcode drawn on a terminal. */
const BARCODE = /[▀▄█]/;

interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process on the test's store, as a terminal (`tty`) or not. */
async function cli(args: readonly string[], tty: boolean): Promise<Run> {
  const { status, out, err } = await runInProcess(['--store', `file:${storePath}`, ...args], { now: T, isTty: tty });
  printed.push(out, err);
  return { status, out, err };
}

/** The store file's bytes, or undefined when there is none. */
const storeBytes = () => (existsSync(storePath) ? readFileSync(storePath) : undefined);

/**
 * A refusal: exit 2, `line` alone on stderr (with --json, as the one JSON failure object on stdout instead), no
 * barcode, and the store as it was.
 */
async function expectRefused(args: readonly string[], tty: boolean, line: string): Promise<void> {
  const before = storeBytes();
  const r = await cli(args, tty);
  if (args.includes('--json')) {
    expect([r.status, r.err], args.join(' ')).toEqual([2, '']);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'E_BAD_INPUT', kind: 'bad-input', message: line } });
  } else {
    expect(r, args.join(' ')).toEqual({ status: 2, out: '', err: `totp-kit: ${line}\n` });
  }
  expect(r.out).not.toMatch(BARCODE);
  expect(storeBytes()?.toString('base64'), 'the store is left as it was').toBe(before?.toString('base64'));
}

const SCAN = 'Scan it now with an authenticator app: it holds the seed and is not shown again.';

/** Splits a terminal run's stdout into its first line, the drawn barcode and the closing line. */
function drawn(out: string): { first: string; barcode: string } {
  const gap = out.indexOf('\n\n');
  const end = `\n${SCAN}\n`;
  expect(gap > 0 && out.endsWith(end), out).toBe(true);
  const barcode = out.slice(gap + 2, -end.length);
  expect(barcode).toMatch(BARCODE);
  expect(barcode).not.toMatch(/otpauth|secret=/i);
  return { first: out.slice(0, gap), barcode };
}

const GENERATE = ['key', 'create', 'bot', '--generate', '--issuer', 'Acme', '--account', 'bot'];
const NO_PLACE =
  "--qr/--url-file: neither given and standard output is not a terminal, so the new key's barcode and URL would be lost; nothing was created (allowed: --qr FILE.png, --url-file FILE or --no-export)";
const NO_JSON =
  "--json: no barcode is drawn into JSON output, so the new key's barcode and URL would be lost; nothing was created (allowed: --qr FILE.png, --url-file FILE or --no-export)";

describe('key create --generate', () => {
  it('off a terminal without --qr, --url-file or --no-export: refused in one line, no store made', async () => {
    await expectRefused(GENERATE, false, NO_PLACE);
    expect(existsSync(storePath)).toBe(false);
  });

  it('off a terminal: refused before an existing store is touched; the other keys stay as they were', async () => {
    expect((await cli(['key', 'create', 'other', '--from', `file:${seedFile()}`], false)).status).toBe(0);
    await expectRefused(GENERATE, false, NO_PLACE);
    await expectRefused([...GENERATE, '--qr-size', '300'], false, NO_PLACE);
    expect(JSON.parse(readFileSync(storePath, 'utf8')).keys).not.toHaveProperty('bot');
  });

  it('with --json, on a terminal or not: refused (a barcode is never drawn into JSON)', async () => {
    await expectRefused([...GENERATE, '--json'], true, NO_JSON);
    await expectRefused(['--json', ...GENERATE], false, NO_JSON);
    expect(existsSync(storePath)).toBe(false);
  });

  it('with --qr-size 0 the barcode cannot carry it: refused unless --url-file takes the URL', async () => {
    await expectRefused(
      [...GENERATE, '--qr-size', '0'],
      true,
      '--qr-size: 0 draws no barcode and the URL is never printed, so the new key could never be enrolled; nothing was created (allowed: --url-file FILE, or a --qr-size above 0)',
    );
    await expectRefused(
      [...GENERATE, '--qr-size', '0', '--qr', join(dir, 'bot.png')],
      false,
      '--qr: no barcode is made with --qr-size 0, so the new key could never be enrolled; nothing was created (allowed: --url-file FILE as well, or a --qr-size above 0)',
    );
    expect(existsSync(storePath)).toBe(false);
    const urlFile = join(dir, 'bot.url');
    const saved = await cli([...GENERATE, '--qr-size', '0', '--url-file', urlFile], false);
    expect(saved).toEqual({
      status: 0,
      out: `created key "bot" (generated; SHA1, 6 digits, 30 s)\notpauth URL written to ${urlFile}\n`,
      err: '',
    });
    expect(encodeBase32(parseOtpauthUrl(readFileSync(urlFile, 'utf8')).key.secret)).toBe(
      encodeBase32(storedSeeds()[0] as Uint8Array),
    );
  });

  it('on a terminal: draws the barcode once, of the stored seed; codes from it are the key’s', async () => {
    const r = await cli([...GENERATE, '--digits', '8'], true);
    expect([r.status, r.err]).toEqual([0, '']);
    const { first, barcode } = drawn(r.out);
    expect(first).toBe('created key "bot" (generated; SHA1, 8 digits, 30 s)');
    const url = decodeTerminal(barcode);
    expect(url).toBeDefined();
    const { key } = parseOtpauthUrl(url as string);
    expect(key).toMatchObject({ issuer: 'Acme', accountName: 'bot', digits: 8, algorithm: 'SHA1', period: 30 });
    const [stored] = storedSeeds();
    expect(encodeBase32(key.secret)).toBe(encodeBase32(stored as Uint8Array));
    // The app that scanned it and the store agree.
    const code = await cli(['key', 'code', 'bot', '--at', String(T)], false);
    expect(code.out).toBe(`${generateCode(key, T)}\n`);
    expect(await cli(['key', 'verify', 'bot', '--code', generateCode(key, T), '--at', String(T)], false)).toEqual({
      status: 0,
      out: 'valid\n',
      err: '',
    });
    // Shown only then: reading the key back draws nothing.
    const get = await cli(['key', 'get', 'bot'], true);
    expect(get.out).not.toMatch(BARCODE);
  });

  it('on a terminal with --qr: written to the file (decodes to the stored seed), not drawn', async () => {
    const file = join(dir, 'bot.png');
    const r = await cli([...GENERATE, '--qr', file], true);
    expect(r).toEqual({
      status: 0,
      out: `created key "bot" (generated; SHA1, 6 digits, 30 s)\nbarcode written to ${file}\n`,
      err: '',
    });
    const png = PNG.sync.read(readFileSync(file));
    const url = decodeRgba(new Uint8ClampedArray(png.data), png.width, png.height) as string;
    expect(encodeBase32(parseOtpauthUrl(url).key.secret)).toBe(encodeBase32(storedSeeds()[0] as Uint8Array));
  });

  it('--no-export off a terminal: created, nothing handed out, codes only from the store', async () => {
    const r = await cli([...GENERATE, '--no-export', '--json'], false);
    expect([r.status, r.err]).toEqual([0, '']);
    expect(JSON.parse(r.out)).toMatchObject({ name: 'bot', generated: true, exported: false });
    expect(r.out).not.toMatch(/otpauth|qrFile|urlFile/);
    const onTty = await cli(
      ['key', 'create', 'bot2', '--generate', '--issuer', 'A', '--account', 'b', '--no-export'],
      true,
    );
    expect(onTty).toEqual({ status: 0, out: 'created key "bot2" (generated; SHA1, 6 digits, 30 s)\n', err: '' });
    expect(storedSeeds()).toHaveLength(2);
  });

  it('an imported key hands nothing out: created off a terminal without --qr, nothing drawn on one', async () => {
    const file = seedFile();
    expect(await cli(['key', 'create', 'a', '--from', `file:${file}`], false)).toEqual({
      status: 0,
      out: `created key "a" (imported from file:${file}; SHA1, 6 digits, 30 s)\n`,
      err: '',
    });
    const onTty = await cli(['key', 'create', 'b', '--from', `file:${file}`], true);
    expect([onTty.status, onTty.out]).toEqual([
      0,
      `created key "b" (imported from file:${file}; SHA1, 6 digits, 30 s)\n`,
    ]);
  });

  it('input problems come first: a bad setting is reported as before, not the missing --qr', async () => {
    const r = await cli([...GENERATE, '--digits', '7'], false);
    expect(r).toEqual({
      status: 2,
      out: '',
      err: 'totp-kit: --digits: "7" is not allowed (allowed: 6 or 8)\n',
    });
  });
});

/** A file holding the imported seed, in Base32. */
function seedFile(): string {
  const path = join(dir, 'seed.txt');
  writeFileSync(path, `${encodeBase32(IMPORTED)}\n`, { mode: 0o600 });
  return path;
}

describe('method enroll', () => {
  const ENROLL = ['method', 'enroll', 'ops', '--entity', 'alice'];
  const NO_PLACE_ENROLL =
    "--qr/--url-file: neither given and standard output is not a terminal, so the new enrollment's barcode and URL would be lost; nobody was enrolled (allowed: --qr FILE.png or --url-file FILE)";

  beforeEach(async () => {
    expect(
      (await cli(['method', 'create', 'ops', '--issuer', 'Acme', '--max-validation-attempts', '3'], false)).status,
    ).toBe(0);
  });

  it('off a terminal without --qr or --url-file: refused in one line; the store is left as it was', async () => {
    await expectRefused(ENROLL, false, NO_PLACE_ENROLL);
    // Decided before the store is read: the same line for a method that does not exist.
    await expectRefused(['method', 'enroll', 'nope', '--entity', 'alice'], false, NO_PLACE_ENROLL);
    expect(JSON.parse(readFileSync(storePath, 'utf8')).enrollments ?? {}).toEqual({});
  });

  it('with --json, on a terminal or not: refused', async () => {
    const line =
      "--json: no barcode is drawn into JSON output, so the new enrollment's barcode and URL would be lost; nobody was enrolled (allowed: --qr FILE.png or --url-file FILE)";
    await expectRefused([...ENROLL, '--json'], true, line);
    await expectRefused([...ENROLL, '--json'], false, line);
  });

  it('on a terminal: draws the barcode once, of the enrollment’s seed; its codes validate', async () => {
    const r = await cli(ENROLL, true);
    expect([r.status, r.err]).toEqual([0, '']);
    const { first, barcode } = drawn(r.out);
    expect(first).toBe('enrolled "alice" in MFA method "ops"');
    const { key } = parseOtpauthUrl(decodeTerminal(barcode) as string);
    expect(key).toMatchObject({ issuer: 'Acme', accountName: 'alice', digits: 6 });
    expect(encodeBase32(key.secret)).toBe(encodeBase32(storedSeeds()[0] as Uint8Array));
    const verify = await cli(
      ['method', 'verify', 'ops', '--entity', 'alice', '--code', generateCode(key, T), '--at', String(T)],
      false,
    );
    expect(verify).toEqual({ status: 0, out: 'valid\n', err: '' });
    // Enrolling again keeps the secret and draws nothing.
    expect(await cli(ENROLL, true)).toEqual({
      status: 0,
      out: '"alice" was already enrolled in MFA method "ops"; kept\n',
      err: 'totp-kit: warning: entity "alice" already has a secret for MFA method "ops"; it was kept (unenroll it first to replace it)\n',
    });
  });

  it('a method with qrSize 0: only --url-file can hand the secret out', async () => {
    expect((await cli(['method', 'update', 'ops', '--qr-size', '0'], false)).status).toBe(0);
    await expectRefused(
      ENROLL,
      true,
      'MFA method "ops": its qrSize is 0, so no barcode is made and the URL is never printed: the new enrollment could never be used; nobody was enrolled (allowed: --url-file FILE)',
    );
    await expectRefused(
      [...ENROLL, '--qr', join(dir, 'alice.png')],
      false,
      '--qr: its qrSize is 0, so no barcode is made and the URL is never printed: the new enrollment could never be used; nobody was enrolled (allowed: --url-file FILE)',
    );
    const urlFile = join(dir, 'alice.url');
    const r = await cli([...ENROLL, '--url-file', urlFile], false);
    expect(r).toEqual({
      status: 0,
      out: `enrolled "alice" in MFA method "ops"\notpauth URL written to ${urlFile}\n`,
      err: '',
    });
    const { key } = parseOtpauthUrl(readFileSync(urlFile, 'utf8'));
    expect(encodeBase32(key.secret)).toBe(encodeBase32(storedSeeds()[0] as Uint8Array));
  });
});

describe('help says what the commands do', () => {
  /** A command's --help (commander writes it to stdout). */
  const help = async (args: readonly string[]) => {
    const r = await cli([...args, '--help'], false);
    expect(r.status).toBe(0);
    return r.out.replace(/\s+/g, ' ');
  };

  it('method update names no default: an update changes only what is given', async () => {
    const update = await help(['method', 'update']);
    expect(update).toContain('change only the settings given');
    // (The global options, listed after its own, have defaults of their own.)
    expect(update.split('Global Options:')[0]).not.toMatch(/default/i);
    // What it does not say, it does not do: a digits-only update keeps the other settings.
    expect(
      (await cli(['method', 'create', 'ops', '--issuer', 'Acme', '--algorithm', 'SHA512', '--skew', '0'], false))
        .status,
    ).toBe(0);
    expect((await cli(['method', 'update', 'ops', '--digits', '8'], false)).status).toBe(0);
    const got = JSON.parse((await cli(['method', 'get', 'ops', '--json'], false)).out);
    expect(got).toMatchObject({ issuer: 'Acme', algorithm: 'SHA512', digits: 8, skew: 0, period: 30 });
  });

  it('method create and key create state their defaults as (default: VALUE)', async () => {
    const create = await help(['method', 'create']);
    for (const d of [
      '(default: SHA1)',
      '(default: 6)',
      '(default: 30)',
      '(default: 20)',
      '(default: 200)',
      '(default: 1)',
      '(default: 5)',
    ])
      expect(create).toContain(d);
    const key = await help(['key', 'create']);
    for (const d of ['(default: 20)', '(default: 1)', '(default: 200)', "(default: SHA1, or the imported URL's)"])
      expect(key).toContain(d);
    expect(key).not.toMatch(/\(default \d/);
    expect(key).toContain('Without a terminal, or with --json, one of --qr, --url-file or --no-export is required');
    expect(await help(['method', 'enroll'])).toContain(
      'Without a terminal, or with --json, --qr or --url-file is required',
    );
  });
});
