/**
 * Where a `postgres:` store connects, and how its failures read. The connection always comes from the
 * environment: `postgres:VAR` reads a connection URL from the variable VAR (`postgres:DATABASE_URL`), a bare
 * `postgres:` uses libpq's standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE;
 * ~/.pgpass when there is no password). The reference names only the variable, so no password reaches argv,
 * synthesized Terraform JSON, logs or messages; a message names the variable, the host, port and database,
 * never the URL.
 */
import type { ClientConfig } from 'pg';
import { badInput, isSafeToPrint, type Problem, TotpKitError } from '../core/errors.js';

/** A parsed `postgres:` reference. */
export interface PostgresRef {
  /** Always `postgres`. */
  readonly kind: 'postgres';
  /** The variable holding the connection URL; undefined: the PG* variables. */
  readonly variable?: string;
  /** The schema the store's tables live in. */
  readonly schema: string;
  /** The reference as given, safe to print: it names the variable, never the URL. */
  readonly reference: string;
}

/** The schema of a reference that names none. */
export const DEFAULT_SCHEMA = 'totp_kit';
export const POSTGRES_ALLOWED =
  'postgres:VAR (VAR holds the connection URL), postgres: (the PG* variables), either with /SCHEMA';
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Lower case only, so the name needs no quoting rules of its own: it is quoted anyway. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Parses what follows `postgres:`. A URL there is refused without being repeated: it would carry a password
 * into process lists, shell history and Terraform files.
 * @throws TotpKitError (bad-input) E_STORE_REF
 */
export function parsePostgresRef(rest: string, reference: string, label: string): PostgresRef {
  const url = urlProblem(rest, label);
  if (url) throw refused(url);
  const slash = rest.indexOf('/');
  const variable = slash < 0 ? rest : rest.slice(0, slash);
  const schema = slash < 0 ? DEFAULT_SCHEMA : rest.slice(slash + 1);
  const problem = postgresVariableProblem(variable, label) ?? postgresSchemaProblem(schema, label);
  if (problem) throw refused(problem);
  return { kind: 'postgres', ...(variable === '' ? {} : { variable }), schema, reference };
}

/**
 * What is wrong with the name of the variable a `postgres:` store reads its URL from ('' for the PG* variables),
 * or undefined; `label` names the setting (the constructs' `urlVariable`). A URL is refused without being repeated.
 */
export function postgresVariableProblem(variable: string, label: string): Problem | undefined {
  const url = urlProblem(variable, label);
  if (url || variable === '' || VARIABLE.test(variable)) return url;
  const shown = isSafeToPrint(variable, 'name') ? ` (${JSON.stringify(variable)})` : '';
  return { setting: label, problem: `postgres: needs an environment variable name${shown}`, allowed: POSTGRES_ALLOWED };
}

/** What is wrong with the schema of a `postgres:` store, or undefined; `label` names the setting. */
export function postgresSchemaProblem(schema: string, label: string): Problem | undefined {
  if (SCHEMA.test(schema)) return undefined;
  const shown = isSafeToPrint(schema, 'name') ? ` ${JSON.stringify(schema)}` : '';
  return {
    setting: label,
    problem: `postgres: schema${shown} is not a schema name`,
    allowed: 'a schema of lower-case letters, digits and _, starting with a letter or _, at most 63 characters',
  };
}

/** A connection URL where the name of a variable belongs. */
function urlProblem(text: string, label: string): Problem | undefined {
  if (!text.startsWith('//') && !text.includes('://') && !text.includes('@') && !text.includes('=')) return undefined;
  return {
    setting: label,
    problem: 'postgres: takes the name of an environment variable that holds the connection URL, never the URL itself',
    allowed: 'postgres:DATABASE_URL, with DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE in the environment',
  };
}

function refused(p: Problem): TotpKitError {
  return badInput(p.setting, p.problem, p.allowed, 'E_STORE_REF');
}

/** The driver's settings and a description of the server that is safe to print. */
export interface PostgresTarget {
  readonly config: ClientConfig;
  /** `HOST:PORT/DATABASE`, for messages. */
  readonly where: string;
  /** Where the settings came from: `DATABASE_URL`, or `the PG* variables`. */
  readonly from: string;
}

/**
 * The connection settings from the environment.
 * @throws TotpKitError (bad-input) E_STORE_REF when the named variable is unset or holds no PostgreSQL URL.
 */
export function postgresTarget(ref: PostgresRef, env: Readonly<Record<string, string | undefined>>): PostgresTarget {
  if (ref.variable === undefined) {
    const port = env.PGPORT ? Number(env.PGPORT) : 5432;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw badInput('PGPORT', 'is not a port number', 'a whole number from 1 to 65535', 'E_STORE_REF');
    }
    const host = env.PGHOST || 'localhost';
    const user = env.PGUSER || env.USER || undefined;
    const database = env.PGDATABASE || user || 'postgres';
    const config: ClientConfig = {
      host,
      port,
      database,
      ...(user === undefined ? {} : { user }),
      ...(env.PGPASSWORD ? { password: env.PGPASSWORD } : {}),
      ...sslFromMode(env.PGSSLMODE),
    };
    return { config, where: `${host}:${port}/${database}`, from: 'the PG* variables' };
  }
  const text = env[ref.variable];
  const example = `${ref.variable}=postgres://USER:PASSWORD@HOST:PORT/DATABASE`;
  if (!text) {
    throw badInput(
      ref.variable,
      `is not set; store ${ref.reference} reads its connection URL from it`,
      example,
      'E_STORE_REF',
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The URL's own error would quote the text, password and all.
    throw badInput(ref.variable, 'is not a connection URL', example, 'E_STORE_REF');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw badInput(
      ref.variable,
      'is not a PostgreSQL connection URL (postgres:// or postgresql://)',
      example,
      'E_STORE_REF',
    );
  }
  const host = decodeURIComponent(url.hostname) || url.searchParams.get('host') || env.PGHOST || 'localhost';
  const port = url.port || env.PGPORT || '5432';
  const database = decodeURIComponent(url.pathname.slice(1)) || env.PGDATABASE || decodeURIComponent(url.username);
  return {
    config: { connectionString: text },
    where: `${host}:${port}/${database || 'postgres'}`,
    from: ref.variable,
  };
}

/** libpq's PGSSLMODE for the driver: `require` encrypts, `verify-ca`/`verify-full` also check the certificate. */
function sslFromMode(mode: string | undefined): Pick<ClientConfig, 'ssl'> {
  if (mode === 'require') return { ssl: { rejectUnauthorized: false } };
  if (mode === 'verify-ca' || mode === 'verify-full') return { ssl: { rejectUnauthorized: true } };
  return {};
}

/** What the driver or the server said, as much of it as is safe to repeat. */
interface DriverError {
  readonly code?: string;
  readonly message?: string;
  readonly errno?: number;
  readonly syscall?: string;
}

/** Errors of the connection itself (socket, TLS, a server going away), not of a statement. */
export function isConnectionError(error: unknown): boolean {
  const e = error as DriverError | undefined;
  const code = e?.code ?? '';
  if (/^(E[A-Z]+|ERR_[A-Z_]+)$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, EPIPE, ETIMEDOUT, TLS…
  if (/^(08|57P0)/.test(code)) return true; // connection exceptions; admin/crash shutdown
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    e?.message ?? '',
  );
}

/** A serialization failure or deadlock: the transaction was rolled back and may simply run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as DriverError | undefined)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * One line for a failure of the store's server: what was being done, where, and why, never the URL.
 * `target` describes the server; `doing` is e.g. `update of enrollment "ops/alice"`.
 */
export function postgresFailure(
  reference: string,
  target: PostgresTarget,
  doing: string,
  error: unknown,
): TotpKitError {
  if (error instanceof TotpKitError) return error;
  const e = (error ?? {}) as DriverError;
  const code = e.code ?? '';
  const at = `PostgreSQL at ${target.where} (from ${target.from})`;
  const line = (why: string) =>
    new TotpKitError('backend', 'E_STORE_BACKEND', `store ${reference}: ${doing} failed: ${why}`);
  if (code === '28P01' || code === '28000') {
    return line(`${at} refused the login (${safeServerMessage(e)}): check the user and password in ${target.from}`);
  }
  if (code === '3D000') {
    return line(`${at}: the database does not exist (create it, or name another in ${target.from})`);
  }
  if (code === '42501') return line(`${at}: permission denied (${safeServerMessage(e)})`);
  if (code === '55P03')
    return line(`${at}: another connection held the record's lock too long (lock_timeout); try again`);
  if (code === '57014') return line(`${at}: the statement ran too long and was canceled (statement_timeout)`);
  if (code === 'ECONNREFUSED') return line(`${at} refused the connection (is the server running, on that port?)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return line(`${at}: the host name does not resolve (${code})`);
  if (code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) return line(`${at} did not answer in time`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return line(`${at} is unreachable (${code})`);
  if (isConnectionError(error)) return line(`the connection to ${at} was lost (${code || 'closed'})`);
  return line(`${at} answered ${code ? `${code} ` : ''}(${safeServerMessage(e)})`);
}

/** The server's message when it cannot carry a value of ours (a seed, a password); else only its code. */
function safeServerMessage(e: DriverError): string {
  const message = (e.message ?? '').split('\n')[0] ?? '';
  return isSafeToPrint(message, 'message') ? message : 'message withheld';
}
