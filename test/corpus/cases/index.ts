// The bad-input corpus: every case, as data. See ../types.ts for the shape and the placeholders.
import type { CorpusCase } from '../types.js';
import { DECLARATION_CASES } from './declarations.js';
import { FIXED_BUGS } from './fixed-bugs.js';
import { JSON_CASES } from './json.js';
import { REFERENCE_CASES } from './references.js';
import { SEED_CASES } from './seeds.js';
import { SETTINGS_CASES } from './settings.js';
import { STORE_CASES } from './stores.js';
import { TIMING_CASES } from './timing.js';
import { URL_CASES } from './urls.js';

export const CASES: readonly CorpusCase[] = [
  ...SEED_CASES,
  ...URL_CASES,
  ...SETTINGS_CASES,
  ...JSON_CASES,
  ...STORE_CASES,
  ...REFERENCE_CASES,
  ...DECLARATION_CASES,
  ...TIMING_CASES,
  ...FIXED_BUGS.flatMap((bug) => (bug.case ? [bug.case] : [])),
];

/** What issue 8 asks the corpus to cover, as tags: each must be on at least one case. */
export const REQUIRED_TAGS = [
  'base32',
  'unicode',
  'empty',
  'padding',
  'hotp',
  'two-secrets',
  'huge',
  'nul',
  'period',
  'at',
  'digits',
  'algorithm',
  'json',
  'nested',
  'array',
  'duplicate',
  'two-candidates',
  'store',
  'truncated',
  'not-json',
  'newer-format',
  'wrong-key',
  'unknown-flag',
  'missing-value',
  'scheme',
  'pasted-seed',
] as const;
