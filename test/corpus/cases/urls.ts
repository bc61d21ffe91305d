// otpauth URLs that must be refused: hotp, repeated parameters, a missing or bad secret, unknown types and
// settings the Key URI format does not allow. Through the CLI's --url, the action's secret and parseOtpauthUrl.
import type { CorpusCase } from '../types.js';

const BASE = 'otpauth://totp/ACME:alice?';

/** A URL refused through --url, the secret input and parseOtpauthUrl, naming `parameter` when given. */
function badUrl(id: string, url: string, words: string[], tags: string[], parameter?: string): CorpusCase {
  const suffix = parameter === undefined ? ': ' : ` ${parameter}: `;
  return {
    id,
    tags: ['url', ...tags],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--url', url], starts: `--url${suffix}` },
      action: { inputs: { secret: url }, starts: `secret${suffix}` },
      library: { call: 'parseOtpauthUrl', args: [url, 'url'], starts: `url${suffix}` },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words,
  };
}

const HOTP = 'is an hotp (counter-based) URL; only totp (time-based) URLs are supported';

export const URL_CASES: readonly CorpusCase[] = [
  badUrl('url-hotp', 'otpauth://hotp/ACME:alice?secret={{B32}}&counter=1&issuer=ACME', [HOTP], ['hotp']),
  badUrl('url-hotp-upper-case', 'OTPAUTH://HOTP/ACME:alice?secret={{B32}}&counter=0', [HOTP], ['hotp']),
  badUrl('url-hotp-without-counter', 'otpauth://hotp/alice?secret={{B32}}', [HOTP], ['hotp']),
  {
    id: 'url-hotp-in-a-file',
    tags: ['url', 'hotp'],
    faces: ['cli', 'action', 'library'],
    files: { url: { text: 'otpauth://hotp/ACME:alice?secret={{B32}}&counter=7\n' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/url'] },
      action: { inputs: { source: 'file:{{DIR}}/url' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/url', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/url: ', HOTP],
    unchanged: ['url'],
  },
  badUrl(
    'url-two-secrets-same',
    `${BASE}secret={{B32}}&secret={{B32}}`,
    ['has 2 "secret" parameters'],
    ['two-secrets'],
  ),
  badUrl(
    'url-two-secrets-different',
    `${BASE}secret={{B32}}&issuer=ACME&secret={{OTHER}}`,
    ['has 2 "secret" parameters', 'each parameter once'],
    ['two-secrets'],
  ),
  badUrl(
    'url-three-secrets',
    `${BASE}secret={{B32}}&secret={{OTHER}}&secret=`,
    ['has 3 "secret" parameters'],
    ['two-secrets'],
  ),
  badUrl(
    'url-two-secrets-one-empty',
    `${BASE}secret=&secret={{B32}}`,
    ['has 2 "secret" parameters'],
    ['two-secrets', 'empty'],
  ),
  badUrl('url-two-digits', `${BASE}secret={{B32}}&digits=6&digits=8`, ['has 2 "digits" parameters'], ['digits']),
  badUrl('url-two-periods', `${BASE}secret={{B32}}&period=30&period=60`, ['has 2 "period" parameters'], ['period']),
  badUrl('url-no-secret', `${BASE}issuer=ACME`, ['has no secret parameter'], ['empty']),
  badUrl('url-empty-secret', `${BASE}secret=&issuer=ACME`, ['has no secret parameter'], ['empty']),
  badUrl(
    'url-secret-with-digit-1',
    `${BASE}secret={{B32_HEAD}}1{{B32_TAIL}}&issuer=ACME`,
    ['is not valid Base32', 'position 6'],
    ['base32'],
    'secret parameter',
  ),
  badUrl(
    'url-secret-only-padding',
    `${BASE}secret=%3D%3D%3D%3D&issuer=ACME`,
    ['is empty'],
    ['base32', 'padding'],
    'secret parameter',
  ),
  badUrl(
    'url-secret-cyrillic',
    `${BASE}secret={{B32_HEAD}}%D0%90{{B32_TAIL}}`,
    ['is not valid Base32', 'position 6'],
    ['base32', 'unicode'],
    'secret parameter',
  ),
  {
    id: 'url-several-bad-parameters',
    tags: ['url', 'algorithm', 'digits', 'period'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--url', `${BASE}secret={{B32}}&algorithm=MD5&digits=7&period=0`], lines: 3 },
      action: { inputs: { secret: `${BASE}secret={{B32}}&algorithm=MD5&digits=7&period=0` }, lines: 3 },
      library: {
        call: 'parseOtpauthUrl',
        args: [`${BASE}secret={{B32}}&algorithm=MD5&digits=7&period=0`, 'url'],
        lines: 3,
      },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: [
      'algorithm parameter: "MD5" is not supported',
      'digits parameter: "7" is not allowed',
      'period parameter: 0 is out of range',
    ],
  },
  badUrl(
    'url-secret-in-two-cases',
    `${BASE}secret={{B32}}&SECRET={{OTHER}}`,
    ['has 2 "secret" parameters (secret, SECRET: names are case-insensitive)'],
    ['two-secrets'],
  ),
  badUrl(
    'url-label-with-two-colons',
    'otpauth://totp/ACME%3ACorp:alice?secret={{B32}}',
    ['has a label with 2 ":" (literal or %3A)'],
    ['url-label'],
  ),
  badUrl('url-unknown-type', 'otpauth://xotp/ACME:alice?secret={{B32}}', ['has an unknown OTP type'], ['url-type']),
  badUrl('url-no-type', 'otpauth:///ACME:alice?secret={{B32}}', ['has an unknown OTP type'], ['url-type']),
  badUrl(
    'url-algorithm-md5',
    `${BASE}secret={{B32}}&algorithm=MD5`,
    ['"MD5" is not supported', 'SHA1, SHA256 or SHA512'],
    ['algorithm'],
    'algorithm parameter',
  ),
  badUrl(
    'url-digits-7',
    `${BASE}secret={{B32}}&digits=7`,
    ['"7" is not allowed', '6 or 8'],
    ['digits'],
    'digits parameter',
  ),
  badUrl(
    'url-period-negative',
    `${BASE}secret={{B32}}&period=-30`,
    ['"-30" is negative'],
    ['period'],
    'period parameter',
  ),
  badUrl('url-period-zero', `${BASE}secret={{B32}}&period=0`, ['0 is out of range'], ['period'], 'period parameter'),
  badUrl(
    'url-period-float',
    `${BASE}secret={{B32}}&period=1.5`,
    ['"1.5" is not a whole number'],
    ['period'],
    'period parameter',
  ),
  badUrl(
    'url-period-huge',
    `${BASE}secret={{B32}}&period=99999999999999999999`,
    ['"99999999999999999999" is too large', 'whole seconds from 1 to 4294967295'],
    ['period', 'huge'],
    'period parameter',
  ),
  badUrl(
    'url-label-broken-percent-encoding',
    'otpauth://totp/ACME%E0%A4%A:alice?secret={{B32}}',
    ['has a label with broken percent-encoding'],
    ['url-label'],
  ),
  {
    id: 'url-https-instead-of-otpauth',
    tags: ['url', 'url-type'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--url', 'https://example.com/?secret={{B32}}'], words: ['--url: ', 'not printed'] },
      // Not an otpauth URL, so the secret input reads it as Base32.
      action: { inputs: { secret: 'https://example.com/?secret={{B32}}' }, words: ['secret: ', 'not valid Base32'] },
      library: { call: 'parseOtpauthUrl', args: ['https://example.com/?secret={{B32}}', 'url'], words: ['url: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: [],
  },
  {
    id: 'url-contradicted-by-digits',
    tags: ['url', 'digits'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--url', '{{URL}}&digits=6', '--digits', '8'], words: ['--digits: ', 'that --url states'] },
      action: { inputs: { secret: '{{URL}}&digits=6', digits: '8' }, words: ['digits: ', 'that secret states'] },
      library: { call: 'resolveKey', args: ['{{URL}}&digits=6', { digits: '8' }, 'url'], words: ['digits: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['8 contradicts the digits=6'],
  },
  {
    id: 'url-contradicted-twice',
    tags: ['url', 'period', 'algorithm'],
    faces: ['cli', 'action', 'library'],
    env: { TOTP_URL: '{{URL}}&period=30&algorithm=SHA1' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_URL', '--period', '60', '--algorithm', 'SHA256'], lines: 2 },
      action: { inputs: { source: 'env:TOTP_URL', period: '60', algorithm: 'SHA256' }, lines: 2 },
      library: {
        call: 'resolveKey',
        args: ['{{URL}}&period=30&algorithm=SHA1', { period: '60', algorithm: 'SHA256' }, 'env:TOTP_URL'],
        lines: 2,
      },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['60 contradicts the period=30 that env:TOTP_URL states', 'SHA256 contradicts the algorithm=SHA1'],
  },
];
