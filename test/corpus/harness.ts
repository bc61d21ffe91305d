// What the corpus runner needs besides the cases: the test's secrets and placeholders, the fixture stores, a run
// directory per case × face with the case's files, and the runners of the faces: the CLI's main() and the action's
// run() in this process against the sources (and, for a few cases, the CLI binary and the action bundle in child
// processes, as users run them), constructs synthesized in-process, the library called in-process.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { TotpEnrollment, TotpKey, TotpMfaMethod, TotpStore } from '../../constructs/index.js';
import {
  checkedKeySpec,
  checkedMethodSpec,
  createKey,
  createMethod,
  decodeBase32,
  encodeBase32,
  enroll,
  generateCode,
  keyCode,
  listKeys,
  openStore,
  parseOtpauthUrl,
  parseSeedText,
  resolveKey,
  validateEnrollment,
  validateKey,
  verifyCode,
} from '../../src/index.js';
// Not part of the library's API: checked through it by the corpus all the same (the CLI and action use them).
import { checkDeclaration } from '../../src/resources/declaration.js';
import { resolveSource } from '../../src/sources/index.js';
import { FileStore } from '../../src/stores/file-store.js';
import { SecretBox } from '../../src/stores/secret-box.js';
import { runActionInProcess } from '../helpers/in-process-action.js';
import { runInProcess } from '../helpers/in-process-cli.js';
import { type ActionRun, runAction } from '../helpers/run-action.js';
import { CLI } from '../helpers/run-cli.js';
import { askTerraformVersionOnce } from '../helpers/terraform-version-once.js';
import type { ConstructInput, CorpusCase, FileSpec, Text } from './types.js';

// ---- the test's secrets ----------------------------------------------------------------------------------------

/**
 * A random seed whose hex form is never valid Base32 (it holds a 0, 1, 8 or 9), so `{{HEX}}` is always refused,
 * and whose Base32 starts with a letter, so `env:{{B32}}` is always a well-formed variable name.
 */
function corpusSeed(): Buffer {
  for (;;) {
    const seed = randomBytes(20);
    if (/[0189]/.test(seed.toString('hex')) && /^[A-Z]/.test(encodeBase32(seed))) return seed;
  }
}

export const SEED = corpusSeed();
export const OTHER = randomBytes(20);
export const STORE_KEY = randomBytes(32).toString('base64');
export const WRONG_KEY = randomBytes(32).toString('base64');
const B32 = encodeBase32(SEED);
/** A fixed time for codes and validations. */
export const CODE_TIME = 1_700_000_000;

export const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-corpus-'));

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  B32,
  b32: B32.toLowerCase(),
  b32_16: B32.slice(0, 16).toLowerCase(),
  B32_HEAD: B32.slice(0, 5),
  B32_TAIL: B32.slice(6),
  OTHER: encodeBase32(OTHER),
  HEX: SEED.toString('hex'),
  BASE64: SEED.toString('base64'),
  URL: `otpauth://totp/ACME:alice?secret=${B32}&issuer=ACME`,
  STORE_KEY,
  WRONG_KEY,
  CODE_TIME: String(CODE_TIME),
};

/** Replaces the placeholders in one string; `{{DIR}}` is the run's directory. */
export function fillText(text: string, dir: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (name === 'DIR') return dir;
    const value = PLACEHOLDERS[name];
    if (value === undefined) throw new Error(`unknown placeholder ${whole}`);
    return value;
  });
}

function isRepeat(value: unknown): value is { repeat: string; bytes: number } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'bytes' && keys[1] === 'repeat';
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Replaces the placeholders in every string of a value, and makes the `{ repeat, bytes }` texts. */
export function fill<T>(value: T, dir: string): T {
  if (typeof value === 'string') return fillText(value, dir) as T;
  if (isRepeat(value)) return repeatTo(fillText(value.repeat, dir), value.bytes) as T;
  if (Array.isArray(value)) return value.map((v) => fill(v, dir)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, dir)])) as T;
  }
  return value;
}

export function fillRecord(record: Readonly<Record<string, Text>> | undefined, dir: string): Record<string, string> {
  return fill({ ...record }, dir) as Record<string, string>;
}

// ---- fixture stores --------------------------------------------------------------------------------------------

export interface Fixtures {
  /** The bytes of each fixture store. */
  readonly stores: Readonly<Record<'plain' | 'sealed', Buffer>>;
  /** Every seed of the test: the seed, the other one, the enrollments' seeds and the store keys' bytes. */
  readonly seeds: readonly Uint8Array[];
}

/** Builds a store the way totp-kit writes one: key `bot` imported from the seed, method `ops`, enrollment `alice`. */
async function buildStore(path: string, key: string | undefined): Promise<{ bytes: Buffer; enrollmentSeed: Buffer }> {
  const seedFile = join(ROOT, 'fixture-seed');
  writeFileSync(seedFile, `${B32}\n`);
  const ctx = { store: new FileStore(path, new SecretBox(key)), now: () => CODE_TIME };
  await createKey(
    ctx,
    checkedKeySpec({ name: 'bot', importFrom: `file:${seedFile}`, issuer: 'ACME', accountName: 'alice' }),
  );
  await createMethod(ctx, checkedMethodSpec({ methodName: 'ops', issuer: 'ACME' }));
  const enrolled = await enroll(ctx, 'ops', 'alice');
  rmSync(seedFile);
  const url = enrolled.url;
  if (url === undefined) throw new Error('the fixture enrollment gave no URL');
  return { bytes: readFileSync(path), enrollmentSeed: Buffer.from(parseOtpauthUrl(url).key.secret) };
}

export async function buildFixtures(): Promise<Fixtures> {
  const dir = join(ROOT, 'fixtures');
  mkdirSync(dir);
  const plain = await buildStore(join(dir, 'plain.json'), undefined);
  const sealed = await buildStore(join(dir, 'sealed.json'), STORE_KEY);
  if (sealed.bytes.toString('utf8').includes(B32)) throw new Error('the sealed fixture holds the seed in clear');
  return {
    stores: { plain: plain.bytes, sealed: sealed.bytes },
    seeds: [
      SEED,
      OTHER,
      plain.enrollmentSeed,
      sealed.enrollmentSeed,
      Buffer.from(STORE_KEY, 'base64'),
      Buffer.from(WRONG_KEY, 'base64'),
    ],
  };
}

// ---- a run's directory -----------------------------------------------------------------------------------------

/** Creates the run's directory with the case's files. */
export function prepareRun(c: CorpusCase, face: string, fixtures: Fixtures): string {
  const dir = join(ROOT, `${c.id}--${face}`);
  mkdirSync(dir);
  for (const [name, spec] of Object.entries(c.files ?? {})) writeSpec(join(dir, name), spec, dir, fixtures);
  return dir;
}

function writeSpec(path: string, spec: FileSpec, dir: string, fixtures: Fixtures): void {
  if ('directory' in spec) {
    mkdirSync(path);
    return;
  }
  if ('text' in spec) {
    writeFileSync(path, fillText(spec.text, dir));
    return;
  }
  if ('repeat' in spec) {
    writeFileSync(path, repeatTo(fillText(spec.repeat, dir), spec.bytes));
    return;
  }
  let text = fixtures.stores[spec.store].toString('utf8');
  for (const [rawFrom, rawTo] of spec.replace ?? []) {
    const [from, to] = [fillText(rawFrom, dir), fillText(rawTo, dir)];
    if (!text.includes(from))
      throw new Error(`fixture store ${spec.store} has no ${JSON.stringify(rawFrom)} to replace`);
    text = text.replace(from, to);
  }
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(path, spec.truncate === undefined ? bytes : bytes.subarray(0, spec.truncate));
}

/** The bytes of each file that must come through unchanged (undefined for a directory). */
export function snapshot(dir: string, names: readonly string[]): Map<string, Buffer | undefined> {
  return new Map(
    names.map((name) => {
      const path = join(dir, name);
      return [name, statSync(path).isDirectory() ? undefined : readFileSync(path)];
    }),
  );
}

/** Every file under `dir` (lock folders and synth output included), as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

// ---- the faces -------------------------------------------------------------------------------------------------

export interface ProcessRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The variables every CLI run gets besides the case's own, as a shell would pass them. */
const BASE_ENV = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });

/**
 * `totp-kit …argv` through main() in this process, in `cwd`, at `CODE_TIME`, with an empty standard input (a
 * child process of the bundle gets /dev/null).
 */
export async function runCliHere(
  argv: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<ProcessRun> {
  const r = await runInProcess(argv, { env: { ...BASE_ENV(), ...env }, now: CODE_TIME, cwd, input: '' });
  return { status: r.status, stdout: r.out, stderr: r.err };
}

/** `node dist/cli.js …argv` as a user runs it, asynchronously, so several cases run at once. */
export function runCliAsync(argv: readonly string[], env: Record<string, string>, cwd: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], {
      cwd,
      env: { ...BASE_ENV(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The action bundle, run the runner's way in `cwd`. */
export function runActionIn(
  inputs: Record<string, string>,
  env: Record<string, string>,
  cwd: string,
): Promise<ActionRun> {
  return runAction({ inputs, env, cwd });
}

/** The action's run() in this process, in `cwd`, at `CODE_TIME`. */
export function runActionHere(
  inputs: Record<string, string>,
  env: Record<string, string>,
  cwd: string,
): Promise<ActionRun> {
  return runActionInProcess({ inputs, env, cwd, now: CODE_TIME });
}

// cdktf asks `terraform version` at every synth with terraform_data: ask once for the whole file.
askTerraformVersionOnce();

export interface SynthOutcome {
  /** What construction threw (a refusal belongs at synth, not here). */
  readonly constructionError?: unknown;
  /** What synth threw. */
  readonly synthError?: unknown;
  readonly outdir: string;
}

/** Builds the construct in a fresh app and synthesizes it as `cdktf synth` does (validations on). */
export function synthesize(input: ConstructInput, dir: string): SynthOutcome {
  const outdir = join(dir, 'cdktf.out');
  let app: App;
  try {
    app = new App({ outdir });
    const stack = new TerraformStack(app, 'corpus');
    const store =
      input.store === undefined
        ? TotpStore.file(join(dir, 'store.json'))
        : 'file' in input.store
          ? TotpStore.file(input.store.file)
          : TotpStore.awsSecretsManager(input.store.awsSecretsManager);
    const props = { store, ...input.props } as never;
    if (input.construct === 'key') new TotpKey(stack, 'Bad', props);
    else if (input.construct === 'method') new TotpMfaMethod(stack, 'Bad', props);
    else {
      const method = new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'ACME' });
      new TotpEnrollment(stack, 'Bad', { method, ...input.props } as never);
    }
  } catch (e) {
    return { constructionError: e, outdir };
  }
  try {
    app.synth();
  } catch (e) {
    return { synthError: e, outdir };
  }
  return { outdir };
}

/** A library call by name (see LibraryInput in types.ts), with the case's environment. */
export async function callLibrary(
  call: string,
  args: readonly unknown[],
  env: Record<string, string>,
): Promise<unknown> {
  const ctxOf = async (ref: unknown) => ({ store: await openStore(ref as string, env), now: () => CODE_TIME });
  const keyOf = (k: unknown) => {
    const key = k as { secret: string } & Record<string, unknown>;
    return { ...key, secret: decodeBase32(key.secret) } as never;
  };
  const [a, b, c, d, e] = args;
  switch (call) {
    case 'decodeBase32':
      return decodeBase32(a as string, b as string);
    case 'parseSeedText':
      return parseSeedText(a as string, b as string, c as string | undefined);
    case 'parseOtpauthUrl':
      return parseOtpauthUrl(a as string, b as string);
    case 'resolveKey':
      return resolveKey(parseSeedText(a as string, c as string), b as never, c as string);
    case 'readSource': {
      const source = resolveSource(a as string, b as string, env);
      return source.kind === 'remote' ? source.settings() : source.read();
    }
    case 'checkDeclaration':
      return checkDeclaration(a);
    case 'checkedKeySpec':
      return checkedKeySpec(a as never);
    case 'checkedMethodSpec':
      return checkedMethodSpec(a as never);
    case 'generateCode':
      return generateCode(keyOf(a), b as number);
    case 'verifyCode':
      return verifyCode(keyOf(a), b, c as never);
    case 'openStore':
      return openStore(a as string, env);
    case 'listKeys':
      return listKeys(await ctxOf(a));
    case 'keyCode':
      return keyCode(await ctxOf(a), b as string, c as number);
    case 'createKey':
      return createKey(await ctxOf(a), checkedKeySpec(b as never));
    case 'validateKey':
      return validateKey(await ctxOf(a), b as string, c as string, d as never);
    case 'validateEnrollment':
      return validateEnrollment(await ctxOf(a), b as string, c as string, d as string, e as never);
    case 'enroll':
      return enroll(await ctxOf(a), b as string, c as string);
    default:
      throw new Error(`the corpus names an unknown library call: ${call}`);
  }
}
