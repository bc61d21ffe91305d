/**
 * Keys of the TOTP engine, with Vault's semantics: generate (issuer, account, keySize) or import (a
 * seed read once from a source and kept in the store); read never returns the seed; delete is
 * idempotent; validate refuses a code already presented (valid or not) for period × (2 + skew) seconds,
 * keyed by the normalised code so "123456 " cannot replay "123456" (HCSEC-2025-17), nor "bcdfg" "BCDFG"
 * for a Steam key.
 */
import { badInput, badSettings, type Problem, TotpKitError } from '../core/errors.js';
import type { KeyMaterial } from '../core/key.js';
import { nameProblem } from '../core/names.js';
import { formatOtpauthUrl } from '../core/otpauth-url.js';
import { qrPng } from '../core/qr.js';
import { generateSeed, shortSeedWarning } from '../core/seed.js';
import { resolveKey } from '../core/seed-text.js';
import { checkSettings, DEFAULTS, type Encoder, type Settings } from '../core/settings.js';
import { generateCode, isWellFormedCode, normalizeCode, verifyCode } from '../core/totp.js';
import { resolveSeedSource } from '../sources/index.js';
import { asKeyRecord, type KeyInfo, type KeyRecord, openKeyRecord, toStoreRecord } from '../stores/records.js';
import {
  alreadyExists,
  contextEnv,
  contextNow,
  isoTime,
  newGeneration,
  notFound,
  type ResourceContext,
} from './context.js';

/** A key as asked for: generated or imported, with its settings (values not yet checked; see `checkedKeySpec`). */
export interface KeySpec {
  /** The key's name: letters, digits, `_`, `-`, `.`, `@`, starting and ending with a letter, digit or `_`. */
  readonly name: unknown;
  /** Generate a seed for this issuer and account. */
  readonly generate?: { readonly issuer?: unknown; readonly accountName?: unknown; readonly keySize?: unknown };
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

/** A key spec that `checkedKeySpec` checked: what `createKey` takes. */
export interface ValidKeySpec {
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

/** What `createKey` returns: the key and, for a generated exported key, its URL and barcode, once. */
export interface CreatedKey {
  /** The key, without its seed. */
  readonly key: KeyInfo;
  /** The otpauth URL of a generated exported key. It holds the seed: show it once, never log it. */
  readonly url?: string;
  /** The URL as a PNG QR code, `qrSize` pixels square (none when qrSize is 0). */
  readonly barcode?: Uint8Array;
  /** Warnings about the key, such as an imported seed shorter than RFC 4226 recommends. */
  readonly warnings: readonly string[];
}

/** The outcome of `validateKey`. */
export interface KeyValidation {
  /** True when the code is the key's current code (within its skew) and was not presented before. */
  readonly valid: boolean;
  /** Why a code was not accepted: it was presented before, or it is not the right code. */
  readonly reason?: 'used' | 'invalid';
}

/** Every problem of a key spec (for the CLI, `apply` and the constructs' synth-time validation). */
export function keySpecProblems(spec: KeySpec): Problem[] {
  return checkKeySpec(spec).problems;
}

function checkKeySpec(spec: KeySpec): { checked?: ValidKeySpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const nameIssue = nameProblem('name', spec.name);
  if (nameIssue) problems.push(nameIssue);
  const generated = spec.generate !== undefined;
  if (generated === (spec.importFrom !== undefined)) {
    problems.push({
      setting: 'generate',
      problem: generated ? 'and importFrom were both given' : 'or importFrom is required',
      allowed: 'exactly one of generate and importFrom',
    });
  }
  const generate = spec.generate as unknown;
  if (generate !== undefined && (typeof generate !== 'object' || generate === null || Array.isArray(generate))) {
    problems.push({ setting: 'generate', problem: 'is not an object', allowed: '{ issuer, accountName, keySize? }' });
  } else if (generate !== undefined) {
    for (const field of Object.keys(generate)) {
      if (!['issuer', 'accountName', 'keySize'].includes(field)) {
        problems.push({
          setting: `generate.${field}`,
          problem: 'is not a setting of generate',
          allowed: 'issuer, accountName, keySize',
        });
      }
    }
  }
  if (spec.importFrom !== undefined && (typeof spec.importFrom !== 'string' || spec.importFrom === '')) {
    problems.push({ setting: 'importFrom', problem: 'is not a source reference', allowed: 'env:NAME, file:PATH, …' });
  } else if (typeof spec.importFrom === 'string') {
    // Parsing a reference reads nothing: a seed or URL pasted here is refused now, without being quoted.
    try {
      resolveSeedSource(spec.importFrom, 'importFrom', {}, {}, 'an import');
    } catch (e) {
      if (!(e instanceof TotpKitError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (generated && (spec.issuer !== undefined || spec.accountName !== undefined)) {
    problems.push({
      setting: 'issuer',
      problem: 'belongs inside generate for a generated key',
      allowed: 'generate: { issuer, accountName }',
    });
  }
  const check = checkSettings(
    {
      algorithm: spec.algorithm,
      digits: spec.digits,
      period: spec.period,
      skew: spec.skew,
      qrSize: spec.qrSize,
      encoder: spec.encoder,
      ...(generated
        ? { keySize: spec.generate?.keySize, issuer: spec.generate?.issuer, accountName: spec.generate?.accountName }
        : { issuer: spec.issuer, accountName: spec.accountName }),
    },
    { generated },
  );
  problems.push(...check.problems);
  if (generated && check.settings.encoder === 'steam') {
    problems.push({
      setting: 'encoder',
      problem: 'steam cannot be used for a generated key: Steam makes the secrets of its keys',
      allowed: 'totp, or import the Steam shared_secret instead of generating a seed',
    });
  }
  if (spec.exported !== undefined && typeof spec.exported !== 'boolean') {
    problems.push({ setting: 'exported', problem: 'is not true or false', allowed: 'true or false' });
  }
  if (problems.length > 0) return { problems };
  const { issuer, accountName, encoder, ...stated } = check.settings;
  return {
    problems,
    checked: {
      name: spec.name as string,
      generated,
      ...(encoder !== undefined ? { encoder } : {}),
      ...(spec.importFrom !== undefined ? { importFrom: spec.importFrom as string } : {}),
      ...(issuer !== undefined ? { issuer } : {}),
      ...(accountName !== undefined ? { accountName } : {}),
      stated,
      settings: { ...DEFAULTS, ...stated },
      exported: spec.exported !== false,
    },
  };
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
export function checkedKeySpec(spec: KeySpec, label?: (setting: string) => string): ValidKeySpec {
  const { checked, problems } = checkKeySpec(spec);
  if (!checked) throw badSettings(problems, label);
  return checked;
}

/** The record of a key, or undefined. */
export async function findKey(ctx: ResourceContext, name: string): Promise<KeyRecord | undefined> {
  const raw = await ctx.store.get('key', name);
  return raw ? asKeyRecord(raw, name) : undefined;
}

function info(record: KeyRecord): KeyInfo {
  const { secret: _secret, usedCodes: _used, ...rest } = record;
  return rest;
}

/** Reads the material of a new key: a generated seed, or the imported one with its URL's settings. */
async function material(ctx: ResourceContext, spec: ValidKeySpec): Promise<{ key: KeyMaterial; warnings: string[] }> {
  if (spec.generated) {
    return {
      key: {
        secret: generateSeed(spec.settings.keySize),
        ...spec.settings,
        issuer: spec.issuer as string,
        accountName: spec.accountName as string,
      },
      warnings: [],
    };
  }
  const source = resolveSeedSource(
    spec.importFrom as string,
    'importFrom',
    contextEnv(ctx),
    spec.encoder !== undefined ? { encoder: spec.encoder } : {},
    'an import',
  );
  const seed = await source.read();
  const key = resolveKey(
    seed,
    { ...spec.stated, ...(spec.encoder !== undefined ? { encoder: spec.encoder } : {}) },
    source.reference,
  );
  const warning = shortSeedWarning(key.secret, source.reference);
  const issuer = spec.issuer ?? key.issuer;
  const accountName = spec.accountName ?? key.accountName;
  return {
    key: { ...key, ...(issuer !== undefined ? { issuer } : {}), ...(accountName !== undefined ? { accountName } : {}) },
    warnings: warning ? [warning] : [],
  };
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
export async function createKey(
  ctx: ResourceContext,
  spec: ValidKeySpec,
  options: { readonly replace?: boolean; readonly generation?: string } = {},
): Promise<CreatedKey> {
  const { key, warnings } = await material(ctx, spec);
  const now = contextNow(ctx);
  const record: KeyRecord = {
    name: spec.name,
    generated: spec.generated,
    ...(spec.importFrom !== undefined ? { importFrom: spec.importFrom } : {}),
    ...(key.issuer !== undefined ? { issuer: key.issuer } : {}),
    ...(key.accountName !== undefined ? { accountName: key.accountName } : {}),
    algorithm: key.algorithm,
    digits: key.digits,
    period: key.period,
    skew: spec.settings.skew,
    qrSize: spec.settings.qrSize,
    ...(spec.generated ? { keySize: spec.settings.keySize } : {}),
    exported: spec.exported,
    ...(key.encoder !== undefined ? { encoder: key.encoder } : {}),
    secret: ctx.store.secrets.seal(key.secret, `key/${spec.name}`),
    generation: options.generation ?? newGeneration(),
    createdAt: isoTime(now),
    updatedAt: isoTime(now),
    usedCodes: {},
  };
  // The URL and barcode are made before anything is stored: a key whose barcode cannot be drawn is never kept.
  const handout = spec.generated && spec.exported;
  const url = handout ? formatOtpauthUrl(key) : undefined;
  const barcode = url ? await qrPng(url, spec.settings.qrSize) : undefined;
  await ctx.store.update('key', spec.name, (current) => {
    if (current && !options.replace)
      throw alreadyExists(`key "${spec.name}"`, 'delete it first, or declare it and use apply');
    return { result: undefined, next: toStoreRecord(record) };
  });
  return { key: info(record), ...(url ? { url } : {}), ...(barcode ? { barcode } : {}), warnings };
}

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
export async function readKey(ctx: ResourceContext, name: string): Promise<KeyInfo> {
  const record = await findKey(ctx, name);
  if (!record) throw notFound(`key "${name}"`);
  return info(record);
}

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
export async function listKeys(ctx: ResourceContext): Promise<string[]> {
  return ctx.store.list('key');
}

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
export async function deleteKey(
  ctx: ResourceContext,
  name: string,
  generation?: string,
): Promise<{ deleted: boolean }> {
  return ctx.store.update<{ deleted: boolean }>('key', name, (current) => {
    if (!current) return { result: { deleted: false } };
    if (generation !== undefined && current.generation !== generation) return { result: { deleted: false } };
    return { result: { deleted: true }, next: null };
  });
}

/**
 * Updates what does not touch the seed: skew, qrSize, exported, an imported key's labels, and the
 * generation (when a declaration adopts a key that already matches it).
 */
export async function updateKeyInPlace(
  ctx: ResourceContext,
  name: string,
  changes: Partial<Pick<KeyRecord, 'skew' | 'qrSize' | 'exported' | 'issuer' | 'accountName' | 'generation'>>,
): Promise<KeyInfo> {
  return ctx.store.update('key', name, (current) => {
    if (!current) throw notFound(`key "${name}"`);
    const record: KeyRecord = { ...asKeyRecord(current, name), ...changes, updatedAt: isoTime(contextNow(ctx)) };
    return { result: info(record), next: toStoreRecord(record) };
  });
}

/** The key's seed and settings, opened from the store (for codes; never printed). */
export function openKey(ctx: ResourceContext, record: KeyRecord): KeyMaterial {
  return openKeyRecord(ctx.store.secrets, record);
}

/** The key for code generation by name. */
export async function keyMaterial(ctx: ResourceContext, name: string): Promise<KeyMaterial> {
  const record = await findKey(ctx, name);
  if (!record) throw notFound(`key "${name}"`);
  return openKey(ctx, record);
}

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
export async function keyCode(ctx: ResourceContext, name: string, at = contextNow(ctx)): Promise<string> {
  return generateCode(await keyMaterial(ctx, name), at);
}

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
export async function validateKey(
  ctx: ResourceContext,
  name: string,
  input: string,
  at?: number,
): Promise<KeyValidation> {
  if ((normalizeCode(input) ?? '') === '') throw badInput('code', 'is empty', 'the code to check', 'E_CODE_REQUIRED');
  return ctx.store.update<KeyValidation>('key', name, (current) => {
    if (!current) throw notFound(`key "${name}"`);
    const record = asKeyRecord(current, name);
    // Normalised as the key's codes are written: a Steam code in any case is one replay record.
    const code = normalizeCode(input, record) as string;
    const now = at ?? contextNow(ctx);
    const used = Object.fromEntries(Object.entries(record.usedCodes).filter(([, until]) => until > now));
    if (Object.hasOwn(used, code)) {
      // Refused without being recorded again: the first presentation set how long it stays refused.
      // Written only when expired records were pruned, so a burst of replays does not rewrite the store.
      const pruned = Object.keys(used).length !== Object.keys(record.usedCodes).length;
      return {
        result: { valid: false, reason: 'used' },
        next: pruned ? toStoreRecord({ ...record, usedCodes: used }) : undefined,
      };
    }
    const outcome = verifyCode(openKey(ctx, record), code, { at: now, skew: record.skew });
    const wellFormed = isWellFormedCode(record, code);
    if (wellFormed) used[code] = Math.floor(now) + record.period * (2 + record.skew);
    const next = toStoreRecord({ ...record, usedCodes: used });
    return { result: outcome.valid ? { valid: true } : { valid: false, reason: 'invalid' }, next };
  });
}
