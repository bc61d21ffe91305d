// Store files that must be refused and left exactly as they were ("nothing lost"): empty, truncated, not JSON,
// not a store, a newer format, damaged sections and records, a wrong, missing or empty TOTP_KIT_STORE_KEY — and
// store references that are not one. Writers (key create, a verification that records an attempt) are used
// where they can be, since a writer is what could lose data.
import type { CorpusCase, FileSpec } from '../types.js';

const STORE = 'file:{{DIR}}/store.json';
const SPEC = { name: 'new-key', generate: { issuer: 'ACME', accountName: 'alice' } };
const UNTOUCHED = 'it was left untouched';

type Op = 'create' | 'verify-enrollment' | 'read-key';

const CLI_OPS: Readonly<Record<Op, string[]>> = {
  create: [
    'key',
    'create',
    'new-key',
    '--generate',
    '--issuer',
    'ACME',
    '--account',
    'alice',
    '--no-export',
    '--store',
    STORE,
  ],
  'verify-enrollment': ['method', 'verify', 'ops', '--entity', 'alice', '--code', '123456', '--store', STORE],
  'read-key': ['code', '--from', 'store:bot', '--store', STORE],
};

/** The action reads a key (source: store:NAME) or verifies per enrollment, which records the attempt: a writer. */
const ACTION_OPS: Readonly<Record<Op, Record<string, string>>> = {
  create: { mode: 'verify', store: STORE, method: 'ops', entity: 'alice', code: '123456' },
  'verify-enrollment': { mode: 'verify', store: STORE, method: 'ops', entity: 'alice', code: '123456' },
  'read-key': { source: 'store:bot', store: STORE },
};

/** A store file refused by every face through `op`. */
function badStore(
  id: string,
  file: FileSpec,
  exit: 2 | 3,
  words: string[],
  options: { env?: Record<string, string>; op?: Op; tags?: string[] } = {},
): CorpusCase {
  const op = options.op ?? 'create';
  const library =
    op === 'create'
      ? { call: 'createKey', args: [STORE, SPEC] }
      : op === 'verify-enrollment'
        ? { call: 'validateEnrollment', args: [STORE, 'ops', 'alice', '123456', 1700000000] }
        : { call: 'keyCode', args: [STORE, 'bot', 1700000000] };
  return {
    id,
    tags: ['store', ...(options.tags ?? [])],
    faces: ['cli', 'action', 'library'],
    files: { 'store.json': file },
    ...(options.env ? { env: options.env } : {}),
    input: {
      cli: { argv: CLI_OPS[op] },
      action: { inputs: ACTION_OPS[op] },
      library,
    },
    expected: { cli: exit, action: 1, library: exit === 2 ? 'bad-input' : 'backend' },
    words,
    unchanged: ['store.json'],
  };
}

const corrupt = (problem: string) => [`store ${STORE}: `, problem, UNTOUCHED];
const SEALED = { TOTP_KIT_STORE_KEY: '{{STORE_KEY}}' };

export const STORE_CASES: readonly CorpusCase[] = [
  badStore('store-empty', { text: '' }, 3, corrupt('is empty')),
  badStore('store-only-whitespace', { text: '\n  \n' }, 3, corrupt('is empty'), { op: 'read-key' }),
  badStore(
    'store-truncated',
    { store: 'plain', truncate: 200 },
    3,
    corrupt('is not valid JSON (corrupt or truncated)'),
    {
      tags: ['truncated'],
    },
  ),
  badStore(
    'store-truncated-to-one-byte',
    { store: 'plain', truncate: 1 },
    3,
    corrupt('is not valid JSON (corrupt or truncated)'),
    { op: 'verify-enrollment', tags: ['truncated'] },
  ),
  badStore(
    'store-truncated-sealed',
    { store: 'sealed', truncate: 400 },
    3,
    corrupt('is not valid JSON (corrupt or truncated)'),
    { env: SEALED, tags: ['truncated', 'store-key'] },
  ),
  badStore('store-not-json', { text: 'this is not a store\n' }, 3, corrupt('is not valid JSON'), {
    tags: ['not-json'],
  }),
  badStore('store-binary-garbage', { text: '\u0000\u0001\u0002\u00ff\ufffd{' }, 3, corrupt('is not valid JSON'), {
    op: 'read-key',
    tags: ['not-json', 'nul'],
  }),
  badStore('store-json-array', { text: '[]' }, 3, corrupt('is not a totp-kit store (no format version)'), {
    tags: ['not-a-store'],
  }),
  badStore('store-json-null', { text: 'null' }, 3, corrupt('is not a totp-kit store (no format version)'), {
    tags: ['not-a-store'],
  }),
  badStore('store-no-format', { text: '{"keys":{},"methods":{},"enrollments":{}}' }, 3, corrupt('no format version'), {
    op: 'read-key',
    tags: ['not-a-store'],
  }),
  badStore(
    'store-format-as-text',
    { store: 'plain', replace: [['"format": 1', '"format": "1"']] },
    3,
    corrupt('no format version'),
    { tags: ['not-a-store'] },
  ),
  badStore(
    'store-newer-format',
    { store: 'plain', replace: [['"format": 1', '"format": 2']] },
    3,
    corrupt('has format 2, which this version of totp-kit does not understand (it writes 1); upgrade totp-kit'),
    { tags: ['newer-format'] },
  ),
  badStore(
    'store-newer-format-read',
    { store: 'plain', replace: [['"format": 1', '"format": 2']] },
    3,
    corrupt('has format 2'),
    { op: 'read-key', tags: ['newer-format'] },
  ),
  badStore(
    'store-much-newer-format-sealed',
    { store: 'sealed', replace: [['"format": 1', '"format": 99']] },
    3,
    corrupt('has format 99'),
    { env: SEALED, op: 'verify-enrollment', tags: ['newer-format', 'store-key'] },
  ),
  badStore(
    'store-format-zero',
    { store: 'plain', replace: [['"format": 1', '"format": 0']] },
    3,
    corrupt('has format 0'),
    { tags: ['newer-format'] },
  ),
  badStore(
    'store-format-float',
    { store: 'plain', replace: [['"format": 1', '"format": 1.5']] },
    3,
    corrupt('has format 1.5'),
    { tags: ['newer-format'] },
  ),
  badStore(
    'store-damaged-section',
    { text: '{"format":1,"keys":[],"methods":{},"enrollments":{}}' },
    3,
    corrupt('has a damaged "keys" section'),
    { tags: ['not-a-store'] },
  ),
  badStore(
    'store-wrong-key',
    { store: 'sealed' },
    2,
    // Every face checks the store's key check first (records are authenticated under it): the variable, and the
    // key the store was written with.
    ['TOTP_KIT_STORE_KEY: ', 'the key the store was written with'],
    { env: { TOTP_KIT_STORE_KEY: '{{WRONG_KEY}}' }, tags: ['wrong-key', 'store-key'] },
  ),
  badStore(
    'store-wrong-key-on-verify',
    { store: 'sealed' },
    2,
    ['TOTP_KIT_STORE_KEY: ', 'is not the key', 'was written with'],
    { env: { TOTP_KIT_STORE_KEY: '{{WRONG_KEY}}' }, op: 'verify-enrollment', tags: ['wrong-key', 'store-key'] },
  ),
  badStore(
    'store-wrong-key-passphrase',
    { store: 'sealed' },
    2,
    ['TOTP_KIT_STORE_KEY: ', 'is a passphrase, but the store was sealed with a base64 32-byte key'],
    { env: { TOTP_KIT_STORE_KEY: 'correct horse battery staple' }, op: 'read-key', tags: ['wrong-key', 'store-key'] },
  ),
  badStore(
    'store-sealed-without-key',
    { store: 'sealed' },
    2,
    ['TOTP_KIT_STORE_KEY: is not set, but ', 'the key the store was written with'],
    { tags: ['wrong-key', 'store-key'] },
  ),
  badStore('store-key-only-spaces', { store: 'plain' }, 2, ['TOTP_KIT_STORE_KEY: ', 'is empty'], {
    env: { TOTP_KIT_STORE_KEY: '   ' },
    tags: ['wrong-key', 'store-key', 'empty'],
  }),
  badStore(
    'store-damaged-key-record',
    { store: 'plain', replace: [['"algorithm": "SHA1"', '"algorithm": "MD5"']] },
    3,
    ['key "bot" in the store is damaged (field "algorithm")'],
    { op: 'read-key', tags: ['damaged-record'] },
  ),
  {
    id: 'store-is-a-directory',
    tags: ['store'],
    faces: ['cli', 'action', 'library'],
    files: { 'store.json': { directory: true } },
    input: {
      cli: { argv: CLI_OPS.create },
      action: { inputs: { mode: 'verify', store: STORE, method: 'ops', entity: 'alice', code: '123456' } },
      library: { call: 'listKeys', args: [STORE] },
    },
    expected: { cli: 3, action: 1, library: 'backend' },
    words: corrupt('cannot be read (EISDIR)'),
  },
  // store references
  {
    id: 'store-ref-unknown-scheme',
    tags: ['store-ref', 'scheme'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', 'ftp:x'], words: ['--store: '] },
      action: {
        inputs: { mode: 'verify', store: 'ftp:x', method: 'ops', entity: 'alice', code: '123456' },
        words: ['store: '],
      },
      library: { call: 'openStore', args: ['ftp:x'], words: ['store: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['ftp: is not a known store scheme', 'file:PATH, aws-sm:PREFIX or postgres:VAR'],
  },
  {
    // A URL given as the reference, the seed standing in for its password: refused, and never repeated.
    id: 'store-ref-postgres-url',
    tags: ['store-ref', 'postgres'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', 'postgres://totp:{{B32}}@127.0.0.1:1/totp'], words: ['--store: '] },
      action: {
        inputs: {
          mode: 'verify',
          store: 'postgres://totp:{{B32}}@127.0.0.1:1/totp',
          method: 'ops',
          entity: 'alice',
          code: '123456',
        },
        words: ['store: '],
      },
      library: { call: 'openStore', args: ['postgres://totp:{{B32}}@127.0.0.1:1/totp'], words: ['store: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['never the URL itself', 'postgres:DATABASE_URL'],
  },
  {
    id: 'store-postgres-variable-unset',
    tags: ['store-ref', 'postgres'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', 'postgres:TOTP_KIT_NO_SUCH_URL'] },
      action: {
        inputs: {
          mode: 'verify',
          store: 'postgres:TOTP_KIT_NO_SUCH_URL',
          method: 'ops',
          entity: 'alice',
          code: '123456',
        },
      },
      library: { call: 'openStore', args: ['postgres:TOTP_KIT_NO_SUCH_URL'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['TOTP_KIT_NO_SUCH_URL: is not set', 'TOTP_KIT_NO_SUCH_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE'],
  },
  {
    // The variable holds the seed, not a URL (a secret pasted into the wrong variable): refused, never repeated.
    id: 'store-postgres-variable-not-a-url',
    tags: ['store-ref', 'postgres'],
    faces: ['cli', 'action', 'library'],
    env: { TOTP_KIT_TEST_URL: '{{B32}}' },
    input: {
      cli: { argv: ['key', 'list', '--store', 'postgres:TOTP_KIT_TEST_URL'] },
      action: {
        inputs: { mode: 'verify', store: 'postgres:TOTP_KIT_TEST_URL', method: 'ops', entity: 'alice', code: '123456' },
      },
      library: { call: 'openStore', args: ['postgres:TOTP_KIT_TEST_URL'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['TOTP_KIT_TEST_URL: is not a connection URL'],
  },
  {
    id: 'store-ref-file-without-path',
    tags: ['store-ref'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', 'file:'], words: ['--store: '] },
      action: {
        inputs: { mode: 'verify', store: 'file:', method: 'ops', entity: 'alice', code: '123456' },
        words: ['store: '],
      },
      library: { call: 'openStore', args: ['file:'], words: ['store: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file: needs a path'],
  },
  {
    id: 'store-ref-aws-bad-prefix',
    tags: ['store-ref'],
    faces: ['cli', 'construct', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', 'aws-sm:totp kit'], words: ['--store: '] },
      construct: {
        construct: 'method',
        props: { methodName: 'ops', issuer: 'ACME' },
        store: { awsSecretsManager: { prefix: 'totp kit' } },
        words: ['] store: '],
      },
      library: { call: 'openStore', args: ['aws-sm:totp kit'], words: ['store: '] },
    },
    expected: { cli: 2, construct: 'synth-refused', library: 'bad-input' },
    words: ['aws-sm: needs a secret name prefix'],
  },
  {
    id: 'store-ref-seed-pasted',
    tags: ['store-ref', 'pasted-seed'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', '{{B32}}'], words: ['--store: '] },
      action: {
        inputs: { mode: 'verify', store: '{{B32}}', method: 'ops', entity: 'alice', code: '123456' },
        words: ['store: '],
      },
      library: { call: 'openStore', args: ['{{B32}}'], words: ['store: '] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['is not a store reference'],
  },
  {
    id: 'store-ref-url-pasted',
    tags: ['store-ref', 'pasted-seed'],
    faces: ['cli', 'library'],
    input: {
      cli: { argv: ['key', 'list', '--store', '{{URL}}'], words: ['--store: '] },
      library: { call: 'openStore', args: ['{{URL}}'], words: ['store: '] },
    },
    expected: { cli: 2, library: 'bad-input' },
    words: ['is not a known store scheme'],
  },
];
