// otpauth Key URIs (Google Authenticator's Key URI format) and seed text as sources hand it over:
// round trips, the shapes real apps export, refusals by name, and no seed in any error message.
import { URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import type { KeyMaterial } from '../src/core/key.js';
import { formatOtpauthUrl, parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { parseSeedText, resolveKey } from '../src/core/seed-text.js';
import { expectNoSeed, expectNoSeedInError } from './helpers/leak.js';

const SEED = Buffer.from('totp-kit test seed 21', 'ascii'); // 21 bytes: Base32 needs 6 "=" of padding
const B32 = encodeBase32(SEED);
const PADDED = `${B32}======`;
const LABEL = 'env:TOTP_URL';

/** A key with its secret as hex, so toEqual compares bytes whatever the array type. */
function plain(key: KeyMaterial): Record<string, unknown> {
  return { ...key, secret: Buffer.from(key.secret).toString('hex') };
}

/** Runs `f`, expecting a bad-input TotpKitError whose message holds no part of `seed`; returns it. */
function refusal(f: () => unknown, seed: Uint8Array = SEED): TotpKitError {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(TotpKitError);
  const error = thrown as TotpKitError;
  expect(error.kind).toBe('bad-input');
  expectNoSeed(error.message, seed, 'error message');
  expectNoSeed(JSON.stringify(error.problems), seed, 'error problems');
  expectNoSeedInError(error, seed, 'the error (message, stack, problems)');
  return error;
}

describe('formatOtpauthUrl → parseOtpauthUrl round trips', () => {
  // biome-ignore format: one key a line reads best
  const keys: readonly (readonly [string, KeyMaterial])[] = [
    ['issuer with a space', { secret: SEED, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'ACME Co', accountName: 'john@example.com' }],
    ['unicode issuer and account', { secret: SEED, algorithm: 'SHA256', digits: 8, period: 60, issuer: 'Ünïcødé ✓ 銀行', accountName: 'bøb 🚀' }],
    ['account without issuer', { secret: SEED, algorithm: 'SHA512', digits: 8, period: 1, accountName: 'alice' }],
    ['URL-special characters', { secret: SEED, algorithm: 'SHA1', digits: 6, period: 300, issuer: 'A&B=C?#%+/', accountName: 'a/b?c#d%e&f+g' }],
    ['a 64-byte seed', { secret: Buffer.alloc(64, 0xa5), algorithm: 'SHA512', digits: 6, period: 45, issuer: 'X', accountName: 'y' }],
    ['a 10-byte seed', { secret: Buffer.from('0123456789'), algorithm: 'SHA1', digits: 6, period: 30, issuer: 'Old', accountName: 'legacy' }],
  ];

  it.each(keys)('%s', (_, key) => {
    const url = formatOtpauthUrl(key);
    const parsed = parseOtpauthUrl(url);
    expect(plain(parsed.key)).toEqual(plain(key));
    expect(parsed.explicit).toEqual({ algorithm: key.algorithm, digits: key.digits, period: key.period });
    // The otpauth library (what many authenticator backends use) reads the same key from our URL.
    const other = URI.parse(url);
    expect(other.issuer).toBe(key.issuer ?? '');
    expect(other.label).toBe(key.accountName);
    expect(Buffer.from(other.secret.bytes).equals(Buffer.from(key.secret))).toBe(true);
  });

  it('writes issuer and account as given (%20, not +), every setting, and the secret without padding', () => {
    const url = formatOtpauthUrl(keys[0]?.[1] as KeyMaterial);
    expect(url).toBe(
      `otpauth://totp/ACME%20Co:john%40example.com?issuer=ACME%20Co&secret=${B32}&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it.each([1, 2, 3, 4, 5, 10, 16, 20, 21, 32, 64])('a %i-byte seed gets an unpadded Base32 secret', (n) => {
    const url = formatOtpauthUrl({ secret: Buffer.alloc(n, n), algorithm: 'SHA1', digits: 6, period: 30 });
    const secret = new URL(url).searchParams.get('secret') ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect(secret).toHaveLength(Math.ceil((n * 8) / 5));
    expect(url).not.toContain('=&');
  });

  it.each([
    ['issuer', { issuer: 'Acme:Corp', accountName: 'bob' }, 'issuer: contains ":" (character 5)'],
    ['accountName', { issuer: 'Acme', accountName: 'bob:admin' }, 'accountName: contains ":" (character 4)'],
  ])('refuses ":" in %s', (_, names, message) => {
    const error = refusal(() => formatOtpauthUrl({ secret: SEED, algorithm: 'SHA1', digits: 6, period: 30, ...names }));
    expect(error.message).toBe(`${message} (allowed: any text without ":")`);
  });
});

describe('parseOtpauthUrl reads the URLs apps export', () => {
  // biome-ignore format: one URL a line reads best
  const cases: readonly (readonly [string, string, string | undefined, string | undefined])[] = [
    ['Google Authenticator', `otpauth://totp/Google%3Aalice%40gmail.com?secret=${B32}&issuer=Google`, 'Google', 'alice@gmail.com'],
    ['"Issuer: Account" with a space', `otpauth://totp/Big%20Co:%20alice?secret=${B32}`, 'Big Co', 'alice'],
    ['a raw space after the colon', `otpauth://totp/Big Co: alice?secret=${B32}`, 'Big Co', 'alice'],
    ['%3A and %20 in the label', `otpauth://totp/Big%20Co%3A%20alice?secret=${B32}`, 'Big Co', 'alice'],
    ['a label without issuer', `otpauth://totp/alice?secret=${B32}`, undefined, 'alice'],
    ['the issuer parameter over the label prefix', `otpauth://totp/Old:alice?secret=${B32}&issuer=New`, 'New', 'alice'],
    ['1Password', `otpauth://totp/Example%20Inc.:alice%40example.com?secret=${B32}&issuer=Example%20Inc.&algorithm=SHA1&digits=6&period=30`, 'Example Inc.', 'alice@example.com'],
    ['Authy (issuer parameter only, + for space)', `otpauth://totp/alice%40example.com?secret=${B32}&digits=6&period=30&issuer=Big+Co`, 'Big Co', 'alice@example.com'],
    ['unicode', `otpauth://totp/%C3%9Cn%C3%AF%20%E2%9C%93:b%C3%B8b?secret=${B32}&issuer=%C3%9Cn%C3%AF%20%E2%9C%93`, 'Ünï ✓', 'bøb'],
    ['no label', `otpauth://totp/?secret=${B32}`, undefined, undefined],
    ['a lowercase secret', `otpauth://totp/a?secret=${B32.toLowerCase()}`, undefined, 'a'],
    ['a padded secret', `otpauth://totp/a?secret=${PADDED}`, undefined, 'a'],
    ['a padded secret, %3D-encoded', `otpauth://totp/a?secret=${B32.toLowerCase()}%3D%3D%3D%3D%3D%3D`, undefined, 'a'],
    ['an upper-case scheme and type', `OTPAUTH://TOTP/a?secret=${B32}`, undefined, 'a'],
  ];

  it.each(cases)('%s', (_, url, issuer, accountName) => {
    const { key, explicit } = parseOtpauthUrl(url);
    expect(Buffer.from(key.secret).equals(SEED)).toBe(true);
    expect(key.issuer).toBe(issuer);
    expect(key.accountName).toBe(accountName);
    expect('issuer' in key).toBe(issuer !== undefined);
    if (!url.includes('digits')) expect(explicit).toEqual({});
  });

  it('takes algorithm, digits and period from the URL (case-insensitive algorithm) and keeps them explicit', () => {
    const { key, explicit } = parseOtpauthUrl(`otpauth://totp/a?secret=${B32}&algorithm=sha256&digits=8&period=60`);
    expect(plain(key)).toEqual(plain({ secret: SEED, algorithm: 'SHA256', digits: 8, period: 60, accountName: 'a' }));
    expect(explicit).toEqual({ algorithm: 'SHA256', digits: 8, period: 60 });
  });

  it('fills the Key URI defaults SHA1, 6 digits, 30 s when the URL states none', () => {
    const { key } = parseOtpauthUrl(`otpauth://totp/a?secret=${B32}`);
    expect([key.algorithm, key.digits, key.period]).toEqual(['SHA1', 6, 30]);
  });
});

describe('parseOtpauthUrl refuses by name, with kind bad-input and no seed in the message', () => {
  const bad = `${B32.slice(0, -1)}1`; // a 1 is not Base32
  // biome-ignore format: one refusal a line reads best
  const cases: readonly (readonly [string, string, string, string])[] = [
    ['an hotp URL', `otpauth://hotp/a?secret=${B32}&counter=1`, `${LABEL}: is an hotp (counter-based) URL; only totp (time-based) URLs are supported`, 'E_URL_HOTP'],
    ['a missing secret', 'otpauth://totp/a?issuer=x', `${LABEL}: has no secret parameter`, 'E_URL_NO_SECRET'],
    ['an empty secret', 'otpauth://totp/a?secret=&issuer=x', `${LABEL}: has no secret parameter`, 'E_URL_NO_SECRET'],
    ['a blank secret', 'otpauth://totp/a?secret=%20%20', `${LABEL}: has no secret parameter`, 'E_URL_NO_SECRET'],
    ['two secret parameters', `otpauth://totp/a?secret=${B32}&secret=${B32}`, `${LABEL}: has 2 "secret" parameters`, 'E_URL_DUPLICATE'],
    ['bad Base32 in the secret', `otpauth://totp/a?secret=${bad}`, `${LABEL} secret parameter: is not valid Base32: a character that is not Base32 at position ${B32.length}`, 'E_SEED_NOT_BASE32'],
    ['algorithm MD5', `otpauth://totp/a?secret=${B32}&algorithm=MD5`, `${LABEL} algorithm parameter: "MD5" is not supported (allowed: SHA1, SHA256 or SHA512)`, 'E_URL_SETTING'],
    ['digits 7', `otpauth://totp/a?secret=${B32}&digits=7`, `${LABEL} digits parameter: "7" is not allowed (allowed: 6 or 8)`, 'E_URL_SETTING'],
    ['period 0', `otpauth://totp/a?secret=${B32}&period=0`, `${LABEL} period parameter: 0 is out of range`, 'E_URL_SETTING'],
    ['period -5', `otpauth://totp/a?secret=${B32}&period=-5`, `${LABEL} period parameter: "-5" is negative`, 'E_URL_SETTING'],
    ['period 1.5', `otpauth://totp/a?secret=${B32}&period=1.5`, `${LABEL} period parameter: "1.5" is not a whole number`, 'E_URL_SETTING'],
    ['an https URL', `https://example.com/totp?secret=${B32}`, `${LABEL}: is not an otpauth:// URL`, 'E_URL_INVALID'],
    ['an otpauth-migration export', `otpauth-migration://offline?data=${B32}`, `${LABEL}: is not an otpauth:// URL`, 'E_URL_INVALID'],
    ['garbage text', `my seed is ${B32} ok`, `${LABEL}: is not a valid URL`, 'E_URL_INVALID'],
  ];

  it.each(cases)('%s', (_, url, message, code) => {
    const error = refusal(() => parseOtpauthUrl(url, LABEL));
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.code).toBe(code);
  });

  it('names the input "url" by default', () => {
    expect(refusal(() => parseOtpauthUrl('otpauth://totp/a')).message).toMatch(/^url: has no secret parameter/);
  });
});

describe('parseSeedText', () => {
  it('reads a bare Base32 seed: grouped, lowercase, padded', () => {
    const grouped = `${PADDED.toLowerCase().replace(/(.{4})/g, '$1 ')}\n`;
    const seed = parseSeedText(grouped, 'env:SEED');
    expect(Buffer.from(seed.secret).equals(SEED)).toBe(true);
    expect([seed.fromUrl, seed.explicit, seed.issuer, seed.accountName]).toEqual([false, {}, undefined, undefined]);
    expect(seed.secretForms).toContain(B32);
    expect(seed.secretForms).toContain(grouped);
  });

  it('reads an otpauth URL with its issuer, account and stated settings; masks the secret as written', () => {
    const url = `otpauth://totp/Google%3Aalice%40gmail.com?secret=${PADDED.toLowerCase()}&issuer=Google&digits=8\n`;
    const seed = parseSeedText(url, 'env:SEED');
    expect(Buffer.from(seed.secret).equals(SEED)).toBe(true);
    expect([seed.fromUrl, seed.explicit, seed.issuer, seed.accountName]).toEqual([
      true,
      { digits: 8 },
      'Google',
      'alice@gmail.com',
    ]);
    for (const form of [url, url.trim(), PADDED.toLowerCase(), B32]) expect(seed.secretForms).toContain(form);
  });

  it.each([
    ['garbage text around a seed', `seed: ${B32}`, 'env:SEED: is not valid Base32'],
    [
      'an otpauth URL with a bad digits parameter',
      `otpauth://totp/a?secret=${B32}&digits=7`,
      'env:SEED digits parameter:',
    ],
    [
      'text over 64 KiB',
      `${B32}\n`.repeat(2000),
      'env:SEED: is 70000 characters, too long for a seed (allowed: at most 65536)',
    ],
  ])('refuses %s', (_, text, message) => {
    expect(refusal(() => parseSeedText(text, 'env:SEED')).message.startsWith(message)).toBe(true);
  });
});

describe('resolveKey', () => {
  it('lets settings fill in what a bare seed lacks, and defaults the rest', () => {
    const seed = parseSeedText(B32, 'env:SEED');
    expect(plain(resolveKey(seed, { algorithm: 'sha-256', digits: '8', period: '60' }, 'env:SEED'))).toEqual(
      plain({ secret: SEED, algorithm: 'SHA256', digits: 8, period: 60 }),
    );
    expect(plain(resolveKey(seed, {}, 'env:SEED'))).toEqual(
      plain({ secret: SEED, algorithm: 'SHA1', digits: 6, period: 30 }),
    );
  });

  it('accepts settings that agree with the URL and fills in what it does not state', () => {
    const seed = parseSeedText(`otpauth://totp/I:a?secret=${B32}&digits=8`, LABEL);
    const key = resolveKey(seed, { digits: 8, algorithm: 'SHA512' }, LABEL);
    expect(plain(key)).toEqual(
      plain({ secret: SEED, algorithm: 'SHA512', digits: 8, period: 30, issuer: 'I', accountName: 'a' }),
    );
  });

  it('refuses digits that contradict the URL, naming the setting, both values and the source', () => {
    const seed = parseSeedText(`otpauth://totp/a?secret=${B32}&digits=8`, LABEL);
    const error = refusal(() => resolveKey(seed, { digits: '6' }, LABEL, (s) => `--${s}`));
    expect(error.message).toBe(
      `--digits: 6 contradicts the digits=8 that ${LABEL} states (allowed: 8, or leave it out)`,
    );
  });

  it('lists every contradiction and every bad setting at once', () => {
    const seed = parseSeedText(`otpauth://totp/a?secret=${B32}&algorithm=SHA512&digits=8&period=60`, LABEL);
    const error = refusal(() => resolveKey(seed, { algorithm: 'sha1', digits: 6, period: 30 }, LABEL));
    expect(error.problems.map((p) => p.setting)).toEqual(['algorithm', 'digits', 'period']);
    expect(error.message.split('\n')).toEqual([
      `algorithm: SHA1 contradicts the algorithm=SHA512 that ${LABEL} states (allowed: SHA512, or leave it out)`,
      `digits: 6 contradicts the digits=8 that ${LABEL} states (allowed: 8, or leave it out)`,
      `period: 30 contradicts the period=60 that ${LABEL} states (allowed: 60, or leave it out)`,
    ]);
    const bare = refusal(() => resolveKey(parseSeedText(B32, 'env:SEED'), { digits: 7, period: 0 }, 'env:SEED'));
    expect(bare.problems.map((p) => p.setting)).toEqual(['digits', 'period']);
  });
});

describe('a seed in the wrong part of a URL is not quoted back', () => {
  it.each([
    ['the type', `otpauth://${B32}/a?secret=${B32}`],
    ['the period parameter', `otpauth://totp/a?secret=${B32}&period=${B32}`],
    ['the algorithm parameter', `otpauth://totp/a?secret=${B32}&algorithm=${B32}`],
  ])('in %s', (_, url) => {
    const error = refusal(() => parseSeedText(url, LABEL));
    expect(error.message.startsWith(`${LABEL}`)).toBe(true);
    expect(error.message.toLowerCase()).not.toContain(B32.slice(0, 8).toLowerCase());
  });
});

describe('an empty issuer parameter', () => {
  it('leaves the label prefix as the issuer', () => {
    expect(parseOtpauthUrl(`otpauth://totp/Acme:alice?secret=${B32}&issuer=`).key.issuer).toBe('Acme');
  });
});
