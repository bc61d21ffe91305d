// Seed text that is not a seed: bad Base32 (0, 1, 8, 9, look-alikes, empty, only padding, bad lengths),
// huge inputs and NUL bytes. Constructs never take seed text (only source references, read at apply), so
// these run through the CLI, the action and the library.
import type { CorpusCase } from '../types.js';

const NOT_B32 = 'is not valid Base32';

/** A seed with its 6th character replaced by `c`, through the CLI's --secret, the action's secret and parseSeedText. */
function badChar(id: string, c: string, tags: string[] = []): CorpusCase {
  const text = `{{B32_HEAD}}${c}{{B32_TAIL}}`;
  return {
    id,
    tags: ['base32', ...tags],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--secret', text], starts: '--secret: ' },
      action: { inputs: { secret: text }, starts: 'secret: ' },
      library: { call: 'parseSeedText', args: [text, 'secret'], starts: 'secret: ' },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: [NOT_B32, 'at position 6'],
  };
}

/** The same text through a variable (CLI --from env:, action source: env:) and decodeBase32. */
function badText(id: string, text: string, words: string[], tags: string[] = []): CorpusCase {
  return {
    id,
    tags: ['base32', ...tags],
    faces: ['cli', 'action', 'library'],
    env: { TOTP_SEED: text },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED'] },
      action: { inputs: { source: 'env:TOTP_SEED' } },
      library: { call: 'decodeBase32', args: [text, 'env:TOTP_SEED'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['env:TOTP_SEED: ', ...words],
  };
}

export const SEED_CASES: readonly CorpusCase[] = [
  badChar('base32-digit-0', '0'),
  badChar('base32-digit-1', '1'),
  badChar('base32-digit-8', '8'),
  badChar('base32-digit-9', '9'),
  badChar('base32-exclamation-mark', '!'),
  badChar('base32-cyrillic-a', '\u0410', ['unicode']),
  badChar('base32-cyrillic-o', '\u041e', ['unicode']),
  badChar('base32-greek-omicron', '\u039f', ['unicode']),
  badChar('base32-fullwidth-a', '\uff21', ['unicode']),
  badChar('base32-dotless-i', '\u0131', ['unicode']),
  badChar('base32-long-s', '\u017f', ['unicode']),
  badChar('base32-kelvin-sign', '\u212a', ['unicode']),
  badChar('base32-zero-width-space', '\u200b', ['unicode']),
  badChar('base32-emoji', '\u{1f600}', ['unicode']),
  badChar('base32-padding-inside', '=', ['padding']),
  badChar('base32-plus-from-base64', '+'),
  badText('base32-digit-0-in-variable', '{{B32_HEAD}}0{{B32_TAIL}}', [NOT_B32, 'position 6']),
  badText('base32-lower-case-with-1', '{{b32}}1', [NOT_B32, 'position 33']),
  badText('base32-only-padding', '========', ['is empty'], ['padding', 'empty']),
  badText('base32-one-character', 'G', [NOT_B32, '1 character cannot encode whole bytes']),
  badText('base32-three-characters', 'GEZ', [NOT_B32, '3 characters cannot encode whole bytes']),
  // Said to be hex, with how to pass it: the prefix "hex:" (hex is never guessed from the digits).
  badText('base32-hex-pasted', '{{HEX}}', ['looks like hex (digits 0-9 and letters a-f only), not Base32']),
  badText('base32-base64-pasted', '{{BASE64}}', [NOT_B32]),
  {
    id: 'base32-empty',
    tags: ['base32', 'empty'],
    faces: ['cli', 'library'],
    input: {
      cli: { argv: ['code', '--secret', ''], words: ['--secret: '] },
      library: { call: 'parseSeedText', args: ['', 'secret'], words: ['secret: '] },
    },
    expected: { cli: 2, library: 'bad-input' },
    words: ['is empty'],
  },
  {
    id: 'base32-only-padding-as-secret',
    tags: ['base32', 'padding', 'empty'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--secret', '===='], words: ['--secret: '] },
      action: { inputs: { secret: '====' }, words: ['secret: '] },
      library: { call: 'parseSeedText', args: ['====', 'secret'], words: ['secret: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['is empty'],
  },
  {
    id: 'base32-only-spaces',
    tags: ['base32', 'empty'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--secret', '    '], words: ['--secret: ', 'is empty'] },
      // The runner trims inputs: an input of spaces is an empty input.
      action: { inputs: { secret: '    ' }, words: ['secret: ', 'both empty'] },
      library: { call: 'parseSeedText', args: ['    ', 'secret'], words: ['secret: ', 'is empty'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: [],
  },
  {
    id: 'base32-empty-variable',
    tags: ['base32', 'empty'],
    faces: ['cli', 'action', 'library'],
    env: { TOTP_SEED: '' },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED'] },
      action: { inputs: { source: 'env:TOTP_SEED' } },
      library: { call: 'readSource', args: ['env:TOTP_SEED', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['env:TOTP_SEED: ', 'is empty'],
  },
  {
    id: 'base32-empty-file',
    tags: ['base32', 'empty'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { text: '' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'is empty'],
    unchanged: ['seed'],
  },
  // huge inputs
  {
    id: 'huge-1mb-seed-file',
    tags: ['huge'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '{{B32}}', bytes: 1048576 } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'too large', 'at most 65536 bytes'],
    unchanged: ['seed'],
  },
  {
    id: 'huge-1mb-url-file',
    tags: ['huge', 'url'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '{{URL}}&issuer=ACME', bytes: 1048576 } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'too large'],
    unchanged: ['seed'],
  },
  {
    id: 'huge-1mb-json-file',
    tags: ['huge', 'json'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '{"secret":"{{B32}}"}', bytes: 1048576 } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'too large'],
    unchanged: ['seed'],
  },
  {
    id: 'huge-1mb-text-to-library',
    tags: ['huge'],
    faces: ['library'],
    input: { library: { call: 'parseSeedText', args: [{ repeat: '{{B32}}', bytes: 1048576 }, 'secret'] } },
    expected: { library: 'bad-input' },
    words: ['secret: ', 'is 1048576 characters, too long for a seed', 'at most 65536'],
  },
  {
    id: 'huge-just-over-64k-file',
    tags: ['huge'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '{{B32}}', bytes: 65537 } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'too large'],
  },
  {
    id: 'huge-127k-variable',
    tags: ['huge'],
    faces: ['cli', 'action'],
    env: { TOTP_SEED: { repeat: '{{B32}}', bytes: 127000 } },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_SEED'] },
      action: { inputs: { source: 'env:TOTP_SEED' } },
    },
    expected: { cli: 2, action: 1 },
    words: ['env:TOTP_SEED: ', 'is 127000 characters, too long for a seed'],
  },
  {
    id: 'huge-100k-secret-input',
    tags: ['huge'],
    faces: ['action'],
    input: { action: { inputs: { secret: { repeat: '{{B32}} ', bytes: 100000 } } } },
    expected: { action: 1 },
    words: ['secret: ', 'too long for a seed'],
  },
  // NUL bytes (argv and the environment cannot carry one: files and the library can)
  {
    id: 'nul-inside-seed-file',
    tags: ['nul'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { text: '{{B32_HEAD}}\u0000{{B32_TAIL}}\n' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', NOT_B32, 'position 6'],
    unchanged: ['seed'],
  },
  {
    id: 'nul-after-seed-file',
    tags: ['nul'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { text: '{{B32}}\u0000' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', NOT_B32, 'position 33'],
  },
  {
    id: 'nul-only-file',
    tags: ['nul'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { text: '\u0000\u0000\u0000\u0000' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', NOT_B32, 'position 1'],
  },
  {
    id: 'nul-in-url-secret-file',
    tags: ['nul', 'url'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { text: 'otpauth://totp/ACME:alice?secret={{B32_HEAD}}%00{{B32_TAIL}}&issuer=ACME' } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed secret parameter: ', NOT_B32, 'position 6'],
  },
  {
    id: 'nul-in-seed-text-to-library',
    tags: ['nul'],
    faces: ['library'],
    input: { library: { call: 'parseSeedText', args: ['\u0000{{B32}}', 'secret'] } },
    expected: { library: 'bad-input' },
    words: ['secret: ', NOT_B32, 'position 1'],
  },
];
