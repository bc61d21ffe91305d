// Hints for common mistakes (issue "Docs that stay true"): each refusal is one line naming the input, what is
// wrong and what to do, and never holds seed material. In-process against the sources: the seed-text parser
// every face reads through, the sources, the stores, and the action's run() with the runner's environment.
//
//   hex where Base32 belongs       said to be hex; `hex:` seed text is read as hex, as `oathtool --totp HEX` does
//   file:~/seed.txt                "~" is not expanded: refused with file:$HOME/… as the fix (seeds and stores)
//   jbsw-y3dp-ehpk-3pxp            read like jbsw y3dp ehpk 3pxp
//   a URL with several problems    one error, one line each
//   face labels                    AWS_REGION / VAULT_ADDR / VAULT_TOKEN named alone unless the face has inputs
//   a damaged store                what to do next (backup, the file, AWSPREVIOUS)
//   a failed action step           a job summary saying what failed, without seed or code
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { looksLikeSeed, TotpKitError } from '../src/core/errors.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { parseSeedText, resolveKey } from '../src/core/seed-text.js';
import { generateCode } from '../src/core/totp.js';
import { checkedKeySpec, createKey, keyCode } from '../src/resources/key.js';
import { resolveSource, type SeedSource } from '../src/sources/index.js';
import { loadKey } from '../src/sources/load-key.js';
import { vaultOptions } from '../src/sources/vault-client.js';
import { describeAwsError } from '../src/stores/aws-sdk.js';
import { FileStore } from '../src/stores/file-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { resolveStoreRef } from '../src/stores/store-ref.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { expectNoSeed, rejectionOf, thrownBy } from './helpers/leak.js';
import { declaredInputs } from './helpers/run-action.js';

/** RFC 6238's SHA1 test seed, and its hex as `oathtool --totp` takes it. */
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_HEX = RFC_SEED.toString('hex');
/** A random seed whose hex has a 0, 1, 8 or 9 (so it cannot be read as Base32). */
const SEED = (() => {
  for (;;) {
    const seed = randomBytes(20);
    if (/[0189]/.test(seed.toString('hex'))) return seed;
  }
})();
const HEX = SEED.toString('hex');
const B32 = encodeBase32(SEED);
const SEEDS = [SEED, RFC_SEED];
const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-hints-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL) console.warn('hints: oathtool is not installed, the cross-checks against it are SKIPPED');

/** `oathtool --totp[=ALG] [--digits=N] --now=@T HEX`: the hex text passed as a user passes it to oathtool. */
function oathtool(hex: string, at: number, options: { algorithm?: string; digits?: number } = {}): string {
  const args = [
    options.algorithm ? `--totp=${options.algorithm}` : '--totp',
    ...(options.digits ? [`--digits=${options.digits}`] : []),
    `--now=@${at}`,
    hex,
  ];
  const r = spawnSync('oathtool', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oathtool failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The TotpKitError `f` throws, scanned for every seed of the test. */
function refusal(f: () => unknown): TotpKitError {
  const e = thrownBy(f, SEEDS);
  expect(e).toBeInstanceOf(TotpKitError);
  return e as TotpKitError;
}

async function rejection(p: Promise<unknown>): Promise<TotpKitError> {
  const e = await rejectionOf(p, SEEDS);
  expect(e).toBeInstanceOf(TotpKitError);
  return e as TotpKitError;
}

const HEX_HINT =
  'looks like hex (digits 0-9 and letters a-f only), not Base32 (allowed: the same digits after the prefix "hex:", or Base32 letters A–Z and digits 2–7)';

describe('a hex seed where Base32 is expected', () => {
  it.each([
    ['RFC 6238’s seed as oathtool takes it', RFC_HEX],
    ['a random seed in lower case', HEX],
    ['in upper case', HEX.toUpperCase()],
    ['in groups of four', HEX.replace(/(.{4})(?=.)/g, '$1 ')],
    ['with 0x', `0x${HEX}`],
    ['with a trailing newline, as a file holds it', `${HEX}\n`],
  ])('is said to be hex, with how to pass it: %s', (_, text) => {
    const e = refusal(() => parseSeedText(text, 'TOTP_SEED'));
    expect(e.message).toBe(`TOTP_SEED: ${HEX_HINT}`);
    expect(e.code).toBe('E_SEED_NOT_BASE32');
    expect(e.kind).toBe('bad-input');
  });

  it('is refused the same way through every source and face label', async () => {
    const env = { TOTP_SEED: HEX };
    writeFileSync(join(DIR, 'hex-seed'), `${HEX}\n`);
    for (const [reference, label] of [
      ['env:TOTP_SEED', 'env:TOTP_SEED'],
      [`file:${join(DIR, 'hex-seed')}`, `file:${join(DIR, 'hex-seed')}`],
    ] as const) {
      const source = resolveSource(reference, '--from', env) as SeedSource;
      const e = await rejection(source.read());
      expect(e.message).toBe(`${label}: ${HEX_HINT}`);
    }
    // The CLI's --secret and the action's secret input: text given inline, labelled by the face.
    for (const label of ['--secret', 'secret']) {
      const e = await rejection(loadKey({ text: HEX, label }, {}, {}));
      expect(e.message).toBe(`${label}: ${HEX_HINT}`);
    }
  });

  it('in an otpauth URL is said to be hex too; the Key URI format wants Base32 there', () => {
    const e = refusal(() => parseOtpauthUrl(`otpauth://totp/ACME:alice?secret=${HEX}&issuer=ACME`, 'url'));
    expect(e.message).toBe(
      'url secret parameter: looks like hex (digits 0-9 and letters a-f only), not Base32 (allowed: Base32 letters A–Z and digits 2–7; spaces, "-" and trailing "=" are ignored)',
    );
    expect(e.code).toBe('E_SEED_NOT_BASE32');
  });

  it('is never guessed: hex digits that are Base32 too (only a-f and 2-7) are read as Base32', () => {
    const text = '2345abcd'.repeat(5);
    expect(Buffer.from(parseSeedText(text, 'x').secret).equals(Buffer.from(decodeBase32(text)))).toBe(true);
    expect(Buffer.from(parseSeedText(text, 'x').secret).toString('hex')).not.toBe(text);
  });

  it('text that is neither gets the Base32 refusal, not the hex hint (odd length, other letters)', () => {
    expect(refusal(() => parseSeedText(`${HEX}0`, 'x')).message).toMatch(/^x: is not valid Base32: /);
    expect(refusal(() => parseSeedText(`${HEX.slice(0, 10)}x0${HEX.slice(12)}`, 'x')).message).toMatch(
      /^x: is not valid Base32: /,
    );
  });
});

describe('hex:… seed text, read as hex by every face', () => {
  const times = [59, 1111111109, 1234567890, 2000000000, 20000000000];

  it.skipIf(!HAS_OATHTOOL)('gives the codes `oathtool --totp HEX` gives (SHA1, SHA256, 8 digits)', () => {
    for (const hex of [RFC_HEX, HEX, HEX.toUpperCase()]) {
      const seed = parseSeedText(`hex:${hex}`, 'TOTP_SEED');
      expect(Buffer.from(seed.secret).toString('hex')).toBe(hex.toLowerCase());
      for (const at of times) {
        expect(generateCode(resolveKey(seed, {}, 'TOTP_SEED'), at)).toBe(oathtool(hex, at));
        const sha256 = resolveKey(seed, { algorithm: 'SHA256', digits: '8' }, 'TOTP_SEED');
        expect(generateCode(sha256, at)).toBe(oathtool(hex, at, { algorithm: 'sha256', digits: 8 }));
      }
    }
  });

  it('matches RFC 6238’s published code for its SHA1 seed', () => {
    const key = resolveKey(parseSeedText(`hex:${RFC_HEX}`, 'x'), { digits: 8 }, 'x');
    expect(generateCode(key, 59)).toBe('94287082');
  });

  it.each([
    ['upper-case prefix', `HEX:${HEX}`],
    ['spaces between groups', `hex:${HEX.replace(/(.{8})(?=.)/g, '$1 ')}`],
    ['0x after the prefix', `hex:0x${HEX}`],
    ['surrounding whitespace and a newline', `  hex:${HEX}\n`],
  ])('forgives %s', (_, text) => {
    expect(Buffer.from(parseSeedText(text, 'x').secret).equals(SEED)).toBe(true);
  });

  it('is read through the sources, the CLI’s --secret and the action’s secret alike', async () => {
    writeFileSync(join(DIR, 'hex-prefixed'), `hex:${HEX}\n`);
    const env = { TOTP_SEED: `hex:${HEX}` };
    const sources = [resolveSource('env:TOTP_SEED', '--from', env), resolveSource(`file:${join(DIR, 'hex-prefixed')}`)];
    for (const source of sources) {
      const seed = await (source as SeedSource).read();
      expect(Buffer.from(seed.secret).equals(SEED)).toBe(true);
    }
    for (const label of ['--secret', 'secret']) {
      const loaded = await loadKey({ text: `hex:${HEX}`, label }, { digits: '8' }, {});
      expect(loaded.key.remote).toBeUndefined();
      expect(Buffer.from((loaded.key as { secret: Uint8Array }).secret).equals(SEED)).toBe(true);
      expect(loaded.key.digits).toBe(8);
    }
    // In a JSON secret's field too (an aws-sm: or vault-kv: secret), and for a Steam key: hex is bytes.
    const json = parseSeedText(JSON.stringify({ seed: `hex:${HEX}` }), 'aws-sm:x');
    expect(Buffer.from(json.secret).equals(SEED)).toBe(true);
    expect(Buffer.from(parseSeedText(`hex:${HEX}`, 'x', undefined, { encoder: 'steam' }).secret).equals(SEED)).toBe(
      true,
    );
  });

  it('masks the hex as written, in both cases, and the other forms of the seed', () => {
    const forms = parseSeedText(`hex:${HEX.toUpperCase().replace(/(.{8})(?=.)/g, '$1 ')}`, 'x').secretForms;
    for (const form of [HEX, HEX.toUpperCase(), B32, SEED.toString('base64')]) expect(forms).toContain(form);
  });

  it.each([
    ['no digits', 'hex:', 'x: has no hex digits after "hex:"', 'E_SEED_EMPTY'],
    ['only spaces', 'hex:   ', 'x: has no hex digits after "hex:"', 'E_SEED_EMPTY'],
    [
      'a letter that is no hex digit',
      `hex:${HEX.slice(0, 9)}g${HEX.slice(10)}`,
      'x: is not valid hex: a character that is not a hex digit at position 10 after "hex:"',
      'E_SEED_NOT_HEX',
    ],
    [
      'Base32 after the prefix',
      `hex:${B32}`,
      'x: is not valid hex: a character that is not a hex digit at position',
      'E_SEED_NOT_HEX',
    ],
    [
      'an odd number of digits',
      `hex:${HEX}0`,
      'x: is not valid hex: 41 digits cannot encode whole bytes (two digits per byte)',
      'E_SEED_NOT_HEX',
    ],
  ])('refuses %s without quoting it', (_, text, message, code) => {
    const e = refusal(() => parseSeedText(text, 'x'));
    expect(e.message.startsWith(message), e.message).toBe(true);
    expect(e.message).toMatch(/\(allowed: hex digits 0-9 and a-f after "hex:", two per byte \(spaces ignored\)\)$/);
    expect(e.code).toBe(code);
  });

  it('a hex seed where a source name belongs is taken for a seed and not printed', () => {
    for (const reference of [`file:${HEX}`, `env:a${HEX}`, `file:/tmp/${HEX.toUpperCase()}/seed`]) {
      const e = refusal(() => resolveSource(reference, '--from', {}));
      expect(e.code).toBe('E_SOURCE_SEED_AS_NAME');
    }
    expect(looksLikeSeed(RFC_HEX)).toBe(true);
    // Short hex runs (a commit prefix, a short id) and names are not.
    for (const name of ['deadbeef', 'ci/key-3f2a9c1', 'a1b2c3d4e5f60718', 'TOTP_SEED'])
      expect(looksLikeSeed(name)).toBe(false);
  });
});

describe('file:~/… is refused: nothing expands "~" there', () => {
  const TILDE = '"~" is not expanded (a shell expands it only at the start of a word, not after "file:")';

  it.each([
    [
      '--from',
      'file:~/seed.txt',
      `--from: file:~/seed.txt: ${TILDE} (allowed: the full path, e.g. file:$HOME/seed.txt in a shell)`,
    ],
    ['source', 'file:~', `source: file:~: ${TILDE} (allowed: the full path, e.g. file:$HOME in a shell)`],
    ['importFrom', 'file:~bob/seed', `importFrom: file:~bob/seed: ${TILDE} (allowed: the full path)`],
  ])('a seed source (%s)', (label, reference, message) => {
    const e = refusal(() => resolveSource(reference, label, {}));
    expect(e.message).toBe(message);
    expect(e.code).toBe('E_SOURCE_REF');
  });

  it('before anything is read: a key declared with it is refused when checked', () => {
    const e = refusal(() => checkedKeySpec({ name: 'bot', importFrom: 'file:~/seed.txt' }));
    expect(e.message).toContain(`importFrom: file:~/seed.txt: ${TILDE}`);
  });

  it('a store, named as the face or TOTP_KIT_STORE gave it (no folder "~" is made in the working directory)', () => {
    expect(refusal(() => resolveStoreRef('file:~/store.json', {}, '--store')).message).toBe(
      `--store: file:~/store.json: ${TILDE} (allowed: the full path, e.g. file:$HOME/store.json in a shell)`,
    );
    const e = refusal(() => resolveStoreRef(undefined, { TOTP_KIT_STORE: 'file:~/.totp/store.json' }, '--store'));
    expect(e.message).toMatch(/^TOTP_KIT_STORE: file:~\/\.totp\/store\.json: "~" is not expanded/);
    expect(e.code).toBe('E_STORE_REF');
  });

  it('"~" elsewhere in a path is a character like any other', () => {
    expect(resolveSource('file:./~/seed', '--from', {}).reference).toBe('file:./~/seed');
    expect(resolveSource('file:C:/Users/RUNNER~1/seed', '--from', {}).reference).toBe('file:C:/Users/RUNNER~1/seed');
    expect(resolveStoreRef('file:/tmp/a~b/store.json', {}).kind).toBe('file');
  });
});

describe('a seed written in dashed groups', () => {
  const dashed = (b32: string) => b32.replace(/(.{4})(?=.)/g, '$1-');

  it('is read like one written with spaces, in either case', () => {
    const spaced = parseSeedText('jbsw y3dp ehpk 3pxp', 'x').secret;
    expect(Buffer.from(parseSeedText('jbsw-y3dp-ehpk-3pxp', 'x').secret).equals(Buffer.from(spaced))).toBe(true);
    for (const text of [
      dashed(B32),
      dashed(B32).toLowerCase(),
      `${dashed(B32)}\n`,
      dashed(B32).replaceAll('-', ' - '),
    ]) {
      expect(Buffer.from(parseSeedText(text, 'x').secret).equals(SEED)).toBe(true);
    }
  });

  it('in an otpauth URL’s secret, and as a Steam key’s upper-case Base32', () => {
    const url = `otpauth://totp/a?secret=${dashed(B32)}`;
    expect(Buffer.from(parseOtpauthUrl(url).key.secret).equals(SEED)).toBe(true);
    const steam = parseSeedText(dashed(B32), 'x', undefined, { encoder: 'steam' });
    expect(Buffer.from(steam.secret).equals(SEED)).toBe(true);
  });

  it('masks the seed as written and as read', () => {
    const forms = parseSeedText(dashed(B32).toLowerCase(), 'x').secretForms;
    expect(forms).toContain(dashed(B32).toLowerCase());
    expect(forms).toContain(B32);
  });
});

describe('an otpauth URL with several bad parameters', () => {
  it('lists them all in one error, one line each, as bad flags are', () => {
    const url = `otpauth://totp/ACME:alice?secret=${B32}&algorithm=MD5&digits=7&period=0&issuer=ACME`;
    const e = refusal(() => parseOtpauthUrl(url, '--url'));
    expect(e.message.split('\n')).toEqual([
      '--url algorithm parameter: "MD5" is not supported (allowed: SHA1, SHA256 or SHA512)',
      '--url digits parameter: "7" is not allowed (allowed: 6 or 8)',
      '--url period parameter: 0 is out of range (allowed: whole seconds from 1 to 4294967295)',
    ]);
    expect(e.problems).toHaveLength(3);
    expect(e.code).toBe('E_URL_SETTING');
  });

  it('puts repeated parameters, the secret and the label first; the code is the first problem’s', () => {
    const url = `otpauth://totp/A%3AB:alice?digits=6&DIGITS=8&algorithm=SHA3&encoder=x`;
    const e = refusal(() => parseOtpauthUrl(url, 'env:TOTP_URL'));
    expect(e.message.split('\n')).toEqual([
      'env:TOTP_URL: has 2 "digits" parameters (digits, DIGITS: names are case-insensitive) (allowed: each parameter once)',
      `env:TOTP_URL: has no secret parameter (allowed: otpauth://totp/Issuer:Account?secret=BASE32&issuer=…&algorithm=…&digits=…&period=…)`,
      'env:TOTP_URL: has a label with 2 ":" (literal or %3A); only one may separate the issuer from the account (allowed: Issuer:Account or Account, with no other ":" (literal or %3A))',
      'env:TOTP_URL encoder parameter: "x" is not supported (allowed: steam or totp)',
      'env:TOTP_URL algorithm parameter: "SHA3" is not supported (allowed: SHA1, SHA256 or SHA512)',
    ]);
    expect(e.code).toBe('E_URL_DUPLICATE');
  });

  it('a bad secret among them is named without being quoted', () => {
    const bad = `${B32.slice(0, 5)}1${B32.slice(6)}`;
    const e = refusal(() => parseSeedText(`otpauth://totp/a?secret=${bad}&digits=${B32}`, 'TOTP_URL'));
    expect(e.message.split('\n')).toEqual([
      'TOTP_URL secret parameter: is not valid Base32: a character that is not Base32 at position 6 (allowed: Base32 letters A–Z and digits 2–7; spaces, "-" and trailing "=" are ignored)',
      'TOTP_URL digits parameter: has a value that is not allowed (allowed: 6 or 8)',
    ]);
    expect(e.code).toBe('E_SEED_NOT_BASE32');
  });

  it('a Steam URL’s misfits are listed together', () => {
    const url = `otpauth://steam/Steam:bob?secret=${B32}&digits=8&algorithm=SHA256&period=60`;
    expect(refusal(() => parseOtpauthUrl(url)).message.split('\n')).toEqual([
      'url digits parameter: "8" cannot be used with Steam Guard codes, which are always 5 characters (allowed: 5, or leave it out)',
      'url algorithm parameter: SHA256 cannot be used with Steam Guard codes, which use SHA1 (the URL is a Steam key: the otpauth://steam/ type) (allowed: SHA1, or leave it out)',
      'url period parameter: 60 cannot be used with Steam Guard codes, which change every 30 s (the URL is a Steam key: the otpauth://steam/ type) (allowed: 30, or leave it out)',
    ]);
  });
});

describe('messages name what the face calls an input', () => {
  it('a missing AWS region: AWS_REGION alone, or beside the face’s own setting', () => {
    const missing = { name: 'Error', message: 'Region is missing' };
    expect(describeAwsError(missing)).toBe('no AWS region configured (set AWS_REGION)');
    expect(describeAwsError(missing, 'aws-region')).toBe('no AWS region configured (set AWS_REGION or aws-region)');
  });

  it('Vault: VAULT_ADDR and VAULT_TOKEN alone, or beside the face’s own settings', () => {
    const refused = (env: Record<string, string>, given: Parameters<typeof vaultOptions>[1]) =>
      refusal(() => vaultOptions(env, given)).message;
    const labels = { address: 'vault-address', token: 'vault-token' };
    expect(refused({}, {})).toBe(
      'VAULT_ADDR: is not set (allowed: the Vault address, e.g. https://vault.example.com:8200)',
    );
    expect(refused({}, { labels })).toBe(
      'VAULT_ADDR or vault-address: is not set (allowed: the Vault address, e.g. https://vault.example.com:8200)',
    );
    expect(refused({ VAULT_ADDR: 'http://127.0.0.1:8200' }, {})).toBe(
      'VAULT_TOKEN: is not set (allowed: a Vault token)',
    );
    expect(refused({ VAULT_ADDR: 'http://127.0.0.1:8200' }, { labels })).toBe(
      'VAULT_TOKEN or vault-token: is not set (allowed: a Vault token)',
    );
    expect(refused({ VAULT_ADDR: 'vault:8200', VAULT_TOKEN: 't' }, { labels })).toBe(
      'VAULT_ADDR: is not an http(s) URL (allowed: https://host:8200)',
    );
    expect(refused({}, { address: 'vault:8200', token: 't', labels })).toBe(
      'vault-address: is not an http(s) URL (allowed: https://host:8200)',
    );
  });

  it('no message outside the action names one of the action’s inputs', () => {
    const inputs = [...declaredInputs().keys()].filter((name) => name.includes('-'));
    const named = new RegExp(`(?<![-\\w])(${inputs.join('|')})(?![-\\w])|the [a-z-]+ input\\b`);
    const offenders: string[] = [];
    for (const folder of ['core', 'sources', 'stores', 'resources', 'cli']) {
      const root = join(import.meta.dirname, '..', 'src', folder);
      for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
        const path = join(root, file);
        if (!file.endsWith('.ts') || !statSync(path).isFile()) continue;
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.trim();
            if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return;
            if (named.test(code)) offenders.push(`src/${folder}/${file}:${i + 1}: ${code}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('a damaged store says what to do next', () => {
  const storeFile = (name: string, text: string) => {
    const dir = mkdtempSync(join(DIR, 'store-'));
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };

  it.each([
    ['empty', '', 'is empty; it was left untouched (restore it from a backup, or delete PATH to start an empty store)'],
    [
      'truncated',
      '{"format":1,"keys":{',
      'is not valid JSON (corrupt or truncated); it was left untouched (restore it from a backup; moving PATH aside starts an empty store, without its keys and enrollments)',
    ],
    [
      'not a store',
      '[]',
      'is not a totp-kit store (no format version); it was left untouched (check that the store reference names a totp-kit store file, or restore it from a backup)',
    ],
    [
      'a damaged section',
      '{"format":1,"keys":[]}',
      'has a damaged "keys" section; it was left untouched (restore it from a backup)',
    ],
  ])('%s', async (_, text, message) => {
    const path = storeFile('store.json', text);
    const e = await rejection(new FileStore(path, new SecretBox(undefined)).get('key', 'bot'));
    expect(e.message).toBe(`store file:${path}: ${message.replaceAll('PATH', path)}`);
    expect(e.code).toBe('E_STORE_CORRUPT');
    expect(e.kind).toBe('backend');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a damaged seed names its record, and restoring or re-creating it', async () => {
    const path = storeFile('store.json', '');
    rmSync(path);
    const ctx = {
      store: new FileStore(path, new SecretBox(undefined)),
      now: () => 1_750_000_000,
      env: { TOTP_HINTS_SEED: B32 },
    };
    await createKey(ctx, checkedKeySpec({ name: 'bot', importFrom: 'env:TOTP_HINTS_SEED' }));
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.keys.bot.secret = 'not base32 at all!';
    writeFileSync(path, JSON.stringify(doc));
    const e = await rejection(keyCode(ctx, 'bot'));
    expect(e.message).toBe(
      'key "bot": the stored seed is damaged (not Base32, not sealed); it was left untouched (restore the store from a backup, or delete key "bot" and create it again)',
    );
    expect(e.code).toBe('E_STORE_CORRUPT');
  });
});

// ---- the action's run(), in this process, with the runner's environment --------------------------------------

/** A fixed clock for the action's runs: mid-step. */
const ACTION_NOW = 1_750_000_005;

/** Runs the action's run() with inputs as the runner passes them (action.yml defaults for the rest). */
async function runInProcess(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const r = await runActionInProcess({ inputs, env, now: ACTION_NOW });
  return { ...r, failed: r.exitCode === 1 };
}

describe('the action writes its job summary on failure too', () => {
  afterEach(() => {
    expect(process.exitCode).toBeUndefined();
  });

  it('a seed that is hex: the one problem, without seed or code', async () => {
    const r = await runInProcess({ secret: HEX });
    expect(r.failed).toBe(true);
    expect(r.errors).toEqual([`secret: ${HEX_HINT}`]);
    expect(r.summary).toContain('<h3>totp-kit: the step failed</h3>');
    expect(r.summary).toContain('<tr><td>result</td><td>failed</td></tr>');
    expect(r.summary).toContain(
      '<tr><td>problem</td><td>secret: looks like hex (digits 0-9 and letters a-f only), not Base32 (allowed: the same digits after the prefix &#34;hex:&#34;, or Base32 letters A–Z and digits 2–7)</td></tr>',
    );
    expect(r.outputs).toEqual({});
    expectNoSeed(r.summary, SEEDS, 'the job summary');
    expectNoSeed(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      SEEDS,
      'the log',
    );
  });

  it('several bad inputs: one row each', async () => {
    const r = await runInProcess({ secret: B32, digits: '7', period: 'x' });
    expect(r.failed).toBe(true);
    const rows = [...r.summary.matchAll(/<tr><td>problem<\/td><td>([^<]*)<\/td><\/tr>/g)].map((m) => m[1]);
    expect(rows).toEqual([
      'digits: &#34;7&#34; is not allowed (allowed: 6 or 8)',
      'period: &#34;x&#34; is not a whole number (allowed: whole seconds from 1 to 4294967295)',
    ]);
    expectNoSeed(r.summary, SEEDS, 'the job summary');
  });

  it('a source that fails (a file:~ path): named as the action names it', async () => {
    const r = await runInProcess({ source: 'file:~/seed.txt' });
    expect(r.errors).toEqual([
      'source: file:~/seed.txt: "~" is not expanded (a shell expands it only at the start of a word, not after "file:") (allowed: the full path, e.g. file:$HOME/seed.txt in a shell)',
    ]);
    expect(r.summary).toContain('<td>problem</td><td>source: file:~/seed.txt: &#34;~&#34; is not expanded');
  });

  it.skipIf(!HAS_OATHTOOL)('a hex: secret succeeds with oathtool’s code, and no failure summary', async () => {
    const r = await runInProcess({ secret: `hex:${HEX}`, 'min-remaining': '0' });
    expect(r.failed, r.stdout).toBe(false);
    const end = Date.parse(r.outputs['expires-at'] as string) / 1000;
    expect(r.outputs.code).toBe(oathtool(HEX, end - 30));
    expect(r.summary).toContain('totp-kit: one-time code');
    expect(r.summary).not.toContain('failed');
    // The lower-case hex was masked by an earlier run of this process (masks are registered once per process).
    expect(r.stdout).toContain(`::add-mask::${HEX.toUpperCase()}`);
    expectNoSeed(r.summary, SEEDS, 'the job summary');
  });

  it('the action names its own inputs beside the variables (vault-address)', async () => {
    const r = await runInProcess({ source: 'vault-kv:secret/ci#totp' }, { VAULT_ADDR: '', VAULT_TOKEN: '' });
    expect(r.errors).toEqual([
      'VAULT_ADDR or vault-address: is not set (allowed: the Vault address, e.g. https://vault.example.com:8200)',
    ]);
  });
});
