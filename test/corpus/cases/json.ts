// JSON secrets (a Secrets Manager SecretString, a Vault KV secret, a variable or file holding JSON) that do not
// name one seed: nested objects, arrays, duplicate keys, two candidates, broken JSON. Errors name the fields,
// never their values. Through a variable (CLI --from env:, the action's source) and parseSeedText.
import type { CorpusCase } from '../types.js';

function badJson(id: string, json: string, words: string[], tags: string[] = []): CorpusCase {
  return {
    id,
    tags: ['json', ...tags],
    faces: ['cli', 'action', 'library'],
    env: { TOTP_JSON: json },
    input: {
      cli: { argv: ['code', '--from', 'env:TOTP_JSON'], starts: 'env:TOTP_JSON: ' },
      action: { inputs: { source: 'env:TOTP_JSON' }, starts: 'env:TOTP_JSON: ' },
      library: { call: 'parseSeedText', args: [json, 'env:TOTP_JSON'], starts: 'env:TOTP_JSON: ' },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words,
  };
}

const NO_TEXT_FIELD = 'has no text field holding a seed';

export const JSON_CASES: readonly CorpusCase[] = [
  badJson('json-nested-object', '{"totp":{"secret":"{{B32}}"}}', [NO_TEXT_FIELD, '(fields: "totp")'], ['nested']),
  badJson(
    'json-deeply-nested',
    '{"a":{"b":{"c":{"d":{"secret":"{{B32}}"}}}},"n":1}',
    [NO_TEXT_FIELD, '(fields: "a", "n")'],
    ['nested'],
  ),
  badJson('json-array-field', '{"secret":["{{B32}}"]}', [NO_TEXT_FIELD, '(fields: "secret")'], ['array']),
  badJson('json-array-of-objects', '{"keys":[{"secret":"{{B32}}"}]}', [NO_TEXT_FIELD, '(fields: "keys")'], ['array']),
  badJson('json-top-level-array', '["{{B32}}"]', ['holds an array, not a JSON object'], ['array']),
  badJson('json-number-field', '{"secret":123456}', [NO_TEXT_FIELD, '(fields: "secret")']),
  badJson('json-null-field', '{"seed":null}', [NO_TEXT_FIELD, '(fields: "seed")']),
  badJson('json-empty-object', '{}', [NO_TEXT_FIELD]),
  badJson(
    'json-duplicate-key',
    '{"secret":"{{B32}}","secret":"{{OTHER}}"}',
    ['has the field "secret" twice', 'each field once'],
    ['duplicate'],
  ),
  badJson(
    'json-duplicate-key-escaped',
    '{"secret":"{{B32}}","secr\\u0065t":"{{OTHER}}"}',
    ['has the field "secret" twice'],
    ['duplicate'],
  ),
  badJson(
    'json-duplicate-key-same-value',
    '{"seed":"{{B32}}","issuer":"ACME","seed":"{{B32}}"}',
    ['has the field "seed" twice'],
    ['duplicate'],
  ),
  badJson(
    'json-two-candidates',
    '{"secret":"{{B32}}","seed":"{{OTHER}}"}',
    ['has 2 candidate fields ("secret", "seed")', 'name one with #FIELD'],
    ['two-candidates'],
  ),
  badJson(
    'json-three-candidates',
    '{"url":"{{URL}}","secret":"{{B32}}","totp":"{{OTHER}}","issuer":"ACME"}',
    ['has 3 candidate fields ("url", "secret", "totp")'],
    ['two-candidates'],
  ),
  badJson(
    'json-two-unknown-text-fields',
    '{"primary":"{{B32}}","backup":"{{OTHER}}"}',
    ['has 2 candidate fields ("primary", "backup")'],
    ['two-candidates'],
  ),
  badJson('json-truncated', '{"secret":"{{B32}}"', ['is not valid JSON'], ['truncated']),
  badJson('json-trailing-comma', '{"secret":"{{B32}}",}', ['is not valid JSON']),
  badJson('json-single-quotes', "{'secret':'{{B32}}'}", ['is not valid JSON']),
  badJson('json-field-with-bad-base32', '{"seed":"{{B32_HEAD}}8{{B32_TAIL}}"}', ['is not valid Base32', 'position 6']),
  badJson('json-field-with-hotp-url', '{"otpauth_url":"otpauth://hotp/A:b?secret={{B32}}"}', ['is an hotp'], ['hotp']),
  {
    id: 'json-secret-input-two-candidates',
    tags: ['json', 'two-candidates'],
    faces: ['cli', 'action', 'library'],
    input: {
      cli: { argv: ['code', '--secret', '{"secret":"{{B32}}","seed":"{{OTHER}}"}'], words: ['--secret: '] },
      action: { inputs: { secret: '{"secret":"{{B32}}","seed":"{{OTHER}}"}' }, words: ['secret: '] },
      library: {
        call: 'parseSeedText',
        args: ['{"secret":"{{B32}}","seed":"{{OTHER}}"}', 'secret'],
        words: ['secret: '],
      },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['has 2 candidate fields ("secret", "seed")'],
  },
  {
    id: 'json-deep-nesting-64k',
    tags: ['json', 'nested', 'huge'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '[', bytes: 60000 } },
    env: {},
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'is not valid JSON'],
  },
  {
    id: 'json-deep-nesting-object-64k',
    tags: ['json', 'nested', 'huge'],
    faces: ['cli', 'action', 'library'],
    files: { seed: { repeat: '{"a":', bytes: 60000 } },
    input: {
      cli: { argv: ['code', '--from', 'file:{{DIR}}/seed'] },
      action: { inputs: { source: 'file:{{DIR}}/seed' } },
      library: { call: 'readSource', args: ['file:{{DIR}}/seed', 'source'] },
    },
    expected: { cli: 2, action: 1, library: 'bad-input' },
    words: ['file:{{DIR}}/seed: ', 'is not valid JSON'],
  },
];
