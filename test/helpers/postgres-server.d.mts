// Types of postgres-server.mjs (plain JavaScript so the bench can import it too).
import type { QueryResult, QueryResultRow } from 'pg';

/** The server binaries found, or why there are none (the PostgreSQL suites then skip, loudly). */
export type PostgresFound = { bin: string; version: string; major: number } | { missing: string };

/**
 * The newest PostgreSQL server installed (PATH's wins a tie; else /usr/lib/postgresql/N/bin or /usr/pgsql-N/bin),
 * or one line saying why none can be started. Asked once per process.
 */
export function findPostgres(): PostgresFound;

export interface PostgresServerOptions {
  /**
   * Keep PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on, shared_buffers 128MB):
   * for measurements, where a commit's WAL flush is part of every verify. Tests leave it off: fsync and
   * full_page_writes off, shared_buffers 32MB. synchronous_commit stays on, so a commit reaches the OS before
   * it is acknowledged: kill() loses no committed transaction (only an OS crash would).
   * @default false
   */
  readonly durable?: boolean;
  /** More server settings (`-c name=value`), applied last, e.g. `{ shared_buffers: '256MB' }`. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  /** A fixed port instead of a free one the OS picks. */
  readonly port?: number;
  /** Deadline of each step (initdb, start, stop) in milliseconds. @default 60000 */
  readonly timeoutMs?: number;
}

/** A running server on 127.0.0.1 with a superuser `totp` (random password) and a database `totp`. */
export interface PostgresServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: 'totp';
  readonly password: string;
  readonly database: 'totp';
  /** The data folder; the unix socket is in it too (trusted, no password). */
  readonly dataDir: string;
  /** The standard libpq variables for this server. */
  readonly env: {
    readonly PGHOST: string;
    readonly PGPORT: string;
    readonly PGUSER: string;
    readonly PGPASSWORD: string;
    readonly PGDATABASE: string;
  };
  /** `postgres://totp:PASSWORD@127.0.0.1:PORT/totp` */
  readonly url: string;
  /** Runs SQL as the superuser on a connection of its own, over TCP. */
  query<R extends QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** The last lines the server logged, for a failing test's message. */
  logTail(lines?: number): string;
  /** Fast shutdown (SIGINT: sessions are ended, transactions rolled back), then the folder is removed. */
  stop(): Promise<void>;
  /** Fast shutdown and start again on the same port and data; after kill(), with crash recovery. */
  restart(): Promise<void>;
  /** SIGKILLs the server and all its processes, as a crash would; restart() brings it back. */
  kill(): Promise<void>;
}

/** initdb into a fresh temporary folder, then the server in the foreground, ready to accept connections. */
export function startPostgres(options?: PostgresServerOptions): Promise<PostgresServer>;
