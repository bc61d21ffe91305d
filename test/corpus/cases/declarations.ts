// Declarations — what the constructs synthesize and the provisioners hand to `totp-kit plan|apply|destroy` — that
// must be refused: every problem listed, before the store is touched (apply and destroy are writers).
import type { CorpusCase } from '../types.js';

const STORE = 'file:{{DIR}}/store.json';

/** A declaration refused by `plan` and `apply` (CLI), checkDeclaration (library) and, when given, a construct. */
function badDeclaration(
  id: string,
  declaration: Record<string, unknown>,
  words: string[],
  options: {
    lines?: number;
    construct?: { construct: 'key' | 'method' | 'enrollment'; props: Record<string, unknown> };
  },
  tags: string[] = [],
): CorpusCase {
  const lines = options.lines ?? 1;
  return {
    id,
    tags: ['declaration', ...tags],
    faces: options.construct ? ['cli', 'construct', 'library'] : ['cli', 'library'],
    files: { 'store.json': { store: 'plain' } },
    env: { TOTP_KIT_DECLARATION: JSON.stringify(declaration) },
    input: {
      cli: {
        argv: ['apply', '--declaration-env', 'TOTP_KIT_DECLARATION', '--generation', 'g1', '--store', STORE],
        lines,
      },
      ...(options.construct ? { construct: { ...options.construct, lines } } : {}),
      library: { call: 'checkDeclaration', args: [declaration], lines },
    },
    expected: options.construct
      ? { cli: 2, construct: 'synth-refused', library: 'bad-input' }
      : { cli: 2, library: 'bad-input' },
    words,
    unchanged: ['store.json'],
  };
}

export const DECLARATION_CASES: readonly CorpusCase[] = [
  badDeclaration('declaration-unknown-kind', { kind: 'widget', name: 'x' }, ['kind: "widget" is not a kind'], {}),
  badDeclaration('declaration-no-kind', { name: 'x' }, ['kind: is required', 'key, method or enrollment'], {}),
  badDeclaration(
    'declaration-key-digits-7-and-typo',
    { kind: 'key', name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' }, digit: 8, digits: 7 },
    ['digit: is not a setting of a key', 'digits: "7" is not allowed'],
    { lines: 2 },
    ['digits'],
  ),
  badDeclaration(
    'declaration-method-everything-wrong',
    { kind: 'method', methodName: 'ops', issuer: 'A:B', algorithm: 'MD5', period: -30, maxValidationAttempts: 0 },
    ['algorithm: "MD5"', 'period: -30', 'maxValidationAttempts: 0', 'issuer: contains ":"'],
    {
      lines: 4,
      construct: {
        construct: 'method',
        props: { methodName: 'ops', issuer: 'A:B', algorithm: 'MD5', period: -30, maxValidationAttempts: 0 },
      },
    },
    ['algorithm', 'period'],
  ),
  badDeclaration(
    'declaration-import-seed-pasted',
    { kind: 'key', name: 'bot', importFrom: '{{B32}}' },
    ['importFrom: is not a source reference (its value was not printed)'],
    { construct: { construct: 'key', props: { name: 'bot', importFrom: '{{B32}}' } } },
    ['pasted-seed'],
  ),
  badDeclaration(
    'declaration-import-url-pasted',
    { kind: 'key', name: 'bot', importFrom: '{{URL}}' },
    ['importFrom: is an otpauth URL, not a source reference (the URL was not printed)'],
    { construct: { construct: 'key', props: { name: 'bot', importFrom: '{{URL}}' } } },
    ['pasted-seed', 'url'],
  ),
  badDeclaration(
    'declaration-generate-and-import',
    { kind: 'key', name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' }, importFrom: 'env:TOTP_SEED' },
    ['generate: and importFrom were both given'],
    {
      construct: {
        construct: 'key',
        props: { name: 'bot', generate: { issuer: 'ACME', accountName: 'alice' }, importFrom: 'env:TOTP_SEED' },
      },
    },
  ),
  badDeclaration(
    'declaration-enrollment-bad-entity',
    { kind: 'enrollment', method: 'ops', entityId: 'a b\u0000c' },
    ['entityId: ', 'is not a valid entity id'],
    { construct: { construct: 'enrollment', props: { entityId: 'a b\u0000c' } } },
    ['nul'],
  ),
  badDeclaration(
    'declaration-qr-code-file-on-import',
    { kind: 'key', name: 'bot', importFrom: 'env:TOTP_SEED', qrCodeFile: '{{DIR}}/bot.png' },
    ['qrCodeFile: is given for an imported key'],
    {
      construct: {
        construct: 'key',
        props: { name: 'bot', importFrom: 'env:TOTP_SEED', qrCodeFile: '{{DIR}}/bot.png' },
      },
    },
  ),
  {
    id: 'declaration-not-json',
    tags: ['declaration', 'not-json'],
    faces: ['cli'],
    input: { cli: { argv: ['plan', '--declaration', '{"kind":"key",'] } },
    expected: { cli: 2 },
    words: ['--declaration: is not valid JSON'],
  },
  {
    id: 'declaration-1mb-file',
    tags: ['declaration', 'huge'],
    faces: ['cli'],
    files: { 'decl.json': { repeat: '{"kind":"key","name":"{{B32}}"}', bytes: 1048576 } },
    input: { cli: { argv: ['plan', '--file', '{{DIR}}/decl.json'] } },
    expected: { cli: 2 },
    words: ['--file: is too large'],
    unchanged: ['decl.json'],
  },
  {
    id: 'declaration-env-not-set',
    tags: ['declaration', 'missing-value'],
    faces: ['cli'],
    input: { cli: { argv: ['apply', '--declaration-env', 'NOT_SET_ANYWHERE'] } },
    expected: { cli: 2 },
    words: ['environment variable NOT_SET_ANYWHERE: is not set'],
  },
  {
    id: 'declaration-given-twice',
    tags: ['declaration', 'two-seeds'],
    faces: ['cli'],
    env: { D: '{"kind":"method","methodName":"ops","issuer":"ACME"}' },
    input: { cli: { argv: ['plan', '--declaration', '{}', '--declaration-env', 'D'] } },
    expected: { cli: 2 },
    words: ['declaration: was given more than one way'],
  },
  {
    id: 'apply-on-newer-store',
    tags: ['declaration', 'store', 'newer-format'],
    faces: ['cli'],
    files: { 'store.json': { store: 'plain', replace: [['"format": 1', '"format": 2']] } },
    env: { D: '{"kind":"method","methodName":"ops2","issuer":"ACME"}' },
    input: { cli: { argv: ['apply', '--declaration-env', 'D', '--generation', 'g1', '--store', STORE] } },
    expected: { cli: 3 },
    words: [`store ${STORE}: has format 2`, 'it was left untouched'],
    unchanged: ['store.json'],
  },
  {
    id: 'destroy-on-truncated-sealed-store',
    tags: ['declaration', 'store', 'truncated', 'store-key'],
    faces: ['cli'],
    files: { 'store.json': { store: 'sealed', truncate: 500 } },
    env: { D: '{"kind":"enrollment","method":"ops","entityId":"alice"}', TOTP_KIT_STORE_KEY: '{{STORE_KEY}}' },
    input: { cli: { argv: ['destroy', '--declaration-env', 'D', '--generation', 'g1', '--store', STORE] } },
    expected: { cli: 3 },
    words: [`store ${STORE}: is not valid JSON (corrupt or truncated)`],
    unchanged: ['store.json'],
  },
];
