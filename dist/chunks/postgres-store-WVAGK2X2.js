import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  isConnectionError,
  isRetryable,
  postgresFailure,
  postgresTarget
} from "./chunk-EE23T2T2.js";
import {
  PLAIN_TRUST,
  TrustCache,
  adoptedFields,
  authenticatedTrust,
  notAdopted
} from "./chunk-AHAPZP3O.js";
import {
  TotpKitError
} from "./chunk-BYLEH6TO.js";
import "./chunk-NATS7N6G.js";

// src/stores/postgres-schema.ts
var SCHEMA_VERSION = 1;
function migrations(t) {
  return [
    [
      `CREATE SCHEMA IF NOT EXISTS ${t.schema}`,
      `CREATE TABLE IF NOT EXISTS ${t.meta} (name text PRIMARY KEY, value jsonb NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS ${t.records} (
        kind text NOT NULL CHECK (kind IN ('key', 'method', 'enrollment', 'lease')),
        id text NOT NULL,
        record jsonb NOT NULL,
        version bigint NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id))`
    ]
  ];
}
var CREATED_MEANWHILE = /* @__PURE__ */ new Set(["23505", "42P06", "42P07", "40001", "40P01"]);
async function migrate(client, t, reference) {
  for (let attempt = 1; ; attempt++) {
    const found = await readVersion(client, t, reference);
    if (found === SCHEMA_VERSION) return;
    if (found > SCHEMA_VERSION) {
      throw new TotpKitError(
        "backend",
        "E_STORE_FORMAT",
        `store ${reference}: schema ${t.schema} was made by a newer totp-kit (schema version ${found}; this one knows ${SCHEMA_VERSION}); it was left untouched: upgrade totp-kit`
      );
    }
    try {
      await client.query("BEGIN");
      const made = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [t.schemaName]);
      const steps = migrations(t).slice(found).flat();
      for (const sql of steps) if (!(made.rows.length > 0 && sql.startsWith("CREATE SCHEMA"))) await client.query(sql);
      await client.query(
        `INSERT INTO ${t.meta} (name, value) VALUES ('schema_version', $1)
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE (${t.meta}.value #>> '{}')::int < $2`,
        [JSON.stringify(SCHEMA_VERSION), SCHEMA_VERSION]
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => void 0);
      const code = e.code ?? "";
      if (!CREATED_MEANWHILE.has(code) || attempt >= 5) throw e;
    }
  }
}
async function readVersion(client, t, reference) {
  let rows;
  try {
    rows = (await client.query(`SELECT value FROM ${t.meta} WHERE name = 'schema_version'`)).rows;
  } catch (e) {
    const code = e.code;
    if (code === "42P01" || code === "3F000") return 0;
    throw e;
  }
  const value = rows[0]?.value;
  if (value === void 0) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new TotpKitError(
      "backend",
      "E_STORE_CORRUPT",
      `store ${reference}: ${t.meta} holds a schema_version that is not a version; it was left untouched`
    );
  }
  return value;
}

// src/stores/postgres-pool.ts
var MAX_ATTEMPTS = 10;
var BACKOFF_BASE_MS = 5;
var BACKOFF_CAP_MS = 200;
var POOL_MAX = 10;
var LOCK_TIMEOUT_MS = 1e4;
var STATEMENT_TIMEOUT_MS = 3e4;
var CONNECT_TIMEOUT_MS = 1e4;
var Again = class extends Error {
};
var FromChange = class {
  constructor(error) {
    this.error = error;
  }
  error;
};
var PostgresPool = class {
  #reference;
  #target;
  #tables;
  #pool;
  /** The schema made or checked, once per pool. */
  #ready;
  #closed = false;
  constructor(reference, target, tables) {
    this.#reference = reference;
    this.#target = target;
    this.#tables = tables;
  }
  /** Ends the connections; nothing can be run afterwards. */
  async close() {
    this.#closed = true;
    const pool = this.#pool;
    this.#pool = void 0;
    if (pool) await (await pool.catch(() => void 0))?.end();
  }
  #failure(doing, error) {
    return postgresFailure(this.#reference, this.#target, doing, error);
  }
  async #connect() {
    if (this.#closed) {
      throw new TotpKitError("backend", "E_STORE_BACKEND", `store ${this.#reference}: used after close()`);
    }
    this.#pool ??= import("./esm-BZFYU3DV.js").then((module) => {
      const pg = module.default ?? module;
      const pool = new pg.Pool({
        ...this.#target.config,
        max: POOL_MAX,
        allowExitOnIdle: true,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        lock_timeout: LOCK_TIMEOUT_MS,
        statement_timeout: STATEMENT_TIMEOUT_MS,
        application_name: "totp-kit"
      });
      pool.on("error", () => void 0);
      pool.on("connect", (client) => client.on("error", () => void 0));
      return pool;
    });
    return this.#pool;
  }
  /** A connection from the pool, the schema checked. */
  async client(doing) {
    const pool = await this.#connect();
    let client;
    try {
      client = await pool.connect();
    } catch (e) {
      throw this.#failure(doing, e);
    }
    try {
      this.#ready ??= migrate(client, this.#tables, this.#reference).catch((e) => {
        this.#ready = void 0;
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
  async query(doing, sql, params) {
    for (let attempt = 1; ; attempt++) {
      const client = await this.client(doing);
      let broken = false;
      try {
        return (await client.query(typeof sql === "string" ? { text: sql } : sql, params)).rows;
      } catch (e) {
        broken = isConnectionError(e);
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
  async transaction(doing, work) {
    for (let attempt = 1; ; attempt++) {
      const client = await this.client(doing);
      let stage = "begin";
      let broken = false;
      try {
        await client.query("BEGIN");
        stage = "work";
        const result = await work(client);
        stage = "commit";
        await client.query("COMMIT");
        return result;
      } catch (e) {
        broken = isConnectionError(e);
        if (!broken) await client.query("ROLLBACK").catch(() => void 0);
        if (e instanceof FromChange || e instanceof TotpKitError) throw e;
        const again = e instanceof Again || isRetryable(e) || broken && stage === "begin" && attempt === 1;
        if (!again || attempt >= MAX_ATTEMPTS) throw this.transactionFailure(doing, e, broken ? stage : void 0);
      } finally {
        client.release(broken);
      }
      await new Promise(
        (resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt))
      );
    }
  }
  /**
   * The one line for an update that failed: other writers kept winning (E_STORE_CONFLICT); the connection lost
   * (`lostAt`) while the write or COMMIT was under way (E_STORE_OUTCOME_UNKNOWN), or before it (nothing was
   * recorded); else the server's failure.
   */
  transactionFailure(doing, error, lostAt) {
    if (error instanceof Again || isRetryable(error)) {
      return new TotpKitError(
        "backend",
        "E_STORE_CONFLICT",
        `store ${this.#reference}: ${doing} failed: other writers changed it first ${MAX_ATTEMPTS} times in a row; try again`
      );
    }
    if (lostAt === "commit") {
      return new TotpKitError(
        "backend",
        "E_STORE_OUTCOME_UNKNOWN",
        `store ${this.#reference}: ${doing}: the connection to PostgreSQL at ${this.#target.where} was lost while the write was under way, so whether it was recorded is unknown; it was not retried (a code it accepted stays used: ask for the next code)`
      );
    }
    if (lostAt !== void 0) {
      const failure = this.#failure(doing, error);
      return new TotpKitError("backend", failure.code, `${failure.message}; nothing was recorded`);
    }
    return this.#failure(doing, error);
  }
};

// src/stores/postgres-store.ts
function statements(t) {
  const named = (name, text) => ({ name: `totp-kit ${t.schema} ${name}`, text });
  const set = "SET record = $3, version = version + 1, updated_at = now()";
  const where = "WHERE kind = $1 AND id = $2";
  return {
    get: named("get", `SELECT record FROM ${t.records} ${where}`),
    list: named("list", `SELECT id FROM ${t.records} WHERE kind = $1`),
    read: named("read", `SELECT record, version FROM ${t.records} ${where}`),
    lock: named("lock", `SELECT record FROM ${t.records} ${where} FOR UPDATE`),
    insert: named(
      "insert",
      `INSERT INTO ${t.records} (kind, id, record) VALUES ($1, $2, $3) ON CONFLICT (kind, id) DO NOTHING`
    ),
    update: named("update", `UPDATE ${t.records} ${set} ${where}`),
    updateIf: named("update-if", `UPDATE ${t.records} ${set} ${where} AND version = $4`),
    delete: named("delete", `DELETE FROM ${t.records} ${where}`),
    deleteIf: named("delete-if", `DELETE FROM ${t.records} ${where} AND version = $3`)
  };
}
var PostgresStore = class {
  reference;
  secrets;
  #tables;
  #sql;
  #db;
  /** With a store key: its trust once a key check was found (not kept while there is none). */
  #keyed = new TrustCache(
    () => this.#readCheck().then((check) => check === void 0 ? void 0 : this.#trustOf(check))
  );
  /** Without a store key: the check, before the first write, that no key check is there. */
  #unkeyed;
  #adoption;
  /**
   * @throws TotpKitError (bad-input) E_STORE_REF when the environment does not say where the server is.
   */
  constructor(ref, secrets, env = process.env) {
    this.reference = ref.reference;
    this.secrets = secrets;
    const schema = `"${ref.schema}"`;
    this.#tables = { schemaName: ref.schema, schema, records: `${schema}.records`, meta: `${schema}.meta` };
    this.#sql = statements(this.#tables);
    this.#db = new PostgresPool(ref.reference, postgresTarget(ref, env), this.#tables);
  }
  /** Ends the store's connections; the store cannot be used afterwards. */
  async close() {
    await this.#db.close();
  }
  #describe(kind, id) {
    return `store ${this.reference}: ${kind} "${id}"`;
  }
  /** The key check stored in meta, or undefined. */
  async #readCheck(client) {
    const sql = `SELECT value FROM ${this.#tables.meta} WHERE name = 'key_check'`;
    const rows = client ? (await client.query(sql)).rows : await this.#db.query("reading the key check", sql, []);
    return rows[0]?.value;
  }
  #trustOf(check) {
    if (this.secrets.assertCheck(check, this.reference) !== 2) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        `store ${this.reference}: the key check in ${this.#tables.meta} is of a version this store never writes; it was left untouched`
      );
    }
    return authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id));
  }
  /** How records are opened and written; with a key, undefined while the store has no key check. */
  async #trust() {
    return this.secrets.encrypting ? this.#keyed.get() : PLAIN_TRUST;
  }
  /** Takes the store-wide lock (the schema_version row) for the rest of the transaction: key check changes take turns. */
  async #lockStore(client) {
    await client.query(`SELECT 1 FROM ${this.#tables.meta} WHERE name = 'schema_version' FOR UPDATE`);
  }
  /**
   * The first keyed write to a store without a key check, in the update's transaction: the schema_version row
   * is locked so two first writers (or a writer and an adoption) take turns; an empty store gets its check, one
   * holding records must be adopted first.
   */
  async #begin(client) {
    await this.#lockStore(client);
    const found = await this.#readCheck(client);
    if (found !== void 0) return this.#trustOf(found);
    const any = await client.query(`SELECT 1 FROM ${this.#tables.records} LIMIT 1`);
    if (any.rows.length > 0) throw notAdopted(this.reference);
    const check = this.secrets.makeCheck();
    await client.query(`INSERT INTO ${this.#tables.meta} (name, value) VALUES ('key_check', $1)`, [
      JSON.stringify(check)
    ]);
    return this.#trustOf(check);
  }
  /** Without a store key, before the first write: a store written with one is refused (E_STORE_KEY_MISSING). */
  async #assertUnkeyed() {
    this.#unkeyed ??= this.#readCheck().then((check) => {
      if (check !== void 0) this.secrets.assertCheck(check, this.reference);
    });
    try {
      await this.#unkeyed;
    } catch (e) {
      this.#unkeyed = void 0;
      throw e;
    }
  }
  /**
   * TOTP_KIT_STORE_ADOPT=1, once per store object before its first use, in one transaction: every record's seed
   * checked (a sealed one must open with the key) and sealed, every record signed, the key check written.
   */
  async #adopted() {
    if (!this.secrets.adopting) return;
    this.#adoption ??= this.#db.transaction("adoption under TOTP_KIT_STORE_KEY", async (client) => {
      await this.#lockStore(client);
      const rows = (await client.query(
        `SELECT kind, id, record FROM ${this.#tables.records} ORDER BY kind, id FOR UPDATE`
      )).rows;
      if (rows.length === 0) return;
      const adopted = rows.map((r) => ({ ...r, record: adoptedFields(this.secrets, r.kind, r.id, r.record) }));
      let check = await this.#readCheck(client);
      if (check === void 0 || this.secrets.assertCheck(check, this.reference) !== 2) {
        check = this.secrets.makeCheck();
        await client.query(
          `INSERT INTO ${this.#tables.meta} (name, value) VALUES ('key_check', $1)
           ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
          [JSON.stringify(check)]
        );
      }
      const trust = this.#trustOf(check);
      for (const { kind, id, record } of adopted) {
        await client.query(this.#sql.update, [kind, id, JSON.stringify(trust.seal(kind, id, record))]);
      }
      this.#keyed.set(trust);
    });
    await this.#adoption;
  }
  async get(kind, id) {
    await this.#adopted();
    const trust = await this.#trust();
    const rows = await this.#db.query(`reading ${kind} "${id}"`, this.#sql.get, [kind, id]);
    const stored = rows[0]?.record;
    if (stored === void 0) return void 0;
    if (!trust) throw notAdopted(this.reference);
    return trust.open(kind, id, this.#asRecord(kind, id, stored));
  }
  async list(kind) {
    await this.#adopted();
    const rows = await this.#db.query(`listing ${kind} records`, this.#sql.list, [kind]);
    return rows.map((r) => r.id).sort();
  }
  /**
   * Reads the record, lets `change` decide and writes the outcome only if the record is still as read
   * (#optimistic); when another writer got in first, decides again under a row lock (#locked). `change` may so
   * run more than once (also after a serialization failure or deadlock), so it must be free of side effects.
   * @throws TotpKitError (backend) E_STORE_BACKEND when the server fails or cannot be reached,
   *   E_STORE_OUTCOME_UNKNOWN when the connection was lost during COMMIT, E_STORE_CONFLICT after 10 rollbacks,
   *   E_STORE_TAMPERED; (bad-input) E_STORE_KEY_WRONG, E_STORE_KEY_MISSING, E_STORE_NOT_ADOPTED.
   */
  async update(kind, id, change) {
    await this.#adopted();
    const trust = await this.#trust();
    if (!this.secrets.encrypting) await this.#assertUnkeyed();
    const doing = `update of ${kind} "${id}"`;
    const decide = (current) => {
      try {
        return change(current);
      } catch (e) {
        throw new FromChange(e);
      }
    };
    try {
      if (trust) {
        const quick = await this.#optimistic(doing, kind, id, trust, decide);
        if (quick.done) return quick.result;
      }
      return await this.#locked(doing, kind, id, trust, decide);
    } catch (e) {
      if (e instanceof FromChange) throw e.error;
      throw e;
    }
  }
  /**
   * The common case, in two statements: read the record and its row version, decide, and write only if the
   * version is still the one read (an UPDATE or DELETE … WHERE version = $v, or an INSERT … ON CONFLICT DO
   * NOTHING), each its own transaction. Not done when another writer got in between: then #locked decides.
   */
  async #optimistic(doing, kind, id, trust, decide) {
    const client = await this.#db.client(doing);
    let writing = false;
    let broken = false;
    try {
      const row = (await client.query(this.#sql.read, [kind, id])).rows[0];
      const stored = row === void 0 ? void 0 : this.#asRecord(kind, id, row.record);
      const outcome = decide(stored && trust.open(kind, id, stored));
      if (outcome.next === void 0 || outcome.next === null && !row) return { done: true, result: outcome.result };
      writing = true;
      const written = outcome.next === null ? await client.query(this.#sql.deleteIf, [kind, id, row?.version]) : row ? await client.query(this.#sql.updateIf, [
        kind,
        id,
        JSON.stringify(trust.seal(kind, id, outcome.next)),
        row.version
      ]) : await client.query(this.#sql.insert, [kind, id, JSON.stringify(trust.seal(kind, id, outcome.next))]);
      return written.rowCount === 1 ? { done: true, result: outcome.result } : { done: false };
    } catch (e) {
      if (e instanceof FromChange || e instanceof TotpKitError) throw e;
      broken = isConnectionError(e);
      if (broken && !writing) return { done: false };
      throw this.#db.transactionFailure(doing, e, broken ? "commit" : void 0);
    } finally {
      client.release(broken);
    }
  }
  /** Under contention, or for a first keyed write: the record read under a row lock, decided and written in one transaction. */
  async #locked(doing, kind, id, trust, decide) {
    return this.#db.transaction(doing, async (client) => {
      const row = (await client.query(this.#sql.lock, [kind, id])).rows[0];
      const stored = row === void 0 ? void 0 : this.#asRecord(kind, id, row.record);
      if (stored && !trust) throw notAdopted(this.reference);
      const outcome = decide(stored && trust ? trust.open(kind, id, stored) : void 0);
      if (outcome.next === void 0) return outcome.result;
      if (outcome.next === null) {
        if (stored) await client.query(this.#sql.delete, [kind, id]);
        return outcome.result;
      }
      const writer = trust ?? await this.#begin(client);
      const text = JSON.stringify(writer.seal(kind, id, outcome.next));
      if (stored) {
        await client.query(this.#sql.update, [kind, id, text]);
      } else {
        const inserted = await client.query(this.#sql.insert, [kind, id, text]);
        if (inserted.rowCount !== 1) throw new Again();
      }
      return outcome.result;
    });
  }
  /** A stored value that is not a JSON object is not a record of ours: refused by name, left as it is. */
  #asRecord(kind, id, value) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        `${this.#describe(kind, id)} does not hold a JSON object, so it is not a totp-kit record; it was left untouched (restore it from a backup)`
      );
    }
    return value;
  }
};
export {
  PostgresStore
};
