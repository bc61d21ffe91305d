// The PostgreSQL store as its users see it, against a real server this file starts (one for the file, a fresh
// schema per test): the schema made on first use and a newer one refused, seeds sealed under the store key,
// the CLI and the action in-process on `postgres:DATABASE_URL/…` (and bare `postgres:` with the PG* variables),
// the library's openStore and close(), a server restarted or crashed between calls, the connection cut in the
// middle of a verify (a TCP proxy between store and server), and one line for each way of not getting in.
// What every store does alike is in store-contract.test.ts; processes racing on one code in concurrency.test.ts.
// Skipped, loudly, where PostgreSQL is not installed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import type { StoreRecord } from '../src/stores/store.js';
import { openStore } from '../src/stores/store-ref.js';
import { failure } from './helpers/failure.js';
import { fakeClock } from './helpers/fake-clock.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInAction, expectNoSeedInCli } from './helpers/leak.js';
import { findPostgres, type PostgresServer, startPostgres } from './helpers/postgres-server.mjs';
import { type ActionRun, runAction } from './helpers/run-action.js';
import { startProxy } from './helpers/tcp-proxy.js';

const POSTGRES = findPostgres();
if ('missing' in POSTGRES) {
  console.warn(`\n*** WARNING: ${POSTGRES.missing}: the PostgreSQL store's tests are SKIPPED ***\n`);
}

/** The start of a 30 s step, so `--at` offsets are exact. */
const T = 1_700_000_010;
const SEED = randomBytes(20);
// Raw keys rather than passphrases: scrypt would cost every in-process run ~100 ms (more on a loaded machine).
const STORE_KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);
const code = (seed: Uint8Array, at: number) =>
  generateCode({ secret: seed, algorithm: 'SHA1', digits: 6, period: 30 }, at);
const put = (next: StoreRecord | null) => () => ({ result: undefined, next });

let server: PostgresServer;
let dir: string;
/** Every seed handed out in this file, for the leak scan of everything printed. */
const seeds: Uint8Array[] = [SEED, STORE_KEY, OTHER_KEY];
let schemas = 0;
const freshSchema = (prefix: string) => `${prefix}_${++schemas}`;

beforeAll(async () => {
  if ('missing' in POSTGRES) return;
  dir = mkdtempSync(join(tmpdir(), 'totp-kit-postgres-'));
  // synchronous_commit on (the helper turns it off for speed): a commit acknowledged must survive the
  // kill() below, and an asynchronous commit is lost with the server's shared memory. fsync stays off.
  server = await startPostgres({ settings: { synchronous_commit: 'on' } });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The environment of a run: the connection URL in DATABASE_URL and nothing else of this process. */
const urlEnv = (extra: Record<string, string> = {}) => ({ DATABASE_URL: server.url, ...extra });

/** `totp-kit --store postgres:DATABASE_URL/SCHEMA …` in-process at T; what it printed is leak-scanned. */
async function cli(schema: string, args: string[], env: Record<string, string> = urlEnv()): Promise<InProcessRun> {
  const r = await runInProcess(['--store', `postgres:DATABASE_URL/${schema}`, ...args], { env, now: T });
  expectNoSeedInCli(r, seeds, `totp-kit ${args.join(' ')}`);
  expect(`${r.stdout}${r.stderr}`).not.toContain(server.password);
  return r;
}
const outcome = (r: InProcessRun) => ({ status: r.status, stdout: r.stdout, stderr: r.stderr });
const valid = { status: 0, stdout: 'valid\n', stderr: '' };
const used = { status: 1, stdout: 'invalid\n', stderr: 'totp-kit: code already used; wait for the next code\n' };

/** Enrolls `entity` in MFA method `method` and returns its seed, read from the URL file the CLI wrote. */
async function enroll(schema: string, method: string, entity: string, env = urlEnv()): Promise<Uint8Array> {
  const urlFile = join(dir, `${schema}-${entity}.url`);
  const r = await cli(schema, ['method', 'enroll', method, '--entity', entity, '--url-file', urlFile], env);
  expect(r.status, r.stderr).toBe(0);
  const seed = decodeBase32(new URL(readFileSync(urlFile, 'utf8').trim()).searchParams.get('secret') ?? '');
  seeds.push(seed);
  return seed;
}
const verify = (schema: string, entity: string, c: string, env = urlEnv()) =>
  cli(schema, ['method', 'verify', 'ops', '--entity', entity, '--code', c, '--at', String(T)], env);

/** Every row of the schema's tables as text: what the store holds. */
async function tables(schema: string): Promise<string> {
  const records = await server.query(`SELECT kind, id, record::text, version FROM "${schema}".records ORDER BY 1, 2`);
  const meta = await server.query(`SELECT name, value::text FROM "${schema}".meta ORDER BY 1`);
  return JSON.stringify([records.rows, meta.rows]);
}

describe.skipIf('missing' in POSTGRES)('postgres store', () => {
  describe('schema', () => {
    it('is made on first use in the named schema (version 1) and shared by later store objects', async () => {
      const schema = freshSchema('made');
      const exists = async () =>
        (await server.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rowCount;
      const first = await openStore(`postgres:DATABASE_URL/${schema}`, urlEnv());
      expect(first.reference).toBe(`postgres:DATABASE_URL/${schema}`);
      expect(await exists()).toBe(0); // opening reads nothing
      try {
        await first.update('key', 'npm-bot', put({ digits: 6 }));
      } finally {
        await first.close();
      }
      expect(await exists()).toBe(1);
      const meta = await server.query(`SELECT name, value FROM "${schema}".meta`);
      expect(meta.rows).toEqual([{ name: 'schema_version', value: 1 }]);

      const second = await openStore(`postgres:DATABASE_URL/${schema}`, urlEnv());
      try {
        expect(await second.get('key', 'npm-bot')).toEqual({ digits: 6 });
        await second.update('key', 'npm-bot', (current) => ({ result: undefined, next: { ...current, digits: 8 } }));
      } finally {
        await second.close();
      }
      const rows = await server.query(`SELECT kind, id, record, version FROM "${schema}".records`);
      expect(rows.rows).toEqual([{ kind: 'key', id: 'npm-bot', record: { digits: 8 }, version: '2' }]);
      expect((await server.query(`SELECT name FROM "${schema}".meta`)).rows).toEqual([{ name: 'schema_version' }]);
    });

    it('refuses, by name and untouched, a schema made by a newer totp-kit (schema_version 2)', async () => {
      const schema = freshSchema('newer');
      expect(
        (await cli(schema, ['key', 'create', 'npm-bot', '--from', 'env:SEED'], urlEnv({ SEED: encodeBase32(SEED) })))
          .status,
      ).toBe(0);
      await server.query(`UPDATE "${schema}".meta SET value = '2' WHERE name = 'schema_version'`);
      const before = await tables(schema);
      const line = `store postgres:DATABASE_URL/${schema}: schema "${schema}" was made by a newer totp-kit (schema version 2; this one knows 1); it was left untouched: upgrade totp-kit`;
      for (const args of [
        ['key', 'list'],
        ['key', 'code', 'npm-bot'],
        ['key', 'delete', 'npm-bot'],
      ]) {
        expect(outcome(await cli(schema, args)), args.join(' ')).toEqual({
          status: 3,
          stdout: '',
          stderr: `totp-kit: ${line}\n`,
        });
      }
      const store = await openStore(`postgres:DATABASE_URL/${schema}`, urlEnv());
      try {
        const error = await failure(store.update('key', 'other', put({ digits: 6 })));
        expect([error.code, error.message]).toEqual(['E_STORE_FORMAT', line]);
      } finally {
        await store.close();
      }
      expect(await tables(schema)).toBe(before);
    });
  });

  describe('a user with the least rights', () => {
    it('works in a schema a DBA made for it (no CREATE on the database), and one without rights gets one line', async () => {
      const schema = freshSchema('dba');
      const password = randomBytes(12).toString('hex');
      const role = `app_${schemas}`;
      await server.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      await server.query(`CREATE SCHEMA "${schema}"`);
      await server.query(`GRANT USAGE, CREATE ON SCHEMA "${schema}" TO ${role}`);
      // As on PostgreSQL 15 and later by default: the role may not create schemas in the database.
      const may = await server.query(`SELECT has_database_privilege($1, 'totp', 'CREATE') AS may`, [role]);
      expect(may.rows).toEqual([{ may: false }]);
      const asRole = { DATABASE_URL: server.url.replace(`totp:${server.password}@`, `${role}:${password}@`) };
      const created = await cli(schema, ['key', 'create', 'npm-bot', '--from', 'env:SEED'], {
        ...asRole,
        SEED: encodeBase32(SEED),
      });
      expect(outcome(created)).toMatchObject({ status: 0 });
      expect((await cli(schema, ['key', 'list'], asRole)).stdout).toBe('npm-bot\n');

      // Another schema, where the role may not create anything: refused in one line, nothing made.
      const other = freshSchema('denied');
      const denied = await cli(other, ['key', 'list'], asRole);
      expect(outcome(denied)).toEqual({
        status: 3,
        stdout: '',
        stderr: `totp-kit: store postgres:DATABASE_URL/${other}: listing key records failed: PostgreSQL at 127.0.0.1:${server.port}/totp (from DATABASE_URL): permission denied (permission denied for database totp)\n`,
      });
      expect(denied.stderr).not.toContain(password);
    });
  });

  describe('the store key', () => {
    const keyed = (key = STORE_KEY, extra: Record<string, string> = {}) =>
      urlEnv({ SEED: encodeBase32(SEED), TOTP_KIT_STORE_KEY: key.toString('base64'), ...extra });

    it('seals every seed: none is in the tables in any form; the code comes out of the sealed seed', async () => {
      const schema = freshSchema('sealed');
      expect((await cli(schema, ['key', 'create', 'npm-bot', '--from', 'env:SEED'], keyed())).status).toBe(0);
      expect((await cli(schema, ['method', 'create', 'ops', '--issuer', 'Acme'], keyed())).status).toBe(0);
      const alice = await enroll(schema, 'ops', 'alice', keyed());
      const stored = await tables(schema);
      expect(stored).toContain('A256GCM');
      expectNoSeed(stored, [SEED, alice], `schema ${schema}`);
      expect(outcome(await cli(schema, ['key', 'code', 'npm-bot', '--at', String(T)], keyed()))).toEqual({
        status: 0,
        stdout: `${code(SEED, T)}\n`,
        stderr: '',
      });
      expect(outcome(await verify(schema, 'alice', code(alice, T), keyed()))).toEqual(valid);
    });

    it('refuses a wrong key and a missing one, and adopts a store written without one', async () => {
      const schema = freshSchema('keyed');
      const plain = urlEnv({ SEED: encodeBase32(SEED) });
      expect((await cli(schema, ['key', 'create', 'npm-bot', '--from', 'env:SEED'], plain)).status).toBe(0);
      const refusal = (line: string) => ({ status: 2, stdout: '', stderr: `totp-kit: TOTP_KIT_STORE_KEY: ${line}\n` });
      expect(outcome(await cli(schema, ['key', 'code', 'npm-bot', '--at', String(T)], keyed()))).toEqual(
        refusal(
          `is set, but the records of postgres:DATABASE_URL/${schema} are not authenticated by a store key (written without one, or by an older totp-kit) (allowed: check the store, then run one command with TOTP_KIT_STORE_ADOPT=1 to seal and authenticate its records; or unset TOTP_KIT_STORE_KEY)`,
        ),
      );

      const adopted = await cli(
        schema,
        ['key', 'code', 'npm-bot', '--at', String(T)],
        keyed(STORE_KEY, { TOTP_KIT_STORE_ADOPT: '1' }),
      );
      expect(outcome(adopted)).toMatchObject({ status: 0, stdout: `${code(SEED, T)}\n` });
      expectNoSeed(await tables(schema), SEED, `schema ${schema} once adopted`);
      expect((await cli(schema, ['key', 'code', 'npm-bot', '--at', String(T)], keyed())).stdout).toBe(
        `${code(SEED, T)}\n`,
      );

      expect(outcome(await cli(schema, ['key', 'code', 'npm-bot', '--at', String(T)], keyed(OTHER_KEY)))).toEqual(
        refusal(
          `is not the key postgres:DATABASE_URL/${schema} was written with (allowed: the key the store was written with)`,
        ),
      );
      expect(outcome(await cli(schema, ['key', 'code', 'npm-bot', '--at', String(T)], plain))).toEqual(
        refusal('is not set, but the seed of key "npm-bot" is encrypted (allowed: the key the store was written with)'),
      );
      const before = await tables(schema);
      expect(outcome(await cli(schema, ['key', 'create', 'other', '--from', 'env:SEED'], plain))).toEqual(
        refusal(
          `is not set, but postgres:DATABASE_URL/${schema} holds encrypted seeds (allowed: the key the store was written with)`,
        ),
      );
      expect(await tables(schema)).toBe(before);
    });
  });

  describe('the CLI', () => {
    const withSeed = () => urlEnv({ SEED: encodeBase32(SEED) });

    it('key create, verify once, the replay refused', async () => {
      const schema = freshSchema('cli_key');
      expect(outcome(await cli(schema, ['key', 'create', 'npm-bot', '--from', 'env:SEED'], withSeed()))).toEqual({
        status: 0,
        stdout: 'created key "npm-bot" (imported from env:SEED; SHA1, 6 digits, 30 s)\n',
        stderr: '',
      });
      const c = code(SEED, T);
      expect(outcome(await cli(schema, ['key', 'verify', 'npm-bot', '--code', c, '--at', String(T)]))).toEqual(valid);
      expect(outcome(await cli(schema, ['key', 'verify', 'npm-bot', '--code', c, '--at', String(T + 1)]))).toEqual(
        used,
      );
    });

    it('method create, enroll, verify once, the replay refused; a lockout after the maximum of failures', async () => {
      const schema = freshSchema('cli_method');
      const created = await cli(schema, [
        'method',
        'create',
        'ops',
        '--issuer',
        'Acme',
        '--max-validation-attempts',
        '2',
      ]);
      expect(outcome(created)).toEqual({
        status: 0,
        stdout: 'created MFA method "ops" (SHA1, 6 digits, 30 s)\n',
        stderr: '',
      });
      const alice = await enroll(schema, 'ops', 'alice');
      expect(outcome(await verify(schema, 'alice', code(alice, T)))).toEqual(valid);
      expect(outcome(await verify(schema, 'alice', code(alice, T)))).toEqual(used);

      const bob = await enroll(schema, 'ops', 'bob');
      const near = [-30, 0, 30].map((d) => code(bob, T + d));
      const wrong = ['000000', '111111', '222222', '333333'].find((c) => !near.includes(c)) as string;
      const refused = (why: string) => ({ status: 1, stdout: 'invalid\n', stderr: `totp-kit: ${why}\n` });
      expect(outcome(await verify(schema, 'bob', wrong))).toEqual(
        refused('invalid code (1 attempt left before a lockout)'),
      );
      expect(outcome(await verify(schema, 'bob', wrong))).toEqual(
        refused('invalid code (0 attempts left before a lockout)'),
      );
      expect(outcome(await verify(schema, 'bob', code(bob, T)))).toEqual(
        refused('too many failed attempts; try again in 30 s'),
      );
    });

    it('code --lease twice: two different steps, the lease kept as one row without the seed', async () => {
      const schema = freshSchema('cli_lease');
      const now = T + 15;
      const lease = async () => {
        const clock = fakeClock(now);
        const r = await runInProcess(
          ['--store', `postgres:DATABASE_URL/${schema}`, 'code', '--from', 'env:SEED', '--lease', '--json'],
          { env: withSeed(), now: clock.now, sleep: clock.sleep },
        );
        expectNoSeedInCli(r, seeds, 'code --lease');
        expect(r.status, r.stderr).toBe(0);
        return { ...(JSON.parse(r.stdout) as { code: string; step: number }), waits: clock.waits };
      };
      const step = Math.floor(now / 30);
      const first = await lease();
      const second = await lease();
      expect(first).toMatchObject({ step, code: code(SEED, step * 30), waits: [] });
      expect(second).toMatchObject({ step: step + 1, code: code(SEED, (step + 1) * 30), waits: [15] });
      const rows = await server.query(`SELECT kind, record FROM "${schema}".records`);
      expect(rows.rows).toEqual([{ kind: 'lease', record: expect.objectContaining({ lastStep: step + 1 }) }]);
      expectNoSeed(JSON.stringify(rows.rows), SEED, 'the lease row');
    });

    it('TOTP_KIT_STORE=postgres: connects with the PG* variables alone, into schema totp_kit', async () => {
      const env = { ...server.env, TOTP_KIT_STORE: 'postgres:', SEED: encodeBase32(SEED) };
      const run = (args: string[]) => runInProcess(args, { env, now: T });
      expect((await run(['key', 'create', 'pg-vars', '--from', 'env:SEED'])).status).toBe(0);
      expect(outcome(await run(['key', 'code', 'pg-vars', '--at', String(T)]))).toEqual({
        status: 0,
        stdout: `${code(SEED, T)}\n`,
        stderr: '',
      });
      const rows = await server.query('SELECT kind, id FROM totp_kit.records');
      expect(rows.rows).toEqual([{ kind: 'key', id: 'pg-vars' }]);
    });
  });

  /**
   * The action verifying alice's code twice through `run` (in-process, or the bundle as a runner runs it):
   * valid once, then refused as used. `at` is when the code is made (the bundle runs on the real clock).
   */
  async function actionVerifiesOnce(
    prefix: string,
    at: number,
    run: (inputs: Record<string, string>) => Promise<ActionRun>,
  ): Promise<void> {
    const schema = freshSchema(prefix);
    expect((await cli(schema, ['method', 'create', 'ops', '--issuer', 'Acme'])).status).toBe(0);
    const alice = await enroll(schema, 'ops', 'alice');
    const inputs = { mode: 'verify', store: `postgres:DATABASE_URL/${schema}`, method: 'ops', entity: 'alice' };
    const given = { ...inputs, code: code(alice, at) };
    const first = await run(given);
    expect([first.exitCode, first.outputs.valid, first.errors], first.stdout).toEqual([0, 'true', []]);
    const again = await run(given);
    expect([again.exitCode, again.outputs.valid, again.errors]).toEqual([
      1,
      'false',
      ['code: code already used; wait for the next code'],
    ]);
    for (const r of [first, again]) {
      expectNoSeedInAction(r, seeds);
      expect(`${r.stdout}${r.stderr}${r.summary}`).not.toContain(server.password);
    }
  }

  it('the action: mode verify with store postgres:DATABASE_URL/…, valid once, then the replay invalid', async () => {
    await actionVerifiesOnce('action', T, (inputs) => runActionInProcess({ inputs, env: urlEnv(), now: T }));
  });

  it('the action bundle, run as a runner runs it (dist/index.js): valid once, then the replay invalid', async () => {
    // The bundle runs on the real clock; the method's skew of 1 step keeps the code good across a step boundary.
    await actionVerifiesOnce('bundle', Date.now() / 1000, (inputs) => runAction({ inputs, env: urlEnv() }));
  });

  describe('the library', () => {
    const increment = (current: StoreRecord | undefined) => {
      const counter = ((current?.counter as number | undefined) ?? 0) + 1;
      return { result: counter, next: { counter } };
    };

    it('openStore and close(): after close, use is refused with one line', async () => {
      const schema = freshSchema('closed');
      const store = await openStore(`postgres:DATABASE_URL/${schema}`, urlEnv());
      await store.update('key', 'a', put({ digits: 6 }));
      await store.close();
      for (const use of [store.get('key', 'a'), store.list('key'), store.update('key', 'a', put(null))]) {
        const error = await failure(use);
        expect([error.kind, error.code, error.message]).toEqual([
          'backend',
          'E_STORE_BACKEND',
          `store postgres:DATABASE_URL/${schema}: used after close()`,
        ]);
      }
      await store.close(); // twice is harmless
      expect((await server.query(`SELECT record FROM "${schema}".records`)).rows).toEqual([{ record: { digits: 6 } }]);
    });

    it('loses no update when 50 run at once on one store object (more than its pool holds)', async () => {
      const store = await openStore(`postgres:DATABASE_URL/${freshSchema('pool')}`, urlEnv());
      try {
        const results = await Promise.all(
          Array.from({ length: 50 }, () => store.update('enrollment', 'ops/alice', increment)),
        );
        expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(await store.get('enrollment', 'ops/alice')).toEqual({ counter: 50 });
      } finally {
        await store.close();
      }
    });

    it('keeps working, on the same store object, after the server restarts; and after a crash, keeps what it committed', async () => {
      const schema = freshSchema('restart');
      const store = await openStore(`postgres:DATABASE_URL/${schema}`, urlEnv());
      try {
        // Several idle connections in the pool, all of which the restart ends.
        await Promise.all(Array.from({ length: 5 }, () => store.update('enrollment', 'ops/alice', increment)));
        await server.restart();
        expect(await store.update('enrollment', 'ops/alice', increment)).toBe(6);
        expect(await store.get('enrollment', 'ops/alice')).toEqual({ counter: 6 });

        await Promise.all(Array.from({ length: 5 }, (_, i) => store.update('key', `k${i}`, put({ i }))));
        await server.kill();
        await server.restart();
        expect(await store.list('key')).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
        expect(await store.update('enrollment', 'ops/alice', increment)).toBe(7);
      } finally {
        await store.close();
      }
    });
  });

  describe('the connection lost in the middle of a verify (a proxy between the CLI and the server)', () => {
    const unknown = `was lost while the write was under way, so whether it was recorded is unknown; it was not retried (a code it accepted stays used: ask for the next code)`;
    const cases = [
      {
        when: 'the write sent, its answer lost',
        cut: (schema: string) => `totp-kit "${schema}" update-if\0`,
        forward: true,
        contention: false,
      },
      {
        // Nothing was written, so the update runs again on a fresh connection (a pooled connection that died).
        when: 'lost before the write (on the read): decided again on a fresh connection',
        cut: (schema: string) => `totp-kit "${schema}" read\0`,
        forward: false,
        contention: false,
        rerun: true,
      },
      {
        // COMMIT without parameters goes as a simple query: 'Q', its length (4 + 7), the text and a NUL.
        when: 'under contention (the row-locked transaction): COMMIT sent, its answer lost',
        cut: () => 'Q\0\0\0\x0bCOMMIT\0',
        forward: true,
        contention: true,
      },
      {
        when: 'under contention: lost before COMMIT (the UPDATE dropped)',
        cut: (schema: string) => `totp-kit "${schema}" update\0`,
        forward: false,
        contention: true,
      },
    ];

    it.each(cases)('$when', async ({ cut, forward, contention, rerun }) => {
      const schema = freshSchema('cut');
      expect((await cli(schema, ['method', 'create', 'ops', '--issuer', 'Acme'])).status).toBe(0);
      const alice = await enroll(schema, 'ops', 'alice');
      const proxy = await startProxy({ port: server.port });
      const through = { DATABASE_URL: server.url.replace(`:${server.port}/`, `:${proxy.port}/`) };
      const version = async () =>
        Number(
          (await server.query(`SELECT version FROM "${schema}".records WHERE kind = 'enrollment'`)).rows[0]?.version,
        );
      const other = new pg.Client({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
        database: server.database,
      });
      try {
        const before = await version();
        // Settles once the cut is made and, forwarded, the server has acted on what it got.
        const cutDone = proxy.cutWhenClientSends(cut(schema), { forward });
        const c = code(alice, T);
        let outcomeOf: Promise<InProcessRun>;
        if (contention) {
          // Another writer holds alice's row, changed: the verify's conditional write waits for it, finds the
          // version moved on, and decides again in a transaction under the row lock.
          await other.connect();
          await other.query('BEGIN');
          await other.query(`UPDATE "${schema}".records SET version = version + 1 WHERE kind = 'enrollment'`);
          outcomeOf = verify(schema, 'alice', c, through);
          let settled = false;
          const settle = () => {
            settled = true;
          };
          void outcomeOf.then(settle, settle);
          const waiting = async () =>
            (await other.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted')).rows[0]?.n;
          // Until the verify waits for the row (or, failing that, has ended: its outcome then tells why).
          while (!settled && (await waiting()) === 0);
          await other.query('COMMIT');
        } else {
          outcomeOf = verify(schema, 'alice', c, through);
        }
        const r = outcome(await outcomeOf);
        await cutDone;
        const moved = contention ? 1 : 0;
        const prefix = `totp-kit: store postgres:DATABASE_URL/${schema}: update of enrollment "ops/alice"`;
        const at = `PostgreSQL at 127.0.0.1:${proxy.port}/totp`;
        if (rerun) {
          expect(r).toEqual(valid);
          expect(await version()).toBe(before + 1);
          expect(outcome(await verify(schema, 'alice', c))).toEqual(used);
        } else if (forward) {
          expect(r).toEqual({ status: 3, stdout: '', stderr: `${prefix}: the connection to ${at} ${unknown}\n` });
          expect(await version()).toBe(before + moved + 1);
          expect(outcome(await verify(schema, 'alice', c))).toEqual(used);
        } else {
          expect(r).toEqual({
            status: 3,
            stdout: '',
            stderr: `${prefix} failed: the connection to ${at} (from DATABASE_URL) was lost (closed); nothing was recorded\n`,
          });
          expect(await version()).toBe(before + moved);
          expect(outcome(await verify(schema, 'alice', c))).toEqual(valid);
          expect(outcome(await verify(schema, 'alice', c))).toEqual(used);
        }
      } finally {
        await other.end().catch(() => undefined);
        await proxy.close();
      }
    });
  });

  describe('not getting in: one line, exit 3 (the server) or 2 (the reference), never the password or the URL', () => {
    /** A loopback port nobody listens on. */
    async function closedPort(): Promise<number> {
      const listener = createServer();
      await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
      const { port } = listener.address() as { port: number };
      await new Promise((resolve) => listener.close(resolve));
      return port;
    }
    const url = (o: { password?: string; port?: number; database?: string }) =>
      `postgres://totp:${o.password ?? server.password}@127.0.0.1:${o.port ?? server.port}/${o.database ?? 'totp'}`;

    it('a wrong password, an unreachable server, a missing database', async () => {
      const wrongPassword = randomBytes(12).toString('hex');
      const port = await closedPort();
      const cases = [
        [
          { DATABASE_URL: url({ password: wrongPassword }) },
          `PostgreSQL at 127.0.0.1:${server.port}/totp (from DATABASE_URL) refused the login (password authentication failed for user "totp"): check the user and password in DATABASE_URL`,
        ],
        [
          { DATABASE_URL: url({ port }) },
          `PostgreSQL at 127.0.0.1:${port}/totp (from DATABASE_URL) refused the connection (is the server running, on that port?)`,
        ],
        [
          { DATABASE_URL: url({ database: 'nope' }) },
          `PostgreSQL at 127.0.0.1:${server.port}/nope (from DATABASE_URL): the database does not exist (create it, or name another in DATABASE_URL)`,
        ],
      ] as const;
      for (const [env, why] of cases) {
        const r = await cli('unused', ['key', 'list'], env);
        expect(outcome(r)).toEqual({
          status: 3,
          stdout: '',
          stderr: `totp-kit: store postgres:DATABASE_URL/unused: listing key records failed: ${why}\n`,
        });
        expect(r.stderr).not.toContain(wrongPassword);
      }
    });

    it('an unset variable, and a URL given as the reference (--store or TOTP_KIT_STORE)', async () => {
      expect(outcome(await cli('unused', ['key', 'list'], {}))).toEqual({
        status: 2,
        stdout: '',
        stderr:
          'totp-kit: DATABASE_URL: is not set; store postgres:DATABASE_URL/unused reads its connection URL from it (allowed: DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE)\n',
      });
      const given = url({});
      for (const [args, env, label] of [
        [['--store', given, 'key', 'list'], {}, '--store'],
        [['key', 'list'], { TOTP_KIT_STORE: given }, 'TOTP_KIT_STORE'],
      ] as const) {
        const r = await runInProcess(args, { env, now: T });
        expect(outcome(r)).toEqual({
          status: 2,
          stdout: '',
          stderr: `totp-kit: ${label}: postgres: takes the name of an environment variable that holds the connection URL, never the URL itself (allowed: postgres:DATABASE_URL, with DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE in the environment)\n`,
        });
      }
    });
  });
});
