/**
 * The totp-kit library (`import … from 'totp-kit'`): codes and their verification, seeds and otpauth URLs, and
 * keys, MFA methods and enrollments kept in a store. Only what an app needs is exported here; the CLI, the
 * action and the constructs import the modules they use directly. Importing this module loads no store:
 * `openStore` loads the one a reference names.
 *
 * @packageDocumentation
 */

/** HMAC algorithms an authenticator app understands. */
export declare type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

/**
 * The HMAC algorithms, the default first.
 *
 * @example
 * ```ts
 * import { ALGORITHMS } from 'totp-kit';
 *
 * ALGORITHMS.join(', '); // 'SHA1, SHA256, SHA512'
 * ```
 */
export declare const ALGORITHMS: readonly Algorithm[];

/** What an update function of `Store.update` decides: its result, and the record's next state. */
export declare interface Change<T> {
    /** What `update` returns. */
    readonly result: T;
    /** The new record; `null` deletes it; absent leaves it unchanged (nothing is written). */
    readonly next?: StoreRecord | null | undefined;
}

/**
 * Checks a key spec, for `createKey`.
 *
 * @param spec - the key as asked for
 * @param label - maps a setting's name to what the caller calls it, in messages; default: the name
 * @returns the checked spec, defaults filled in
 * @throws `TotpKitError` (bad-input) E_BAD_SETTINGS listing every problem.
 *
 * @example
 * ```ts
 * import { checkedKeySpec } from 'totp-kit';
 *
 * const spec = checkedKeySpec({ name: 'npm-bot', generate: { issuer: 'npm', accountName: 'release-bot' } });
 * spec.settings.digits; // 6
 * checkedKeySpec({ name: 'x', importFrom: 'env:NPM_TOTP', digits: 7 }); // throws: digits: "7" is not allowed (allowed: 6 or 8)
 * ```
 */
export declare function checkedKeySpec(spec: KeySpec, label?: (setting: string) => string): ValidKeySpec;

/**
 * Checks a method spec, for `createMethod` and `updateMethod`.
 *
 * @param spec - the method as asked for
 * @param label - maps a setting's name to what the caller calls it, in messages; default: the name
 * @returns the checked spec, defaults filled in
 * @throws `TotpKitError` (bad-input) E_BAD_SETTINGS listing every problem.
 *
 * @example
 * ```ts
 * import { checkedMethodSpec } from 'totp-kit';
 *
 * checkedMethodSpec({ methodName: 'ops', issuer: 'ACME' }).maxValidationAttempts; // 5
 * ```
 */
export declare function checkedMethodSpec(spec: MethodSpec, label?: (setting: string) => string): ValidMethodSpec;

/**
 * Checks settings and returns every problem at once, so they can all be reported together. Absent settings
 * are not problems, except issuer and accountName when `options.generated` is set (a generated key needs
 * both). Never throws.
 *
 * @param input - the settings as given
 * @param options - `generated: true` to require issuer and accountName
 * @returns the valid settings parsed, the problems and the warnings
 *
 * @example
 * ```ts
 * import { checkSettings } from 'totp-kit';
 *
 * checkSettings({ digits: '8', algorithm: 'sha-256' }).settings; // { algorithm: 'SHA256', digits: 8 }
 * checkSettings({ digits: 7, algorithm: 'MD5' }).problems.map((p) => p.setting); // ['algorithm', 'digits']
 * ```
 */
export declare function checkSettings(input: SettingsInput, options?: {
    generated?: boolean;
}): SettingsCheck;

/** The settings that decide a code. */
export declare interface CodeSettings {
    /** The HMAC algorithm. */
    readonly algorithm: Algorithm;
    /** The code's length. */
    readonly digits: Digits;
    /** Seconds per code: a whole number from 1. */
    readonly period: number;
}

/** What `createKey` returns: the key and, for a generated exported key, its URL and barcode, once. */
export declare interface CreatedKey {
    /** The key, without its seed. */
    readonly key: KeyInfo;
    /** The otpauth URL of a generated exported key. It holds the seed: show it once, never log it. */
    readonly url?: string;
    /** The URL as a PNG QR code, `qrSize` pixels square (none when qrSize is 0). */
    readonly barcode?: Uint8Array;
    /** Warnings about the key, such as an imported seed shorter than RFC 4226 recommends. */
    readonly warnings: readonly string[];
}

/**
 * Creates a key in the store: a generated seed, or one imported from its source (read once). For a generated
 * key (unless `exported` is false) returns the otpauth URL and barcode, the only time they are handed out.
 *
 * @param ctx - the store, the clock and the environment the import reads
 * @param spec - the key, checked by `checkedKeySpec`
 * @param options - `replace: true` replaces a key of that name (new seed, new generation); `generation` sets
 *   the new generation
 * @returns the key without its seed, the URL and barcode, and any warnings
 * @throws `TotpKitError` (bad-input) E_EXISTS when the key exists and `replace` is not set; errors of the
 *   source or store.
 *
 * @example
 * ```ts
 * import { checkedKeySpec, createKey, openStore } from 'totp-kit';
 *
 * const store = await openStore('file:./.totp-kit/store.json');
 * const spec = checkedKeySpec({ name: 'npm-bot', generate: { issuer: 'npm', accountName: 'release-bot' } });
 * const { url, barcode } = await createKey({ store }, spec); // hand them to the person enrolling, once
 * ```
 */
export declare function createKey(ctx: ResourceContext, spec: ValidKeySpec, options?: {
    readonly replace?: boolean;
    readonly generation?: string;
}): Promise<CreatedKey>;

/**
 * Creates an MFA method: the settings its enrollments are made with.
 *
 * @param spec - the method, checked by `checkedMethodSpec`
 * @param generation - the method's generation; default: a new random one
 * @returns the method as stored
 * @throws `TotpKitError` (bad-input) E_EXISTS when a method of that name exists (names are unique).
 *
 * @example
 * ```ts
 * import { checkedMethodSpec, createMethod, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await createMethod(ctx, checkedMethodSpec({ methodName: 'ops', issuer: 'ACME' }));
 * ```
 */
export declare function createMethod(ctx: ResourceContext, spec: ValidMethodSpec, generation?: string): Promise<MethodRecord>;

/**
 * Decodes a Base32 seed, forgiving what people add (lower case, spaces or hyphens between groups, `=`
 * padding at the end).
 *
 * @param text - the seed as Base32 text
 * @param label - what errors call the input (`TOTP_SEED`); default `secret`
 * @returns the seed's bytes
 * @throws `TotpKitError` (bad-input) E_SEED_EMPTY or E_SEED_NOT_BASE32; the message never quotes the text
 *   (for hex text, it says so).
 *
 * @example
 * ```ts
 * import { decodeBase32 } from 'totp-kit';
 *
 * decodeBase32('jbsw y3dp ehpk 3pxp').length; // 10
 * decodeBase32('jbsw-y3dp-ehpk-3pxp').length; // 10
 * ```
 */
export declare function decodeBase32(text: string, label?: string): Uint8Array;

/**
 * The store the CLI uses when neither `--store` nor TOTP_KIT_STORE names one: a file in the working directory.
 *
 * @example
 * ```ts
 * import { DEFAULT_STORE, openStore } from 'totp-kit';
 *
 * const store = await openStore(process.env.TOTP_KIT_STORE || DEFAULT_STORE); // as the CLI chooses it
 * ```
 */
export declare const DEFAULT_STORE = "file:./.totp-kit/store.json";

/**
 * The default of each setting, the same as Vault's TOTP engine: SHA1, 6 digits, 30 s, a 20-byte seed, skew
 * 1, a 200-pixel barcode and 5 validation attempts.
 *
 * @example
 * ```ts
 * import { DEFAULTS } from 'totp-kit';
 *
 * const settings = { ...DEFAULTS, digits: 8 as const }; // SHA1, 8 digits, 30 s
 * ```
 */
export declare const DEFAULTS: {
    readonly algorithm: Algorithm;
    readonly digits: Digits;
    readonly period: 30;
    readonly keySize: 20;
    readonly skew: Skew;
    readonly qrSize: 200;
    readonly maxValidationAttempts: 5;
};

/**
 * Deletes a key; deleting one that does not exist succeeds. With `generation`, only that generation is
 * deleted (a replacement made since is kept).
 *
 * @returns whether a key was deleted
 *
 * @example
 * ```ts
 * import { deleteKey, openStore } from 'totp-kit';
 *
 * await deleteKey({ store: await openStore('file:./.totp-kit/store.json') }, 'npm-bot'); // { deleted: true }
 * ```
 */
export declare function deleteKey(ctx: ResourceContext, name: string, generation?: string): Promise<{
    deleted: boolean;
}>;

/**
 * Deletes a method; deleting one that does not exist succeeds. Refused while it has enrollments, unless
 * `force` (which deletes them first). With `generation`, only that generation is deleted.
 *
 * @returns whether the method was deleted, and how many enrollments with it
 * @throws `TotpKitError` (bad-input) E_METHOD_IN_USE when it has enrollments and `force` is not set.
 *
 * @example
 * ```ts
 * import { deleteMethod, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await deleteMethod(ctx, 'ops', { force: true }); // { deleted: true, enrollmentsDeleted: 2 }
 * ```
 */
export declare function deleteMethod(ctx: ResourceContext, name: string, options?: {
    readonly force?: boolean;
    readonly generation?: string;
}): Promise<{
    deleted: boolean;
    enrollmentsDeleted: number;
}>;

/** Code lengths an authenticator app understands. */
export declare type Digits = 6 | 8;

/**
 * Encodes bytes as upper-case Base32 without padding: the form otpauth URLs and authenticator apps use.
 *
 * @example
 * ```ts
 * import { encodeBase32, generateSeed } from 'totp-kit';
 *
 * encodeBase32(generateSeed()); // 32 characters A-Z and 2-7, e.g. 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
 * ```
 */
export declare function encodeBase32(bytes: Uint8Array): string;

/**
 * How a code is written: `totp` (the default) as RFC 6238 digits, `steam` as Steam Guard's 5
 * characters (HMAC-SHA1 over 30 s steps, like RFC 6238, then another alphabet).
 */
export declare type Encoder = 'totp' | 'steam';

/**
 * Enrolls an entity in an MFA method: a new seed (the method's keySize) whose account is the entity id and
 * issuer the method's; returns the URL and barcode, the only time they are handed out. An entity already
 * enrolled keeps its secret and the call warns, like Vault (unenroll it first to replace it).
 *
 * @param methodName - the method's name
 * @param entityId - the entity (user) id: letters, digits and `_ . @ + -`, at most 128
 * @param generation - the enrollment's generation; default: a new random one
 * @returns the enrollment, and for a new one its URL and barcode
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method, E_BAD_NAME for a bad name or id.
 *
 * @example
 * ```ts
 * import { enroll, openStore } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * const { created, url, barcode } = await enroll(ctx, 'ops', 'alice');
 * ```
 */
export declare function enroll(ctx: ResourceContext, methodName: string, entityId: string, generation?: string): Promise<Enrolled>;

/** What `enroll` returns: the URL and barcode once, for a new enrollment; a warning for an existing one. */
export declare interface Enrolled {
    /** True for a new enrollment; false when the entity was enrolled already (its secret kept). */
    readonly created: boolean;
    /** The enrollment, without its seed. */
    readonly enrollment: EnrollmentInfo;
    /** The otpauth URL of a new enrollment. It holds the seed: show it once, never log it. */
    readonly url?: string;
    /** The URL as a PNG QR code, the method's qrSize square (none when qrSize is 0). */
    readonly barcode?: Uint8Array;
    /** Why no URL was handed out for an existing enrollment. */
    readonly warning?: string;
}

/** An enrollment of a store as `readEnrollment` returns it: everything but its seed and validation state. */
export declare interface EnrollmentInfo {
    /** The MFA method's name. */
    readonly method: string;
    /** The entity's id: the account authenticator apps show. */
    readonly entityId: string;
    /** The issuer authenticator apps show (the method's, when enrolled). */
    readonly issuer: string;
    /** Pinned when enrolled: a later method change cannot break the entity's authenticator app. */
    readonly algorithm: Algorithm;
    /** The code length, pinned when enrolled. */
    readonly digits: Digits;
    /** Seconds per code, pinned when enrolled. */
    readonly period: number;
    /** Changes whenever the seed does; an unenroll given a generation deletes only that one. */
    readonly generation: string;
    /** When the entity was enrolled (ISO 8601). */
    readonly createdAt: string;
}

/** The outcome of `validateEnrollment`. */
export declare interface EnrollmentValidation {
    /** True when the code is accepted. */
    readonly valid: boolean;
    /**
     * Why not: the code is not `digits` digits (not counted as an attempt), it is of a time step at or
     * before the last accepted one (not counted), the entity is locked out, or the code is wrong.
     */
    readonly reason?: 'malformed' | 'used' | 'locked' | 'invalid';
    /** Seconds until a locked-out entity may try again. */
    readonly retryIn?: number;
    /** Attempts left in the current window after this one. */
    readonly attemptsLeft?: number;
}

/**
 * Every stable code a `TotpKitError` can carry, for callers that branch on `error.code`. A code always
 * means the same condition; new codes may be added.
 *
 * @example
 * ```ts
 * import { ERROR_CODES } from 'totp-kit';
 *
 * const storeCodes = ERROR_CODES.filter((code) => code.startsWith('E_STORE_'));
 * ```
 */
export declare const ERROR_CODES: readonly ["E_BAD_INPUT", "E_BAD_SETTINGS", "E_BAD_NAME", "E_BAD_TIME", "E_CODE_REQUIRED", "E_NO_SEED", "E_TWO_SEEDS", "E_SECRET_FILE", "E_SEED_EMPTY", "E_SEED_NOT_BASE32", "E_SEED_NOT_BASE64", "E_SEED_NOT_HEX", "E_SEED_TOO_LONG", "E_JSON_AMBIGUOUS", "E_JSON_DUPLICATE", "E_JSON_FIELD", "E_JSON_INVALID", "E_URL_DUPLICATE", "E_URL_HOTP", "E_URL_INVALID", "E_URL_LABEL", "E_URL_NO_SECRET", "E_URL_SETTING", "E_URL_TYPE", "E_SOURCE_BACKEND", "E_SOURCE_EMPTY", "E_SOURCE_NOT_FOUND", "E_SOURCE_REF", "E_SOURCE_REMOTE", "E_SOURCE_SCHEME", "E_SOURCE_SEED_AS_NAME", "E_VAULT", "E_VAULT_CONFIG", "E_AWS_SDK", "E_CLOCK_SOURCE", "E_NOT_FOUND", "E_EXISTS", "E_METHOD_IN_USE", "E_LEASE_BUSY", "E_STACK", "E_NOT_DEMO_KEY", "E_STORE_REF", "E_STORE_ADOPT", "E_STORE_BACKEND", "E_STORE_CONFLICT", "E_STORE_CORRUPT", "E_STORE_FORMAT", "E_STORE_ID", "E_STORE_KEY_MISSING", "E_STORE_KEY_WEAK", "E_STORE_KEY_WRONG", "E_STORE_LOCKED", "E_STORE_LOST", "E_STORE_NOT_ADOPTED", "E_STORE_OUTCOME_UNKNOWN", "E_STORE_QUOTA", "E_STORE_TAMPERED", "E_STORE_UNREADABLE", "E_STORE_UNSAFE", "E_STORE_UNWRITABLE", "E_NO_CLI", "E_UNEXPECTED"];

/** A stable code of `TotpKitError`: one of `ERROR_CODES`. */
export declare type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What went wrong, in the terms of the CLI's exit codes: `bad-input` (the caller can fix the input),
 * `invalid-code` (a code was refused) or `backend` (a store or source failed).
 */
export declare type ErrorKind = 'bad-input' | 'invalid-code' | 'backend';

/**
 * Exit codes of the CLI: 0 done or valid, 1 invalid or refused code, 2 bad input, 3 backend failure. A
 * program wrapping the library can exit the same way.
 *
 * @example
 * ```ts
 * import { EXIT_CODES, TotpKitError } from 'totp-kit';
 *
 * function exitCodeOf(e: unknown): number {
 *   return e instanceof TotpKitError ? EXIT_CODES[e.kind] : EXIT_CODES.backend;
 * }
 * ```
 */
export declare const EXIT_CODES: Readonly<Record<ErrorKind | 'ok', number>>;

/**
 * Formats a key as an otpauth URL, for a barcode or an authenticator app: issuer and account as given, the
 * secret in Base32 without padding, every setting stated. A Steam key's URL says digits=5 and encoder=steam,
 * as KeePassXC writes them. The URL holds the seed: treat it as a secret.
 *
 * @param key - the key; issuer and account must not contain `:`
 * @returns the URL
 * @throws `TotpKitError` (bad-input) for bad settings, or an issuer or account with `:`.
 *
 * @example
 * ```ts
 * import { decodeBase32, formatOtpauthUrl } from 'totp-kit';
 *
 * const secret = decodeBase32('JBSWY3DPEHPK3PXP');
 * formatOtpauthUrl({ secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'ACME', accountName: 'alice' });
 * // 'otpauth://totp/ACME:alice?issuer=ACME&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'
 * ```
 */
export declare function formatOtpauthUrl(key: KeyMaterial): string;

/**
 * A code a service will accept: with at least `minRemaining` seconds left (else it waits for the next step),
 * of a step after `afterStep`, and with `lease`, of a step no other caller got, so parallel jobs never send a
 * service the same code.
 *
 * @param key - a seed with its settings, or a key whose backend computes the codes
 * @param options - what the code must satisfy
 * @returns the code, its step and when it expires
 * @throws `TotpKitError` (bad-input) for a minRemaining not below the period, or a lease or offset asked for
 *   a key whose backend computes codes; (backend) E_LEASE_BUSY when the free step is more than
 *   `MAX_LEASE_AHEAD_STEPS` ahead, and errors of the lease's store.
 *
 * @example
 * ```ts
 * import { freshCode, openStore, parseSeedText, resolveKey } from 'totp-kit';
 *
 * const key = resolveKey(parseSeedText(process.env.NPM_TOTP ?? '', 'NPM_TOTP'), {}, 'NPM_TOTP');
 * const lease = await openStore('file:./.totp-kit/store.json');
 * const { code, remaining } = await freshCode(key, { minRemaining: 10, lease }); // at least 10 s left, not used by a parallel job
 * ```
 */
export declare function freshCode(key: ResolvedKey, options: FreshCodeOptions): Promise<FreshCodeResult>;

/** What the caller of `freshCode` wants of the code. */
export declare interface FreshCodeOptions {
    /** Seconds the code must still be valid for: a whole number below the key's period. */
    readonly minRemaining: number;
    /**
     * What messages call `minRemaining` (`--min-remaining`).
     * @defaultValue `minRemaining`
     */
    readonly minRemainingLabel?: string;
    /**
     * Seconds to add to this machine's clock: the service's clock minus ours.
     * @defaultValue 0
     */
    readonly offset?: number;
    /** The code must be of a later step than this one (a retry never reuses a code). */
    readonly afterStep?: number;
    /** Take a lease in this store: a step no other caller of `freshCode` with this store and key got. */
    readonly lease?: Store;
    /**
     * What messages call the lease (`--lease`).
     * @defaultValue `lease`
     */
    readonly leaseLabel?: string;
    /**
     * This machine's clock, in Unix seconds.
     * @defaultValue the system clock
     */
    readonly now?: () => number;
    /** Told before each wait, in one line. */
    readonly onWait?: (message: string) => void;
    /**
     * Waits the given seconds.
     * @defaultValue a timer
     */
    readonly wait?: (seconds: number) => Promise<void>;
}

/** A code from `freshCode`, and when it is valid. */
export declare interface FreshCodeResult {
    /** The code. */
    readonly code: string;
    /** Its time step (counter). */
    readonly step: number;
    /** The time (on the service's clock) it was computed for. */
    readonly at: number;
    /** Whole seconds until it expires. */
    readonly remaining: number;
    /** Unix second at which it expires (service's clock). */
    readonly expiresAt: number;
    /** Seconds waited for its step to begin (0 when the current step would do). */
    readonly waited: number;
    /** True when a lease was taken for its step. */
    readonly leased: boolean;
}

/**
 * The code of `key` at a Unix time: `digits` digits (RFC 6238), or 5 characters for a Steam key.
 *
 * @param key - the seed and its settings
 * @param unixSeconds - the time, in seconds since 1970 (a fraction is allowed); default: now
 * @returns the code
 * @throws `TotpKitError` (bad-input) naming the setting, for a key whose algorithm, digits, period or encoder
 *   is not allowed, or a time that is not a finite number of seconds from 0.
 *
 * @example
 * ```ts
 * import { decodeBase32, generateCode } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // "12345678901234567890"
 * const key = { secret, algorithm: 'SHA1', digits: 8, period: 30 } as const;
 * generateCode(key, 59); // '94287082' (RFC 6238, appendix B)
 * generateCode(key); // the code of now
 * ```
 */
export declare function generateCode(key: KeyMaterial, unixSeconds?: number): string;

/**
 * Generates a seed from the operating system's cryptographically secure random generator.
 *
 * @param size - bytes, 16 (RFC 4226's minimum) to 1024; default 20
 * @returns the seed
 * @throws `TotpKitError` (bad-input) naming keySize, for a size out of range.
 *
 * @example
 * ```ts
 * import { encodeBase32, formatOtpauthUrl, generateSeed } from 'totp-kit';
 *
 * const secret = generateSeed();
 * const url = formatOtpauthUrl({ secret, algorithm: 'SHA1', digits: 6, period: 30, issuer: 'ACME', accountName: 'alice' });
 * const manualEntry = encodeBase32(secret); // for people who cannot scan the barcode
 * ```
 */
export declare function generateSeed(size?: number): Uint8Array;

/**
 * The RFC 4226 HOTP value of `secret` for one counter, zero-padded to `digits`: what a TOTP code is for the
 * counter of its time step.
 *
 * @param secret - the shared secret
 * @param counter - the moving factor: a whole number from 0 to 2^53 - 1
 * @param algorithm - SHA1, SHA256 or SHA512
 * @param digits - 6 or 8
 * @returns the code, `digits` characters 0-9
 * @throws `TotpKitError` (bad-input) naming the setting, for an algorithm, digits or counter not allowed,
 *   as `generateCode` does for a key's settings.
 *
 * @example
 * ```ts
 * import { decodeBase32, hotp } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // "12345678901234567890"
 * hotp(secret, 1, 'SHA1', 6); // '287082' (RFC 4226, appendix D)
 * ```
 */
export declare function hotp(secret: Uint8Array, counter: number, algorithm: Algorithm, digits: Digits): string;

/**
 * The code of a key of the store, computed from its seed (which never leaves the function).
 *
 * @param at - the Unix time in seconds; default: the context's clock
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such key; errors of the store.
 *
 * @example
 * ```ts
 * import { keyCode, openStore } from 'totp-kit';
 *
 * const code = await keyCode({ store: await openStore('file:./.totp-kit/store.json') }, 'npm-bot'); // '492039'
 * ```
 */
export declare function keyCode(ctx: ResourceContext, name: string, at?: number): Promise<string>;

/** A key of a store as `readKey` returns it: everything but its seed and replay state. */
export declare interface KeyInfo {
    /** The key's name. */
    readonly name: string;
    /** True for a key whose seed totp-kit generated; false for an imported one. */
    readonly generated: boolean;
    /** For an imported key: the source reference the seed was read from (never the seed). */
    readonly importFrom?: string;
    /** The issuer authenticator apps show. */
    readonly issuer?: string;
    /** The account authenticator apps show. */
    readonly accountName?: string;
    /** The HMAC algorithm. */
    readonly algorithm: Algorithm;
    /** The code length (a Steam key's codes are 5 characters whatever this says). */
    readonly digits: Digits;
    /** Seconds per code. */
    readonly period: number;
    /** Steps accepted either side of the current one by `validateKey`. */
    readonly skew: Skew;
    /** Barcode size in pixels; 0 for none. */
    readonly qrSize: number;
    /** For a generated key: its seed's size in bytes. */
    readonly keySize?: number;
    /** Whether creating the key handed out its URL and barcode. */
    readonly exported: boolean;
    /**
     * `steam` for a Steam Guard key (imported only; SHA1, period 30, digits 6 nominally, 5-character
     * codes). Absent for standard keys, including every record written before Steam keys existed.
     */
    readonly encoder?: 'steam';
    /** Changes whenever the seed does; a delete given a generation deletes only that one. */
    readonly generation: string;
    /** When the key was created (ISO 8601). */
    readonly createdAt: string;
    /** When the key was last changed (ISO 8601). */
    readonly updatedAt: string;
}

/** A seed with its code settings and, when known, who it is for. */
export declare interface KeyMaterial extends CodeSettings {
    /** The raw shared secret. Never print, log or serialise it outside a store. */
    readonly secret: Uint8Array;
    /** Who issued the key, as authenticator apps show it (`ACME`). */
    readonly issuer?: string;
    /** Whose key it is, as authenticator apps show it (`alice@example.com`). */
    readonly accountName?: string;
    /**
     * `steam` for Steam Guard codes (5 characters; such a key has algorithm SHA1, period 30 and keeps
     * digits 6 nominally, see `codeLength`). Absent for standard RFC 6238 digits.
     */
    readonly encoder?: 'steam';
}

/** A key as asked for: generated or imported, with its settings (values not yet checked; see `checkedKeySpec`). */
export declare interface KeySpec {
    /** The key's name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
    readonly name: unknown;
    /** Generate a seed for this issuer and account. */
    readonly generate?: {
        readonly issuer?: unknown;
        readonly accountName?: unknown;
        readonly keySize?: unknown;
    };
    /** Import the seed from a source reference (`env:NAME`, `file:PATH`, …), read once at create. */
    readonly importFrom?: unknown;
    /**
     * Issuer of an imported key.
     * @defaultValue the issuer of its otpauth URL
     */
    readonly issuer?: unknown;
    /**
     * Account of an imported key.
     * @defaultValue the account of its otpauth URL
     */
    readonly accountName?: unknown;
    /**
     * SHA1, SHA256 or SHA512.
     * @defaultValue SHA1, or the imported URL's
     */
    readonly algorithm?: unknown;
    /**
     * 6 or 8.
     * @defaultValue 6, or the imported URL's
     */
    readonly digits?: unknown;
    /**
     * Seconds per code.
     * @defaultValue 30, or the imported URL's
     */
    readonly period?: unknown;
    /**
     * Steps accepted either side of the current one by `validateKey`: 0 or 1.
     * @defaultValue 1
     */
    readonly skew?: unknown;
    /**
     * Barcode size in pixels, 0 (none) to 4096.
     * @defaultValue 200
     */
    readonly qrSize?: unknown;
    /**
     * Whether `createKey` hands out the URL and barcode of a generated key.
     * @defaultValue true
     */
    readonly exported?: unknown;
    /**
     * `totp` (default) or `steam`: Steam Guard codes, for an imported key only (Steam makes its own
     * secrets). A Steam seed (a `.maFile`, a Steam otpauth URL) makes a Steam key without it.
     */
    readonly encoder?: unknown;
}

/** The outcome of `validateKey`. */
export declare interface KeyValidation {
    /** True when the code is the key's current code (within its skew) and was not presented before. */
    readonly valid: boolean;
    /** Why a code was not accepted: it was presented before, or it is not the right code. */
    readonly reason?: 'used' | 'invalid';
}

/**
 * The ids of the entities enrolled in a method, sorted.
 *
 * @example
 * ```ts
 * import { listEnrollments, openStore } from 'totp-kit';
 *
 * await listEnrollments({ store: await openStore('file:./.totp-kit/store.json') }, 'ops'); // ['alice', 'bob']
 * ```
 */
export declare function listEnrollments(ctx: ResourceContext, method: string): Promise<string[]>;

/**
 * The names of every key in the store, sorted.
 *
 * @example
 * ```ts
 * import { listKeys, openStore } from 'totp-kit';
 *
 * await listKeys({ store: await openStore('file:./.totp-kit/store.json') }); // ['npm-bot']
 * ```
 */
export declare function listKeys(ctx: ResourceContext): Promise<string[]>;

/**
 * The names of every MFA method in the store, sorted.
 *
 * @example
 * ```ts
 * import { listMethods, openStore } from 'totp-kit';
 *
 * await listMethods({ store: await openStore('file:./.totp-kit/store.json') }); // ['ops']
 * ```
 */
export declare function listMethods(ctx: ResourceContext): Promise<string[]>;

/**
 * How many steps ahead of the current one `freshCode` may lease a code; beyond it the lease is refused with
 * E_LEASE_BUSY (too many callers at once, or a caller with a clock far ahead).
 *
 * @example
 * ```ts
 * import { MAX_LEASE_AHEAD_STEPS } from 'totp-kit';
 *
 * const longestWaitSeconds = MAX_LEASE_AHEAD_STEPS * 30; // for a 30 s key: 600
 * ```
 */
export declare const MAX_LEASE_AHEAD_STEPS = 20;

/** What `readMethod` returns: the method and its number of enrollments. */
export declare type MethodInfo = MethodRecord & {
    readonly enrollments: number;
};

/** An MFA method of a store (Vault's identity MFA TOTP method): the settings its enrollments are made with. */
export declare interface MethodRecord {
    /** The method's unique name. */
    readonly methodName: string;
    /** The issuer authenticator apps show for its enrollments. */
    readonly issuer: string;
    /** The HMAC algorithm of new enrollments. */
    readonly algorithm: Algorithm;
    /** The code length of new enrollments. */
    readonly digits: Digits;
    /** Seconds per code of new enrollments. */
    readonly period: number;
    /** Seed size in bytes of new enrollments. */
    readonly keySize: number;
    /** Barcode size in pixels of new enrollments; 0 for none. */
    readonly qrSize: number;
    /** Steps accepted either side of the current one, for every enrollment. */
    readonly skew: Skew;
    /** Failed validations allowed per enrollment within one period before a lockout. */
    readonly maxValidationAttempts: number;
    /** Changes when the method is replaced; a delete given a generation deletes only that one. */
    readonly generation: string;
    /** When the method was created (ISO 8601). */
    readonly createdAt: string;
    /** When the method was last changed (ISO 8601). */
    readonly updatedAt: string;
}

/** An MFA method as asked for (values not yet checked; see `checkedMethodSpec`). */
export declare interface MethodSpec {
    /** The method's unique name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
    readonly methodName: unknown;
    /** The issuer authenticator apps show: text without `:`. */
    readonly issuer: unknown;
    /**
     * SHA1, SHA256 or SHA512, for new enrollments.
     * @defaultValue SHA1
     */
    readonly algorithm?: unknown;
    /**
     * 6 or 8, for new enrollments.
     * @defaultValue 6
     */
    readonly digits?: unknown;
    /**
     * Seconds per code, for new enrollments.
     * @defaultValue 30
     */
    readonly period?: unknown;
    /**
     * Seed size in bytes of new enrollments, 16 to 1024.
     * @defaultValue 20
     */
    readonly keySize?: unknown;
    /**
     * Barcode size in pixels of new enrollments, 0 (none) to 4096.
     * @defaultValue 200
     */
    readonly qrSize?: unknown;
    /**
     * Steps accepted either side of the current one, for every enrollment: 0 or 1.
     * @defaultValue 1
     */
    readonly skew?: unknown;
    /**
     * Failed validations allowed per enrollment within one period before a lockout: 1 to 1000.
     * @defaultValue 5
     */
    readonly maxValidationAttempts?: unknown;
}

/**
 * Opens a store: `file:PATH` (one JSON file, mode 0600, in a folder only its owner can write to),
 * `aws-sm:PREFIX` (one AWS Secrets Manager secret per record, named `PREFIX/KIND/NAME`) or `postgres:VAR[/SCHEMA]`
 * (one row per record in PostgreSQL; the connection URL is read from the variable VAR of `env`, or a bare
 * `postgres:` uses the PG* variables). With TOTP_KIT_STORE_KEY set, seeds are sealed with AES-256-GCM and
 * records authenticated. Nothing is read until the store is used; each kind of store's code (the AWS SDK for
 * `aws-sm:`, the PostgreSQL driver for `postgres:`) is loaded only when one is opened. A long-lived process
 * calls `close()` when done (a `postgres:` store keeps a pool of connections; the others let go of nothing).
 *
 * @param ref - the store reference, or one already parsed
 * @param env - where TOTP_KIT_STORE_KEY, TOTP_KIT_STORE_ADOPT, for `postgres:` the connection (VAR or the
 *   PG* variables) and, for `aws-sm:`, the AWS SDK's settings
 *   (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_MAX_ATTEMPTS, credentials) are read; default:
 *   `process.env`. What it leaves out, the SDK's own configuration decides (shared config files, other
 *   credential providers).
 * @returns the store, to pass to the resource functions as `{ store }`
 * @throws `TotpKitError` (bad-input) E_STORE_REF for a malformed reference (or a `postgres:` variable that is
 *   unset or holds no PostgreSQL URL), E_STORE_KEY_WEAK for a weak store key, E_STORE_ADOPT for
 *   TOTP_KIT_STORE_ADOPT without a key.
 *
 * @example
 * ```ts
 * import { listKeys, openStore } from 'totp-kit';
 *
 * const store = await openStore('aws-sm:ci/totp', { ...process.env, AWS_REGION: 'eu-west-1' });
 * await listKeys({ store });
 *
 * const shared = await openStore('postgres:DATABASE_URL'); // DATABASE_URL=postgres://totp@db.internal/app
 * try {
 *   await listKeys({ store: shared });
 * } finally {
 *   await shared.close();
 * }
 * ```
 */
export declare function openStore(ref: string | StoreRef, env?: Readonly<Record<string, string | undefined>>): Promise<Store & {
    close(): Promise<void>;
}>;

/** What a URL says, with the settings it states explicitly kept apart from the defaults it implies. */
export declare interface ParsedOtpauthUrl {
    /** The key: its seed, settings (defaults for those the URL leaves out), issuer and account. */
    readonly key: KeyMaterial;
    /** Settings the URL states as parameters; absent ones took the Key URI format's defaults. */
    readonly explicit: Partial<CodeSettings>;
    /**
     * The encoder the URL states, and how it states it (for messages): `steam` by the `otpauth://steam/`
     * type (Aegis), an `encoder=steam` parameter (KeePassXC) or the issuer Steam; `totp` by `encoder=totp`.
     * Absent when the URL says nothing about it.
     */
    readonly encoder?: {
        readonly encoder: Encoder;
        readonly statedAs: string;
    };
}

/**
 * Parses an otpauth URL (`otpauth://totp/ACME:alice?secret=…&issuer=ACME`), as authenticator apps read
 * them; Steam keys as Aegis and KeePassXC write them. Scheme, type and parameter names are read in any
 * case (`OTPAUTH://TOTP/…?SECRET=…`), values as given. The label's first ":" (or `%3A`) separates the issuer
 * from the account; the issuer parameter, when not empty, wins over the label's prefix. Every problem is
 * reported at once, one line each.
 *
 * @param text - the URL
 * @param label - what errors call the input (`TOTP_URL`); default `url`. The URL itself is never quoted:
 *   it carries the secret.
 * @returns the key, and which settings the URL states
 * @throws `TotpKitError` (bad-input) for an hotp URL, a missing, repeated or bad secret, a repeated parameter,
 *   a label with more than one ":", and bad settings. With several problems the message has one line each and
 *   the code is the first one's, in this order: repeated parameters, the secret, the label and issuer, the
 *   encoder, the settings.
 *
 * @example
 * ```ts
 * import { parseOtpauthUrl } from 'totp-kit';
 *
 * const { key, explicit } = parseOtpauthUrl('otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&digits=8');
 * key.issuer; // 'ACME'
 * key.accountName; // 'alice'
 * explicit; // { digits: 8 }: algorithm and period took the defaults
 * ```
 */
export declare function parseOtpauthUrl(text: string, label?: string): ParsedOtpauthUrl;

/**
 * Reads seed text as it is kept in a secret: a bare Base32 seed (groups split by spaces or hyphens), a hex
 * seed written `hex:3132…` (as `oathtool --totp` takes it), an otpauth URL, or a JSON object holding one
 * (`field` names the field; without it, the one field that looks like a seed, or Steam's `shared_secret`).
 * Turn it into a key with `resolveKey`.
 *
 * @param text - the text
 * @param label - what errors call the input (`TOTP_SEED`); the text itself is never quoted
 * @param field - the field of a JSON object that holds the seed
 * @param options - what is known beside the text
 * @returns the seed, what the text states, and every form of the seed to mask in logs
 * @throws `TotpKitError` (bad-input) for text that is no seed, without quoting it.
 *
 * @example
 * ```ts
 * import { parseSeedText } from 'totp-kit';
 *
 * parseSeedText('JBSW Y3DP EHPK 3PXP', 'TOTP_SEED').secret.length; // 10
 * parseSeedText('hex:3132333435363738393031323334353637383930', 'TOTP_SEED').secret.length; // 20
 * parseSeedText('{"totp": "otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP"}', 'TOTP_SEED', 'totp').issuer; // 'ACME'
 * ```
 */
export declare function parseSeedText(text: string, label: string, field?: string, options?: SeedTextOptions): SeedText;

/** A parsed `postgres:` reference. */
export declare interface PostgresRef {
    /** Always `postgres`. */
    readonly kind: 'postgres';
    /** The variable holding the connection URL; undefined: the PG* variables. */
    readonly variable?: string;
    /** The schema the store's tables live in. */
    readonly schema: string;
    /** The reference as given, safe to print: it names the variable, never the URL. */
    readonly reference: string;
}

/** A problem with one setting or input: which one, what is wrong, what is allowed. Never holds seed material. */
export declare interface Problem {
    /** The setting or input name as the core knows it (`digits`, `secret`, `source`). */
    readonly setting: string;
    /** What is wrong with the value, e.g. `"7" is not allowed`. Never contains seed material. */
    readonly problem: string;
    /** What would be accepted, e.g. `6 or 8`. */
    readonly allowed?: string;
}

/**
 * Reads an enrollment without its seed.
 *
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when the entity is not enrolled.
 *
 * @example
 * ```ts
 * import { openStore, readEnrollment } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * (await readEnrollment(ctx, 'ops', 'alice')).createdAt; // '2026-11-23T18:43:24.000Z'
 * ```
 */
export declare function readEnrollment(ctx: ResourceContext, method: string, entityId: string): Promise<EnrollmentInfo>;

/**
 * Reads a key without its seed.
 *
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such key.
 *
 * @example
 * ```ts
 * import { openStore, readKey } from 'totp-kit';
 *
 * const key = await readKey({ store: await openStore('file:./.totp-kit/store.json') }, 'npm-bot');
 * key.issuer; // 'npm'
 * ```
 */
export declare function readKey(ctx: ResourceContext, name: string): Promise<KeyInfo>;

/**
 * Reads a method, with its number of enrollments.
 *
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method.
 *
 * @example
 * ```ts
 * import { openStore, readMethod } from 'totp-kit';
 *
 * const method = await readMethod({ store: await openStore('file:./.totp-kit/store.json') }, 'ops');
 * method.enrollments; // 2
 * ```
 */
export declare function readMethod(ctx: ResourceContext, name: string): Promise<MethodInfo>;

/**
 * The store interface (docs/stores.md): where keys, MFA methods, enrollments and their validation
 * state live. Every change to one record is an atomic read-modify-write — under a lock in the file
 * store, a compare-and-swap in AWS Secrets Manager, a row lock in PostgreSQL — so concurrent validations never accept one code
 * twice and concurrent writers never lose each other's records.
 */
/** The kinds of record a store holds: keys, MFA methods, enrollments, and the leases of `freshCode`. */
export declare type RecordKind = 'key' | 'method' | 'enrollment' | 'lease';

/**
 * A key whose seed never leaves its backend (Vault's TOTP engine): the backend computes and checks the
 * codes; only its settings and codes come out.
 */
export declare interface RemoteCodeSource {
    /** Always `remote`. */
    readonly kind: 'remote';
    /** The reference the key was named by (`vault-totp:totp/npm`), safe to print. */
    readonly reference: string;
    /** The key's settings (period above all, for waiting on a fresh code). */
    settings(): Promise<CodeSettings>;
    /** The backend's current code. */
    code(): Promise<string>;
    /** The backend's verdict on a code (with its own replay rules): valid, or why not. */
    validate(code: string): Promise<{
        readonly valid: boolean;
        readonly reason?: 'used' | 'invalid';
    }>;
}

/**
 * A key `freshCode` takes: a seed with its settings (a `KeyMaterial`), or a key whose backend computes the codes
 * (`remote`). Both say algorithm, digits and period; only a seed can be a Steam key.
 */
export declare type ResolvedKey = ({
    readonly remote?: undefined;
} & KeyMaterial) | ({
    readonly remote: RemoteCodeSource;
    readonly encoder?: undefined;
} & CodeSettings);

/**
 * Makes a key of seed text and the settings given beside it. For a bare seed they fill in what the
 * defaults would; for a URL, a setting that differs from one the URL states is refused (the authenticator
 * app follows the URL, so a silent override would make codes nobody accepts). A Steam key (an encoder
 * given or stated) takes no digits, and no algorithm or period other than SHA1 and 30.
 *
 * @param seed - what `parseSeedText` read
 * @param given - settings given beside the seed, not yet checked
 * @param sourceLabel - what messages call the seed's origin (`TOTP_SEED`)
 * @param label - maps a setting's name to what the caller calls it (`--digits`); default: the name
 * @returns the key
 * @throws `TotpKitError` (bad-input) E_BAD_SETTINGS listing every problem.
 *
 * @example
 * ```ts
 * import { generateCode, parseSeedText, resolveKey } from 'totp-kit';
 *
 * const key = resolveKey(parseSeedText(process.env.TOTP_SEED ?? '', 'TOTP_SEED'), { digits: 8 }, 'TOTP_SEED');
 * generateCode(key); // 8 digits
 * ```
 */
export declare function resolveKey(seed: SeedText, given: Pick<SettingsInput, 'algorithm' | 'digits' | 'period' | 'encoder'>, sourceLabel: string, label?: (setting: string) => string): KeyMaterial;

/** What the key, method and enrollment functions act on: a store, and the clock they read. */
export declare interface ResourceContext {
    /** The store, from `openStore`. */
    readonly store: Store;
    /**
     * The current Unix time in seconds (with the fraction), for timestamps, codes and validations.
     * @defaultValue the system clock
     */
    readonly now?: (() => number) | undefined;
    /**
     * The environment a key's import reads (`env:NAME`, Vault's and AWS's settings) when it is created.
     * @defaultValue the process's environment
     */
    readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** A seed read from text, before settings given beside it are applied. */
export declare interface SeedText {
    /** The seed. */
    readonly secret: Uint8Array;
    /** Settings the text states (only an otpauth URL states any). */
    readonly explicit: Partial<CodeSettings>;
    /** The issuer an otpauth URL names. */
    readonly issuer?: string;
    /** The account an otpauth URL names. */
    readonly accountName?: string;
    /** True when the text was an otpauth URL (or a JSON object holding one). */
    readonly fromUrl: boolean;
    /**
     * Every form in which this seed could show up in a log: the text as given, each of its lines, the
     * normalised Base32, base64 (as given and canonical) and, for URLs, the secret parameter as written.
     * Faces mask all of them.
     */
    readonly secretForms: readonly string[];
    /**
     * The encoder the text states: `steam` for a Steam otpauth URL, a `.maFile`'s `shared_secret` or a
     * stored Steam key; `totp` for a URL saying `encoder=totp`. Absent when the text says nothing.
     */
    readonly encoder?: Encoder;
    /** How the text states `encoder`, for messages (`the issuer Steam`); default `the encoder=…`. */
    readonly encoderStatedAs?: string;
}

/** What is known beside seed text when it is read. */
export declare interface SeedTextOptions {
    /** The encoder given beside the text: `steam` reads a bare seed as base64, as Steam stores it (unless it is upper-case Base32). */
    readonly encoder?: Encoder;
}

/** Every setting of a key or MFA method, defaults filled in. */
export declare interface Settings extends CodeSettings {
    /** Bytes of a generated seed: 16 to 1024. */
    readonly keySize: number;
    /** Steps accepted either side of the current one when validating. */
    readonly skew: Skew;
    /** Barcode size in pixels, 0 (no barcode) to 4096. */
    readonly qrSize: number;
    /** Failed validations allowed per enrollment within one period: 1 to 1000. */
    readonly maxValidationAttempts: number;
}

/** What `checkSettings` found: the parsed values that were valid, every problem and every warning. */
export declare interface SettingsCheck {
    /** The settings that were valid, parsed (`'6'` becomes `6`, `sha-256` becomes `SHA256`). */
    readonly settings: Partial<Settings> & {
        issuer?: string;
        accountName?: string;
        encoder?: Encoder;
    };
    /** Every problem, each naming its setting; empty when all is well. */
    readonly problems: Problem[];
    /** Settings that work but are unusual (a period outside 10 to 120 s). */
    readonly warnings: string[];
}

/**
 * Settings as given by a person or a program: every field optional and not yet parsed. Numbers may be given
 * as numbers or decimal strings (`6`, `'6'`), algorithm and encoder names in any case.
 */
export declare interface SettingsInput {
    /** `SHA1`, `SHA256` or `SHA512` (`SHA-256` accepted). */
    readonly algorithm?: unknown;
    /** 6 or 8. */
    readonly digits?: unknown;
    /** Seconds per code, from 1 (10 to 120 is usual). */
    readonly period?: unknown;
    /** Bytes of a generated seed, 16 to 1024. */
    readonly keySize?: unknown;
    /** 0 or 1. */
    readonly skew?: unknown;
    /** Pixels, 0 to 4096. */
    readonly qrSize?: unknown;
    /** 1 to 1000. */
    readonly maxValidationAttempts?: unknown;
    /** The issuer authenticator apps show: text without `:`. */
    readonly issuer?: unknown;
    /** The account authenticator apps show: text without `:`. */
    readonly accountName?: unknown;
    /** `totp` (default) or `steam`, case-insensitive. */
    readonly encoder?: unknown;
}

/** Accepted time steps either side of the current one. */
export declare type Skew = 0 | 1;

/**
 * A store of keys, MFA methods and enrollments, opened by `openStore` from a reference (`file:PATH`,
 * `aws-sm:PREFIX`, `postgres:VAR`). Pass it to the resource functions in a `ResourceContext`.
 */
export declare interface Store {
    /** The reference the store was opened with, safe to print. */
    readonly reference: string;
    /** Seals and opens the seeds in its records. */
    readonly secrets: StoreSecrets;
    /** One record, or undefined when there is none. */
    get(kind: RecordKind, id: string): Promise<StoreRecord | undefined>;
    /** The ids of every record of a kind, sorted. */
    list(kind: RecordKind): Promise<string[]>;
    /**
     * Reads one record, lets `change` decide, and writes the outcome atomically. `change` may run more
     * than once when a concurrent writer got in first, so it must not have side effects of its own.
     */
    update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T>;
    /**
     * Lets go of what the store holds open (a `postgres:` store's connections), for long-lived processes; the
     * store is not used afterwards. Optional for stores of your own; every store `openStore` returns has it.
     */
    close?(): Promise<void>;
}

/**
 * A record as a store holds it: a JSON object. Seeds inside are sealed by the store's `secrets`; with a store
 * key, the store also authenticates each record as a whole and refuses one that does not.
 */
export declare type StoreRecord = {
    readonly [field: string]: unknown;
};

/**
 * A parsed store reference: a file store's path, an AWS Secrets Manager store's secret name prefix, or a
 * PostgreSQL store's connection variable and schema.
 */
export declare type StoreRef = {
    readonly kind: 'file';
    readonly path: string;
    readonly reference: string;
} | {
    readonly kind: 'aws-sm';
    readonly prefix: string;
    readonly reference: string;
} | PostgresRef;

/**
 * How a store keeps the seeds in its records: sealed with AES-256-GCM under TOTP_KIT_STORE_KEY when it is set,
 * else as Base32. The key, method and enrollment functions use it; apps need not.
 */
export declare interface StoreSecrets {
    /**
     * Seals a seed for the record `context` (`key/NAME`): Base32 text without a store key, else an AES-256-GCM
     * envelope bound to the record.
     */
    seal(secret: Uint8Array, context: string): string | object;
    /**
     * Opens a seed sealed for the record `context`; `what` names the record in errors.
     * @throws `TotpKitError` (bad-input) when the store key is missing or wrong; (backend) for a damaged seed.
     */
    open(sealed: unknown, context: string, what: string): Uint8Array;
}

/**
 * The former name of {@link KeyMaterial}, kept so code written against 1.0 still compiles.
 * @deprecated Use `KeyMaterial`: `TotpKey` is also the name of a construct in `totp-kit/constructs`.
 */
export declare type TotpKey = KeyMaterial;

/**
 * The error every part of totp-kit throws for a condition a user can act on. Its message never contains
 * seed material.
 *
 * @example
 * ```ts
 * import { decodeBase32, TotpKitError } from 'totp-kit';
 *
 * try {
 *   decodeBase32('1234', 'TOTP_SEED');
 * } catch (e) {
 *   if (e instanceof TotpKitError) console.error(e.kind, e.code, e.message); // bad-input E_SEED_NOT_BASE32 TOTP_SEED: …
 * }
 * ```
 */
export declare class TotpKitError extends Error {
    /** Always `TotpKitError`. */
    readonly name = "TotpKitError";
    /** What went wrong, deciding the exit code (see `EXIT_CODES`). */
    readonly kind: ErrorKind;
    /** A stable identifier of the condition, one of `ERROR_CODES`. */
    readonly code: ErrorCode;
    /** Every problem found, when the error collects several (one declaration, many settings). */
    readonly problems: readonly Problem[];
    /**
     * @param kind - what went wrong
     * @param code - the stable code of the condition
     * @param message - the message for people; never seed material
     * @param problems - every problem found, when there are several
     */
    constructor(kind: ErrorKind, code: ErrorCode, message: string, problems?: readonly Problem[]);
}

/**
 * Removes an entity's secret; a no-op when there is none. With `generation`, only that generation is removed.
 *
 * @returns whether an enrollment was removed
 *
 * @example
 * ```ts
 * import { openStore, unenroll } from 'totp-kit';
 *
 * await unenroll({ store: await openStore('file:./.totp-kit/store.json') }, 'ops', 'alice'); // { deleted: true }
 * ```
 */
export declare function unenroll(ctx: ResourceContext, method: string, entityId: string, generation?: string): Promise<{
    deleted: boolean;
}>;

/**
 * Replaces a method's settings (its name and generation stay). Skew and maxValidationAttempts apply to every
 * enrollment at once; the other settings to enrollments made afterwards.
 *
 * @param spec - the method, checked by `checkedMethodSpec`
 * @param generation - a new generation for the method; default: its current one
 * @returns the method as stored
 * @throws `TotpKitError` (bad-input) E_NOT_FOUND when there is no such method.
 *
 * @example
 * ```ts
 * import { checkedMethodSpec, openStore, updateMethod } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await updateMethod(ctx, checkedMethodSpec({ methodName: 'ops', issuer: 'ACME', skew: 0 }));
 * ```
 */
export declare function updateMethod(ctx: ResourceContext, spec: ValidMethodSpec, generation?: string): Promise<MethodRecord>;

/**
 * Validates an entity's code. A code of a time step at or before the last one accepted is refused (RFC 6238
 * section 5.2), and failed attempts are limited to the method's maxValidationAttempts per period. One atomic
 * store update reads the state, decides and records the outcome, so concurrent validations of one code accept
 * it at most once.
 *
 * @param input - the code as given (spaces are ignored)
 * @param at - the Unix time in seconds; default: the context's clock
 * @returns whether the code is accepted and, if not, why
 * @throws `TotpKitError` (bad-input) E_CODE_REQUIRED for an empty code, E_NOT_FOUND when the method or the
 *   enrollment does not exist.
 *
 * @example
 * ```ts
 * import { openStore, validateEnrollment } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * const outcome = await validateEnrollment(ctx, 'ops', 'alice', '492039');
 * if (!outcome.valid && outcome.reason === 'locked') console.log(`try again in ${outcome.retryIn} s`);
 * ```
 */
export declare function validateEnrollment(ctx: ResourceContext, methodName: string, entityId: string, input: string, at?: number): Promise<EnrollmentValidation>;

/**
 * Validates a code for a key, with Vault's replay rule: a code already presented (valid or not) is refused
 * for period × (2 + skew) seconds. The check and the record of the code are one atomic store update, so two
 * concurrent validations of one code accept it at most once.
 *
 * @param input - the code as given (spaces are ignored)
 * @param at - the Unix time in seconds; default: the context's clock
 * @returns whether the code is valid and, if not, why
 * @throws `TotpKitError` (bad-input) E_CODE_REQUIRED for an empty code, E_NOT_FOUND when there is no such key.
 *
 * @example
 * ```ts
 * import { openStore, validateKey } from 'totp-kit';
 *
 * const ctx = { store: await openStore('file:./.totp-kit/store.json') };
 * await validateKey(ctx, 'npm-bot', '492 039'); // { valid: true }
 * await validateKey(ctx, 'npm-bot', '492039'); // { valid: false, reason: 'used' }
 * ```
 */
export declare function validateKey(ctx: ResourceContext, name: string, input: string, at?: number): Promise<KeyValidation>;

/** A key spec that `checkedKeySpec` checked: what `createKey` takes. */
export declare interface ValidKeySpec {
    /** The key's name. */
    readonly name: string;
    /** True to generate the seed, false to import it. */
    readonly generated: boolean;
    /** The source reference to import the seed from. */
    readonly importFrom?: string;
    /** The issuer (of a generated key, or given for an imported one). */
    readonly issuer?: string;
    /** The account (of a generated key, or given for an imported one). */
    readonly accountName?: string;
    /** Settings stated in the spec (absent ones come from defaults or the imported URL). */
    readonly stated: Partial<Settings>;
    /** The encoder stated in the spec (absent: the imported seed's, else standard digits). */
    readonly encoder?: Encoder;
    /** Every setting, defaults filled in. */
    readonly settings: Settings;
    /** Whether `createKey` hands out the URL and barcode of a generated key. */
    readonly exported: boolean;
}

/** A method spec that `checkedMethodSpec` checked, defaults filled in: what `createMethod` and `updateMethod` take. */
export declare type ValidMethodSpec = Omit<MethodRecord, 'generation' | 'createdAt' | 'updatedAt'>;

/** The outcome of `verifyCode`. */
export declare interface Verification {
    /** True when the code is the key's code of a step within the skew. */
    readonly valid: boolean;
    /** The normalised code that was checked (what replay records must be keyed by). */
    readonly code?: string;
    /** The matching time step, when valid. */
    readonly counter?: number;
    /** Matching step minus current step (-1, 0 or 1), when valid. */
    readonly delta?: number;
}

/**
 * Verifies a code as a person typed it (spaces are ignored; a Steam code in any case). A code that is not
 * well-formed for the key (the wrong length, characters other than ASCII digits, for a Steam key characters
 * outside its alphabet) or not a string is invalid, never an error. Every candidate step is compared in
 * constant time, and all of them are, so timing tells nothing about which matched. Replays are not
 * refused here: record `code` and `counter` of each accepted code, or use `validateKey`.
 *
 * @param key - the seed and its settings
 * @param input - the code given
 * @param options - the time and the skew
 * @returns whether the code is valid and, when it is, the step it matched
 * @throws `TotpKitError` (bad-input) only for a key with bad settings or a skew other than 0 or 1.
 *
 * @example
 * ```ts
 * import { decodeBase32, verifyCode } from 'totp-kit';
 *
 * const secret = decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
 * const key = { secret, algorithm: 'SHA1', digits: 8, period: 30 } as const;
 * verifyCode(key, '9428 7082', { at: 59 }); // { valid: true, code: '94287082', counter: 1, delta: 0 }
 * verifyCode(key, '94287082', { at: 89 }).delta; // -1: the previous step's code, accepted with skew 1
 * verifyCode(key, '94287082', { at: 89, skew: 0 }).valid; // false
 * ```
 */
export declare function verifyCode(key: KeyMaterial & CodeSettings, input: unknown, options?: VerifyOptions): Verification;

/** Options for `verifyCode`. */
export declare interface VerifyOptions {
    /**
     * The time to verify at, in Unix seconds.
     * @defaultValue now
     */
    readonly at?: number;
    /**
     * Steps accepted either side of the current one.
     * @defaultValue 1
     */
    readonly skew?: Skew;
}

export { }
