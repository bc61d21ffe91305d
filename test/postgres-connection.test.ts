// What a `postgres:` reference means and how the store's failures read, without a server: the reference's
// grammar, the connection settings taken from the environment, and the one line each driver or server error
// becomes (never the URL or its password). The same lines against a real server: test/postgres-store.test.ts.
import { describe, expect, it } from 'vitest';
import { TotpKitError } from '../src/core/errors.js';
import { type PostgresRef, postgresFailure, postgresTarget } from '../src/stores/postgres-connection.js';
import { resolveStoreRef } from '../src/stores/store-ref.js';

const PASSWORD = 'pw-0f3c9a1e77d2';
const URL_TEXT = `postgres://totp:${PASSWORD}@db.internal:6543/app`;

function refOf(reference: string): PostgresRef {
  const ref = resolveStoreRef(reference, {});
  if (ref.kind !== 'postgres') throw new Error(`${reference} is not a postgres: reference`);
  return ref;
}

function refusal(run: () => unknown): TotpKitError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TotpKitError);
    return e as TotpKitError;
  }
  throw new Error('not refused');
}

describe('postgres: references', () => {
  it('names a variable and a schema, the schema totp_kit by default, the PG* variables when bare', () => {
    expect(refOf('postgres:DATABASE_URL')).toEqual({
      kind: 'postgres',
      variable: 'DATABASE_URL',
      schema: 'totp_kit',
      reference: 'postgres:DATABASE_URL',
    });
    expect(refOf('postgres:DATABASE_URL/ci_totp')).toMatchObject({ variable: 'DATABASE_URL', schema: 'ci_totp' });
    expect(refOf('postgres:')).toEqual({ kind: 'postgres', schema: 'totp_kit', reference: 'postgres:' });
    expect(refOf('postgres:/team_b')).toEqual({ kind: 'postgres', schema: 'team_b', reference: 'postgres:/team_b' });
  });

  it.each([
    [`postgres:${URL_TEXT.slice('postgres:'.length)}`, 'never the URL itself'],
    [`postgres:totp:${PASSWORD}@db/app`, 'never the URL itself'],
    ['postgres:host=db password=x', 'never the URL itself'],
    ['postgres:DATABASE-URL', 'needs an environment variable name ("DATABASE-URL")'],
    ['postgres:DATABASE_URL/Ci', 'schema "Ci" is not a schema name'],
    ['postgres:DATABASE_URL/', 'schema "" is not a schema name'],
    ['postgresql:DATABASE_URL', 'postgresql: is not a store scheme'],
  ])('refuses %s in one line (exit 2), repeating no URL', (reference, words) => {
    const e = refusal(() => resolveStoreRef(reference, {}, '--store'));
    expect([e.kind, e.code]).toEqual(['bad-input', 'E_STORE_REF']);
    expect(e.message).toContain(words);
    expect(e.message.startsWith('--store: ')).toBe(true);
    expect(e.message).not.toContain(PASSWORD);
    expect(e.message.split('\n')).toHaveLength(1);
  });
});

describe('the connection, from the environment', () => {
  it('takes the URL from the named variable and describes the server without user or password', () => {
    const target = postgresTarget(refOf('postgres:DATABASE_URL'), { DATABASE_URL: URL_TEXT });
    expect(target).toEqual({
      config: { connectionString: URL_TEXT },
      where: 'db.internal:6543/app',
      from: 'DATABASE_URL',
    });
  });

  it("takes libpq's variables for a bare postgres:, with libpq's defaults and sslmode", () => {
    const env = { PGHOST: 'db', PGUSER: 'ci', PGPASSWORD: PASSWORD, PGSSLMODE: 'verify-full' };
    expect(postgresTarget(refOf('postgres:'), env)).toEqual({
      config: {
        host: 'db',
        port: 5432,
        database: 'ci',
        user: 'ci',
        password: PASSWORD,
        ssl: { rejectUnauthorized: true },
      },
      where: 'db:5432/ci',
      from: 'the PG* variables',
    });
    expect(postgresTarget(refOf('postgres:'), { PGUSER: 'ci', PGSSLMODE: 'require' }).config.ssl).toEqual({
      rejectUnauthorized: false,
    });
  });

  it.each([
    [{}, 'DATABASE_URL: is not set; store postgres:DATABASE_URL reads its connection URL from it'],
    [{ DATABASE_URL: `not a url ${PASSWORD}` }, 'DATABASE_URL: is not a connection URL'],
    [{ DATABASE_URL: `mysql://totp:${PASSWORD}@db/app` }, 'DATABASE_URL: is not a PostgreSQL connection URL'],
  ])('refuses an environment that says no server (%#), never repeating the variable', (env, words) => {
    const e = refusal(() => postgresTarget(refOf('postgres:DATABASE_URL'), env));
    expect([e.kind, e.code]).toEqual(['bad-input', 'E_STORE_REF']);
    expect(e.message.startsWith(words)).toBe(true);
    expect(e.message).not.toContain(PASSWORD);
  });

  it('refuses a PGPORT that is not a port', () => {
    expect(refusal(() => postgresTarget(refOf('postgres:'), { PGPORT: '54x' })).message).toBe(
      'PGPORT: is not a port number (allowed: a whole number from 1 to 65535)',
    );
  });
});

describe("the store's failures, one line each", () => {
  const target = postgresTarget(refOf('postgres:DATABASE_URL'), { DATABASE_URL: URL_TEXT });
  const line = (error: unknown) => postgresFailure('postgres:DATABASE_URL', target, 'update of key "bot"', error);
  const prefix =
    'store postgres:DATABASE_URL: update of key "bot" failed: PostgreSQL at db.internal:6543/app (from DATABASE_URL)';

  it.each([
    [
      { code: '28P01', message: 'password authentication failed for user "totp"' },
      ' refused the login (password authentication failed for user "totp"): check the user and password in DATABASE_URL',
    ],
    [
      { code: '3D000', message: 'database "app" does not exist' },
      ': the database does not exist (create it, or name another in DATABASE_URL)',
    ],
    [
      { code: '55P03', message: 'canceling statement due to lock timeout' },
      ": another connection held the record's lock too long (lock_timeout); try again",
    ],
    [
      { code: '57014', message: 'canceling statement due to statement timeout' },
      ': the statement ran too long and was canceled (statement_timeout)',
    ],
    [
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
      ' refused the connection (is the server running, on that port?)',
    ],
    [
      { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db.internal' },
      ': the host name does not resolve (ENOTFOUND)',
    ],
    [new Error('Connection terminated unexpectedly'), '' /* the connection lost: see below */],
  ])('%o', (error, rest) => {
    const e = line(error);
    expect([e.kind, e.code]).toEqual(['backend', 'E_STORE_BACKEND']);
    if (rest === '') {
      expect(e.message).toBe(
        'store postgres:DATABASE_URL: update of key "bot" failed: the connection to PostgreSQL at db.internal:6543/app (from DATABASE_URL) was lost (closed)',
      );
    } else {
      expect(e.message).toBe(`${prefix}${rest}`);
    }
  });

  it("repeats a server's message only when it cannot carry a value of ours", () => {
    expect(line({ code: '22P02', message: 'invalid input syntax for type json' }).message).toBe(
      `${prefix} answered 22P02 (invalid input syntax for type json)`,
    );
    expect(line({ code: '23514', message: `value ${'A'.repeat(32)} violates a check` }).message).toBe(
      `${prefix} answered 23514 (message withheld)`,
    );
  });

  it('passes on its own errors as they are', () => {
    const own = new TotpKitError('backend', 'E_STORE_CORRUPT', 'store x: damaged');
    expect(line(own)).toBe(own);
  });
});
