/**
 * The PostgreSQL store (`postgres:VAR[/SCHEMA]`): one row per record in `SCHEMA.records` (kind, id, the record
 * as jsonb, a row version), and the store's own facts (schema version, key check) in `SCHEMA.meta`. Made for
 * state that changes on every verify and lease, which Secrets Manager's version quota and write rate do not
 * allow (docs/stores.md).
 *
 * One code accepted once: an update reads the record with its row version, lets the change function decide,
 * and writes only if the row still has that version (`UPDATE … WHERE version = $v`, `DELETE … WHERE version =
 * $v`, or `INSERT … ON CONFLICT DO NOTHING` for a record that did not exist): two statements, each its own
 * transaction, in the common case. When another writer got in between (no row written), the update runs again
 * in one transaction at READ COMMITTED that reads the record with `SELECT … FOR UPDATE` (a row lock: a second
 * verifier of the same record waits, then reads what the first committed), so fifty verifiers of one code make
 * progress instead of retrying each other out. A serialization failure or deadlock (40001, 40P01: what
 * CockroachDB and YugabyteDB answer under SERIALIZABLE) rolls back and runs again. Those are the only features
 * relied on — row locks, ON CONFLICT, conditional UPDATE/DELETE, jsonb — so any engine speaking PostgreSQL's
 * protocol with them qualifies (PostgreSQL 9.5 or later, Aurora, Neon, CockroachDB, YugabyteDB).
 *
 * A connection lost before the write was sent leaves nothing recorded: the update is decided again on a fresh
 * connection (a pooled connection that died), or, lost inside the locking transaction, fails saying nothing was
 * recorded (postgres-pool.ts). One lost while the write (or COMMIT) was under way leaves the outcome unknown: the failure says that (E_STORE_OUTCOME_UNKNOWN)
 * and the update is never run again, because running a verify again after an accepted but unanswered write
 * would refuse the code the user just had accepted, and a store that retried blindly could accept it twice.
 *
 * The driver (`pg`) is loaded only when such a store is used; the pool lets idle connections end with the
 * process (CLI runs need no `close()`), and `close()` ends it for long-lived processes.
 */
import { TotpKitError } from '../core/errors.js';
import { isConnectionError, type PostgresRef, postgresTarget } from './postgres-connection.js';
import { Again, FromChange, type PoolClient, PostgresPool, type Statement } from './postgres-pool.js';
import type { Tables } from './postgres-schema.js';
import {
  adoptedFields,
  authenticatedTrust,
  notAdopted,
  PLAIN_TRUST,
  type RecordTrust,
  TrustCache,
} from './record-auth.js';
import type { SecretBox } from './secret-box.js';
import type { Change, RecordKind, Store, StoreRecord } from './store.js';

/** The statements of an update, for one schema's tables. */
function statements(
  t: Tables,
): Readonly<
  Record<'get' | 'list' | 'read' | 'lock' | 'insert' | 'update' | 'updateIf' | 'delete' | 'deleteIf', Statement>
> {
  const named = (name: string, text: string) => ({ name: `totp-kit ${t.schema} ${name}`, text });
  const set = 'SET record = $3, version = version + 1, updated_at = now()';
  const where = 'WHERE kind = $1 AND id = $2';
  return {
    get: named('get', `SELECT record FROM ${t.records} ${where}`),
    list: named('list', `SELECT id FROM ${t.records} WHERE kind = $1`),
    read: named('read', `SELECT record, version FROM ${t.records} ${where}`),
    lock: named('lock', `SELECT record FROM ${t.records} ${where} FOR UPDATE`),
    insert: named(
      'insert',
      `INSERT INTO ${t.records} (kind, id, record) VALUES ($1, $2, $3) ON CONFLICT (kind, id) DO NOTHING`,
    ),
    update: named('update', `UPDATE ${t.records} ${set} ${where}`),
    updateIf: named('update-if', `UPDATE ${t.records} ${set} ${where} AND version = $4`),
    delete: named('delete', `DELETE FROM ${t.records} ${where}`),
    deleteIf: named('delete-if', `DELETE FROM ${t.records} ${where} AND version = $3`),
  };
}

/** A store of one row per record in PostgreSQL. */
export class PostgresStore implements Store {
  readonly reference: string;
  readonly secrets: SecretBox;
  readonly #tables: Tables;
  readonly #sql: ReturnType<typeof statements>;
  readonly #db: PostgresPool;
  /** With a store key: its trust once a key check was found (not kept while there is none). */
  readonly #keyed = new TrustCache(() =>
    this.#readCheck().then((check) => (check === undefined ? undefined : this.#trustOf(check))),
  );
  /** Without a store key: the check, before the first write, that no key check is there. */
  #unkeyed: Promise<void> | undefined;
  #adoption: Promise<void> | undefined;

  /**
   * @throws TotpKitError (bad-input) E_STORE_REF when the environment does not say where the server is.
   */
  constructor(ref: PostgresRef, secrets: SecretBox, env: Readonly<Record<string, string | undefined>> = process.env) {
    this.reference = ref.reference;
    this.secrets = secrets;
    const schema = `"${ref.schema}"`;
    this.#tables = { schemaName: ref.schema, schema, records: `${schema}.records`, meta: `${schema}.meta` };
    this.#sql = statements(this.#tables);
    this.#db = new PostgresPool(ref.reference, postgresTarget(ref, env), this.#tables);
  }

  /** Ends the store's connections; the store cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#db.close();
  }

  #describe(kind: RecordKind, id: string): string {
    return `store ${this.reference}: ${kind} "${id}"`;
  }

  /** The key check stored in meta, or undefined. */
  async #readCheck(client?: PoolClient): Promise<unknown> {
    const sql = `SELECT value FROM ${this.#tables.meta} WHERE name = 'key_check'`;
    const rows = client
      ? (await client.query<{ value: unknown }>(sql)).rows
      : await this.#db.query<{ value: unknown }>('reading the key check', sql, []);
    return rows[0]?.value;
  }

  #trustOf(check: unknown): RecordTrust {
    if (this.secrets.assertCheck(check, this.reference) !== 2) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `store ${this.reference}: the key check in ${this.#tables.meta} is of a version this store never writes; it was left untouched`,
      );
    }
    return authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id));
  }

  /** How records are opened and written; with a key, undefined while the store has no key check. */
  async #trust(): Promise<RecordTrust | undefined> {
    return this.secrets.encrypting ? this.#keyed.get() : PLAIN_TRUST;
  }

  /** Takes the store-wide lock (the schema_version row) for the rest of the transaction: key check changes take turns. */
  async #lockStore(client: PoolClient): Promise<void> {
    await client.query(`SELECT 1 FROM ${this.#tables.meta} WHERE name = 'schema_version' FOR UPDATE`);
  }

  /**
   * The first keyed write to a store without a key check, in the update's transaction: the schema_version row
   * is locked so two first writers (or a writer and an adoption) take turns; an empty store gets its check, one
   * holding records must be adopted first.
   */
  async #begin(client: PoolClient): Promise<RecordTrust> {
    await this.#lockStore(client);
    const found = await this.#readCheck(client);
    if (found !== undefined) return this.#trustOf(found);
    const any = await client.query(`SELECT 1 FROM ${this.#tables.records} LIMIT 1`);
    if (any.rows.length > 0) throw notAdopted(this.reference);
    const check = this.secrets.makeCheck();
    await client.query(`INSERT INTO ${this.#tables.meta} (name, value) VALUES ('key_check', $1)`, [
      JSON.stringify(check),
    ]);
    return this.#trustOf(check);
  }

  /** Without a store key, before the first write: a store written with one is refused (E_STORE_KEY_MISSING). */
  async #assertUnkeyed(): Promise<void> {
    this.#unkeyed ??= this.#readCheck().then((check) => {
      if (check !== undefined) this.secrets.assertCheck(check, this.reference);
    });
    try {
      await this.#unkeyed;
    } catch (e) {
      this.#unkeyed = undefined;
      throw e;
    }
  }

  /**
   * TOTP_KIT_STORE_ADOPT=1, once per store object before its first use, in one transaction: every record's seed
   * checked (a sealed one must open with the key) and sealed, every record signed, the key check written.
   */
  async #adopted(): Promise<void> {
    if (!this.secrets.adopting) return;
    this.#adoption ??= this.#db.transaction('adoption under TOTP_KIT_STORE_KEY', async (client) => {
      await this.#lockStore(client);
      const rows = (
        await client.query<{ kind: RecordKind; id: string; record: StoreRecord }>(
          `SELECT kind, id, record FROM ${this.#tables.records} ORDER BY kind, id FOR UPDATE`,
        )
      ).rows;
      if (rows.length === 0) return;
      const adopted = rows.map((r) => ({ ...r, record: adoptedFields(this.secrets, r.kind, r.id, r.record) }));
      let check = await this.#readCheck(client);
      if (check === undefined || this.secrets.assertCheck(check, this.reference) !== 2) {
        check = this.secrets.makeCheck();
        await client.query(
          `INSERT INTO ${this.#tables.meta} (name, value) VALUES ('key_check', $1)
           ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
          [JSON.stringify(check)],
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

  async get(kind: RecordKind, id: string): Promise<StoreRecord | undefined> {
    await this.#adopted();
    const trust = await this.#trust();
    const rows = await this.#db.query<{ record: StoreRecord }>(`reading ${kind} "${id}"`, this.#sql.get, [kind, id]);
    const stored = rows[0]?.record;
    if (stored === undefined) return undefined;
    if (!trust) throw notAdopted(this.reference);
    return trust.open(kind, id, this.#asRecord(kind, id, stored));
  }

  async list(kind: RecordKind): Promise<string[]> {
    await this.#adopted();
    const rows = await this.#db.query<{ id: string }>(`listing ${kind} records`, this.#sql.list, [kind]);
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
  async update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T> {
    await this.#adopted();
    const trust = await this.#trust();
    if (!this.secrets.encrypting) await this.#assertUnkeyed();
    const doing = `update of ${kind} "${id}"`;
    const decide = (current: StoreRecord | undefined) => {
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
      // The change function's own error, as it threw it (the transaction was rolled back).
      if (e instanceof FromChange) throw e.error;
      throw e;
    }
  }

  /**
   * The common case, in two statements: read the record and its row version, decide, and write only if the
   * version is still the one read (an UPDATE or DELETE … WHERE version = $v, or an INSERT … ON CONFLICT DO
   * NOTHING), each its own transaction. Not done when another writer got in between: then #locked decides.
   */
  async #optimistic<T>(
    doing: string,
    kind: RecordKind,
    id: string,
    trust: RecordTrust,
    decide: (current: StoreRecord | undefined) => Change<T>,
  ): Promise<{ done: true; result: T } | { done: false }> {
    const client = await this.#db.client(doing);
    let writing = false;
    let broken = false;
    try {
      const row = (await client.query<{ record: StoreRecord; version: string }>(this.#sql.read, [kind, id])).rows[0];
      const stored = row === undefined ? undefined : this.#asRecord(kind, id, row.record);
      const outcome = decide(stored && trust.open(kind, id, stored));
      if (outcome.next === undefined || (outcome.next === null && !row)) return { done: true, result: outcome.result };
      writing = true;
      const written =
        outcome.next === null
          ? await client.query(this.#sql.deleteIf, [kind, id, row?.version])
          : row
            ? await client.query(this.#sql.updateIf, [
                kind,
                id,
                JSON.stringify(trust.seal(kind, id, outcome.next)),
                row.version,
              ])
            : await client.query(this.#sql.insert, [kind, id, JSON.stringify(trust.seal(kind, id, outcome.next))]);
      return written.rowCount === 1 ? { done: true, result: outcome.result } : { done: false };
    } catch (e) {
      if (e instanceof FromChange || e instanceof TotpKitError) throw e;
      broken = isConnectionError(e);
      // Lost before the write was sent (a pooled connection that died, a failover): nothing was written, so
      // #locked decides again on a fresh connection.
      if (broken && !writing) return { done: false };
      // A write statement commits by itself: lost while it ran, its outcome is unknown.
      throw this.#db.transactionFailure(doing, e, broken ? 'commit' : undefined);
    } finally {
      client.release(broken);
    }
  }

  /** Under contention, or for a first keyed write: the record read under a row lock, decided and written in one transaction. */
  async #locked<T>(
    doing: string,
    kind: RecordKind,
    id: string,
    trust: RecordTrust | undefined,
    decide: (current: StoreRecord | undefined) => Change<T>,
  ): Promise<T> {
    return this.#db.transaction(doing, async (client) => {
      const row = (await client.query<{ record: StoreRecord }>(this.#sql.lock, [kind, id])).rows[0];
      const stored = row === undefined ? undefined : this.#asRecord(kind, id, row.record);
      if (stored && !trust) throw notAdopted(this.reference);
      const outcome = decide(stored && trust ? trust.open(kind, id, stored) : undefined);
      if (outcome.next === undefined) return outcome.result;
      if (outcome.next === null) {
        if (stored) await client.query(this.#sql.delete, [kind, id]);
        return outcome.result;
      }
      // A first keyed write gives the store its key check in this transaction (so not kept if it rolls back).
      const writer = trust ?? (await this.#begin(client));
      const text = JSON.stringify(writer.seal(kind, id, outcome.next));
      if (stored) {
        await client.query(this.#sql.update, [kind, id, text]);
      } else {
        const inserted = await client.query(this.#sql.insert, [kind, id, text]);
        // Another writer created it since the read: start again from its record.
        if (inserted.rowCount !== 1) throw new Again();
      }
      return outcome.result;
    });
  }

  /** A stored value that is not a JSON object is not a record of ours: refused by name, left as it is. */
  #asRecord(kind: RecordKind, id: string, value: unknown): StoreRecord {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `${this.#describe(kind, id)} does not hold a JSON object, so it is not a totp-kit record; it was left untouched (restore it from a backup)`,
      );
    }
    return value as StoreRecord;
  }
}
