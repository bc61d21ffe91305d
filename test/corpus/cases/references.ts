// What is typed around the seed: unknown flags and commands, flags without their value, seed flags given twice
// or not at all, source references with unknown schemes or missing parts, and seeds or URLs pasted where a
// reference belongs (never quoted back).
import type { CorpusCase } from '../types.js';

const SCHEMES = 'env:NAME, file:PATH, aws-sm:ID[#FIELD], vault-kv:MOUNT/PATH#FIELD, vault-totp:MOUNT/KEY, store:NAME';

/** CLI only: argv refused by the command line parser or the seed flags. */
function cli(id: string, argv: string[], words: string[], tags: string[], env?: Record<string, string>): CorpusCase {
  return {
    id,
    tags,
    faces: ['cli'],
    ...(env ? { env } : {}),
    input: { cli: { argv } },
    expected: { cli: 2 },
    words,
  };
}

/** A source reference refused before anything is read: CLI --from, the action's source, resolveSource. */
function badReference(id: string, reference: string, words: string[], tags: string[], importable = true): CorpusCase {
  return {
    id,
    tags: ['source', ...tags],
    faces: importable ? ['cli', 'action', 'construct', 'library'] : ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--from', reference], starts: '--from: ' },
      action: { inputs: { source: reference }, starts: 'source: ' },
      ...(importable
        ? {
            construct: {
              construct: 'key' as const,
              props: { name: 'bot', importFrom: reference },
              starts: 'importFrom: ',
            },
          }
        : {}),
      library: { call: 'readSource', args: [reference, 'source'], starts: 'source: ' },
    },
    expected: importable
      ? { cli: 2, action: 1, construct: 'synth-refused', library: 'bad-input' }
      : { cli: 2, action: 1, library: 'bad-input' },
    words,
  };
}

export const REFERENCE_CASES: readonly CorpusCase[] = [
  // unknown flags and commands
  cli('flag-unknown', ['code', '--from', 'env:X', '--bogus'], ["unknown option '--bogus'"], ['unknown-flag']),
  cli(
    'flag-typo-suggested',
    ['code', '--from', 'env:X', '--digit', '6'],
    ["unknown option '--digit'", '--digits'],
    ['unknown-flag'],
  ),
  cli('flag-unknown-short', ['code', '-x'], ["unknown option '-x'"], ['unknown-flag']),
  cli(
    'flag-with-equals-on-boolean',
    ['code', '--from', 'env:X', '--json=1'],
    ["unknown option '--json=1'"],
    ['unknown-flag'],
  ),
  cli(
    'flag-seed-as-option',
    ['code', '--from', 'env:X', '--{{B32}}'],
    ['unknown option', 'not printed'],
    ['unknown-flag', 'pasted-seed'],
  ),
  // Only a token of at most 7 characters is quoted back: a longer one could be a seed.
  cli('command-unknown', ['frobnicate'], ['unknown command (not printed: it could be a seed)'], ['unknown-command']),
  cli('command-unknown-short', ['frob'], ["unknown command 'frob'"], ['unknown-command']),
  cli('command-seed-typed', ['{{B32}}'], ['unknown command', 'not printed'], ['unknown-command', 'pasted-seed']),
  cli('subcommand-unknown', ['key', 'frob'], ["unknown command 'frob'"], ['unknown-command']),
  cli('argument-extra', ['code', '--from', 'env:X', 'extra'], ["too many arguments for 'code'"], ['unknown-flag']),
  cli('argument-seed-extra', ['code', '{{B32}}'], ["too many arguments for 'code'"], ['unknown-flag', 'pasted-seed']),
  // flags without their value
  cli('missing-value-secret', ['code', '--secret'], ["option '--secret <base32>' argument missing"], ['missing-value']),
  cli('missing-value-from', ['code', '--from'], ["option '--from <source>' argument missing"], ['missing-value']),
  cli('missing-value-url', ['code', '--url'], ["option '--url <otpauth-url>' argument missing"], ['missing-value']),
  cli(
    'missing-value-digits',
    ['code', '--from', 'env:X', '--digits'],
    ["option '--digits <n>' argument missing"],
    ['missing-value'],
  ),
  cli(
    'missing-value-at',
    ['code', '--from', 'env:X', '--at'],
    ["option '--at <time>' argument missing"],
    ['missing-value'],
  ),
  cli(
    'missing-value-code',
    ['verify', '--from', 'env:X', '--code'],
    ["option '--code <code>' argument missing"],
    ['missing-value'],
  ),
  cli(
    'missing-value-store',
    ['key', 'list', '--store'],
    ["option '--store <ref>' argument missing"],
    ['missing-value'],
  ),
  cli('missing-argument-key-name', ['key', 'get'], ["missing required argument 'name'"], ['missing-value']),
  cli('missing-seed-flag', ['code'], ['seed: none given', '--from SOURCE'], ['missing-value']),
  cli('missing-code-on-verify', ['verify', '--from', 'env:TOTP_SEED'], ['--code'], ['missing-value'], {
    TOTP_SEED: '{{B32}}',
  }),
  cli(
    'seed-flags-twice',
    ['code', '--from', 'env:X', '--secret', '{{B32}}'],
    ['--secret and --from were both given'],
    ['two-seeds'],
  ),
  {
    id: 'action-secret-and-source',
    tags: ['two-seeds', 'action-input'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', source: 'env:TOTP_SEED' } } },
    expected: { action: 1 },
    words: ['secret: and source were both given', 'exactly one of them'],
  },
  {
    id: 'action-no-secret-no-source',
    tags: ['missing-value', 'action-input'],
    faces: ['action'],
    input: { action: { inputs: {} } },
    expected: { action: 1 },
    words: ['secret: and source are both empty'],
  },
  {
    id: 'action-verify-without-code',
    tags: ['missing-value', 'action-input'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', mode: 'verify' } } },
    expected: { action: 1 },
    words: ['code: is empty'],
  },
  {
    id: 'action-code-in-generate-mode',
    tags: ['action-input'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', code: '123456' } } },
    expected: { action: 1 },
    words: ['code: is only used with mode: verify'],
  },
  // unknown or incomplete source references
  badReference('source-unknown-scheme', 'ftp:seed', ['ftp: is not a known source scheme', SCHEMES], ['scheme']),
  badReference('source-unknown-scheme-s3', 's3:bucket/key', ['s3: is not a known source scheme'], ['scheme']),
  badReference(
    'source-upper-case-scheme',
    'ENV:TOTP_SEED',
    ['is not a source reference (its value was not printed)'],
    ['scheme'],
  ),
  badReference('source-no-scheme', 'TOTP_SEED', ['is not a source reference (its value was not printed)'], ['scheme']),
  {
    id: 'source-empty',
    tags: ['source', 'scheme', 'empty'],
    faces: ['cli', 'action', 'construct', 'library'],
    input: {
      cli: { argv: ['code', '--from', ''], words: ['--from: is not a source reference'] },
      // The runner passes an unset input as '': an empty source is no source.
      action: { inputs: { source: '' }, words: ['secret: and source are both empty'] },
      construct: {
        construct: 'key',
        props: { name: 'bot', importFrom: '' },
        words: ['] importFrom: is not a source reference'],
      },
      library: { call: 'readSource', args: ['', 'source'], words: ['source: is not a source reference'] },
    },
    expected: { cli: 2, action: 1, construct: 'synth-refused', library: 'bad-input' },
    words: [],
  },
  badReference('source-env-without-name', 'env:', ['env: needs a variable name'], ['scheme']),
  badReference('source-env-bad-name', 'env:1SEED', ['env: has an invalid variable name'], ['scheme']),
  badReference('source-file-without-path', 'file:', ['file: needs a path'], ['scheme']),
  // "~" reaches totp-kit unexpanded after "file:" (a shell expands it only at the start of a word).
  badReference(
    'source-file-tilde',
    'file:~/seed.txt',
    ['file:~/seed.txt: "~" is not expanded', 'file:$HOME/seed.txt'],
    ['scheme'],
  ),
  badReference('source-aws-without-id', 'aws-sm:', ['aws-sm:'], ['scheme']),
  badReference('source-aws-empty-field', 'aws-sm:prod/totp#', ['#FIELD'], ['scheme']),
  badReference('source-store-bad-name', 'store:a b', ['store: needs a key name'], ['scheme']),
  badReference('source-vault-kv-no-path', 'vault-kv:secret', ['vault-kv:MOUNT/PATH'], ['scheme']),
  {
    id: 'source-vault-totp-as-import',
    tags: ['source', 'scheme'],
    faces: ['construct', 'library'],
    input: {
      construct: { construct: 'key', props: { name: 'bot', importFrom: 'vault-totp:totp/npm' } },
      library: { call: 'checkDeclaration', args: [{ kind: 'key', name: 'bot', importFrom: 'vault-totp:totp/npm' }] },
    },
    expected: { construct: 'synth-refused', library: 'bad-input' },
    words: ['importFrom: ', 'vault-totp:totp/npm keeps its seed in Vault, so it cannot be used for an import'],
  },
  // a seed or URL pasted where a reference belongs
  badReference(
    'pasted-seed-as-source',
    '{{B32}}',
    ['is not a source reference (its value was not printed)'],
    ['pasted-seed'],
  ),
  badReference('pasted-lower-case-seed-as-source', '{{b32}}', ['is not a source reference'], ['pasted-seed']),
  badReference(
    'pasted-spaced-seed-as-source',
    '{{B32_HEAD}} {{B32_TAIL}}',
    ['is not a source reference'],
    ['pasted-seed'],
  ),
  badReference(
    'pasted-url-as-source',
    '{{URL}}',
    ['is an otpauth URL, not a source reference (the URL was not printed)'],
    ['pasted-seed', 'url'],
  ),
  badReference(
    'pasted-seed-with-colon',
    '{{b32}}:x',
    ['is not a source reference (its value was not printed)'],
    ['pasted-seed'],
  ),
  badReference(
    'pasted-seed-start-as-scheme',
    '{{b32_16}}:x',
    ['its scheme is not a known source scheme'],
    ['pasted-seed'],
  ),
  badReference('pasted-json-as-source', '{"secret":"{{B32}}"}', ['is not a source reference'], ['pasted-seed', 'json']),
  {
    id: 'pasted-seed-as-url-flag',
    tags: ['pasted-seed', 'url'],
    faces: ['cli'],
    input: { cli: { argv: ['code', '--url', '{{B32}}'] } },
    expected: { cli: 2 },
    words: ['--url: ', 'is not an otpauth:// URL (its value was not printed)'],
  },
  {
    id: 'pasted-seed-as-declaration',
    tags: ['pasted-seed'],
    faces: ['cli', 'library'],
    input: {
      cli: { argv: ['plan', '--declaration', '{{B32}}'] },
      library: { call: 'checkDeclaration', args: ['{{B32}}'] },
    },
    expected: { cli: 2, library: 'bad-input' },
    words: ['declaration'],
  },
  // local references that cannot be read (exit 2: the reference is the user's input)
  {
    id: 'source-env-not-set',
    tags: ['source'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_NOT_SET'] },
      action: { inputs: { source: 'env:TOTP_NOT_SET' } },
      library: { call: 'readSource', args: ['env:TOTP_NOT_SET', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['env:TOTP_NOT_SET: is not set'],
  },
  {
    id: 'source-file-missing',
    tags: ['source'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/nothing-here'] },
      action: { inputs: { source: 'file:{{DIR}}/nothing-here' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/nothing-here', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/nothing-here: does not exist'],
  },
  {
    id: 'source-file-is-a-directory',
    tags: ['source'],
    faces: ['cli', 'action', 'library'],
    files: { seeds: { directory: true } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seeds'] },
      action: { inputs: { source: 'file:{{DIR}}/seeds' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seeds', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seeds: is a directory'],
  },
  {
    id: 'source-store-key-missing',
    tags: ['source', 'store'],
    faces: ['cli', 'action', 'library'],
    files: { 'store.json': { store: 'plain' } },
    env: { TOTP_KIT_STORE: 'file:{{DIR}}/store.json' },
    input: {
      cli: { argv: ['code', '--from', 'store:nobody'] },
      action: { inputs: { source: 'store:nobody' } },
      library: { call: 'readSource', args: ['store:nobody', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['store:nobody: no key "nobody" in store file:{{DIR}}/store.json'],
    unchanged: ['store.json'],
  },
];
