// The helpers the PostgreSQL suites stand on, against a real server: the server the tests start themselves
// (test/helpers/postgres-server.mjs) and the loopback proxy that cuts a connection at a chosen message
// (test/helpers/tcp-proxy.ts). Skipped, loudly, where no PostgreSQL server binaries are installed.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, type PostgresServer, startPostgres } from './helpers/postgres-server.mjs';
import { startProxy } from './helpers/tcp-proxy.js';

const FOUND = findPostgres();
const MAJOR = 'missing' in FOUND ? undefined : FOUND.major;
if ('missing' in FOUND) {
  console.warn(`\n*** WARNING: ${FOUND.missing}: the PostgreSQL tests are SKIPPED ***\n`);
}

describe.skipIf('missing' in FOUND)('a PostgreSQL server started by the tests', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    const dataDir = server?.dataDir;
    await server?.stop();
    if (dataDir !== undefined) expect(existsSync(dataDir)).toBe(false);
  });

  /** A client of our own, as the store is: from the env or url the server gives, possibly via a proxy. */
  async function connect(config: pg.ClientConfig = { connectionString: server.url }): Promise<pg.Client> {
    const client = new pg.Client(config);
    client.on('error', () => {}); // a cut connection also errors the idle client; the query's rejection is what counts
    await client.connect();
    return client;
  }

  it('answers on 127.0.0.1 as the superuser totp, in database totp, with the settings for tests', async () => {
    const { rows } = await server.query(
      `select 1 as one, inet_server_addr()::text as addr, inet_server_port() as port, current_user as "user",
              current_database() as db, current_setting('server_version_num')::int / 10000 as major,
              current_setting('fsync') as fsync, current_setting('max_connections') as max`,
    );
    expect(rows).toEqual([
      {
        one: 1,
        addr: '127.0.0.1/32',
        port: server.port,
        user: 'totp',
        db: 'totp',
        major: MAJOR,
        fsync: 'off',
        max: '200',
      },
    ]);
    expect(server.url).toBe(`postgres://totp:${server.password}@127.0.0.1:${server.port}/totp`);
    // The libpq variables reach the same server: pg reads the same names.
    const { PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE } = server.env;
    const client = await connect({
      host: PGHOST,
      port: Number(PGPORT),
      user: PGUSER,
      password: PGPASSWORD,
      database: PGDATABASE,
    });
    try {
      expect((await client.query('select current_database() as db')).rows).toEqual([{ db: 'totp' }]);
    } finally {
      await client.end();
    }
  });

  it('refuses a wrong password (28P01) on TCP', async () => {
    const client = new pg.Client({ connectionString: server.url.replace(server.password, 'not-the-password') });
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('keeps committed data across restart() and across kill() then restart(), on the same port', async () => {
    await server.query('create table kept (id int primary key)');
    await server.query('insert into kept values (1)');
    const port = server.port;
    await server.restart();
    await server.query('insert into kept values (2)');
    await server.kill();
    await expect(server.query('select 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await server.restart();
    expect(server.port).toBe(port);
    expect((await server.query('select id from kept order by id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  describe('through the proxy', () => {
    let proxy: Awaited<ReturnType<typeof startProxy>>;
    beforeAll(async () => {
      proxy = await startProxy({ port: server.port });
      await server.query('create table cut (id int primary key)');
    });
    afterAll(() => proxy?.close());

    const viaProxy = () =>
      connect({ host: '127.0.0.1', port: proxy.port, user: 'totp', password: server.password, database: 'totp' });

    it('relays queries', async () => {
      const before = proxy.connections;
      const client = await viaProxy();
      try {
        expect((await client.query('select $1::text as echo', ['through'])).rows).toEqual([{ echo: 'through' }]);
      } finally {
        await client.end();
      }
      expect(proxy.connections).toBe(before + 1);
    });

    /** Inserts `id` in a transaction through the proxy, armed to cut at its COMMIT; returns the COMMIT's error. */
    async function commitCut(id: number, forward: boolean): Promise<unknown> {
      const client = await viaProxy();
      await client.query('begin');
      await client.query('insert into cut values ($1)', [id]);
      const cut = proxy.cutWhenClientSends('COMMIT', { forward });
      const error = await client.query('COMMIT').then(
        () => undefined,
        (e: unknown) => e,
      );
      await cut;
      await client.end().catch(() => {});
      return error;
    }

    it('with forward: the client loses its COMMIT, which the server carried out', async () => {
      const error = await commitCut(1, true);
      expect(String(error)).toMatch(/Connection terminated unexpectedly|ECONNRESET/);
      expect((await server.query('select id from cut where id = 1')).rows).toEqual([{ id: 1 }]);
    });

    it('without forward: the COMMIT never reaches the server; the transaction is rolled back', async () => {
      const error = await commitCut(2, false);
      expect(String(error)).toMatch(/Connection terminated unexpectedly|ECONNRESET/);
      // Waits for the cut transaction to end, then succeeds only if it did not commit id 2.
      await server.query('insert into cut values (2)');
      // One-shot: the next connection relays normally.
      const client = await viaProxy();
      try {
        expect((await client.query('select count(*)::int as n from cut where id = 2')).rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end();
      }
    });
  });
});
