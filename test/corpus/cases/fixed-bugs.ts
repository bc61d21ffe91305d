// Bad input totp-kit once mishandled, found while building the corpus and fixed since: each entry keeps what
// went wrong (`summary`, `reproduce`) and its case, which now runs in the corpus like any other (cases/index.ts).
// The one without a case (a missing subcommand) is covered in test/cli-bad-input.test.ts.
import type { CorpusCase } from '../types.js';

export interface FixedBug {
  readonly id: string;
  readonly summary: string;
  /** What to run, what happens, what should. */
  readonly reproduce: string;
  /** The case, as it passes now. */
  readonly case?: CorpusCase;
}

const SEED_AS_NAME = 'a source reference whose name is the seed (`--from env:$TOTP_SEED`, the shell expanding it)';

export const FIXED_BUGS: readonly FixedBug[] = [
  {
    id: 'bug-reference-echoes-seed-env',
    summary: `${SEED_AS_NAME} is printed whole: "env:<seed>: is not set"`,
    reproduce:
      'TOTP_SEED=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP; totp-kit code --from env:$TOTP_SEED → exit 2, stderr ' +
      '"totp-kit: env:JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP: is not set …": the seed, whole, in the terminal/log. ' +
      'The same through the action (source: env:…) and resolveSource(…).read().',
    case: {
      id: 'reference-env-named-like-the-seed',
      tags: ['pasted-seed', 'source'],
      faces: ['cli', 'action', 'library'],
      input: {
        cli: { argv: ['code', '--from', 'env:{{B32}}'] },
        action: { inputs: { source: 'env:{{B32}}' } },
        library: { call: 'readSource', args: ['env:{{B32}}', 'source'] },
      },
      expected: { cli: 2, action: 1, library: 'bad-input' },
      words: ['looks like a seed', 'not printed'],
    },
  },
  {
    id: 'bug-reference-echoes-seed-file',
    summary: `${SEED_AS_NAME} is printed whole: "file:<seed>: does not exist"`,
    reproduce:
      'totp-kit code --from file:JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP → exit 2, stderr "totp-kit: ' +
      'file:JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP: does not exist …".',
    case: {
      id: 'reference-file-named-like-the-seed',
      tags: ['pasted-seed', 'source'],
      faces: ['cli', 'action', 'library'],
      input: {
        cli: { argv: ['code', '--from', 'file:{{B32}}'] },
        action: { inputs: { source: 'file:{{B32}}' } },
        library: { call: 'readSource', args: ['file:{{B32}}', 'source'] },
      },
      expected: { cli: 2, action: 1, library: 'bad-input' },
      words: ['looks like a seed', 'not printed'],
    },
  },
  {
    id: 'bug-reference-echoes-seed-store',
    summary: `${SEED_AS_NAME} is printed twice: "store:<seed>: no key "<seed>" in store …"`,
    reproduce:
      'totp-kit code --from store:JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP → exit 2, the seed twice on stderr ' +
      '(a Base32 seed is a valid key name).',
    case: {
      id: 'reference-store-key-named-like-the-seed',
      tags: ['pasted-seed', 'source', 'store'],
      faces: ['cli', 'library'],
      files: { 'store.json': { store: 'plain' } },
      env: { TOTP_KIT_STORE: 'file:{{DIR}}/store.json' },
      input: {
        cli: { argv: ['code', '--from', 'store:{{B32}}'] },
        library: { call: 'readSource', args: ['store:{{B32}}', 'source'] },
      },
      expected: { cli: 2, library: 'bad-input' },
      words: ['looks like a seed', 'not printed'],
      unchanged: ['store.json'],
    },
  },
  {
    id: 'bug-construct-accepts-seed-in-import-reference',
    summary: 'importFrom "env:<seed>" passes synth, so the seed is written into cdk.tf.json (and Terraform state)',
    reproduce:
      "new TotpKey(stack, 'K', { store, name: 'k', importFrom: 'env:' + seed }); app.synth() succeeds and " +
      'cdk.tf.json holds the seed in the null_resource triggers (declaration). A seed pasted as importFrom itself ' +
      'is refused; one behind "env:" or "file:" is not. `totp-kit plan --declaration` accepts it too.',
    case: {
      id: 'import-reference-named-like-the-seed',
      tags: ['pasted-seed', 'source'],
      faces: ['construct', 'library'],
      input: {
        construct: { construct: 'key', props: { name: 'bot', importFrom: 'env:{{B32}}' }, starts: 'importFrom: ' },
        library: { call: 'checkDeclaration', args: [{ kind: 'key', name: 'bot', importFrom: 'env:{{B32}}' }] },
      },
      expected: { construct: 'synth-refused', library: 'bad-input' },
      words: ['importFrom'],
    },
  },
  {
    id: 'bug-store-damaged-seed-is-bad-input',
    summary:
      'a store whose record holds a seed that is not Base32 is refused as bad input (exit 2), not as a damaged store (exit 3)',
    reproduce:
      'In a store file, set keys.bot.secret to "!!!!"; totp-kit key code bot → exit 2, "key "bot" seed in the ' +
      'store: is not valid Base32 …". The user gave no bad input; a non-string secret gives exit 3 "the stored ' +
      'seed is damaged" (README: a damaged store is exit 3). SecretBox.open should throw backend E_STORE_CORRUPT.',
    case: {
      id: 'store-damaged-base32-seed',
      tags: ['store', 'damaged-record'],
      faces: ['cli', 'action', 'library'],
      files: { 'store.json': { store: 'plain', replace: [['"secret": "{{B32}}"', '"secret": "!!!!"']] } },
      input: {
        cli: { argv: ['code', '--from', 'store:bot', '--store', 'file:{{DIR}}/store.json'] },
        action: { inputs: { source: 'store:bot', store: 'file:{{DIR}}/store.json' } },
        library: { call: 'keyCode', args: ['file:{{DIR}}/store.json', 'bot', 1700000000] },
      },
      expected: { cli: 3, action: 1, library: 'backend' },
      words: ['key "bot"', 'damaged'],
      unchanged: ['store.json'],
    },
  },
  {
    id: 'bug-store-path-under-a-file',
    summary: 'a store path through a regular file fails as "unexpected failure: EEXIST … mkdir", not naming the store',
    reproduce:
      'echo x > f; totp-kit key create k --generate --issuer a --account b --store file:f/store.json → exit 3, ' +
      '"totp-kit: unexpected failure: EEXIST: file already exists, mkdir \'…/f\' (run with --debug for details)". ' +
      'The library (createKey) throws that raw Node error, not a TotpKitError. FileStore#locked should catch the ' +
      'mkdir failure like read() does: "store file:f/store.json: cannot be created (ENOTDIR/EEXIST)".',
    case: {
      id: 'store-path-under-a-file',
      tags: ['store'],
      faces: ['cli', 'library'],
      files: { afile: { text: 'not a directory\n' } },
      input: {
        cli: {
          argv: [
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
            'file:{{DIR}}/afile/store.json',
          ],
        },
        library: {
          call: 'createKey',
          args: ['file:{{DIR}}/afile/store.json', { name: 'new-key', generate: { issuer: 'ACME', accountName: 'a' } }],
        },
      },
      expected: { cli: 3, library: 'backend' },
      words: ['store file:{{DIR}}/afile/store.json'],
      unchanged: ['afile'],
    },
  },
  {
    id: 'bug-store-label-is-cli-flag',
    summary:
      'a bad store reference is named "--store" in the action (store input) and when it came from TOTP_KIT_STORE',
    reproduce:
      'Action with source: store:bot, store: ftp:x → "::error::--store: ftp: is not a known store scheme"; the ' +
      'action has no --store (its input is `store`). CLI with TOTP_KIT_STORE=ftp:x and no --store → "--store: …". ' +
      'store-source.ts passes the label "--store" to resolveStoreRef whatever the face.',
    case: {
      id: 'store-reference-labelled-by-its-face',
      tags: ['store-ref'],
      faces: ['cli', 'action'],
      env: { TOTP_KIT_STORE: 'ftp:x' },
      input: {
        cli: { argv: ['code', '--from', 'store:bot'], starts: 'TOTP_KIT_STORE: ' },
        action: { inputs: { source: 'store:bot', store: 'ftp:y' }, starts: 'store: ' },
      },
      expected: { cli: 2, action: 1 },
      words: ['is not a known store scheme'],
    },
  },
  {
    id: 'bug-cli-import-flag-named-importFrom',
    summary: '`key create --generate --from …` names "importFrom" (the construct prop), not the CLI flag --from',
    reproduce:
      'totp-kit key create k --from env:S --generate --issuer a --account b → "--generate: and importFrom were ' +
      'both given (allowed: exactly one of generate and importFrom)". flagOf() in seed-options.ts has no ' +
      'importFrom → --from entry (and no generate → --generate in the allowed text).',
    case: {
      id: 'key-create-generate-and-from',
      tags: ['two-seeds'],
      faces: ['cli'],
      files: { 'store.json': { store: 'plain' } },
      env: { TOTP_SEED: '{{B32}}' },
      input: {
        cli: {
          argv: [
            'key',
            'create',
            'k',
            '--from',
            'env:TOTP_SEED',
            '--generate',
            '--issuer',
            'a',
            '--account',
            'b',
            '--store',
            'file:{{DIR}}/store.json',
          ],
        },
      },
      expected: { cli: 2 },
      words: ['--generate', '--from'],
      unchanged: ['store.json'],
    },
  },
  {
    id: 'bug-library-generate-code-digits-7',
    summary: 'generateCode with digits 7 returns "0000NaN" instead of refusing the setting',
    reproduce:
      "generateCode({ secret, algorithm: 'SHA1', digits: 7, period: 30 }, 0) === '0000NaN' (JavaScript callers, or " +
      'a key built from unchecked input). hotp() indexes MODULUS[7] → undefined. generateCode/verifyCode should ' +
      'check the key with checkSettings and throw badSettings naming digits.',
    case: {
      id: 'library-generate-digits-7',
      tags: ['digits'],
      faces: ['library'],
      input: {
        library: {
          call: 'generateCode',
          args: [{ secret: '{{B32}}', algorithm: 'SHA1', digits: 7, period: 30 }, 1700000000],
          starts: 'digits: ',
        },
      },
      expected: { library: 'bad-input' },
      words: ['6 or 8'],
    },
  },
  {
    id: 'bug-library-period-zero-range-error',
    summary: 'generateCode and verifyCode with period 0 or a negative period throw a RangeError (Node internals)',
    reproduce:
      'generateCode({ …, period: 0 }, 100) → RangeError \'The value of "value" is out of range … Received ' +
      "Infinity'; period -30 → RangeError; verifyCode({ …, period: 0 }, '123456', { at: 100 }) throws the same " +
      '(verify is documented never to throw on a code or time).',
    case: {
      id: 'library-period-zero',
      tags: ['period'],
      faces: ['library'],
      input: {
        library: {
          call: 'verifyCode',
          args: [{ secret: '{{B32}}', algorithm: 'SHA1', digits: 6, period: 0 }, '123456', { at: 100 }],
          starts: 'period: ',
        },
      },
      expected: { library: 'bad-input' },
      words: ['out of range'],
    },
  },
  {
    id: 'bug-library-algorithm-md5-range-error',
    summary: 'generateCode and verifyCode with algorithm MD5 throw a RangeError instead of naming the algorithm',
    reproduce:
      "generateCode({ …, algorithm: 'MD5' }, 100) → RangeError 'The value of \"size\" is out of range … Received " +
      "NaN'; formatOtpauthUrl with MD5 → TypeError 'Unknown hash algorithm: MD5'.",
    case: {
      id: 'library-algorithm-md5',
      tags: ['algorithm'],
      faces: ['library'],
      input: {
        library: {
          call: 'generateCode',
          args: [{ secret: '{{B32}}', algorithm: 'MD5', digits: 6, period: 30 }, 1700000000],
          starts: 'algorithm: ',
        },
      },
      expected: { library: 'bad-input' },
      words: ['"MD5" is not supported'],
    },
  },
  {
    id: 'bug-cli-group-without-subcommand-exits-0',
    summary: '`totp-kit key` and `totp-kit method` without a subcommand print help on stderr and exit 0',
    reproduce:
      'totp-kit key; echo $? → help on stderr, exit 0 (bare `totp-kit` exits 2). A script that drops the ' +
      'subcommand "succeeds". main.ts maps commander.help (what commander raises for a missing subcommand) to ' +
      'exit 0 with commander.helpDisplayed; it should be exit 2 when the help was not asked for.',
  },
];
