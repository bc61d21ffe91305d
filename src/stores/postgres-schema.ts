/**
 * The `postgres:` store's schema, made on first use and migrated forward by version. `meta.schema_version`
 * says which version made it; a newer one than this totp-kit knows is refused by name rather than misread.
 *
 * Version 1:
 * - `records (kind, id, record jsonb, version, updated_at)`, primary key (kind, id): one row per key, method,
 *   enrollment and lease; `version` counts the row's writes (for operators and monitoring; the row lock does the
 *   compare-and-swap).
 * - `meta (name, value jsonb)`: `schema_version`, and with a store key `key_check`.
 */
import type { PoolClient } from 'pg';
import { TotpKitError } from '../core/errors.js';

/** The quoted names of the store's schema and tables. */
export interface Tables {
  /** The schema's name as it is (for the catalog), and quoted (for statements). */
  readonly schemaName: string;
  readonly schema: string;
  readonly records: string;
  readonly meta: string;
}

/** The schema version this totp-kit writes. */
export const SCHEMA_VERSION = 1;

/** The statements that take a schema from version i to i + 1 (index 0: from nothing to 1). */
function migrations(t: Tables): readonly (readonly string[])[] {
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
        PRIMARY KEY (kind, id))`,
    ],
  ];
}

/** Catalog races of concurrent first users (both create the schema or a table): the loser looks again. */
const CREATED_MEANWHILE = new Set(['23505', '42P06', '42P07', '40001', '40P01']);

/**
 * Makes or migrates the schema and checks its version.
 * @throws TotpKitError (backend) E_STORE_FORMAT for a schema of a newer totp-kit, E_STORE_CORRUPT for one
 *   whose version is not a version; the driver's error for anything the server refuses.
 */
export async function migrate(client: PoolClient, t: Tables, reference: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const found = await readVersion(client, t, reference);
    if (found === SCHEMA_VERSION) return;
    if (found > SCHEMA_VERSION) {
      throw new TotpKitError(
        'backend',
        'E_STORE_FORMAT',
        `store ${reference}: schema ${t.schema} was made by a newer totp-kit (schema version ${found}; this one knows ${SCHEMA_VERSION}); it was left untouched: upgrade totp-kit`,
      );
    }
    try {
      await client.query('BEGIN');
      // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema is there: a user given
      // only a schema a DBA made (and CREATE on it) must not be asked for it.
      const made = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [t.schemaName]);
      const steps = migrations(t).slice(found).flat();
      for (const sql of steps) if (!(made.rows.length > 0 && sql.startsWith('CREATE SCHEMA'))) await client.query(sql);
      await client.query(
        `INSERT INTO ${t.meta} (name, value) VALUES ('schema_version', $1)
         ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE (${t.meta}.value #>> '{}')::int < $2`,
        [JSON.stringify(SCHEMA_VERSION), SCHEMA_VERSION],
      );
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (e as { code?: string }).code ?? '';
      if (!CREATED_MEANWHILE.has(code) || attempt >= 5) throw e;
    }
  }
}

/** The version of the schema there, 0 when there is none yet. */
async function readVersion(client: PoolClient, t: Tables, reference: string): Promise<number> {
  let rows: { value: unknown }[];
  try {
    rows = (await client.query<{ value: unknown }>(`SELECT value FROM ${t.meta} WHERE name = 'schema_version'`)).rows;
  } catch (e) {
    // No schema or no table yet (3F000 invalid_schema_name, 42P01 undefined_table): made below.
    const code = (e as { code?: string }).code;
    if (code === '42P01' || code === '3F000') return 0;
    throw e;
  }
  const value = rows[0]?.value;
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new TotpKitError(
      'backend',
      'E_STORE_CORRUPT',
      `store ${reference}: ${t.meta} holds a schema_version that is not a version; it was left untouched`,
    );
  }
  return value;
}
