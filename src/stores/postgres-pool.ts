/**
 * The connections of a `postgres:` store and how statements run on them: a pool made on first use (the driver,
 * `pg`, is loaded then), the schema checked once per pool, one statement or one transaction at a time, and every
 * failure turned into one line (postgres-connection.ts). What a lost connection means is decided here: a read
 * runs again once on a fresh connection; a transaction lost before COMMIT recorded nothing; a write or COMMIT
 * lost while under way has an unknown outcome and is never run again.
 */
import { TotpKitError } from '../core/errors.js';
import { isConnectionError, isRetryable, type PostgresTarget, postgresFailure } from './postgres-connection.js';
import { migrate, type Tables } from './postgres-schema.js';

type Pg = typeof import('pg');
type Pool = import('pg').Pool;
export type PoolClient = import('pg').PoolClient;

/** A named (server-side prepared) statement: parsed once per connection. */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

/** How many times an update runs again after serialization failures, deadlocks or losing a create. */
const MAX_ATTEMPTS = 10;
/** Jittered backoff between those attempts, in ms. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 200;
/** Connections one store object keeps: a CLI run uses one; a long-lived process may overlap updates. */
const POOL_MAX = 10;
/** How long a lock or a statement may wait before the update fails rather than hangs. */
const LOCK_TIMEOUT_MS = 10_000;
const STATEMENT_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** Thrown inside a transaction to roll it back and run the update again. */
export class Again extends Error {}

/** What the change function of an update threw: passed on as it is, after the rollback. */
export class FromChange {
  constructor(readonly error: unknown) {}
}

/** The connections of one store object. */
export class PostgresPool {
  readonly #reference: string;
  readonly #target: PostgresTarget;
  readonly #tables: Tables;
  #pool: Promise<Pool> | undefined;
  /** The schema made or checked, once per pool. */
  #ready: Promise<void> | undefined;
  #closed = false;

  constructor(reference: string, target: PostgresTarget, tables: Tables) {
    this.#reference = reference;
    this.#target = target;
    this.#tables = tables;
  }

  /** Ends the connections; nothing can be run afterwards. */
  async close(): Promise<void> {
    this.#closed = true;
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool) await (await pool.catch(() => undefined))?.end();
  }

  #failure(doing: string, error: unknown): TotpKitError {
    return postgresFailure(this.#reference, this.#target, doing, error);
  }

  async #connect(): Promise<Pool> {
    if (this.#closed) {
      throw new TotpKitError('backend', 'E_STORE_BACKEND', `store ${this.#reference}: used after close()`);
    }
    this.#pool ??= import('pg').then((module) => {
      const pg = ((module as unknown as { default?: Pg }).default ?? module) as Pg;
      const pool = new pg.Pool({
        ...this.#target.config,
        max: POOL_MAX,
        allowExitOnIdle: true,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        lock_timeout: LOCK_TIMEOUT_MS,
        statement_timeout: STATEMENT_TIMEOUT_MS,
        application_name: 'totp-kit',
      });
      // An idle connection that the server closes (a restart) reports here; the pool drops it and connects anew.
      pool.on('error', () => undefined);
      // A connection lost while a client is checked out fails its query, which reports it; the client also
      // emits 'error', which without a listener would end the process with a stack trace instead of exit 3.
      pool.on('connect', (client) => client.on('error', () => undefined));
      return pool;
    });
    return this.#pool;
  }

  /** A connection from the pool, the schema checked. */
  async client(doing: string): Promise<PoolClient> {
    const pool = await this.#connect();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw this.#failure(doing, e);
    }
    try {
      this.#ready ??= migrate(client, this.#tables, this.#reference).catch((e: unknown) => {
        this.#ready = undefined;
        throw e;
      });
      await this.#ready;
    } catch (e) {
      client.release(isConnectionError(e));
      throw this.#failure(doing, e);
    }
    return client;
  }

  /** One statement outside a transaction. */
  async query<R extends object>(doing: string, sql: string | Statement, params: unknown[]): Promise<R[]> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.client(doing);
      let broken = false;
      try {
        return (await client.query<R>(typeof sql === 'string' ? { text: sql } : sql, params)).rows;
      } catch (e) {
        broken = isConnectionError(e);
        // A read may run again: once, on a fresh connection, when a pooled one turned out to be dead.
        if (!broken || attempt > 1) throw this.#failure(doing, e);
      } finally {
        client.release(broken);
      }
    }
  }

  /**
   * Runs `work` in a transaction, again (from BEGIN) when it throws Again or the server rolls it back for a
   * serialization failure or deadlock. A connection lost before COMMIT means nothing was written; lost during
   * COMMIT, the outcome is unknown and said so.
   */
  async transaction<T>(doing: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.client(doing);
      let stage: 'begin' | 'work' | 'commit' = 'begin';
      let broken = false;
      try {
        await client.query('BEGIN');
        stage = 'work';
        const result = await work(client);
        stage = 'commit';
        await client.query('COMMIT');
        return result;
      } catch (e) {
        broken = isConnectionError(e);
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        if (e instanceof FromChange || e instanceof TotpKitError) throw e;
        const again = e instanceof Again || isRetryable(e) || (broken && stage === 'begin' && attempt === 1);
        if (!again || attempt >= MAX_ATTEMPTS) throw this.transactionFailure(doing, e, broken ? stage : undefined);
      } finally {
        client.release(broken);
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)),
      );
    }
  }

  /**
   * The one line for an update that failed: other writers kept winning (E_STORE_CONFLICT); the connection lost
   * (`lostAt`) while the write or COMMIT was under way (E_STORE_OUTCOME_UNKNOWN), or before it (nothing was
   * recorded); else the server's failure.
   */
  transactionFailure(doing: string, error: unknown, lostAt: 'begin' | 'work' | 'commit' | undefined): TotpKitError {
    if (error instanceof Again || isRetryable(error)) {
      return new TotpKitError(
        'backend',
        'E_STORE_CONFLICT',
        `store ${this.#reference}: ${doing} failed: other writers changed it first ${MAX_ATTEMPTS} times in a row; try again`,
      );
    }
    if (lostAt === 'commit') {
      return new TotpKitError(
        'backend',
        'E_STORE_OUTCOME_UNKNOWN',
        `store ${this.#reference}: ${doing}: the connection to PostgreSQL at ${this.#target.where} was lost while the write was under way, so whether it was recorded is unknown; it was not retried (a code it accepted stays used: ask for the next code)`,
      );
    }
    if (lostAt !== undefined) {
      const failure = this.#failure(doing, error);
      return new TotpKitError('backend', failure.code, `${failure.message}; nothing was recorded`);
    }
    return this.#failure(doing, error);
  }
}
