// Concurrency of the stores with REAL processes: many `node dist/cli.js` runs started at once against one
// store, for the file store, the AWS Secrets Manager store (the loopback server, driven by the real SDK in every
// child) and the PostgreSQL store (a real server this file starts; skipped, loudly, where none is installed).
// A code must be accepted once however many runners present it at the same moment, concurrent creates must lose
// nothing, and a lock left by a killed process must not block the store. What a scenario sets up before the
// race and checks after it (creates, enrollments, a replay, the next code, records) runs in this process (the
// library, or the CLI's main(argv, io)): only the race needs processes. On PostgreSQL the runners are let go
// together: a connection of the test holds the record's row lock until they all wait on it, and the lease
// takers wait for a line on standard input, so each race is a real contention, not runners arriving in turn.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { generateCode } from '../src/core/totp.js';
import { keyMaterial, validateKey } from '../src/resources/key.js';
import type { LeaseRecord } from '../src/resources/lease.js';
import { FileStore } from '../src/stores/file-store.js';
import { asEnrollmentRecord, asKeyRecord } from '../src/stores/records.js';
import { SecretBox } from '../src/stores/secret-box.js';
import type { Store, StoreRecord } from '../src/stores/store.js';
import { openStore } from '../src/stores/store-ref.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { findPostgres, type PostgresServer, startPostgres } from './helpers/postgres-server.mjs';
import { CLI } from './helpers/run-cli.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

/** Runners presenting one key's code at once: SECURITY.md says 20 processes against each store. */
const RUNNERS = 20;
/**
 * Runners in the other races (one enrollment's code, creates). They go through the same lock or compare-and-swap
 * as the key's runners, and ten started together all overlap, so they show a lost update as twenty would, at half
 * the Node starts.
 */
const OTHER_RUNNERS = 10;
/** One fixed instant for every code and verification, so the tests do not depend on the clock. */
const AT = 1_750_000_000;
/** How long one child may take before it is killed and the test fails (a hang, not slowness). */
const CHILD_TIMEOUT_MS = 90_000;
const LOCK_HOLDER = fileURLToPath(new URL('./fixtures/lock-holder.mjs', import.meta.url));
const LEASE_TAKER = fileURLToPath(new URL('./fixtures/lease-taker.mjs', import.meta.url));
/** The SDK configuration every aws-sm child gets, besides the endpoint. */
const AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDCONCURRENCY',
  AWS_SECRET_ACCESS_KEY: 'concurrency-secret',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

interface Outcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

interface Started {
  readonly child: ChildProcess;
  /** Settles with the first line the child printed (or '' if it ended without one). */
  readonly firstLine: Promise<string>;
  readonly done: Promise<Outcome>;
}

/** Starts `node dist/cli.js ...args` (or `node script ...args`) without waiting for it. */
function start(
  args: readonly string[],
  env: Record<string, string>,
  options: { readonly script?: string; readonly stdin?: boolean } = {},
): Started {
  const begun = performance.now();
  const child = spawn(process.execPath, [options.script ?? CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let lineSeen: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => {
    lineSeen = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
    if (stdout.includes('\n')) lineSeen(stdout.slice(0, stdout.indexOf('\n')));
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  const done = new Promise<Outcome>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      lineSeen('');
      resolve({ status, signal, stdout, stderr, ms: performance.now() - begun });
    });
  }).then((outcome) => {
    // The leak scan of every test file: no seed of this file in anything a run printed.
    expectNoSeedInCli(outcome, SEEDS, `totp-kit ${args.join(' ')}`);
    expectNothingSecret(outcome);
    return outcome;
  });
  return { child, firstLine, done };
}

/** Text no run may print: the PostgreSQL server's password and connection URL, once there is one. */
const NEVER_PRINTED: string[] = [];

function expectNothingSecret(outcome: { readonly stdout: string; readonly stderr: string }): void {
  for (const secret of NEVER_PRINTED) expect(`${outcome.stdout}${outcome.stderr}`).not.toContain(secret);
}

/** Runs one CLI command to its end, as a process. */
async function run(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
  return start(args, env).done;
}

/**
 * Runs one CLI command in this process (main(argv, io), against the sources), for the steps before and after a
 * race: `env` is in this process's environment for the while, where the SDK reads it.
 */
async function here(args: readonly string[], env: Record<string, string>): Promise<Outcome> {
  const begun = performance.now();
  const r = await withEnv(env, () => runInProcess(args, { env, now: AT }));
  const outcome = { status: r.status, signal: null, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - begun };
  expectNoSeedInCli(outcome, SEEDS, `totp-kit ${args.join(' ')} (in this process)`);
  expectNothingSecret(outcome);
  return outcome;
}

/** Starts every command first, then waits for all of them. */
async function runAllAtOnce(commands: readonly (readonly string[])[], env: Record<string, string>): Promise<Outcome[]> {
  const started = commands.map((args) => start(args, env));
  return Promise.all(started.map((s) => s.done));
}

/** A readable summary of outcomes for failure messages. */
function summary(outcomes: readonly Outcome[]): string {
  return outcomes
    .map((o, i) => `#${i}: exit ${o.status}${o.signal ? ` (${o.signal})` : ''} ${o.stdout.trim()} ${o.stderr.trim()}`)
    .join('\n');
}

/** How long the runs took: they all overlapped, having been started together. */
function timing(outcomes: readonly Outcome[]): string {
  const ms = outcomes.map((o) => o.ms);
  return `runs took ${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))} ms`;
}

/** Every seed this file hands to a CLI run or reads back from one: what the leak scan looks for. */
const SEEDS: Uint8Array[] = [];

/** A deterministic 20-byte seed per label. */
function seedFor(label: string): Uint8Array {
  const bytes = new Uint8Array(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (label.charCodeAt(i % label.length) * 31 + i * 17) & 0xff;
  SEEDS.push(bytes);
  return bytes;
}

function codeOf(secret: Uint8Array, at = AT): string {
  return generateCode({ secret, algorithm: 'SHA1', digits: 6, period: 30 }, at);
}

/** How a scenario reaches a store, and how the test reads back what the store holds. */
interface StoreUnderTest {
  readonly name: string;
  /** The reference and environment for one scenario (each gets a fresh, empty store). */
  fresh(): Promise<{
    env: Record<string, string>;
    read: (kind: 'key' | 'enrollment', id: string) => Promise<StoreRecord>;
    /** What the runners asked of the backend since `fresh` (Secrets Manager requests), for the log. */
    traffic: () => string;
  }>;
}

/**
 * Opens the scenario's store in this process, as a library user does, for `body`. The SDK reads its endpoint
 * and credentials from this process's environment, so `env` is there for the while (tests in a file run one at
 * a time).
 */
async function withStore<T>(env: Record<string, string>, body: (store: Store) => Promise<T>): Promise<T> {
  return withEnv(env, async () => body(await openStore(env.TOTP_KIT_STORE as string, env)));
}

/** Runs `body` with `env` added to this process's environment, and restores it. */
async function withEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

let tmp: string;
let server: SecretsManagerServer;
let scenario = 0;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'totp-kit-concurrency-'));
  server = await startSecretsManagerServer();
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const fileStore: StoreUnderTest = {
  name: 'file store',
  async fresh() {
    const dir = join(tmp, `file-${++scenario}`);
    await mkdir(dir);
    const path = join(dir, 'store.json');
    const env = { TOTP_KIT_STORE: `file:${path}` };
    return {
      env,
      async read(kind, id) {
        // The product's own reader: refuses anything that is not a whole format-1 store.
        const doc = await new FileStore(path, new SecretBox(undefined)).read();
        expect(doc.format).toBe(1);
        const record = (kind === 'key' ? doc.keys : doc.enrollments)[id];
        if (!record) throw new Error(`${kind} ${id} is not in ${path}`);
        return record;
      },
      traffic: () => 'one file under one lock',
    };
  },
};

const awsStore: StoreUnderTest = {
  name: 'aws-sm store',
  async fresh() {
    const prefix = `concurrency/run-${++scenario}`;
    const env = { TOTP_KIT_STORE: `aws-sm:${prefix}`, AWS_ENDPOINT_URL_SECRETS_MANAGER: server.endpoint, ...AWS_ENV };
    const before = { ...server.state.requests };
    return {
      env,
      traffic() {
        const ops = ['GetSecretValue', 'PutSecretValue', 'UpdateSecretVersionStage', 'CreateSecret'] as const;
        return ops.map((op) => `${op} ${(server.state.requests[op] ?? 0) - (before[op] ?? 0)}`).join(', ');
      },
      async read(kind, id) {
        const secret = server.state.secrets.get(`${prefix}/${kind}/${id}`);
        if (!secret) throw new Error(`no secret ${prefix}/${kind}/${id}`);
        const current = [...secret.versions.values()].filter((v) => v.stages.has('AWSCURRENT'));
        expect(current).toHaveLength(1);
        const text = current[0]?.value.SecretString;
        expect(typeof text).toBe('string');
        const record = JSON.parse(text as string) as unknown;
        expect(typeof record === 'object' && record !== null && !Array.isArray(record)).toBe(true);
        return record as StoreRecord;
      },
    };
  },
};

function scenarios(store: StoreUnderTest): void {
  it('one code presented by 20 `key verify` runs at once is accepted exactly once', { timeout: 180_000 }, async () => {
    const { env, read, traffic } = await store.fresh();
    const seed = seedFor(`verify-${store.name}`);
    const created = await here(['key', 'create', 'bot', '--from', 'env:BOT_SEED'], {
      ...env,
      BOT_SEED: encodeBase32(seed),
    });
    expect(created.status, created.stderr).toBe(0);
    const code = codeOf(seed);

    const outcomes = await runAllAtOnce(
      Array.from({ length: RUNNERS }, () => ['key', 'verify', 'bot', '--code', code, '--at', String(AT)]),
      env,
    );

    console.log(`${store.name}, 20 × key verify: ${timing(outcomes)}; ${traffic()}`);
    const accepted = outcomes.filter((o) => o.status === 0);
    const refused = outcomes.filter((o) => o.status === 1);
    expect(accepted, summary(outcomes)).toHaveLength(1);
    expect(accepted[0]?.stdout).toBe('valid\n');
    expect(refused, summary(outcomes)).toHaveLength(RUNNERS - 1);
    for (const o of refused) {
      expect(o.stdout).toBe('invalid\n');
      expect(o.stderr).toBe('totp-kit: code already used; wait for the next code\n');
    }
    // The store still holds a whole, usable key with the code recorded as used.
    const record = asKeyRecord(await read('key', 'bot'), 'bot');
    expect(Object.keys(record.usedCodes)).toEqual([code]);
    const again = await here(['key', 'verify', 'bot', '--code', code, '--at', String(AT)], env);
    expect(again.status).toBe(1);
    const next = await here(['key', 'verify', 'bot', '--code', codeOf(seed, AT + 30), '--at', String(AT + 30)], env);
    expect(next.status, next.stderr).toBe(0);
  });

  it(`one code presented by ${OTHER_RUNNERS} \`method verify\` runs at once is accepted exactly once`, {
    timeout: 180_000,
  }, async () => {
    const { env, read, traffic } = await store.fresh();
    const urlFile = join(tmp, `enroll-${++scenario}.url`);
    const method = await here(['method', 'create', 'mfa', '--issuer', 'Acme'], env);
    expect(method.status, method.stderr).toBe(0);
    const enrolled = await here(['method', 'enroll', 'mfa', '--entity', 'alice', '--url-file', urlFile], env);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    const { key } = parseOtpauthUrl((await readFile(urlFile, 'utf8')).trim());
    SEEDS.push(key.secret);
    const code = generateCode(key, AT);

    const outcomes = await runAllAtOnce(
      Array.from({ length: OTHER_RUNNERS }, () => [
        'method',
        'verify',
        'mfa',
        '--entity',
        'alice',
        '--code',
        code,
        '--at',
        String(AT),
      ]),
      env,
    );

    console.log(`${store.name}, ${OTHER_RUNNERS} × method verify: ${timing(outcomes)}; ${traffic()}`);
    const accepted = outcomes.filter((o) => o.status === 0);
    const refused = outcomes.filter((o) => o.status === 1);
    expect(accepted, summary(outcomes)).toHaveLength(1);
    expect(refused, summary(outcomes)).toHaveLength(OTHER_RUNNERS - 1);
    for (const o of refused) {
      expect(o.stdout).toBe('invalid\n');
      expect(o.stderr).toBe('totp-kit: code already used; wait for the next code\n');
    }
    const record = asEnrollmentRecord(await read('enrollment', 'mfa/alice'), 'mfa', 'alice');
    expect(record.lastAcceptedStep).toBe(Math.floor(AT / 30));
    // A refusal of a replay is not a failed attempt: the entity is not locked out by its own runners.
    expect(record.attempts).toBeUndefined();
    const next = await here(
      ['method', 'verify', 'mfa', '--entity', 'alice', '--code', generateCode(key, AT + 30), '--at', String(AT + 30)],
      env,
    );
    expect(next.status, next.stderr).toBe(0);
  });

  it(`${OTHER_RUNNERS} \`key create\` runs at once lose no key, and every key works`, {
    timeout: 240_000,
  }, async () => {
    const { env, read, traffic } = await store.fresh();
    const names = Array.from({ length: OTHER_RUNNERS }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);

    const outcomes = await runAllAtOnce(
      names.map((name) => ['key', 'create', name, '--generate', '--issuer', 'i', '--account', 'a', '--no-export']),
      env,
    );
    console.log(`${store.name}, ${OTHER_RUNNERS} × key create: ${timing(outcomes)}; ${traffic()}`);
    expect(
      outcomes.map((o) => o.status),
      summary(outcomes),
    ).toEqual(names.map(() => 0));

    const list = await here(['--json', 'key', 'list'], env);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({ keys: names });

    // Each key is whole, and its code, read through the store, verifies (the verifications at once).
    for (const name of names) asKeyRecord(await read('key', name), name);
    const verified = await withStore(env, (store) => {
      const ctx = { store, now: () => AT };
      return Promise.all(
        names.map(async (name) => {
          const code = generateCode(await keyMaterial(ctx, name), AT);
          return [name, await validateKey(ctx, name, code, AT)] as const;
        }),
      );
    });
    expect(Object.fromEntries(verified)).toEqual(Object.fromEntries(names.map((name) => [name, { valid: true }])));
  });
}

describe('file store: processes at once', () => scenarios(fileStore));
describe('aws-sm store: processes at once', () => scenarios(awsStore));

const POSTGRES = findPostgres();
if ('missing' in POSTGRES) {
  console.warn(`\n*** WARNING: ${POSTGRES.missing}: the PostgreSQL store's races are SKIPPED ***\n`);
}
/** Runners presenting one enrollment's code at once against PostgreSQL (the issue asks for 50). */
const PG_VERIFIERS = 50;
/** Wrong codes presented at once to an enrollment whose method allows PG_MAX_ATTEMPTS failures per period. */
const PG_GUESSERS = 8;
const PG_MAX_ATTEMPTS = 3;
/** Processes leasing one key at once. */
const PG_LEASERS = 12;
/**
 * The longest a gate holds a row lock while runners gather behind it: well inside the store's lock_timeout
 * (10 s), so a runner that waited from the first moment does not fail for it on a busy machine.
 */
const GATE_LIMIT_S = 5;

describe.skipIf('missing' in POSTGRES)('postgres store: runners at once', () => {
  let server: PostgresServer;
  let schemas = 0;

  beforeAll(async () => {
    server = await startPostgres();
    NEVER_PRINTED.push(server.url, server.password);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** A schema no scenario used yet: an empty store, made by its first user. */
  function fresh(prefix: string): { schema: string; env: Record<string, string> } {
    const schema = `${prefix}_${++schemas}`;
    return { schema, env: { DATABASE_URL: server.url, TOTP_KIT_STORE: `postgres:DATABASE_URL/${schema}` } };
  }

  /** A record's row as the store left it: the record and how many times it was written. */
  async function row(schema: string, kind: string, id: string): Promise<{ record: StoreRecord; version: number }> {
    const { rows } = await server.query<{ record: StoreRecord; version: string }>(
      `SELECT record, version FROM "${schema}".records WHERE kind = $1 AND id = $2`,
      [kind, id],
    );
    const found = rows[0];
    if (!found) throw new Error(`${kind} ${id} is not in schema ${schema}`);
    return { record: found.record, version: Number(found.version) };
  }

  /** The races every store runs (20 key verifies, 10 method verifies, 10 creates), against a fresh schema each. */
  const postgresStore: StoreUnderTest = {
    name: 'postgres store',
    async fresh() {
      const { schema, env } = fresh('race');
      return {
        env,
        read: async (kind, id) => (await row(schema, kind, id)).record,
        traffic: () => 'one row per record',
      };
    },
  };
  describe('the races every store runs', () => scenarios(postgresStore));

  /**
   * Holds the row lock of one record from a connection of the test's own, so the runners' writes (the store's
   * UPDATE … WHERE version, or its SELECT … FOR UPDATE) queue behind it. `release` lets them go once `count` wait there (or the first has waited
   * GATE_LIMIT_S, or every run ended) and returns how many were waiting: they then contend for the row at once.
   */
  async function gate(schema: string, kind: string, id: string) {
    const holder = new pg.Client({ connectionString: server.url });
    // Outside any transaction: pg_stat_activity is read afresh by each statement only there.
    const watcher = new pg.Client({ connectionString: server.url });
    await Promise.all([holder.connect(), watcher.connect()]);
    await holder.query('BEGIN');
    const locked = await holder.query(`SELECT 1 FROM "${schema}".records WHERE kind = $1 AND id = $2 FOR UPDATE`, [
      kind,
      id,
    ]);
    expect(locked.rowCount).toBe(1);
    return {
      async release(count: number, runs: readonly Promise<unknown>[]): Promise<number> {
        let ended = 0;
        for (const r of runs)
          r.then(
            () => ended++,
            () => ended++,
          );
        let waiting = 0;
        try {
          for (;;) {
            const { rows } = await watcher.query<{ waiting: number; longest: number }>(
              `SELECT count(*)::int AS waiting, coalesce(extract(epoch FROM max(now() - query_start)), 0)::float8 AS longest
                 FROM pg_stat_activity WHERE application_name = 'totp-kit' AND wait_event_type = 'Lock'`,
            );
            waiting = rows[0]?.waiting ?? 0;
            if (waiting >= count || (rows[0]?.longest ?? 0) >= GATE_LIMIT_S || ended === runs.length) break;
            // A condition polled, not a guess at how long the runners take: the server says who waits.
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        } finally {
          await holder.query('COMMIT');
          await Promise.all([holder.end(), watcher.end()]);
        }
        return waiting;
      },
    };
  }

  /** `method create mfa` with `settings`, `method enroll mfa --entity alice`, in this process: alice's key. */
  async function enrollAlice(env: Record<string, string>, settings: readonly string[] = []) {
    const method = await here(['method', 'create', 'mfa', '--issuer', 'Acme', ...settings], env);
    expect(method.status, method.stderr).toBe(0);
    const urlFile = join(tmp, `enroll-${++scenario}.url`);
    const enrolled = await here(['method', 'enroll', 'mfa', '--entity', 'alice', '--url-file', urlFile], env);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    const { key } = parseOtpauthUrl((await readFile(urlFile, 'utf8')).trim());
    SEEDS.push(key.secret);
    return key;
  }

  const verifyArgs = (code: string, at = AT) => [
    'method',
    'verify',
    'mfa',
    '--entity',
    'alice',
    '--code',
    code,
    '--at',
    String(at),
  ];

  // `method verify` rather than `key verify`: an enrollment is what an app verifies at a steady rate (the use the
  // PostgreSQL store is for), and its record carries both the last accepted step and the failed attempts, so a
  // lost update shows as a second acceptance or as replays counted against the user.
  it(`one code presented by ${PG_VERIFIERS} \`method verify\` processes at once is accepted exactly once`, {
    timeout: 240_000,
  }, async () => {
    const { schema, env } = fresh('verify');
    const key = await enrollAlice(env);
    const code = generateCode(key, AT);

    const held = await gate(schema, 'enrollment', 'mfa/alice');
    const runs = Array.from({ length: PG_VERIFIERS }, () => start(verifyArgs(code), env).done);
    const queued = await held.release(PG_VERIFIERS, runs);
    const outcomes = await Promise.all(runs);

    console.log(
      `postgres store, ${PG_VERIFIERS} × method verify: ${timing(outcomes)}; ${queued} queued together at the row lock`,
    );
    const accepted = outcomes.filter((o) => o.status === 0);
    const refused = outcomes.filter((o) => o.status === 1);
    expect(accepted, summary(outcomes)).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ stdout: 'valid\n', stderr: '' });
    expect(refused, summary(outcomes)).toHaveLength(PG_VERIFIERS - 1);
    for (const o of refused) {
      expect(o.stdout).toBe('invalid\n');
      expect(o.stderr).toBe('totp-kit: code already used; wait for the next code\n');
    }
    const { record, version } = await row(schema, 'enrollment', 'mfa/alice');
    const enrollment = asEnrollmentRecord(record, 'mfa', 'alice');
    expect(enrollment.lastAcceptedStep).toBe(Math.floor(AT / 30));
    // Refusals of a replay are not failed attempts, and they wrote nothing: the row was written by the enrollment
    // and by the one acceptance.
    expect(enrollment.attempts).toBeUndefined();
    expect(version).toBe(2);
    const next = await here(verifyArgs(generateCode(key, AT + 30), AT + 30), env);
    expect(next.status, next.stderr).toBe(0);
  });

  // The guesses run in this process, each through the CLI's main(argv, io) with a store object, pool and
  // connection of its own: to the server they are separate clients, as processes are, and the gate can hold
  // them all (in-process runs reach the lock within moments), which is what proves the count under contention.
  it(`${PG_GUESSERS} wrong codes at once against max-validation-attempts ${PG_MAX_ATTEMPTS}: ${PG_MAX_ATTEMPTS} counted, the rest and then the right code locked out until the window ends`, {
    timeout: 120_000,
  }, async () => {
    const { schema, env } = fresh('lockout');
    const key = await enrollAlice(env, ['--max-validation-attempts', String(PG_MAX_ATTEMPTS)]);
    const right = new Set([-30, 0, 30].map((d) => generateCode(key, AT + d)));
    const wrong = Array.from({ length: 10 }, (_, i) => String(i).repeat(6))
      .filter((c) => !right.has(c))
      .slice(0, PG_GUESSERS);

    const held = await gate(schema, 'enrollment', 'mfa/alice');
    const runs = wrong.map(async (code) => {
      const r = await runInProcess(verifyArgs(code), { env, now: AT });
      expectNoSeedInCli(r, SEEDS, `totp-kit ${verifyArgs(code).join(' ')} (in this process)`);
      expectNothingSecret(r);
      return r;
    });
    // Usually all of them wait there together; at least two did, or there was no race to prove anything by.
    expect(await held.release(PG_GUESSERS, runs)).toBeGreaterThanOrEqual(2);
    const outcomes = await Promise.all(runs);

    const report = outcomes.map((o, i) => `#${i}: exit ${o.status} ${o.stdout.trim()} ${o.stderr.trim()}`).join('\n');
    expect(
      outcomes.map((o) => [o.status, o.stdout]),
      report,
    ).toEqual(wrong.map(() => [1, 'invalid\n']));
    // Each counted failure says how many are left: 2, 1 and 0 once each, which two runs reading the same count
    // could not say.
    const counted = outcomes.map((o) => o.stderr).filter((e) => e.includes('invalid code'));
    expect(counted.sort(), report).toEqual(
      Array.from({ length: PG_MAX_ATTEMPTS }, (_, left) => {
        const s = left === 1 ? '' : 's';
        return `totp-kit: invalid code (${left} attempt${s} left before a lockout)\n`;
      }),
    );
    const locked = outcomes.map((o) => o.stderr).filter((e) => !e.includes('invalid code'));
    expect(locked, report).toEqual(
      Array.from(
        { length: PG_GUESSERS - PG_MAX_ATTEMPTS },
        () => 'totp-kit: too many failed attempts; try again in 30 s\n',
      ),
    );
    const { record, version } = await row(schema, 'enrollment', 'mfa/alice');
    expect(asEnrollmentRecord(record, 'mfa', 'alice').attempts).toEqual({ windowStart: AT, count: PG_MAX_ATTEMPTS });
    expect(version).toBe(1 + PG_MAX_ATTEMPTS);

    // The right code is refused while the window lasts, and the same code accepted once it has ended.
    const later = generateCode(key, AT + 30);
    expect(await here(verifyArgs(generateCode(key, AT)), env)).toMatchObject({
      status: 1,
      stderr: 'totp-kit: too many failed attempts; try again in 30 s\n',
    });
    expect(await here(verifyArgs(later, AT + 29), env)).toMatchObject({
      status: 1,
      stderr: 'totp-kit: too many failed attempts; try again in 1 s\n',
    });
    expect(await here(verifyArgs(later, AT + 30), env)).toMatchObject({ status: 0, stdout: 'valid\n', stderr: '' });
  });

  it(`${PG_LEASERS} processes leasing one key at once, in a store none has used yet, get ${PG_LEASERS} distinct steps`, {
    timeout: 240_000,
  }, async () => {
    const { schema, env } = fresh('lease');
    const seed = seedFor('lease-postgres');
    const takers = Array.from({ length: PG_LEASERS }, () =>
      start([], { ...env, TOTP_SEED: encodeBase32(seed), LEASE_AT: String(AT) }, { script: LEASE_TAKER, stdin: true }),
    );
    // All loaded, none connected yet: let them go at once. They race to make the schema, then for the lease row.
    const ready = await Promise.all(takers.map((t) => t.firstLine));
    for (const t of takers) {
      // A taker that failed before "ready" has closed its end; its output is in the summary below.
      t.child.stdin?.on('error', () => {});
      t.child.stdin?.end('go\n');
    }
    const outcomes = await Promise.all(takers.map((t) => t.done));

    console.log(`postgres store, ${PG_LEASERS} lease takers: ${timing(outcomes)}`);
    expect(
      outcomes.map((o, i) => [ready[i], o.status]),
      summary(outcomes),
    ).toEqual(takers.map(() => ['ready', 0]));
    const issued = outcomes
      .map((o) => JSON.parse(o.stdout.slice('ready\n'.length)) as { step: number; code: string; leased: boolean })
      .sort((a, b) => a.step - b.step);
    const first = Math.floor(AT / 30);
    // Consecutive steps from the current one, none handed out twice, each code the code of its step.
    expect(issued).toEqual(
      issued.map((_, i) => ({ step: first + i, code: codeOf(seed, (first + i) * 30), leased: true })),
    );
    const { rows } = await server.query<{ kind: string; record: LeaseRecord; version: string }>(
      `SELECT kind, record, version FROM "${schema}".records`,
    );
    expect(rows.map((r) => [r.kind, r.record.lastStep, Number(r.version)])).toEqual([
      ['lease', first + PG_LEASERS - 1, PG_LEASERS],
    ]);
    expectNoSeed(JSON.stringify(rows), [seed], 'the lease row');
    const meta = await server.query(`SELECT name, value FROM "${schema}".meta`);
    expect(meta.rows).toEqual([{ name: 'schema_version', value: 1 }]);
  });
});

describe('file store: a lock left behind by a killed process', () => {
  /** How long the lock of the killed holder stays fresh after the kill (the store's stale time is 5 s). */
  const FRESH_FOR_MS = 1_500;

  async function freshStore(): Promise<{ path: string; env: Record<string, string> }> {
    const { env } = await fileStore.fresh();
    const path = (env.TOTP_KIT_STORE as string).slice('file:'.length);
    const created = await here(['key', 'create', 'bot', '--from', 'env:BOT_SEED'], {
      ...env,
      BOT_SEED: encodeBase32(seedFor('stale')),
    });
    expect(created.status, created.stderr).toBe(0);
    return { path, env };
  }

  it('an old lock directory (as proper-lockfile leaves one after SIGKILL) is taken over at once', async () => {
    const { path, env } = await freshStore();
    await mkdir(`${path}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);

    const outcome = await run(['key', 'verify', 'bot', '--code', codeOf(seedFor('stale')), '--at', String(AT)], env);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe('valid\n');
    // Taken over, not waited on until the retries ran out (they last 40 s or more): a bound about hanging, which a
    // loaded machine cannot break.
    expect(outcome.ms).toBeLessThan(30_000);
    await expect(stat(`${path}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
    const record = asKeyRecord((await new FileStore(path, new SecretBox(undefined)).read()).keys.bot ?? {}, 'bot');
    expect(Object.keys(record.usedCodes)).toEqual([codeOf(seedFor('stale'))]);
  });

  it('the lock of a holder killed with SIGKILL is honoured while fresh and taken over once stale, without hanging', {
    timeout: 60_000,
  }, async () => {
    const { path, env } = await freshStore();
    // A real holder: proper-lockfile with the store's options, killed while it holds the lock.
    const holder = spawn(process.execPath, [LOCK_HOLDER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const locked = await new Promise<string>((resolve, reject) => {
      let out = '';
      holder.stdout?.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (out.includes('\n')) resolve(out.trim());
      });
      holder.once('error', reject);
      holder.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before locking`)));
    });
    expect(locked).toBe('locked');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('close', resolve));
    const killedAt = Date.now();
    expect((await stat(`${path}.lock`)).isDirectory()).toBe(true);
    // Its last refresh made 3.5 s older, so the lock turns stale (5 s unrefreshed) FRESH_FOR_MS after the kill
    // instead of 5 s: the same wait, shorter.
    const lastRefresh = new Date(killedAt - (5_000 - FRESH_FOR_MS));
    await utimes(`${path}.lock`, lastRefresh, lastRefresh);

    const outcome = await run(['key', 'verify', 'bot', '--code', codeOf(seedFor('stale')), '--at', String(AT)], env);
    const waited = Date.now() - killedAt;
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe('valid\n');
    // The lock was honoured while fresh (no run can finish before it turns stale, however fast the machine) and
    // taken over once stale: the run neither ignored it nor waited for the retries (40 s or more) to run out.
    expect(waited).toBeGreaterThanOrEqual(FRESH_FOR_MS - 100);
    expect(waited).toBeLessThan(30_000);
    await expect(stat(`${path}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
