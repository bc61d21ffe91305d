// What a verify on the `postgres:` store would cost done another way, for bench/postgres.mjs: the same checks
// as validateEnrollment's accept path, written against the driver directly. A prototype of a change, to measure
// it before making it, not a replacement (it skips the store's refusals, sealing and retries).
//
// `twoStatements`: one SELECT of the method and the enrollment, then one UPDATE … WHERE version = $v in its own
// implicit transaction (the row version as the compare-and-swap: of two verifiers of one code, the second
// updates nothing), instead of the store's three (the method read; the enrollment read; the conditional UPDATE):
// the fewest round trips a verify can take while the HMAC is computed here. With `prepared`, named statements,
// which the server parses and plans once per connection instead of on every call.

/**
 * @typedef {object} ProbeTarget
 * @property {import('pg').Pool} pool
 * @property {string} schema
 * @property {string} method
 * @property {Uint8Array} secret
 * @property {(key: object, code: string, options: { at: number, skew: number }) => { valid: boolean, counter?: number }} verifyCode
 */

/** @typedef {{ entity: string, at: number, code: string }} Verify one verify: whom, when, with which code */

/**
 * The enrollment as a verify leaves it, or an error when the code would be refused (so a probe never times a
 * refusal as a verify).
 * @param {ProbeTarget} t
 * @param {any} method
 * @param {any} record
 * @param {string} id
 * @param {Verify} v
 */
function accepted(t, method, record, id, v) {
  const key = { secret: t.secret, algorithm: record.algorithm, digits: record.digits, period: record.period };
  const outcome = t.verifyCode(key, v.code, { at: v.at, skew: method.skew });
  if (!outcome.valid || (record.lastAcceptedStep ?? -1) >= /** @type {number} */ (outcome.counter)) {
    throw new Error(`postgres probe: ${id} would be refused`);
  }
  const { attempts: _reset, ...rest } = record;
  return JSON.stringify({ ...rest, lastAcceptedStep: outcome.counter });
}

/** A query, named when `prepared` (the name must differ per text: one per schema). */
const statement = (/** @type {boolean} */ prepared, /** @type {string} */ name, /** @type {string} */ text) =>
  prepared ? { name, text } : { text };

/** @param {ProbeTarget} t @param {boolean} prepared */
export function twoStatements(t, prepared) {
  const tag = `${t.schema}-${prepared ? 'p' : 'u'}`;
  const read = statement(
    prepared,
    `${tag}-r2`,
    `SELECT kind, record, version FROM ${t.schema}.records WHERE (kind, id) IN (('method', $1), ('enrollment', $2))`,
  );
  const write = statement(
    prepared,
    `${tag}-w2`,
    `UPDATE ${t.schema}.records SET record = $3, version = version + 1, updated_at = now()
     WHERE kind = 'enrollment' AND id = $1 AND version = $2`,
  );
  return async (/** @type {Verify} */ v) => {
    const id = `${t.method}/${v.entity}`;
    const { rows } = await t.pool.query({ ...read, values: [t.method, id] });
    const method = rows.find((r) => r.kind === 'method')?.record;
    const row = rows.find((r) => r.kind === 'enrollment');
    const written = await t.pool.query({
      ...write,
      values: [id, row?.version, accepted(t, method, row?.record, id, v)],
    });
    if (written.rowCount !== 1) throw new Error(`postgres probe: ${id} changed meanwhile`);
  };
}
