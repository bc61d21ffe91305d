// Agreement with other readers of otpauth Key URIs: the `otpauth` library (9.5.2, what many authenticator
// backends use), Google's Key URI format, and oathtool for the codes. Where they agree, totp-kit reads the
// same key; where totp-kit is stricter or reads differently, the difference is written down here as a test.
//
// The rules (Google's Key URI format, as totp-kit reads it):
//   scheme and type        any case: OTPAUTH://TOTP/ is otpauth://totp/
//   parameter names        any case: SECRET=, Secret=, secret= are one parameter; values as given
//   repeated parameters    secret, issuer, algorithm, digits, period or encoder given twice (in any case, even
//                          with one value) is refused, naming it; other parameters are ignored, repeated or not
//   the label              Issuer:Account or Account; the first ":" (literal or %3A) separates, spaces after it
//                          are dropped; a second ":" is refused (neither part may contain one)
//   the issuer             the issuer parameter when it is not empty, else the label's prefix; a parameter that
//                          differs from the prefix wins; an issuer parameter with ":" is refused
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { formatOtpauthUrl, parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { parseSeedText } from '../src/core/seed-text.js';
import { generateCode } from '../src/core/totp.js';
import { thrownBy } from './helpers/leak.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const OTHER = randomBytes(20);
const OTHER_B32 = encodeBase32(OTHER);

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
if (!HAS_OATHTOOL) console.warn('otpauth-agreement: oathtool is not installed, the code cross-checks are SKIPPED');

function refusal(f: () => unknown): TotpKitError {
  const e = thrownBy(f, [SEED, OTHER]);
  expect(e).toBeInstanceOf(TotpKitError);
  return e as TotpKitError;
}

/** What the otpauth library reads from a URL, in totp-kit's terms. */
function theirs(url: string) {
  const otp = URI.parse(url) as unknown as {
    issuer: string;
    label: string;
    secret: { bytes: Uint8Array };
    algorithm: string;
    digits: number;
    period: number;
  };
  return {
    issuer: otp.issuer === '' ? undefined : otp.issuer,
    accountName: otp.label === '' ? undefined : otp.label,
    secret: Buffer.from(otp.secret.bytes).toString('hex'),
    algorithm: otp.algorithm,
    digits: otp.digits,
    period: otp.period,
  };
}

/** What totp-kit reads from a URL, in the same shape. */
function ours(url: string) {
  const { key } = parseOtpauthUrl(url);
  return {
    issuer: key.issuer,
    accountName: key.accountName,
    secret: Buffer.from(key.secret).toString('hex'),
    algorithm: key.algorithm,
    digits: key.digits,
    period: key.period,
  };
}

describe('where totp-kit and the otpauth library agree, they read the same key', () => {
  // biome-ignore format: one URL a line reads best
  const urls: readonly (readonly [string, string])[] = [
    ['Google Authenticator’s example form', `otpauth://totp/Example:alice@google.com?secret=${B32}&issuer=Example`],
    ['every name upper case', `OTPAUTH://TOTP/ACME:alice?SECRET=${B32}&ALGORITHM=SHA256&DIGITS=8&PERIOD=60&ISSUER=ACME`],
    ['mixed-case names', `otpauth://Totp/ACME:alice?Secret=${B32}&Algorithm=SHA512&Digits=8&Period=45`],
    ['a lower-case algorithm value', `otpauth://totp/ACME:alice?secret=${B32}&algorithm=sha256`],
    ['a lower-case secret', `otpauth://totp/ACME:alice?secret=${B32.toLowerCase()}`],
    ['%3A between issuer and account', `otpauth://totp/ACME%3Aalice?secret=${B32}`],
    ['spaces after the colon', `otpauth://totp/ACME:  alice?secret=${B32}`],
    ['an issuer parameter that differs from the prefix', `otpauth://totp/Old%20Name:alice?secret=${B32}&issuer=New%20Name`],
    ['an empty issuer parameter', `otpauth://totp/ACME:alice?secret=${B32}&issuer=`],
    ['an issuer parameter and no prefix', `otpauth://totp/alice%40example.com?secret=${B32}&issuer=Example%20Inc.`],
    ['percent-encoded unicode', `otpauth://totp/%C3%9Cn%C3%AF:b%C3%B8b?secret=${B32}&issuer=%C3%9Cn%C3%AF`],
    ['unknown parameters (image, counter)', `otpauth://totp/ACME:alice?secret=${B32}&image=https%3A%2F%2Fexample.com%2Fa.png&counter=3`],
    ['what formatOtpauthUrl writes', formatOtpauthUrl({ secret: SEED, algorithm: 'SHA256', digits: 8, period: 60, issuer: 'ACME Co', accountName: 'bob' })],
  ];

  it.each(urls)('%s', (_, url) => {
    expect(ours(url)).toEqual(theirs(url));
  });

  it.skipIf(!HAS_OATHTOOL)('and the codes of an upper-case URL are oathtool’s', () => {
    const url = `OTPAUTH://TOTP/ACME:alice?SECRET=${B32}&ALGORITHM=SHA256&DIGITS=8&PERIOD=60`;
    const { key } = parseOtpauthUrl(url);
    for (const at of [59, 1_234_567_890, 2_000_000_000]) {
      const args = ['--totp=sha256', '--digits=8', '--time-step-size=60s', `--now=@${at}`, SEED.toString('hex')];
      const r = spawnSync('oathtool', args, { encoding: 'utf8' });
      expect(generateCode(key, at)).toBe(r.stdout.trim());
    }
  });
});

describe('parameter names in any case, values as given', () => {
  it('reads SECRET=… (once refused as "has no secret parameter")', () => {
    const { key, explicit } = parseOtpauthUrl(`OTPAUTH://TOTP/ACME:alice?SECRET=${B32}&ALGORITHM=SHA256&DIGITS=8`);
    expect(Buffer.from(key.secret).equals(SEED)).toBe(true);
    expect(explicit).toEqual({ algorithm: 'SHA256', digits: 8 });
  });

  it('keeps the issuer’s and the account’s case as written', () => {
    const { key } = parseOtpauthUrl(`otpauth://totp/AcMe:AlIcE?SECRET=${B32}&ISSUER=AcMe%20Inc`);
    expect([key.issuer, key.accountName]).toEqual(['AcMe Inc', 'AlIcE']);
  });

  it('masks the secret named in any case, as written', () => {
    const forms = parseSeedText(`otpauth://totp/a?SeCrEt=${B32.toLowerCase()}`, 'x').secretForms;
    expect(forms).toContain(B32.toLowerCase());
    expect(forms).toContain(B32);
  });

  it('reads the encoder parameter in any case', () => {
    const { key } = parseOtpauthUrl(`otpauth://totp/Bot:bob?secret=${B32}&ENCODER=steam`);
    expect(key.encoder).toBe('steam');
  });
});

describe('the label rules: one clear thing each', () => {
  it('the first ":" (literal or %3A) separates the issuer from the account; spaces after it are dropped', () => {
    for (const label of ['ACME:alice', 'ACME%3Aalice', 'ACME%3a%20alice', 'ACME: alice']) {
      const { key } = parseOtpauthUrl(`otpauth://totp/${label}?secret=${B32}`);
      expect([key.issuer, key.accountName], label).toEqual(['ACME', 'alice']);
    }
  });

  it.each([
    ['an encoded %3A in the issuer', 'ACME%3ACorp:alice', 2],
    ['a colon in the account', 'ACME:alice:work', 2],
    ['three colons', 'a%3Ab%3Ac:d', 3],
  ])('refuses a label with a second ":": %s', (_, label, colons) => {
    const e = refusal(() => parseOtpauthUrl(`otpauth://totp/${label}?secret=${B32}`, 'TOTP_URL'));
    expect(e.message).toBe(
      `TOTP_URL: has a label with ${colons} ":" (literal or %3A); only one may separate the issuer from the account (allowed: Issuer:Account or Account, with no other ":" (literal or %3A))`,
    );
    expect(e.code).toBe('E_URL_LABEL');
    // The otpauth library splits at the first colon instead, keeping the rest in the account.
    expect(theirs(`otpauth://totp/${label}?secret=${B32}`).accountName).toContain(':');
  });

  it('refuses an issuer parameter with ":" (the library accepts it)', () => {
    const url = `otpauth://totp/alice?secret=${B32}&issuer=ACME%3ACorp`;
    const e = refusal(() => parseOtpauthUrl(url, 'TOTP_URL'));
    expect(e.message).toBe(
      'TOTP_URL issuer parameter: contains ":" (character 5), which the Key URI format does not allow in an issuer (allowed: an issuer without ":")',
    );
    expect(e.code).toBe('E_URL_LABEL');
    expect(theirs(url).issuer).toBe('ACME:Corp');
  });

  it('the issuer parameter wins over a prefix that differs, as in the library; the account stays', () => {
    const url = `otpauth://totp/Old:alice?secret=${B32}&issuer=New`;
    expect(ours(url)).toMatchObject({ issuer: 'New', accountName: 'alice' });
    expect(theirs(url)).toMatchObject({ issuer: 'New', accountName: 'alice' });
  });

  it('a URL totp-kit writes has no other ":" and reads back the same (so every key read can be handed out)', () => {
    const key = {
      secret: SEED,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      issuer: 'A&B %3A',
      accountName: 'x',
    } as const;
    expect(() => formatOtpauthUrl({ ...key, issuer: 'A:B' })).toThrow(TotpKitError);
    const url = formatOtpauthUrl(key);
    expect(parseOtpauthUrl(url).key.issuer).toBe('A&B %3A');
  });
});

describe('repeated parameters', () => {
  it.each([
    ['secret twice', `secret=${B32}&secret=${OTHER_B32}`, 'has 2 "secret" parameters'],
    [
      'secret in two cases',
      `secret=${B32}&SECRET=${OTHER_B32}`,
      'has 2 "secret" parameters (secret, SECRET: names are case-insensitive)',
    ],
    [
      'the same secret twice',
      `secret=${B32}&Secret=${B32}`,
      'has 2 "secret" parameters (secret, Secret: names are case-insensitive)',
    ],
    ['issuer twice', `secret=${B32}&issuer=A&issuer=A`, 'has 2 "issuer" parameters'],
    [
      'period three times',
      `secret=${B32}&period=30&PERIOD=30&period=60`,
      'has 3 "period" parameters (period, PERIOD: names are case-insensitive)',
    ],
  ])('refuses %s, naming it (the library takes the last)', (_, query, problem) => {
    const e = refusal(() => parseOtpauthUrl(`otpauth://totp/ACME:alice?${query}`, 'url'));
    expect(e.message).toBe(`url: ${problem} (allowed: each parameter once)`);
    expect(e.code).toBe('E_URL_DUPLICATE');
  });

  it('ignores other parameters, repeated or not', () => {
    const url = `otpauth://totp/ACME:alice?secret=${B32}&image=a&image=b&foo=1&FOO=2`;
    expect(Buffer.from(parseOtpauthUrl(url).key.secret).equals(SEED)).toBe(true);
  });
});

describe('where they differ', () => {
  it('a secret in groups (split by "-" or %20) is read; the library refuses it', () => {
    for (const secret of [B32.replace(/(.{4})(?=.)/g, '$1-'), B32.replace(/(.{4})(?=.)/g, '$1%20')]) {
      const url = `otpauth://totp/ACME:alice?secret=${secret}`;
      expect(Buffer.from(parseOtpauthUrl(url).key.secret).equals(SEED)).toBe(true);
      expect(() => URI.parse(url)).toThrow(/secret/);
    }
  });

  it('a padded secret is read by both', () => {
    const url = `otpauth://totp/ACME:alice?secret=${B32}====`;
    expect(ours(url)).toEqual(theirs(url));
  });

  it('spaces written %20 after the colon are dropped like literal ones; the library keeps them', () => {
    const url = `otpauth://totp/ACME:%20alice?secret=${B32}`;
    expect(ours(url).accountName).toBe('alice');
    expect(theirs(url).accountName).toBe(' alice');
  });

  it('"+" in a value is a space (form encoding, as Authy writes it); the library keeps the "+"', () => {
    const url = `otpauth://totp/alice?secret=${B32}&issuer=Big+Co`;
    expect(ours(url).issuer).toBe('Big Co');
    expect(theirs(url).issuer).toBe('Big+Co');
  });
});
