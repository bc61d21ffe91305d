// Steam Guard codes (issue 9, item 4): the core against the npm package steam-totp (an independent
// implementation) and an HMAC written here from the description, seeds as Steam keeps them (base64
// shared_secret, .maFile JSON, Steam otpauth URLs), the bundled CLI's code / verify / key commands, and
// every refusal: exit 2, one line naming the flag, no seed material in any form.
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import type { TotpKitError } from '../src/core/errors.js';
import { looksLikeSeed } from '../src/core/errors.js';
import type { KeyMaterial as TotpKey } from '../src/core/key.js';
import { formatOtpauthUrl, parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { parseSeedText, resolveKey } from '../src/core/seed-text.js';
import { checkSettings } from '../src/core/settings.js';
import { decodeBase64Secret, decodeSteamSecret, STEAM_ALPHABET, steamCode } from '../src/core/steam.js';
import { codeLength, generateCode, hotp, normalizeCode, verifyCode } from '../src/core/totp.js';
import { refusalMessage as verdictMessage, verifyWithKey } from '../src/resources/verdicts.js';
import { asKeyRecord } from '../src/stores/records.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli, findSeed, thrownBy } from './helpers/leak.js';

const SteamTotp = createRequire(import.meta.url)('steam-totp') as {
  generateAuthCode(secret: Buffer | string, timeOffset?: number): string;
};

/**
 * steam-totp's code at Unix time `t`: it adds its offset argument to its own clock, so `t` is taken in the
 * middle of a 30 s step, where a second ticking during the call cannot change the step.
 */
function reference(secret: Buffer | string, t: number): string {
  expect(t % 30, 'a time in the middle of its step').toBe(15);
  return SteamTotp.generateAuthCode(secret, t - Math.floor(Date.now() / 1000));
}

/** The description, written out: HMAC-SHA1 of the 8-byte counter, RFC 4226 truncation, 5 × (value mod 26). */
function described(secret: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[19] as number) & 0x0f;
  let value = mac.readUInt32BE(offset) & 0x7fffffff;
  let code = '';
  for (let i = 0; i < 5; i++) {
    code += STEAM_ALPHABET[value % 26];
    value = Math.floor(value / 26);
  }
  return code;
}

const steamKey = (secret: Uint8Array): TotpKey => ({
  secret,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  encoder: 'steam',
});

/** A time in the middle of a random step that steam-totp (32-bit counters) can compute. */
const midStep = (maxStep = 2 ** 32 - 1) => randomInt(0, maxStep) * 30 + 15;

describe('Steam Guard codes match steam-totp', () => {
  const CASES = Array.from({ length: 240 }, () => ({ secret: randomBytes(randomInt(10, 41)), t: midStep() }));

  it('for 240 random secrets of 10–40 bytes at random times (generateCode, steamCode)', () => {
    for (const { secret, t } of CASES) {
      const expected = reference(secret, t);
      expect(expected).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
      expect(generateCode(steamKey(secret), t), `${secret.length} bytes at ${t}`).toBe(expected);
      expect(steamCode(secret, Math.floor(t / 30))).toBe(expected);
    }
  });

  it('with the secret given as base64 (what steam-totp and .maFiles hold), standard and URL-safe', () => {
    for (const { secret, t } of CASES.slice(0, 40)) {
      const base64 = secret.toString('base64');
      const expected = reference(base64, t);
      expect(generateCode(steamKey(decodeSteamSecret(base64)), t)).toBe(expected);
      expect(generateCode(steamKey(decodeSteamSecret(secret.toString('base64url'))), t)).toBe(expected);
    }
  });

  it('a fixed vector: "0123456789abcdef0123" at 1700000025 is TK8G3 (steam-totp says so too)', () => {
    const secret = Buffer.from('0123456789abcdef0123');
    expect(reference(secret, 1700000025)).toBe('TK8G3');
    expect(generateCode(steamKey(secret), 1700000025)).toBe('TK8G3');
    // The standard code of the same seed is 6 digits: the encoder, not the seed, decides.
    expect(generateCode({ ...steamKey(secret), encoder: undefined } as unknown as TotpKey, 1700000025)).toMatch(
      /^[0-9]{6}$/,
    );
  });

  it('matches the description written out here, also past 2^32 steps (where steam-totp writes 0 high bytes)', () => {
    for (let i = 0; i < 200; i++) {
      const secret = randomBytes(randomInt(10, 41));
      const counter = i < 100 ? randomInt(0, 2 ** 32) : 2 ** 32 + randomInt(0, 2 ** 40);
      expect(steamCode(secret, counter)).toBe(described(secret, counter));
    }
  });
});

describe('codeLength, normalizeCode and verifyCode for a Steam key', () => {
  const secret = randomBytes(20);
  const key = steamKey(secret);
  const t = midStep(2 ** 31);
  const code = generateCode(key, t);

  it('codeLength is 5 for a Steam key, the digits otherwise', () => {
    expect(codeLength(key)).toBe(5);
    expect(codeLength({ digits: 8 })).toBe(8);
    expect(codeLength({ digits: 6, encoder: undefined })).toBe(6);
  });

  it('normalizeCode removes whitespace and, for a Steam key, upper-cases ASCII letters only (one replay key)', () => {
    expect(normalizeCode(' tk8 g3\t', key)).toBe('TK8G3');
    expect(normalizeCode('Tk8G3', key)).toBe(normalizeCode('tK8g3', key));
    expect(normalizeCode('123 456', key)).toBe('123456');
    // "ﬀ".toUpperCase() is "FF": folding it would turn 4 characters into a 5-character code.
    expect(normalizeCode('ﬀ23b', key)).toBe('ﬀ23B');
    // A standard key's normal form is unchanged: whitespace removed, nothing else.
    expect(normalizeCode(' ab c ', { digits: 6 })).toBe('abc');
    expect(normalizeCode(' ab c ')).toBe('abc');
  });

  it('accepts the code in any case and with spaces, and reports the normalised code and step', () => {
    for (const input of [code, code.toLowerCase(), ` ${code.slice(0, 2)} ${code.slice(2).toLowerCase()} `]) {
      expect(verifyCode(key, input, { at: t })).toEqual({
        valid: true,
        code,
        counter: Math.floor(t / 30),
        delta: 0,
      });
    }
  });

  it('has the skew semantics of standard codes: ±1 step with skew 1, only the current one with skew 0', () => {
    const step = Math.floor(t / 30);
    const before = steamCode(secret, step - 1);
    const after = steamCode(secret, step + 1);
    const twoAway = steamCode(secret, step + 2);
    expect(verifyCode(key, before, { at: t, skew: 1 })).toMatchObject({ valid: true, delta: -1 });
    expect(verifyCode(key, after, { at: t, skew: 1 })).toMatchObject({ valid: true, delta: 1 });
    if (twoAway !== code && twoAway !== before && twoAway !== after) {
      expect(verifyCode(key, twoAway, { at: t, skew: 1 }).valid).toBe(false);
    }
    if (before !== code) expect(verifyCode(key, before, { at: t, skew: 0 }).valid).toBe(false);
  });

  it('is invalid, never an error, for anything that is not 5 characters of the alphabet', () => {
    const wrongChar = `${code.slice(0, 4)}A`; // A is not in the alphabet (no vowels)
    for (const input of [code.slice(0, 4), `${code}2`, wrongChar, '00000', '11111', 'ZZZZZ', '12345', '', 42, null]) {
      expect(verifyCode(key, input, { at: t }).valid, String(input)).toBe(false);
    }
    expect(verifyCode(key, code, { at: Number.NaN }).valid).toBe(false);
  });

  it('verifyWithKey says what a Steam code looks like; a standard key keeps its digits message', async () => {
    const malformed = await verifyWithKey(key, '123456', { at: t });
    expect(malformed).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verdictMessage(malformed, 6)).toBe(
      'the code must be 5 characters from 23456789BCDFGHJKMNPQRTVWXY (spaces are ignored)',
    );
    expect(await verifyWithKey(key, code.toLowerCase(), { at: t })).toEqual({ valid: true, delta: 0 });
    const standard = await verifyWithKey({ secret, algorithm: 'SHA1', digits: 8, period: 30 }, 'TK8G3');
    expect(verdictMessage(standard, 8)).toBe('the code must be 8 digits 0-9 (spaces are ignored)');
  });

  it('a Steam key must be SHA1 and 30 s for the library too', () => {
    expect(() => generateCode({ ...key, period: 60 }, t)).toThrow(/period: does not fit a Steam key/);
    expect(() => generateCode({ ...key, algorithm: 'SHA256' }, t)).toThrow(/algorithm: does not fit a Steam key/);
    expect(() => generateCode({ ...key, encoder: 'yandex' } as unknown as TotpKey, t)).toThrow(
      /encoder: "yandex" is not supported/,
    );
  });
});

describe('Steam seeds', () => {
  const secret = randomBytes(20);
  const base64 = secret.toString('base64');
  const b32 = encodeBase32(secret);

  it('decodeSteamSecret reads base64 in both alphabets, with or without padding and spaces, and upper-case Base32', () => {
    for (const text of [
      base64,
      base64.replace(/=+$/, ''),
      secret.toString('base64url'),
      ` ${base64.slice(0, 10)} ${base64.slice(10)}\n`,
      b32,
      `${b32}====`,
    ]) {
      expect(decodeSteamSecret(text, 'x').equals(secret)).toBe(true);
    }
    // Lower-case Base32 is not Base32 to Steam: it is base64 (of other bytes).
    expect(decodeSteamSecret(b32.toLowerCase()).equals(secret)).toBe(false);
  });

  it.each([
    ['a character outside both alphabets', `${base64.slice(0, 12)}!${base64.slice(13)}`, /not base64 at position 13/],
    ['"=" before the end', `${base64.slice(0, 8)}=${base64.slice(9)}`, /"=" padding before the end/],
    ['both alphabets mixed', 'ab+cd_efgh123456', /both the standard \(\+ \/\) and the URL-safe/],
    ['a length no bytes encode to', `${base64.slice(0, 25)}`, /25 characters cannot encode whole bytes/],
    ['too much padding', `${base64.slice(0, 26)}===`, /cannot encode whole bytes/],
    ['nothing but padding', '==', /is empty/],
  ])('decodeBase64Secret refuses %s, naming the input and never quoting it', (_what, text, message) => {
    const e = thrownBy(() => decodeBase64Secret(text, 'env:STEAM'), secret) as TotpKitError;
    expect(e.kind).toBe('bad-input');
    expect(e.message).toMatch(/^env:STEAM: is (not valid base64|empty)/);
    expect(e.message).toMatch(message);
  });

  it('a bare base64 seed without the steam encoder is refused as Base32, as before', () => {
    const e = thrownBy(() => parseSeedText(base64.replace(/[A-Z]/, '0'), '--secret'), secret) as TotpKitError;
    expect(e.message).toMatch(/^--secret: is not valid Base32/);
    expect(parseSeedText(base64, '--secret', undefined, { encoder: 'steam' }).secret).toEqual(secret);
  });

  it('a .maFile states a Steam key; shared_secret is picked among its dozen fields and its other secrets are masked', () => {
    const identity = randomBytes(20).toString('base64');
    const maFile = maFileText(secret, identity);
    const seed = parseSeedText(maFile, 'file:a.maFile');
    expect(Buffer.from(seed.secret).equals(secret)).toBe(true);
    expect(seed.encoder).toBe('steam');
    for (const form of [base64, secret.toString('base64url'), b32, identity]) expect(seed.secretForms).toContain(form);
    const key = resolveKey(seed, {}, 'file:a.maFile');
    expect(key).toMatchObject({ encoder: 'steam', algorithm: 'SHA1', digits: 6, period: 30 });
    // #FIELD picks another field: the uri, an otpauth URL with the issuer Steam, is a Steam key too.
    const uri = parseSeedText(maFile, 'file:a.maFile', 'uri');
    expect(uri.encoder).toBe('steam');
    expect(Buffer.from(uri.secret).equals(secret)).toBe(true);
  });

  it('Steam otpauth URLs: the issuer Steam (parameter or label, any case), encoder=steam, otpauth://steam/', () => {
    for (const url of [
      `otpauth://totp/Steam:alice?secret=${b32}&issuer=Steam`,
      `otpauth://totp/STEAM:alice?secret=${b32}`,
      `otpauth://totp/alice?secret=${b32}&issuer=steam&digits=6`,
      `otpauth://totp/alice?secret=${b32}&encoder=steam&digits=5`,
      `otpauth://steam/Steam:alice?secret=${b32}&digits=5&period=30&algorithm=SHA1`,
    ]) {
      const parsed = parseOtpauthUrl(url, '--url');
      expect(parsed.key.encoder, url).toBe('steam');
      expect(Buffer.from(parsed.key.secret).equals(secret)).toBe(true);
    }
    // encoder=totp says a key with the issuer Steam is a standard one.
    const standard = parseOtpauthUrl(`otpauth://totp/Steam:alice?secret=${b32}&encoder=totp`, '--url');
    expect(standard.key.encoder).toBeUndefined();
    expect(parseOtpauthUrl(`otpauth://totp/Valve:alice?secret=${b32}`, '--url').key.encoder).toBeUndefined();
  });

  it.each([
    ['digits=8', `otpauth://totp/Steam:a?secret={B32}&digits=8`, /--url digits parameter: "8" cannot be used/],
    ['SHA256', `otpauth://steam/a?secret={B32}&algorithm=SHA256`, /--url algorithm parameter: SHA256 cannot be/],
    ['period=60', `otpauth://totp/a?secret={B32}&encoder=steam&period=60`, /--url period parameter: 60 cannot/],
    [
      'an unknown encoder',
      `otpauth://totp/a?secret={B32}&encoder=yandex`,
      /--url encoder parameter: "yandex" is not supported \(allowed: steam or totp\)/,
    ],
    ['steam type and encoder=totp', `otpauth://steam/a?secret={B32}&encoder=totp`, /totp contradicts the otp/],
    ['an unknown type', `otpauth://motp/a?secret={B32}`, /has an unknown OTP type \(allowed: totp or steam\)/],
  ])('a Steam URL with %s is refused by name, without the secret', (_what, url, message) => {
    const e = thrownBy(() => parseOtpauthUrl(url.replace('{B32}', b32), '--url'), secret) as TotpKitError;
    expect(e.kind).toBe('bad-input');
    expect(e.message).toMatch(message);
  });

  it('formatOtpauthUrl writes a Steam key as KeePassXC does, and reads it back as a Steam key', () => {
    const url = formatOtpauthUrl({ ...steamKey(secret), issuer: 'Steam', accountName: 'alice' });
    expect(url).toMatch(/digits=5/);
    expect(url).toMatch(/&encoder=steam$/);
    const parsed = parseOtpauthUrl(url);
    expect(parsed.key.encoder).toBe('steam');
    expect(generateCode(parsed.key, 1700000025)).toBe(generateCode(steamKey(secret), 1700000025));
  });

  it('resolveKey: every contradiction with a Steam key at once, one line each, naming the setting', () => {
    const seed = parseSeedText(maFileText(secret, 'x'), 'file:a.maFile');
    const e = thrownBy(
      () => resolveKey(seed, { encoder: 'TOTP', digits: '8' }, 'file:a.maFile', (s) => `--${s}`),
      secret,
    ) as TotpKitError;
    expect(e.message).toBe(
      '--encoder: totp contradicts the Steam field "shared_secret" that file:a.maFile states (allowed: steam, or leave it out)',
    );
    const implied = thrownBy(
      () => resolveKey(seed, { algorithm: 'sha512', digits: '6', period: '60' }, 'file:a.maFile', (s) => `--${s}`),
      secret,
    ) as TotpKitError;
    expect(implied.message.split('\n')).toEqual([
      '--algorithm: SHA512 cannot be used with Steam Guard codes, which use SHA1 (allowed: SHA1, or leave it out)',
      '--digits: cannot be used with Steam Guard codes, which are always 5 characters (allowed: leave it out)',
      '--period: 60 cannot be used with Steam Guard codes, which change every 30 s (allowed: 30, or leave it out)',
    ]);
    const url = parseSeedText(`otpauth://totp/Acme:a?secret=${b32}&digits=8&period=60`, '--url');
    const given = thrownBy(() => resolveKey(url, { encoder: 'steam' }, '--url'), secret) as TotpKitError;
    expect(given.message.split('\n')).toEqual([
      'encoder: steam contradicts the digits=8 that --url states (Steam Guard codes use SHA1 and 30 s steps) (allowed: totp, or leave it out)',
      'encoder: steam contradicts the period=60 that --url states (Steam Guard codes use SHA1 and 30 s steps) (allowed: totp, or leave it out)',
    ]);
  });

  it('checkSettings knows the encoder: totp or steam in any case, nothing else', () => {
    expect(checkSettings({ encoder: ' Steam ' }).settings.encoder).toBe('steam');
    expect(checkSettings({ encoder: 'TOTP' }).settings.encoder).toBe('totp');
    expect(checkSettings({ encoder: 'hotp' }).problems).toEqual([
      { setting: 'encoder', problem: '"hotp" is not supported', allowed: 'totp or steam' },
    ]);
    expect(checkSettings({ encoder: 'steam', digits: 8 }).problems.map((p) => p.setting)).toEqual(['digits']);
  });

  it('looksLikeSeed: a base64 secret where a name belongs is seed-like, ordinary names are not', () => {
    for (let i = 0; i < 300; i++) {
      const s = randomBytes(20);
      expect(looksLikeSeed(s.toString('base64'))).toBe(true); // as Steam writes it: 27 characters and "="
      expect(looksLikeSeed(`aws-sm:${s.toString('base64')}#shared_secret`)).toBe(true);
    }
    const unpadded = Array.from({ length: 1000 }, () => randomBytes(20).toString('base64url'));
    expect(unpadded.filter(looksLikeSeed).length).toBeGreaterThan(800);
    for (const name of [
      'STEAM_SHARED_SECRET',
      'MY_STEAM_SHARED_SECRET_VALUE',
      'steam_Bot2_alice',
      'MySteamSharedSecretKey90',
      'SteamGuardCodeForBot1',
      '/home/runner/work/Repo2/Repo2/steam.maFile',
      '/tmp/totp-kit-steam-Xy12Ab/76561198012345678.maFile',
      'ci/steam/Bot2Account3',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/steam-AbCdEf',
      'C:/Users/RUNNER~1/AppData/Local/Temp/totp-kit-AbC123/a.maFile',
    ]) {
      expect(looksLikeSeed(name), name).toBe(false);
    }
  });

  it('a store record is checked for its encoder on the way in', () => {
    const record = {
      name: 'k',
      generated: false,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      skew: 1,
      qrSize: 200,
      exported: true,
      secret: 'X',
      generation: 'g',
      usedCodes: {},
    };
    expect(asKeyRecord(record, 'k').encoder).toBeUndefined();
    expect(asKeyRecord({ ...record, encoder: 'steam' }, 'k').encoder).toBe('steam');
    for (const bad of [
      { encoder: 'STEAM' },
      { encoder: 'steam', algorithm: 'SHA256' },
      { encoder: 'steam', period: 60 },
    ]) {
      expect(() => asKeyRecord({ ...record, ...bad }, 'k')).toThrow(
        /key "k" in the store is damaged \(field "encoder"\)/,
      );
    }
  });
});

describe('the leak scan knows base64 as URLs and JSON write it', () => {
  it('finds a base64 seed whose "+", "/" and "=" are percent-encoded or JSON-escaped', () => {
    let seed = randomBytes(20);
    // A seed whose base64 has a symbol in every 8 characters, so no plain window of 8 is left.
    while (!/^(?=.*[+/].{0,6}[+/])/.test(seed.toString('base64')) || !seed.toString('base64').includes('/')) {
      seed = randomBytes(20);
    }
    const b64 = seed.toString('base64');
    expect(findSeed(`secret=${encodeURIComponent(b64)}`, seed)).toBeDefined();
    expect(findSeed(`{"shared_secret":"${b64.replaceAll('/', '\\/')}"}`, seed)).toBeDefined();
    expect(findSeed(`secret=${encodeURIComponent(randomBytes(20).toString('base64'))}`, seed)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// The bundled CLI (run `npm run build` first).

const DIR = mkdtempSync(join(tmpdir(), 'totp-kit-steam-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** A Steam Desktop Authenticator .maFile: the seed and, beside it, other secrets that must never show. */
function maFileText(secret: Buffer, identity: string, secret1 = randomBytes(20).toString('base64')): string {
  return JSON.stringify({
    shared_secret: secret.toString('base64'),
    serial_number: '1234567890123456789',
    revocation_code: 'R12345',
    uri: `otpauth://totp/Steam:alice?secret=${encodeBase32(secret)}&issuer=Steam`,
    server_time: 1700000000,
    account_name: 'alice',
    token_gid: '2a3b4c5d6e7f8a9b',
    identity_secret: identity,
    secret_1: secret1,
    status: 1,
    device_id: 'android:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    fully_enrolled: true,
    Session: { SessionID: 'abc', SteamLogin: 'x', SteamID: 76561198000000000 },
  });
}

describe('the CLI with Steam keys', () => {
  const SEED = randomBytes(20);
  const IDENTITY = randomBytes(20);
  const SECRET_1 = randomBytes(20);
  /** Every secret of the .maFile: none may show in any output. */
  const ALL = [SEED, IDENTITY, SECRET_1];
  const B64 = SEED.toString('base64');
  const B32 = encodeBase32(SEED);
  const MAFILE = join(DIR, 'alice.maFile');
  writeFileSync(MAFILE, maFileText(SEED, IDENTITY.toString('base64'), SECRET_1.toString('base64')));
  const T = 1700000025;

  /** `totp-kit …args` in-process at T (mid-step), unless `--at` says otherwise. */
  async function run(args: readonly string[], env: Record<string, string> = {}): Promise<InProcessRun> {
    const r = await runInProcess(args, { env, now: T });
    expectNoSeedInCli(r, ALL, `totp-kit ${args[0]} ${args[1] ?? ''}`);
    return r;
  }

  /** A refusal: exit 2, one line on stderr naming `flag`, nothing on stdout, no seed. */
  async function refused(args: readonly string[], flag: string, env: Record<string, string> = {}): Promise<string> {
    const r = await run(args, env);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.replace(/\n$/, '').split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^totp-kit: ${flag}: `));
    return lines[0] as string;
  }

  it("code --secret BASE64 --encoder steam prints steam-totp's code, for standard and URL-safe base64", async () => {
    for (const t of [T, midStep(2 ** 31), midStep(2 ** 31)]) {
      for (const secret of [B64, B64.replace(/=$/, ''), SEED.toString('base64url')]) {
        const r = await run(['code', '--secret', secret, '--encoder', 'steam', '--at', String(t)]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toBe(`${reference(SEED, t)}\n`);
      }
    }
    // The encoder's name is case-insensitive; upper-case Base32 is read as Base32.
    const upper = await run(['code', '--secret', B32, '--encoder', 'STEAM', '--at', String(T)]);
    expect(upper.stdout).toBe(`${reference(SEED, T)}\n`);
  });

  it('code --from file:a.maFile makes a Steam code without --encoder, and shows none of its secrets', async () => {
    const r = await run(['code', '--from', `file:${MAFILE}`, '--at', String(T)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${reference(SEED, T)}\n`);
    const json = await run(['code', '--from', `file:${MAFILE}`, '--at', String(T), '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ code: reference(SEED, T), period: 30, algorithm: 'SHA1' });
    for (const field of ['identity_secret', 'secret_1', 'revocation_code', 'R12345', 'shared_secret']) {
      expect(json.stdout + json.stderr).not.toContain(field);
    }
  });

  it("code from env: (base64 with --encoder steam) and the maFile's JSON in an environment variable", async () => {
    const env = await run(['code', '--from', 'env:STEAM', '--encoder', 'steam', '--at', String(T)], { STEAM: B64 });
    expect(env.stdout).toBe(`${reference(SEED, T)}\n`);
    const json = await run(['code', '--from', 'env:MAFILE', '--at', String(T)], { MAFILE: maFileText(SEED, 'x') });
    expect(json.stdout).toBe(`${reference(SEED, T)}\n`);
  });

  it.each([
    ['the issuer Steam', `otpauth://totp/Steam:alice?secret={B32}&issuer=Steam`],
    ['the label prefix steam', `otpauth://totp/steam:alice?secret={B32}`],
    ['otpauth://steam/ (Aegis)', `otpauth://steam/Steam:alice?secret={B32}&digits=5`],
    ['encoder=steam (KeePassXC)', `otpauth://totp/alice?secret={B32}&period=30&digits=5&encoder=steam`],
  ])('code --url with %s is a Steam code', async (_what, url) => {
    const r = await run(['code', '--url', url.replace('{B32}', B32), '--at', String(T)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${reference(SEED, T)}\n`);
  });

  it('verify --code accepts the code in lower case and with spaces; a 6-digit code is malformed', async () => {
    const code = reference(SEED, T);
    for (const input of [code, code.toLowerCase(), `${code.slice(0, 2)} ${code.slice(2)}`]) {
      const r = await run(['verify', '--from', `file:${MAFILE}`, '--code', input, '--at', String(T)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('valid\n');
    }
    const wrong = await run(['verify', '--from', `file:${MAFILE}`, '--code', '123456', '--at', String(T)]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toBe('invalid\n');
    expect(wrong.stderr).toBe(
      'totp-kit: the code must be 5 characters from 23456789BCDFGHJKMNPQRTVWXY (spaces are ignored)\n',
    );
    const other = code === 'BBBBB' ? 'CCCCC' : 'BBBBB';
    const invalid = await run(['verify', '--secret', B64, '--encoder', 'steam', '--code', other, '--at', String(T)]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toBe('invalid\n');
  });

  it('key create --from a .maFile keeps the encoder; key get shows it; key code and key verify honour it', async () => {
    const env = { TOTP_KIT_STORE: `file:${join(DIR, 'store.json')}` };
    const created = await run(['key', 'create', 'alice', '--from', `file:${MAFILE}`], env);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toBe(
      `created key "alice" (imported from file:${MAFILE}; Steam Guard: SHA1, 5 characters, 30 s)\n`,
    );
    const got = await run(['key', 'get', 'alice', '--json'], env);
    expect(JSON.parse(got.stdout)).toMatchObject({ name: 'alice', encoder: 'steam', algorithm: 'SHA1', period: 30 });
    const code = reference(SEED, T);
    const keyCode = await run(['key', 'code', 'alice', '--at', String(T)], env);
    expect(keyCode.stdout).toBe(`${code}\n`);
    // A code is refused once presented, in any case and with any spaces: one replay record per code.
    const first = await run(['key', 'verify', 'alice', '--code', code.toLowerCase(), '--at', String(T)], env);
    expect(first.stdout).toBe('valid\n');
    for (const again of [code, ` ${code.toLowerCase()} `, `${code.slice(0, 3)} ${code.slice(3)}`]) {
      const r = await run(['key', 'verify', 'alice', '--code', again, '--at', String(T)], env);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('totp-kit: code already used; wait for the next code\n');
    }
  });

  it('key create --from env: with --encoder steam reads base64, and an old standard key stays standard', async () => {
    const env = { TOTP_KIT_STORE: `file:${join(DIR, 'store2.json')}`, STEAM: B64, PLAIN: B32 };
    expect((await run(['key', 'create', 'bot', '--from', 'env:STEAM', '--encoder', 'steam'], env)).status).toBe(0);
    expect((await run(['key', 'code', 'bot', '--at', String(T)], env)).stdout).toBe(`${reference(SEED, T)}\n`);
    expect((await run(['key', 'create', 'plain', '--from', 'env:PLAIN'], env)).status).toBe(0);
    const plain = await run(['key', 'code', 'plain', '--at', String(T)], env);
    expect(plain.stdout).toBe(`${hotp(SEED, Math.floor(T / 30), 'SHA1', 6)}\n`);
    expect(JSON.parse((await run(['key', 'get', 'plain', '--json'], env)).stdout).encoder).toBeUndefined();
  });

  describe('refusals: exit 2, one line naming the flag, no seed', () => {
    const steamUrl = `otpauth://totp/Steam:alice?secret=${B32}&issuer=Steam`;

    it('--encoder totp with a Steam URL or a .maFile', async () => {
      expect(await refused(['code', '--url', steamUrl, '--encoder', 'totp'], '--encoder')).toBe(
        'totp-kit: --encoder: totp contradicts the issuer Steam that --url states (allowed: steam, or leave it out)',
      );
      expect(await refused(['code', '--from', `file:${MAFILE}`, '--encoder', 'totp'], '--encoder')).toMatch(
        /totp contradicts the Steam field "shared_secret" that file:\S+ states/,
      );
      await refused(
        ['verify', '--url', steamUrl.replace('totp/', 'steam/'), '--encoder', 'TOTP', '--code', 'BBBBB'],
        '--encoder',
      );
    });

    it.each([
      ['--algorithm', ['--algorithm', 'SHA256'], /SHA256 cannot be used with Steam Guard codes/],
      ['--period', ['--period', '60'], /60 cannot be used with Steam Guard codes/],
      ['--digits', ['--digits', '6'], /cannot be used with Steam Guard codes, which are always 5 characters/],
    ])('%s with --encoder steam, with a .maFile and with a Steam URL', async (flag, extra, message) => {
      expect(await refused(['code', '--secret', B64, '--encoder', 'steam', ...extra], flag)).toMatch(message);
      expect(await refused(['code', '--from', `file:${MAFILE}`, ...extra], flag)).toMatch(message);
      expect(await refused(['code', '--url', steamUrl, ...extra], flag)).toMatch(message);
    });

    it('every problem at once, one line each', async () => {
      const r = await run(['code', '--secret', B64, '--encoder', 'steam', '--digits', '8', '--period', '15']);
      expect(r.status).toBe(2);
      expect(r.stderr.replace(/\n$/, '').split('\n')).toEqual([
        'totp-kit: --digits: cannot be used with Steam Guard codes, which are always 5 characters (allowed: leave it out)',
        'totp-kit: --period: 15 cannot be used with Steam Guard codes, which change every 30 s (allowed: 30, or leave it out)',
      ]);
    });

    it('--encoder values other than totp and steam', async () => {
      expect(await refused(['code', '--secret', B32, '--encoder', 'yandex'], '--encoder')).toBe(
        'totp-kit: --encoder: "yandex" is not supported (allowed: totp or steam)',
      );
      await refused(['code', '--secret', B32, '--encoder', B64], '--encoder');
    });

    it('a bare base64 seed without --encoder steam is not Base32, as before', async () => {
      expect(await refused(['code', '--secret', B64], '--secret')).toMatch(/--secret: is not valid Base32/);
      expect(await refused(['code', '--from', 'env:S'], 'env:S', { S: B64 })).toMatch(/is not valid Base32/);
    });

    it('bad base64 with --encoder steam says so, without quoting it', async () => {
      expect(await refused(['code', '--secret', `${B64.slice(0, 20)}!`, '--encoder', 'steam'], '--secret')).toMatch(
        /is not valid base64: a character that is not base64 at position 21/,
      );
    });

    it('a Steam URL with digits=8', async () => {
      await refused(['code', '--url', `${steamUrl}&digits=8`], '--url digits parameter');
    });

    it('key create --generate --encoder steam (Steam makes its own secrets)', async () => {
      const env = { TOTP_KIT_STORE: `file:${join(DIR, 'store3.json')}` };
      expect(
        await refused(
          ['key', 'create', 'x', '--generate', '--issuer', 'S', '--account', 'a', '--encoder', 'steam'],
          '--encoder',
          env,
        ),
      ).toMatch(/steam cannot be used for a generated key/);
    });

    it('a remote key (vault-totp:) with --encoder steam, before asking Vault', async () => {
      const env = { VAULT_ADDR: 'http://127.0.0.1:9', VAULT_TOKEN: 'root' };
      expect(
        await refused(['code', '--from', 'vault-totp:totp/alice', '--encoder', 'steam'], '--encoder', env),
      ).toMatch(/steam cannot be used with vault-totp:totp\/alice/);
    });

    it('a base64 seed typed where a source reference belongs is not printed', async () => {
      expect(await refused(['code', '--from', `env:${B64}`, '--encoder', 'steam'], '--from')).toMatch(
        /looks like a seed, not a name/,
      );
      expect(await refused(['code', '--from', `file:${B64}`], '--from')).toMatch(/looks like a seed/);
    });
  });
});

describe('Steam keys through store:, check, exec and the action (in-process)', () => {
  const SEED = randomBytes(20);
  const B64 = SEED.toString('base64');
  const MAFILE = join(DIR, 'bob.maFile');
  writeFileSync(MAFILE, maFileText(SEED, randomBytes(20).toString('base64')));
  const T = 1700000025;

  /** `totp-kit …args` in-process at T (mid-step), unless `--at` says otherwise. */
  async function run(args: readonly string[], env: Record<string, string> = {}): Promise<InProcessRun> {
    const r = await runInProcess(args, { env, now: T });
    expectNoSeedInCli(r, SEED, `totp-kit ${args.join(' ')}`);
    return r;
  }

  it('code --from store:NAME of a Steam key gives the Steam code; --encoder totp or steam must agree with it', async () => {
    const env = { TOTP_KIT_STORE: `file:${join(DIR, 'store-source.json')}`, PLAIN: encodeBase32(randomBytes(20)) };
    expect((await run(['key', 'create', 'bob', '--from', `file:${MAFILE}`], env)).status).toBe(0);
    expect((await run(['key', 'create', 'std', '--from', 'env:PLAIN'], env)).status).toBe(0);
    const code = await run(['code', '--from', 'store:bob', '--at', String(T), '--json'], env);
    expect(code.status, code.stderr).toBe(0);
    expect(JSON.parse(code.stdout)).toMatchObject({ code: reference(SEED, T), digits: 5, encoder: 'steam' });
    const contradiction = await run(['code', '--from', 'store:std', '--encoder', 'steam'], env);
    expect(contradiction.status).toBe(2);
    expect(contradiction.stderr).toBe(
      'totp-kit: --encoder: steam contradicts the encoder totp that store:std states (allowed: totp, or leave it out)\n',
    );
  });

  it('check shows a Steam key as such, with its three codes', async () => {
    const r = await run(['check', '--from', `file:${MAFILE}`, '--at', String(T), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { encoder: string; digits: number; codes: { code: string }[] };
    expect(json).toMatchObject({ encoder: 'steam', digits: 5 });
    expect(json.codes.map((c) => c.code)).toEqual([
      reference(SEED, T - 30),
      reference(SEED, T),
      reference(SEED, T + 30),
    ]);
    const text = await run(['check', '--from', `file:${MAFILE}`, '--at', String(T)]);
    expect(text.stdout).toContain('settings:     Steam Guard: SHA1, 5 characters, 30 s period');
  });

  it('exec hands the Steam code to the command', async () => {
    const r = await run([
      'exec',
      '--from',
      `file:${MAFILE}`,
      '--',
      process.execPath,
      '-e',
      'console.log(process.argv[1] + " " + process.env.TOTP_CODE)',
      '{code}',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${reference(SEED, T)} ${reference(SEED, T)}\n`);
  });

  it('the action with encoder: steam and a base64 secret outputs a 5-character code, digits 5', async () => {
    const r = await runActionInProcess({ now: T, inputs: { secret: B64, encoder: 'steam', 'min-remaining': '0' } });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.outputs.digits).toBe('5');
    const step = Number(r.outputs.step);
    expect(step).toBe(Math.floor(T / 30));
    expect(r.outputs.code).toBe(steamCode(SEED, step));
    expect(r.masks).toContain(B64);
    expect(r.summary).toContain('Steam Guard (SHA1, 5 characters, 30 s)');
    expectNoSeed(r.maskedView, SEED, 'the action');
    const fromMaFile = await runActionInProcess({ now: T, inputs: { source: `file:${MAFILE}`, 'min-remaining': '0' } });
    expect(fromMaFile.exitCode, fromMaFile.stdout).toBe(0);
    expect(fromMaFile.outputs.code).toBe(steamCode(SEED, Math.floor(T / 30)));
    const bad = await runActionInProcess({ now: T, inputs: { secret: B64, encoder: 'stream' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(/^encoder: "stream" is not/);
  });
});

// The scan above must be able to fail: a run that printed the seed would be caught.
describe("this file's scan is live", () => {
  it('catches a base64 secret in CLI output', () => {
    const seed = randomBytes(20);
    expect(() => expectNoSeed(`code ${seed.toString('base64')}`, seed)).toThrow(/contains part of a seed/);
  });
});
