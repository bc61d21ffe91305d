// Bad input to the features of issue 9: the clock (`--clock-source`, `--time-offset` / `clock-source`,
// `time-offset`), leases, `exec` and the action's `install-cli` and `mode: install`.
import type { CorpusCase } from '../types.js';

const SEED_ENV = { TOTP_SEED: '{{B32}}' };
const CODE = ['code', '--from', 'env:TOTP_SEED'];

export const TIMING_CASES: readonly CorpusCase[] = [
  {
    id: 'clock-source-not-http',
    tags: ['clock', 'scheme'],
    faces: ['cli', 'action'],
    env: SEED_ENV,
    input: {
      cli: { argv: [...CODE, '--clock-source', 'ftp://time.example.com/'], starts: '--clock-source' },
      action: { inputs: { secret: '{{B32}}', 'clock-source': 'ftp://time.example.com/' }, starts: 'clock-source' },
    },
    expected: { cli: 2, action: 1 },
    words: ['"ftp"', 'http or https'],
  },
  {
    id: 'clock-source-is-the-seed',
    tags: ['clock', 'pasted-seed'],
    faces: ['cli', 'action'],
    env: SEED_ENV,
    input: {
      cli: { argv: [...CODE, '--clock-source', '{{B32}}'], starts: '--clock-source' },
      action: { inputs: { secret: '{{B32}}', 'clock-source': '{{B32}}' }, starts: 'clock-source' },
    },
    expected: { cli: 2, action: 1 },
    words: ['is not a URL', 'not printed'],
  },
  {
    id: 'clock-source-and-time-offset',
    tags: ['clock', 'two-secrets'],
    faces: ['cli', 'action'],
    env: SEED_ENV,
    input: {
      cli: { argv: [...CODE, '--clock-source', 'https://example.com', '--time-offset', '3'], starts: '--clock-source' },
      action: {
        inputs: { secret: '{{B32}}', 'clock-source': 'https://example.com', 'time-offset': '3' },
        starts: 'clock-source',
      },
    },
    expected: { cli: 2, action: 1 },
    words: ['time-offset', 'both given'],
  },
  {
    id: 'time-offset-not-a-number',
    tags: ['clock'],
    faces: ['cli', 'action'],
    env: SEED_ENV,
    input: {
      cli: { argv: [...CODE, '--time-offset', '5 minutes'], starts: '--time-offset' },
      action: { inputs: { secret: '{{B32}}', 'time-offset': '5 minutes' }, starts: 'time-offset' },
    },
    expected: { cli: 2, action: 1 },
    words: ['"5 minutes" is not a number of seconds', '86400'],
  },
  {
    id: 'time-offset-more-than-a-day',
    tags: ['clock'],
    faces: ['cli', 'action'],
    env: SEED_ENV,
    input: {
      cli: { argv: [...CODE, '--time-offset', '-86401'], starts: '--time-offset' },
      action: { inputs: { secret: '{{B32}}', 'time-offset': '-86401' }, starts: 'time-offset' },
    },
    expected: { cli: 2, action: 1 },
    words: ['out of range'],
  },
  {
    id: 'lease-with-at',
    tags: ['lease', 'at'],
    faces: ['cli'],
    env: SEED_ENV,
    input: { cli: { argv: [...CODE, '--lease', '--at', '1000'], starts: '--lease' } },
    expected: { cli: 2 },
    words: ['cannot be used with --at'],
  },
  {
    id: 'lease-in-verify-mode',
    tags: ['lease'],
    faces: ['action'],
    input: {
      action: { inputs: { secret: '{{B32}}', mode: 'verify', code: '123456', lease: 'true' }, starts: 'lease' },
    },
    expected: { action: 1 },
    words: ['only used with mode: generate'],
  },
  {
    id: 'lease-not-a-boolean',
    tags: ['lease'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', lease: 'yes please' }, starts: 'lease' } },
    expected: { action: 1 },
    words: ['is not a boolean', 'true or false'],
  },
  {
    id: 'install-cli-not-a-boolean',
    tags: ['install'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', 'install-cli': 'on' }, starts: 'install-cli' } },
    expected: { action: 1 },
    words: ['"on" is not a boolean'],
  },
  {
    id: 'mode-install-with-a-seed',
    tags: ['install'],
    faces: ['action'],
    input: { action: { inputs: { secret: '{{B32}}', mode: 'install' }, starts: 'secret' } },
    expected: { action: 1 },
    words: ['not used with mode: install'],
  },
  {
    id: 'exec-without-double-dash',
    tags: ['exec', 'missing-value'],
    faces: ['cli'],
    env: SEED_ENV,
    input: {
      cli: { argv: ['exec', '--from', 'env:TOTP_SEED', 'npm', 'publish', '--otp', '{code}'], starts: 'command' },
    },
    expected: { cli: 2 },
    words: ['must come after --'],
  },
  {
    id: 'exec-retry-on-not-a-regex',
    tags: ['exec'],
    faces: ['cli'],
    env: SEED_ENV,
    input: {
      cli: { argv: ['exec', '--from', 'env:TOTP_SEED', '--retry-on', 'EOTP(', '--', 'npm'], starts: '--retry-on' },
    },
    expected: { cli: 2 },
    words: ['not a valid regular expression'],
  },
  {
    id: 'exec-retries-not-a-number',
    tags: ['exec'],
    faces: ['cli'],
    env: SEED_ENV,
    input: {
      cli: { argv: ['exec', '--from', 'env:TOTP_SEED', '--retries', 'many', '--', 'npm'], starts: '--retries' },
    },
    expected: { cli: 2 },
    words: ['"many" is not a whole number', '0 to 10'],
  },
  {
    id: 'exec-seed-typed-as-the-command-option',
    tags: ['exec', 'pasted-seed'],
    faces: ['cli'],
    env: SEED_ENV,
    input: {
      cli: { argv: ['exec', '--from', 'env:TOTP_SEED', '--retries', '{{B32}}', '--', 'npm'], starts: '--retries' },
    },
    expected: { cli: 2 },
    words: ['is not a whole number'],
  },
];
