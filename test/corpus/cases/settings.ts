// Settings the one schema refuses — digits 7, algorithm MD5, negative, float and huge periods, skew 2, key and
// barcode sizes, attempts, issuers with ":", names — and times (--at) that are not Unix seconds. Each face
// names the setting its own way (--digits, digits, [path] digits, digits).
import type { CorpusCase } from '../types.js';

const KEY = { kind: 'key', name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' } } as const;
const METHOD = { kind: 'method', methodName: 'ops', issuer: 'ACME' } as const;

/**
 * A code setting given beside a seed (CLI flag, action input, library resolveKey) and on a generated key
 * (construct prop, library checkDeclaration). `text` is how a flag or input gives it, `value` a prop's value.
 */
function codeSetting(
  id: string,
  setting: 'digits' | 'algorithm' | 'period',
  text: string,
  value: unknown,
  words: string[],
  tags: string[] = [],
): CorpusCase {
  return {
    id,
    tags: [setting, ...tags],
    faces: ['cli', 'action', 'construct', 'library'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED', `--${setting}`, text], starts: `--${setting}: ` },
      action: { inputs: { source: 'env:TOTP_SEED', [setting]: text }, starts: `${setting}: ` },
      construct: {
        construct: 'key',
        props: { name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' }, [setting]: value },
        starts: `${setting}: `,
      },
      library: { call: 'checkDeclaration', args: [{ ...KEY, [setting]: value }], starts: `${setting}: ` },
    },
    expected: { cli: 2, action: 1, construct: 'synth-refused', library: 'bad-input' },
    words,
  };
}

/** A setting of a key or method declaration only (CLI key/method create, construct, checkDeclaration). */
function declarationSetting(
  id: string,
  kind: 'key' | 'method',
  cliArgs: string[],
  props: Record<string, unknown>,
  words: string[],
  faceWords: { cli: string; other: string },
  tags: string[],
): CorpusCase {
  const base =
    kind === 'key' ? { name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' } } : { methodName: 'ops' };
  const declaration = kind === 'key' ? { ...KEY, ...props } : { ...METHOD, ...props };
  const construct = kind === 'key' ? { ...base, ...props } : { ...base, issuer: 'ACME', ...props };
  return {
    id,
    tags,
    faces: ['cli', 'construct', 'library'],
    files: { 'store.json': { store: 'plain' } },
    input: {
      cli: { argv: [...cliArgs, '--store', 'file:{{DIR}}/store.json'], starts: faceWords.cli },
      construct: { construct: kind, props: construct, starts: faceWords.other },
      library: { call: 'checkDeclaration', args: [declaration], starts: faceWords.other },
    },
    expected: { cli: 2, construct: 'synth-refused', library: 'bad-input' },
    words,
    unchanged: ['store.json'],
  };
}

const GEN = ['key', 'create', 'new-key', '--generate', '--issuer', 'ACME', '--account', 'alice'];
const AT_WORDS = ['Unix seconds from 0 to 253402300799, or ISO 8601 with Z or an offset'];

/** A bad --at for `code` (and generateCode at that time, when the library takes it as a number). */
function badAt(id: string, at: string, library?: unknown): CorpusCase {
  const key = { secret: '{{B32}}', algorithm: 'SHA1', digits: 6, period: 30 };
  return {
    id,
    tags: ['at'],
    faces: library === undefined ? ['cli'] : ['cli', 'library'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED', '--at', at], words: ['--at: ', ...AT_WORDS] },
      ...(library === undefined
        ? {}
        : { library: { call: 'generateCode', args: [key, library], words: ['time: ', 'is not a Unix time'] } }),
    },
    expected: library === undefined ? { cli: 2 } : { cli: 2, library: 'bad-input' },
    words: [],
  };
}

export const SETTINGS_CASES: readonly CorpusCase[] = [
  codeSetting('digits-7', 'digits', '7', 7, ['"7" is not allowed', '6 or 8']),
  codeSetting('digits-0', 'digits', '0', 0, ['"0" is not allowed', '6 or 8']),
  codeSetting('digits-10', 'digits', '10', 10, ['"10" is not allowed', '6 or 8']),
  codeSetting('digits-negative', 'digits', '-6', -6, ['"-6" is not allowed', '6 or 8']),
  codeSetting('digits-float', 'digits', '6.5', 6.5, ['"6.5" is not allowed', '6 or 8']),
  codeSetting('digits-leading-zero', 'digits', '06', '06', ['"06" is not allowed', '6 or 8']),
  codeSetting('digits-word', 'digits', 'six', 'six', ['"six" is not allowed', '6 or 8']),
  codeSetting('algorithm-md5', 'algorithm', 'MD5', 'MD5', ['"MD5" is not supported', 'SHA1, SHA256 or SHA512']),
  codeSetting('algorithm-md5-lower', 'algorithm', 'md5', 'md5', ['"md5" is not supported', 'SHA1, SHA256 or SHA512']),
  codeSetting('algorithm-sha3', 'algorithm', 'SHA3-256', 'SHA3-256', ['is not supported', 'SHA1, SHA256 or SHA512']),
  codeSetting('algorithm-sha1024', 'algorithm', 'SHA1024', 'SHA1024', ['is not supported']),
  codeSetting('period-zero', 'period', '0', 0, ['0 is out of range', 'whole seconds from 1 to 4294967295']),
  // A flag or input is text ("-30" is negative); a prop is a number (-30 is out of range).
  codeSetting('period-negative', 'period', '-30', -30, ['-30', 'whole seconds from 1 to 4294967295']),
  codeSetting('period-negative-float', 'period', '-1.5', -1.5, ['"-1.5" is negative']),
  codeSetting('period-float', 'period', '1.5', 1.5, ['"1.5" is not a whole number']),
  codeSetting('period-float-30', 'period', '30.5', 30.5, ['"30.5" is not a whole number']),
  codeSetting('period-2-to-the-32', 'period', '4294967296', 4294967296, ['4294967296 is out of range'], ['huge']),
  codeSetting(
    'period-huge',
    'period',
    '99999999999999999999',
    1e20,
    ['is too large', 'whole seconds from 1 to 4294967295'],
    ['huge'],
  ),
  codeSetting('period-exponent', 'period', '3e1', '3e1', ['"3e1" is not a whole number']),
  codeSetting('period-hex', 'period', '0x1e', '0x1e', ['"0x1e" is not a whole number']),
  {
    id: 'settings-three-problems',
    tags: ['digits', 'algorithm', 'period'],
    faces: ['cli', 'action', 'construct', 'library'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: {
        argv: ['code', '--from', 'env:TOTP_SEED', '--digits', '7', '--algorithm', 'MD5', '--period', '-30'],
        lines: 3,
        words: ['--digits: ', '--algorithm: ', '--period: '],
      },
      action: { inputs: { source: 'env:TOTP_SEED', digits: '7', algorithm: 'MD5', period: '-30' }, lines: 3 },
      construct: {
        construct: 'key',
        props: {
          name: 'bot',
          generate: { issuer: 'ACME', accountName: 'alice' },
          digits: 7,
          algorithm: 'MD5',
          period: -30,
        },
        lines: 3,
      },
      library: { call: 'checkDeclaration', args: [{ ...KEY, digits: 7, algorithm: 'MD5', period: -30 }], lines: 3 },
    },
    expected: { cli: 2, action: 1, construct: 'synth-refused', library: 'bad-input' },
    words: ['"7" is not allowed', '"MD5" is not supported', '-30'],
  },
  {
    id: 'skew-2',
    tags: ['skew'],
    faces: ['cli', 'action', 'construct', 'library'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['verify', '--from', 'env:TOTP_SEED', '--code', '123456', '--skew', '2'], words: ['--skew: '] },
      action: { inputs: { source: 'env:TOTP_SEED', mode: 'verify', code: '123456', skew: '2' }, words: ['skew: '] },
      construct: {
        construct: 'key',
        props: { name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' }, skew: 2 },
        words: ['] skew: '],
      },
      library: {
        call: 'verifyCode',
        args: [{ secret: '{{B32}}', algorithm: 'SHA1', digits: 6, period: 30 }, '123456', { skew: 2 }],
        words: ['skew: '],
      },
    },
    expected: { cli: 2, action: 1, construct: 'synth-refused', library: 'bad-input' },
    words: ['is not allowed', '0 or 1'],
  },
  {
    id: 'skew-negative',
    tags: ['skew'],
    faces: ['cli', 'action', 'construct'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['verify', '--from', 'env:TOTP_SEED', '--code', '123456', '--skew', '-1'], words: ['--skew: '] },
      action: { inputs: { source: 'env:TOTP_SEED', mode: 'verify', code: '123456', skew: '-1' }, words: ['skew: '] },
      construct: {
        construct: 'method',
        props: { methodName: 'ops', issuer: 'ACME', skew: -1 },
        words: ['] skew: '],
      },
    },
    expected: { cli: 2, action: 1, construct: 'synth-refused' },
    words: ['"-1" is not allowed', '0 or 1'],
  },
  {
    id: 'min-remaining-equal-to-period',
    tags: ['min-remaining'],
    faces: ['cli', 'action'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED', '--min-remaining', '30'], words: ['--min-remaining: '] },
      action: { inputs: { source: 'env:TOTP_SEED', 'min-remaining': '30' }, words: ['min-remaining: '] },
    },
    expected: { cli: 2, action: 1 },
    words: ['0 to 29'],
  },
  {
    id: 'min-remaining-negative',
    tags: ['min-remaining'],
    faces: ['cli', 'action'],
    env: { TOTP_SEED: '{{B32}}' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED', '--min-remaining', '-1'], words: ['--min-remaining: '] },
      action: { inputs: { source: 'env:TOTP_SEED', 'min-remaining': '-1' }, words: ['min-remaining: '] },
    },
    expected: { cli: 2, action: 1 },
    words: ['"-1"'],
  },
  {
    id: 'mode-unknown',
    tags: ['action-input'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', mode: 'generat' } } },
    expected: { action: 1 },
    words: ['mode: ', '"generat" is not a mode', 'generate or verify'],
  },
  {
    id: 'fail-on-invalid-not-boolean',
    tags: ['action-input'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', mode: 'verify', code: '123456', 'fail-on-invalid': 'yes' } } },
    expected: { action: 1 },
    words: ['fail-on-invalid: ', '"yes" is not a boolean', 'true or false'],
  },
  declarationSetting(
    'key-size-8',
    'key',
    [...GEN, '--key-size', '8'],
    { generate: { issuer: 'ACME', accountName: 'alice', keySize: 8 } },
    ['8 is out of range', '16 to 1024 bytes'],
    { cli: '--key-size: ', other: 'keySize: ' },
    ['key-size'],
  ),
  declarationSetting(
    'qr-size-negative',
    'key',
    [...GEN, '--qr-size', '-1'],
    { qrSize: -1 },
    ['-1', '0 (no barcode) to 4096 pixels'],
    { cli: '--qr-size: ', other: 'qrSize: ' },
    ['qr-size'],
  ),
  declarationSetting(
    'qr-size-huge',
    'key',
    [...GEN, '--qr-size', '100000'],
    { qrSize: 100000 },
    ['100000 is out of range'],
    { cli: '--qr-size: ', other: 'qrSize: ' },
    ['qr-size', 'huge'],
  ),
  declarationSetting(
    'max-validation-attempts-zero',
    'method',
    ['method', 'create', 'ops2', '--issuer', 'ACME', '--max-validation-attempts', '0'],
    { maxValidationAttempts: 0 },
    ['0 is out of range', '1 to 1000'],
    { cli: '--max-validation-attempts: ', other: 'maxValidationAttempts: ' },
    ['attempts'],
  ),
  declarationSetting(
    'issuer-with-colon',
    'key',
    ['key', 'create', 'new-key', '--generate', '--issuer', 'ACME:Ops', '--account', 'alice'],
    { generate: { issuer: 'ACME:Ops', accountName: 'alice' } },
    ['contains ":" (character 5)', 'any text without ":"'],
    { cli: '--issuer: ', other: 'issuer: ' },
    ['issuer'],
  ),
  declarationSetting(
    'method-period-float',
    'method',
    ['method', 'create', 'ops2', '--issuer', 'ACME', '--period', '29.5'],
    { period: 29.5 },
    ['"29.5" is not a whole number'],
    { cli: '--period: ', other: 'period: ' },
    ['period'],
  ),
  declarationSetting(
    'method-digits-7',
    'method',
    ['method', 'create', 'ops2', '--issuer', 'ACME', '--digits', '7'],
    { digits: 7 },
    ['"7" is not allowed', '6 or 8'],
    { cli: '--digits: ', other: 'digits: ' },
    ['digits'],
  ),
  {
    id: 'key-name-with-space',
    tags: ['name'],
    faces: ['cli', 'construct', 'library'],
    files: { 'store.json': { store: 'plain' } },
    input: {
      // The CLI names the argument as its help does (NAME).
      cli: {
        argv: [
          'key',
          'create',
          'a b',
          '--generate',
          '--issuer',
          'ACME',
          '--account',
          'alice',
          '--store',
          'file:{{DIR}}/store.json',
        ],
        words: ['NAME: '],
      },
      construct: {
        construct: 'key',
        props: { name: 'a b', generate: { issuer: 'ACME', accountName: 'alice' } },
        words: ['] name: '],
      },
      library: { call: 'checkDeclaration', args: [{ ...KEY, name: 'a b' }], words: ['name: '] },
    },
    expected: { cli: 2, construct: 'synth-refused', library: 'bad-input' },
    words: ['"a b" is not a valid name', 'letters, digits'],
    unchanged: ['store.json'],
  },
  // --at: whole Unix seconds from 0 to the end of year 9999
  badAt('at-negative', '-1', -1),
  badAt('at-float', '1.5'),
  badAt('at-word', 'abc', 'abc'),
  badAt('at-exponent', '1e10'),
  badAt('at-after-year-9999', '253402300800'),
  badAt('at-huge', '99999999999999999999999', 1e300),
  badAt('at-empty', ''),
  badAt('at-hex', '0x10'),
  {
    id: 'at-negative-on-verify',
    tags: ['at'],
    faces: ['cli'],
    env: { TOTP_SEED: '{{B32}}' },
    input: { cli: { argv: ['verify', '--from', 'env:TOTP_SEED', '--code', '123456', '--at', '-30'] } },
    expected: { cli: 2 },
    words: ['--at: ', '"-30" is not a time'],
  },
  {
    id: 'at-float-on-key-verify',
    tags: ['at', 'store'],
    faces: ['cli'],
    files: { 'store.json': { store: 'plain' } },
    input: {
      cli: { argv: ['key', 'verify', 'bot', '--code', '123456', '--at', '0.5', '--store', 'file:{{DIR}}/store.json'] },
    },
    expected: { cli: 2 },
    words: ['--at: ', '"0.5" is not a time'],
    unchanged: ['store.json'],
  },
];
