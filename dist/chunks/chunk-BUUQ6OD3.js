import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  TotpKitError,
  badInput,
  isSafeToPrint
} from "./chunk-4S6FNXA6.js";

// src/stores/postgres-connection.ts
var DEFAULT_SCHEMA = "totp_kit";
var POSTGRES_ALLOWED = "postgres:VAR (VAR holds the connection URL), postgres: (the PG* variables), either with /SCHEMA";
var VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
function parsePostgresRef(rest, reference, label) {
  const url = urlProblem(rest, label);
  if (url) throw refused(url);
  const slash = rest.indexOf("/");
  const variable = slash < 0 ? rest : rest.slice(0, slash);
  const schema = slash < 0 ? DEFAULT_SCHEMA : rest.slice(slash + 1);
  const problem = postgresVariableProblem(variable, label) ?? postgresSchemaProblem(schema, label);
  if (problem) throw refused(problem);
  return { kind: "postgres", ...variable === "" ? {} : { variable }, schema, reference };
}
function postgresVariableProblem(variable, label) {
  const url = urlProblem(variable, label);
  if (url || variable === "" || VARIABLE.test(variable)) return url;
  const shown = isSafeToPrint(variable, "name") ? ` (${JSON.stringify(variable)})` : "";
  return { setting: label, problem: `postgres: needs an environment variable name${shown}`, allowed: POSTGRES_ALLOWED };
}
function postgresSchemaProblem(schema, label) {
  if (SCHEMA.test(schema)) return void 0;
  const shown = isSafeToPrint(schema, "name") ? ` ${JSON.stringify(schema)}` : "";
  return {
    setting: label,
    problem: `postgres: schema${shown} is not a schema name`,
    allowed: "a schema of lower-case letters, digits and _, starting with a letter or _, at most 63 characters"
  };
}
function urlProblem(text, label) {
  if (!text.startsWith("//") && !text.includes("://") && !text.includes("@") && !text.includes("=")) return void 0;
  return {
    setting: label,
    problem: "postgres: takes the name of an environment variable that holds the connection URL, never the URL itself",
    allowed: "postgres:DATABASE_URL, with DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE in the environment"
  };
}
function refused(p) {
  return badInput(p.setting, p.problem, p.allowed, "E_STORE_REF");
}
function postgresTarget(ref, env) {
  if (ref.variable === void 0) {
    const port2 = env.PGPORT ? Number(env.PGPORT) : 5432;
    if (!Number.isInteger(port2) || port2 < 1 || port2 > 65535) {
      throw badInput("PGPORT", "is not a port number", "a whole number from 1 to 65535", "E_STORE_REF");
    }
    const host2 = env.PGHOST || "localhost";
    const user = env.PGUSER || env.USER || void 0;
    const database2 = env.PGDATABASE || user || "postgres";
    const config = {
      host: host2,
      port: port2,
      database: database2,
      ...user === void 0 ? {} : { user },
      ...env.PGPASSWORD ? { password: env.PGPASSWORD } : {},
      ...sslFromMode(env.PGSSLMODE)
    };
    return { config, where: `${host2}:${port2}/${database2}`, from: "the PG* variables" };
  }
  const text = env[ref.variable];
  const example = `${ref.variable}=postgres://USER:PASSWORD@HOST:PORT/DATABASE`;
  if (!text) {
    throw badInput(
      ref.variable,
      `is not set; store ${ref.reference} reads its connection URL from it`,
      example,
      "E_STORE_REF"
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw badInput(ref.variable, "is not a connection URL", example, "E_STORE_REF");
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw badInput(
      ref.variable,
      "is not a PostgreSQL connection URL (postgres:// or postgresql://)",
      example,
      "E_STORE_REF"
    );
  }
  const host = decodeURIComponent(url.hostname) || url.searchParams.get("host") || env.PGHOST || "localhost";
  const port = url.port || env.PGPORT || "5432";
  const database = decodeURIComponent(url.pathname.slice(1)) || env.PGDATABASE || decodeURIComponent(url.username);
  return {
    config: { connectionString: text },
    where: `${host}:${port}/${database || "postgres"}`,
    from: ref.variable
  };
}
function sslFromMode(mode) {
  if (mode === "require") return { ssl: { rejectUnauthorized: false } };
  if (mode === "verify-ca" || mode === "verify-full") return { ssl: { rejectUnauthorized: true } };
  return {};
}
function isConnectionError(error) {
  const e = error;
  const code = e?.code ?? "";
  if (/^(E[A-Z]+|ERR_[A-Z_]+)$/.test(code)) return true;
  if (/^(08|57P0)/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    e?.message ?? ""
  );
}
function isRetryable(error) {
  const code = error?.code;
  return code === "40001" || code === "40P01";
}
function postgresFailure(reference, target, doing, error) {
  if (error instanceof TotpKitError) return error;
  const e = error ?? {};
  const code = e.code ?? "";
  const at = `PostgreSQL at ${target.where} (from ${target.from})`;
  const line = (why) => new TotpKitError("backend", "E_STORE_BACKEND", `store ${reference}: ${doing} failed: ${why}`);
  if (code === "28P01" || code === "28000") {
    return line(`${at} refused the login (${safeServerMessage(e)}): check the user and password in ${target.from}`);
  }
  if (code === "3D000") {
    return line(`${at}: the database does not exist (create it, or name another in ${target.from})`);
  }
  if (code === "42501") return line(`${at}: permission denied (${safeServerMessage(e)})`);
  if (code === "55P03")
    return line(`${at}: another connection held the record's lock too long (lock_timeout); try again`);
  if (code === "57014") return line(`${at}: the statement ran too long and was canceled (statement_timeout)`);
  if (code === "ECONNREFUSED") return line(`${at} refused the connection (is the server running, on that port?)`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return line(`${at}: the host name does not resolve (${code})`);
  if (code === "ETIMEDOUT" || /timeout/i.test(e.message ?? "")) return line(`${at} did not answer in time`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return line(`${at} is unreachable (${code})`);
  if (isConnectionError(error)) return line(`the connection to ${at} was lost (${code || "closed"})`);
  return line(`${at} answered ${code ? `${code} ` : ""}(${safeServerMessage(e)})`);
}
function safeServerMessage(e) {
  const message = (e.message ?? "").split("\n")[0] ?? "";
  return isSafeToPrint(message, "message") ? message : "message withheld";
}

export {
  parsePostgresRef,
  postgresTarget,
  isConnectionError,
  isRetryable,
  postgresFailure
};
