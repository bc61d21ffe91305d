// The shape of a bad-input corpus case. Cases are data: strings with placeholders, no functions.
//
// Placeholders, replaced in every string of a case (argv, env, inputs, props, library arguments, file text,
// expected words) before it runs:
//   {{B32}}  {{b32}}     the test's seed in Base32, upper / lower case (a random 20-byte seed per run)
//   {{b32_16}}           the first 16 characters of the lower-case seed (short enough to pass for a scheme)
//   {{B32_HEAD}}         its first 5 characters; {{B32_TAIL}} everything from the 7th: `{{B32_HEAD}}0{{B32_TAIL}}`
//                        is the seed with its 6th character replaced by "0"
//   {{OTHER}}            a second seed (the other candidate of a JSON secret)
//   {{HEX}} {{BASE64}}   the seed as hex and as base64
//   {{URL}}              otpauth://totp/ACME:alice?secret={{B32}}&issuer=ACME
//   {{DIR}}              the directory of this run (each case × face gets its own, with fresh copies of `files`)
//   {{STORE_KEY}}        the key the `sealed` fixture store was written with; {{WRONG_KEY}} another one
//   {{CODE_TIME}}        a fixed Unix time
//
// Every face runs with the case's `env` merged with the face's own `env`.

export type Face = 'cli' | 'action' | 'construct' | 'library';

/** Text, or text made at run time: `repeat` (placeholders replaced) repeated and cut to exactly `bytes` characters. */
export type Text = string | { readonly repeat: string; readonly bytes: number };
export const FACES: readonly Face[] = ['cli', 'action', 'construct', 'library'];

/** A file created in the run's directory before the face runs. */
export type FileSpec =
  /** Text (placeholders replaced), written as UTF-8. */
  | { readonly text: string }
  /** `repeat` (placeholders replaced) repeated and cut to exactly `bytes` bytes. */
  | { readonly repeat: string; readonly bytes: number }
  /**
   * A copy of a fixture store — `plain` (seeds as Base32) or `sealed` (under {{STORE_KEY}}), each holding key
   * `bot` (the seed {{B32}}), MFA method `ops` and the enrollment `ops/alice` — optionally cut to its first
   * `truncate` bytes, or with each `replace` [from, to] (placeholders replaced) applied once (to damage or
   * re-version it).
   */
  | {
      readonly store: 'plain' | 'sealed';
      readonly truncate?: number;
      readonly replace?: readonly (readonly [string, string])[];
    }
  /** A directory. */
  | { readonly directory: true };

export interface CliInput {
  readonly argv: readonly Text[];
  readonly env?: Readonly<Record<string, Text>>;
  /** Lines on stderr (one per problem; default 1). */
  readonly lines?: number;
  /** More words this face's message must contain (`--secret` where the action says `secret`). */
  readonly words?: readonly string[];
  /** What the message's first line starts with (after `totp-kit: ` or a construct's `[path] `): the input's name. */
  readonly starts?: string;
}

export interface ActionInput {
  /** Inputs by their action.yml names, as `with:` gives them. */
  readonly inputs: Readonly<Record<string, Text>>;
  readonly env?: Readonly<Record<string, Text>>;
  /** Lines in the one ::error:: message (default 1). */
  readonly lines?: number;
  readonly words?: readonly string[];
  /** What the message's first line starts with (after `totp-kit: ` or a construct's `[path] `): the input's name. */
  readonly starts?: string;
}

export interface ConstructInput {
  /** The construct refused. `enrollment` gets a valid TotpMfaMethod `ops` of the same stack as its method. */
  readonly construct: 'key' | 'method' | 'enrollment';
  /** Its props; `store` defaults to TotpStore.file('{{DIR}}/store.json'). */
  readonly props: Readonly<Record<string, unknown>>;
  /** The store, when not the default: a file path, or AWS Secrets Manager options. */
  readonly store?: { readonly file: string } | { readonly awsSecretsManager: { prefix: string; region?: string } };
  /** Lines of the refusal naming the construct (one per problem; default 1). */
  readonly lines?: number;
  readonly words?: readonly string[];
  /** What the message's first line starts with (after `totp-kit: ` or a construct's `[path] `): the input's name. */
  readonly starts?: string;
}

/**
 * One call of the library (`import … from 'totp-kit'`), by name; corpus.test.ts maps each name to the API:
 *   decodeBase32(text, label) · parseSeedText(text, label, field?) · parseOtpauthUrl(text, label)
 *   resolveKey(text, given, label) — parseSeedText then resolveKey with settings given beside it
 *   readSource(reference, label) — resolveSource, then read() (with the case's env)
 *   checkDeclaration(declaration) · checkedKeySpec(spec) · checkedMethodSpec(spec)
 *   generateCode(key, at) — key.secret as Base32 text · verifyCode(key, code, options)
 *   openStore(reference) — with the case's env
 *   listKeys(storeRef) · keyCode(storeRef, name, at) · createKey(storeRef, spec) · validateKey(storeRef, name, code, at)
 *   validateEnrollment(storeRef, method, entity, code, at) · enroll(storeRef, method, entity)
 */
export interface LibraryInput {
  readonly call: string;
  readonly args: readonly unknown[];
  readonly env?: Readonly<Record<string, Text>>;
  /** Lines of the error's message (one per problem; default 1). */
  readonly lines?: number;
  readonly words?: readonly string[];
  /** What the message's first line starts with (after `totp-kit: ` or a construct's `[path] `): the input's name. */
  readonly starts?: string;
}

export interface CorpusCase {
  /** Unique, kebab-case. */
  readonly id: string;
  /** What the case is about, in the words (base32, hotp, two-secrets, huge, nul, period, at, …). */
  readonly tags: readonly string[];
  /** The faces it runs through: exactly the keys of `input` and of `expected`. */
  readonly faces: readonly Face[];
  readonly files?: Readonly<Record<string, FileSpec>>;
  readonly env?: Readonly<Record<string, Text>>;
  readonly input: {
    readonly cli?: CliInput;
    readonly action?: ActionInput;
    readonly construct?: ConstructInput;
    readonly library?: LibraryInput;
  };
  /**
   * Per face: the CLI's exit code (2 bad input, 3 backend), the action's (always 1, with one ::error::), a
   * construct's synth refusal, the library's TotpKitError kind.
   */
  readonly expected: {
    readonly cli?: 2 | 3;
    readonly action?: 1;
    readonly construct?: 'synth-refused';
    readonly library?: 'bad-input' | 'backend';
  };
  /** Words every face's message contains. */
  readonly words: readonly string[];
  /** Files (of `files`) that must be byte-for-byte the same after the refusal: nothing lost. */
  readonly unchanged?: readonly string[];
}
