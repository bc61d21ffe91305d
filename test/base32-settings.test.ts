// Base32 seeds (RFC 4648 §6) and the one settings schema (PRODUCT.md "Settings, defaults and rules").
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { checkSettings, type SettingsInput } from '../src/core/settings.js';
import { expectNoSeed, expectNoSeedInError } from './helpers/leak.js';

/** mulberry32 with a fixed seed: the same "random" buffers on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = prng(4648);
const BUFFERS = Array.from({ length: 64 }, (_, i) =>
  Buffer.from(Array.from({ length: i + 1 }, () => Math.floor(random() * 256))),
);

function refusal(f: () => unknown): TotpKitError {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  // BUFFERS[19] is the seed of the Base32 refusals below (SEED there).
  expectNoSeedInError(thrown, BUFFERS[19] as Buffer, 'the error (message, stack, problems)');
  expect(thrown).toBeInstanceOf(TotpKitError);
  expect((thrown as TotpKitError).kind).toBe('bad-input');
  return thrown as TotpKitError;
}

describe('encodeBase32 / decodeBase32', () => {
  it.each(BUFFERS.map((b) => [b.length, b] as const))('round-trips a random %i-byte buffer', (n, bytes) => {
    const text = encodeBase32(bytes);
    expect(text).toMatch(/^[A-Z2-7]+$/);
    expect(text).toHaveLength(Math.ceil((n * 8) / 5));
    expect(text).toBe(new Secret({ buffer: Uint8Array.from(bytes).buffer }).base32); // an independent encoder
    expect(Buffer.from(decodeBase32(text)).equals(bytes)).toBe(true);
    // Authenticator apps show seeds lowercase, in groups of four, padded to a multiple of 8.
    const padded = text.padEnd(Math.ceil(text.length / 8) * 8, '=');
    expect(Buffer.from(decodeBase32(padded.toLowerCase().replace(/(.{4})/g, '$1 '))).equals(bytes)).toBe(true);
  });

  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('RFC 4648 §10: "%s" is "%s" (unpadded)', (plain, encoded) => {
    expect(encodeBase32(Buffer.from(plain))).toBe(encoded);
    if (encoded) expect(decodeBase32(encoded).toString()).toBe(plain);
  });

  it.each([
    ['lowercase', 'mzxw6ytboi'],
    ['mixed case', 'MzXw6YtBoI'],
    ['RFC padding', 'MZXW6YTBOI======'],
    ['spaces in groups', 'MZXW 6YTB OI'],
    ['newlines, tabs and a trailing newline', '\tMZXW\n6YTB\r\nOI\n'],
    ['padding then whitespace', 'MZXW6YTBOI====== \n'],
    ['a single trailing =', 'MZXW6YTBOI='],
  ])('ignores %s', (_, text) => {
    expect(decodeBase32(text).toString()).toBe('foobar');
  });

  const SEED = BUFFERS[19] as Buffer; // 20 bytes
  const B32 = encodeBase32(SEED);
  // biome-ignore format: one refusal a line reads best
  it.each([
    ['0', `${B32.slice(0, 20)}0${B32.slice(21)}`, 'is not valid Base32: a character that is not Base32 at position 21'],
    ['1', `${B32.slice(0, 31)}1`, 'is not valid Base32: a character that is not Base32 at position 32'],
    ['8', `8${B32.slice(1)}`, 'is not valid Base32: a character that is not Base32 at position 1'],
    ['9', `${B32.slice(0, 10)}9${B32.slice(11)}`, 'is not valid Base32: a character that is not Base32 at position 11'],
    ['a Cyrillic А', `${B32.slice(0, 5)}\u0410${B32.slice(6)}`, 'is not valid Base32: a character that is not Base32 at position 6'],
    ['a fullwidth Ａ', `${B32.slice(0, 7)}\uff21${B32.slice(8)}`, 'is not valid Base32: a character that is not Base32 at position 8'],
    ['a zero-width space', `${B32.slice(0, 16)}\u200b${B32.slice(16)}`, 'is not valid Base32: a character that is not Base32 at position 17'],
    ['"=" in the middle', `${B32.slice(0, 8)}=${B32.slice(8)}`, 'is not valid Base32: "=" padding before the end at position 9'],
    ['"=" at the start', `=${B32}`, 'is not valid Base32: "=" padding before the end at position 1'],
    ['only padding', '====', 'is empty (no Base32 characters)'],
    ['empty text', '', 'is empty (no Base32 characters)'],
    ['only whitespace', ' \n\t', 'is empty (no Base32 characters)'],
    ['1 character', B32.slice(0, 1), 'is not valid Base32: 1 character cannot encode whole bytes'],
    ['3 characters', B32.slice(0, 3), 'is not valid Base32: 3 characters cannot encode whole bytes'],
    ['6 characters', B32.slice(0, 6), 'is not valid Base32: 6 characters cannot encode whole bytes'],
    ['33 characters', `${B32}A`, 'is not valid Base32: 33 characters cannot encode whole bytes'],
    ['38 characters', `${B32}ABCDEF`, 'is not valid Base32: 38 characters cannot encode whole bytes'],
  ])('refuses %s, naming the input by its label and never quoting it', (_, text, problem) => {
    const error = refusal(() => decodeBase32(text, 'env:TOTP_SEED'));
    expect(error.message).toBe(
      `env:TOTP_SEED: ${problem} (allowed: Base32 letters A–Z and digits 2–7; spaces, "-" and trailing "=" are ignored)`,
    );
    expect(error.code).toBe(problem.includes('empty') ? 'E_SEED_EMPTY' : 'E_SEED_NOT_BASE32');
    expectNoSeed(error.message, SEED, 'error message');
    if (text.trim().length >= 4) expect(error.message).not.toContain(text.trim().slice(0, 4));
  });

  it('names the input "secret" by default', () => {
    expect(refusal(() => decodeBase32('M')).message).toMatch(/^secret: is not valid Base32/);
  });
});

/** The one problem `checkSettings` reports for `input`, or undefined. */
function problemOf(input: SettingsInput, generated = false) {
  const { problems } = checkSettings(input, { generated });
  expect(problems.length).toBeLessThanOrEqual(1);
  return problems[0];
}

describe('checkSettings: allowed values', () => {
  it.each([
    [{ algorithm: 'SHA1' }, { algorithm: 'SHA1' }],
    [{ algorithm: 'sha256' }, { algorithm: 'SHA256' }],
    [{ algorithm: 'SHA-256' }, { algorithm: 'SHA256' }],
    [{ algorithm: 'Sha-512' }, { algorithm: 'SHA512' }],
    [{ digits: '6' }, { digits: 6 }],
    [{ digits: '8' }, { digits: 8 }],
    [{ digits: 6 }, { digits: 6 }],
    [{ digits: 8 }, { digits: 8 }],
    [{ period: 1 }, { period: 1 }],
    [{ period: '30' }, { period: 30 }],
    [{ keySize: 16 }, { keySize: 16 }],
    [{ keySize: '20' }, { keySize: 20 }],
    [{ skew: 0 }, { skew: 0 }],
    [{ skew: 1 }, { skew: 1 }],
    [{ skew: '1' }, { skew: 1 }],
    [{ qrSize: 0 }, { qrSize: 0 }],
    [{ qrSize: 200 }, { qrSize: 200 }],
    [{ maxValidationAttempts: 1 }, { maxValidationAttempts: 1 }],
    [{ maxValidationAttempts: '5' }, { maxValidationAttempts: 5 }],
    [
      { issuer: 'ACME Co ✓', accountName: 'alice@example.com' },
      { issuer: 'ACME Co ✓', accountName: 'alice@example.com' },
    ],
  ] as [SettingsInput, object][])('%j → %j', (input, settings) => {
    const check = checkSettings(input);
    expect(check.settings).toEqual(settings);
    expect(check.problems).toEqual([]);
  });

  it('treats absent settings as no problem and fills nothing in', () => {
    expect(checkSettings({})).toEqual({ settings: {}, problems: [], warnings: [] });
  });
});

describe('checkSettings: refused values name the setting, the problem and what is allowed', () => {
  const PERIOD = 'whole seconds from 1 to 4294967295';
  it.each([
    [{ algorithm: 'MD5' }, 'algorithm', '"MD5" is not supported', 'SHA1, SHA256 or SHA512'],
    [{ algorithm: 'SHA384' }, 'algorithm', '"SHA384" is not supported', 'SHA1, SHA256 or SHA512'],
    [{ digits: 7 }, 'digits', '"7" is not allowed', '6 or 8'],
    [{ digits: '06' }, 'digits', '"06" is not allowed', '6 or 8'],
    [{ digits: '6.0' }, 'digits', '"6.0" is not allowed', '6 or 8'],
    [{ digits: ' 6x' }, 'digits', '" 6x" is not allowed', '6 or 8'],
    [{ digits: 10 }, 'digits', '"10" is not allowed', '6 or 8'],
    [{ period: 0 }, 'period', '0 is out of range', PERIOD],
    [{ period: -1 }, 'period', '-1 is out of range', PERIOD],
    [{ period: '-1' }, 'period', '"-1" is negative', PERIOD],
    [{ period: 1.5 }, 'period', '"1.5" is not a whole number', PERIOD],
    [{ period: 'abc' }, 'period', '"abc" is not a whole number', PERIOD],
    [{ period: 2 ** 32 }, 'period', '4294967296 is out of range', PERIOD],
    [{ keySize: 15 }, 'keySize', '15 is out of range', '16 to 1024 bytes (RFC 4226 asks for at least 16)'],
    [{ skew: 2 }, 'skew', '"2" is not allowed', '0 or 1'],
    [{ skew: -1 }, 'skew', '"-1" is not allowed', '0 or 1'],
    [{ qrSize: -1 }, 'qrSize', '-1 is out of range', '0 (no barcode) to 4096 pixels'],
    [{ maxValidationAttempts: 0 }, 'maxValidationAttempts', '0 is out of range', '1 to 1000'],
    [{ issuer: 'Acme:Corp' }, 'issuer', 'contains ":" (character 5)', 'any text without ":"'],
    [{ accountName: 'bob:admin' }, 'accountName', 'contains ":" (character 4)', 'any text without ":"'],
  ] as [SettingsInput, string, string, string][])('%j', (input, setting, problem, allowed) => {
    expect(checkSettings(input)).toEqual({ settings: {}, problems: [{ setting, problem, allowed }], warnings: [] });
  });

  it('refuses a period of 2^53 (not a safe whole number)', () => {
    expect(problemOf({ period: 2 ** 53 })).toMatchObject({ setting: 'period', allowed: PERIOD });
  });

  it('requires issuer and accountName for a generated key only', () => {
    const required = { problem: 'is required for a generated key', allowed: 'any text without ":"' };
    expect(checkSettings({}, { generated: true }).problems).toEqual([
      { setting: 'issuer', ...required },
      { setting: 'accountName', ...required },
    ]);
    expect(checkSettings({ issuer: '', accountName: 'a' }, { generated: true }).problems).toEqual([
      { setting: 'issuer', ...required },
    ]);
    expect(checkSettings({ issuer: 'I', accountName: 'a' }, { generated: true }).problems).toEqual([]);
  });
});

describe('checkSettings: period warnings outside 10–120 s', () => {
  it.each([1, 9, 121, 300])('warns about a period of %i s, and still accepts it', (period) => {
    expect(checkSettings({ period })).toEqual({
      settings: { period },
      problems: [],
      warnings: [`period ${period} s is unusual: authenticator apps expect 10–120 s (most use 30)`],
    });
  });

  it.each([10, 30, 60, 120])('does not warn about %i s', (period) => {
    expect(checkSettings({ period }).warnings).toEqual([]);
  });
});

describe('checkSettings: one call reports every problem of a declaration', () => {
  it('lists all nine problems, each naming its setting, and keeps the valid values', () => {
    const bad = {
      algorithm: 'MD5',
      digits: 7,
      period: 0,
      keySize: 15,
      skew: 2,
      qrSize: -1,
      maxValidationAttempts: 0,
      issuer: 'a:b',
      accountName: 'c:d',
    };
    const check = checkSettings(bad, { generated: true });
    expect(check.problems.map((p) => p.setting)).toEqual(Object.keys(bad));
    for (const p of check.problems) expect(p.problem.length).toBeGreaterThan(0);
    expect(check.settings).toEqual({});

    const mixed = checkSettings({ algorithm: 'sha-512', digits: '7', period: 5, skew: 1, qrSize: 'x' });
    expect(mixed.problems.map((p) => p.setting)).toEqual(['digits', 'qrSize']);
    expect(mixed.settings).toEqual({ algorithm: 'SHA512', period: 5, skew: 1 });
    expect(mixed.warnings).toHaveLength(1);
  });
});
