// Verify on the `postgres:` store the way a long-lived app uses it: `openStore` once, then `validateEnrollment`
// calls from dist/lib.js, against a durable server this bench starts (test/helpers/postgres-server.mjs: initdb
// into a temporary folder, fsync and synchronous_commit on, loopback TCP).
//
// Latency at each size and throughput with 1, 8 and 32 concurrent callers, with what bounds them: the CPU that
// the bench process (driver, JSON, HMAC) and the server processes spent per verify, and the WAL flush a commit
// waits for (pg_stat_wal, timed with track_wal_io_timing). Probes, timed in the same rounds, say what would
// change the numbers: the same store with synchronous_commit off (what the flush costs), and a verify in two
// statements instead of three, plain and prepared (bench/lib/postgres-probes.mjs).
//
// The population is made in bulk: one real enrollment made through the library, its row copied under generated
// ids by INSERT … SELECT generate_series (one seed for all: what a verify costs does not depend on it), then
// VACUUM ANALYZE and CHECKPOINT, so no autovacuum or checkpoint of the load falls into the timed rounds.
import { closeSync, fdatasyncSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { findPostgres, startPostgres } from '../test/helpers/postgres-server.mjs';
import { twoStatements } from './lib/postgres-probes.mjs';
import { median } from './lib/proc-timer.mjs';

const METHOD = 'bench';
/** Verifies happen at this Unix time (validateEnrollment's `at`), or whole periods later: codes are known. */
const AT = 1_700_000_000;
const PERIOD = 30;
/** The variable the store reads its URL from (the bench's environment is not the store's). */
const URL_VARIABLE = 'TOTP_KIT_BENCH_PG';
/** Enrollments are verified in this order (i × STRIDE mod size, a permutation: the stride is prime, not 2 or 5),
 * so consecutive verifies land on different pages of the table, as users do. */
const STRIDE = 7919;
/** /proc/PID/stat counts CPU time in clock ticks: 100 a second on Linux. */
const TICKS_PER_SECOND = 100;

/** @param {number} i */
const entityOf = (i) => `user-${String(i).padStart(7, '0')}@example.com`;
const ENTITY_SQL = `'user-' || lpad(i::text, 7, '0') || '@example.com'`;

/** Nearest-rank percentile of ascending numbers. */
function percentile(/** @type {number[]} */ sorted, /** @type {number} */ p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** p50, p95 and p99 of some latencies in ms. */
export function latencyStats(/** @type {number[]} */ ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    samples: ms.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

/** The median time of one 8 KB write + fdatasync in `dir`: what one commit's flush costs this disk when idle. */
function fsyncCost(/** @type {string} */ dir, rounds = 100) {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const page = Buffer.alloc(8192, 1);
  /** @type {number[]} */
  const ms = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      writeSync(fd, page, 0, page.length, 0);
      fdatasyncSync(fd);
      ms.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return median(ms);
}

/** CPU ms the server has used so far: the postmaster and its processes (with exited ones, which it reaped). */
function serverCpuMs(/** @type {number} */ postmaster) {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After the command name: state, ppid, … utime, stime, cutime, cstime are fields 14-17 of the file.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) !== postmaster && Number(f[1]) !== postmaster) continue;
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * @param {{ sizes: number[], rounds: number, warmup: number, clients: number[], throughputSize: number,
 *   slices: number, sliceMs: number, lib?: string, log?: (line: string) => void }} options
 */
export async function postgresAtScale({
  sizes,
  rounds,
  warmup,
  clients,
  throughputSize,
  slices,
  sliceMs,
  lib = new URL('../dist/lib.js', import.meta.url).href,
  log = () => undefined,
}) {
  const found = findPostgres();
  if ('missing' in found) return { missing: found.missing };
  const {
    checkedMethodSpec,
    createMethod,
    enroll,
    openStore,
    parseOtpauthUrl,
    generateCode,
    validateEnrollment,
    verifyCode,
  } = await import(lib);
  const walStats = found.major >= 14; // pg_stat_wal and track_wal_io_timing
  const started = performance.now();
  const server = await startPostgres({ durable: true, settings: walStats ? { track_wal_io_timing: 'on' } : {} });
  /** @type {{ close(): Promise<void> }[]} */
  const closers = [];
  try {
    const postmaster = Number(readFileSync(join(server.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const fsyncMs = fsyncCost(dirname(server.dataDir));
    const settings = Object.fromEntries(
      (
        await server.query(
          `SELECT name, setting, unit FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'wal_sync_method', 'max_wal_size')`,
        )
      ).rows.map((r) => [r.name, `${r.setting}${r.unit === '8kB' ? ' × 8 kB' : r.unit ? ` ${r.unit}` : ''}`]),
    );
    const open = async (/** @type {string} */ schema, /** @type {string} */ url) => {
      const store = await openStore(`postgres:${URL_VARIABLE}/${schema}`, { [URL_VARIABLE]: url });
      closers.push(store);
      return { store };
    };

    // ---- population: one schema per size --------------------------------------------------------------------
    /** @type {Map<number, { schema: string, ctx: { store: any }, secret: Uint8Array, codes: Map<number, string>, next: number }>} */
    const schemas = new Map();
    /** @type {{ size: number, ms: number, bytes: number }[]} */
    const populate = [];
    for (const size of sizes) {
      const schema = `bench_${size}`;
      const ctx = await open(schema, server.url);
      const made = { ...ctx, now: () => AT };
      await createMethod(made, checkedMethodSpec({ methodName: METHOD, issuer: 'Acme', qrSize: 0 }));
      const { secret } = parseOtpauthUrl((await enroll(made, METHOD, 'template')).url).key;
      const t = performance.now();
      await server.query(
        `INSERT INTO ${schema}.records (kind, id, record)
         SELECT 'enrollment', '${METHOD}/' || e, t.record || jsonb_build_object('entityId', e, 'generation', md5(i::text)::uuid)
         FROM ${schema}.records t, generate_series(0, $1::int - 1) i, LATERAL (SELECT ${ENTITY_SQL} AS e) g
         WHERE t.kind = 'enrollment' AND t.id = '${METHOD}/template'`,
        [size],
      );
      populate.push({ size, ms: performance.now() - t, bytes: 0 });
      schemas.set(size, { schema, ctx, secret, codes: new Map(), next: 0 });
      log(`postgres: ${size} enrollments made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const maintenance = performance.now();
    await server.query('VACUUM (ANALYZE)');
    await server.query('CHECKPOINT');
    const maintenanceMs = performance.now() - maintenance;
    for (const p of populate) {
      const { rows } = await server.query(`SELECT pg_total_relation_size('bench_${p.size}.records') AS b`);
      p.bytes = Number(rows[0]?.b ?? 0);
    }

    /**
     * The next verify of a size's schema: each of another enrollment, with its right code, so each is accepted
     * and writes; once all were verified, the next round is one period later (a newer step is accepted again).
     */
    const next = (/** @type {number} */ size) => {
      const s = /** @type {NonNullable<ReturnType<typeof schemas.get>>} */ (schemas.get(size));
      const k = s.next++;
      const step = Math.floor(k / size);
      const at = AT + step * PERIOD;
      let code = s.codes.get(step);
      if (code === undefined) {
        code = generateCode({ secret: s.secret, algorithm: 'SHA1', digits: 6, period: PERIOD }, at);
        s.codes.set(step, code);
      }
      return { entity: entityOf((k * STRIDE) % size), at, code };
    };
    const storeVerify =
      (/** @type {{ store: any }} */ ctx) => async (/** @type {{ entity: string, at: number, code: string }} */ v) => {
        const outcome = await validateEnrollment(ctx, METHOD, v.entity, v.code, v.at);
        if (!outcome.valid) throw new Error(`postgres bench: ${v.entity} refused its code (${outcome.reason})`);
      };
    const big = /** @type {NonNullable<ReturnType<typeof schemas.get>>} */ (schemas.get(throughputSize));
    // The same store, its sessions committing without waiting for the WAL flush (libpq's `options` in the URL).
    const asyncUrl = `${server.url}?options=${encodeURIComponent('-c synchronous_commit=off')}`;
    const asyncCtx = await open(big.schema, asyncUrl);
    const check = new pg.Client({ connectionString: asyncUrl });
    await check.connect();
    const shown = (await check.query('SHOW synchronous_commit')).rows[0]?.synchronous_commit;
    await check.end();
    if (shown !== 'off') throw new Error(`postgres bench: options in the URL gave synchronous_commit ${shown}`);
    // The probes get a pool of the store's size (10).
    const pool = new pg.Pool({ connectionString: server.url, max: 10 });
    pool.on('error', () => undefined); // an idle connection ended by the server's stop: nothing to do
    closers.push({ close: () => pool.end() });
    const target = { pool, schema: big.schema, method: METHOD, secret: big.secret, verifyCode };
    const probes = {
      async: storeVerify(asyncCtx),
      two: twoStatements(target, false),
      twoPrepared: twoStatements(target, true),
    };

    // CPU the bench process and the server spent over some work: both read at once, without lag.
    const meter = () => ({ server: serverCpuMs(postmaster), node: process.cpuUsage() });
    const spent = (/** @type {ReturnType<typeof meter>} */ from) => {
      const node = process.cpuUsage(from.node);
      return { nodeMs: (node.user + node.system) / 1000, serverMs: serverCpuMs(postmaster) - from.server };
    };
    // WAL flushes (pg_stat_wal): a backend reports them about once a second, so they are read over the latency
    // rounds as a whole, not per throughput slice.
    const wal = async () =>
      walStats
        ? /** @type {{ syncs: number, syncMs: number }} */ (
            (await server.query('SELECT wal_sync::float8 AS syncs, wal_sync_time AS "syncMs" FROM pg_stat_wal')).rows[0]
          )
        : { syncs: Number.NaN, syncMs: Number.NaN };
    // A commit that waits for its flush, so WAL that asynchronous commits left unflushed is not the next run's.
    await server.query('CREATE TABLE public.bench_flush (at timestamptz)');
    const drain = () => server.query('INSERT INTO public.bench_flush VALUES (now())');

    // ---- latency: one verify of each series per round, the order rotating --------------------------------
    const series = [
      ...sizes.map((size) => {
        const s = /** @type {{ ctx: { store: any } }} */ (schemas.get(size));
        return { id: `store-${size}`, size, verify: storeVerify(s.ctx) };
      }),
      ...Object.entries(probes).map(([id, verify]) => ({ id, size: throughputSize, verify })),
    ].map((s) => ({ ...s, ms: /** @type {number[]} */ ([]) }));
    log(`postgres: latency, ${rounds} rounds of ${series.length} series…`);
    let walBefore = await wal();
    for (let round = 0; round < warmup + rounds; round++) {
      if (round === warmup) walBefore = await wal();
      const shift = round % series.length;
      for (const s of [...series.slice(shift), ...series.slice(0, shift)]) {
        const v = next(s.size);
        const t = performance.now();
        await s.verify(v);
        if (round >= warmup) s.ms.push(performance.now() - t);
      }
    }
    const walAfter = await wal();
    const flushes = {
      perVerify: (walAfter.syncs - walBefore.syncs) / (rounds * series.length),
      ms: (walAfter.syncMs - walBefore.syncMs) / (walAfter.syncs - walBefore.syncs),
    };
    const latency = series.map(({ id, size, ms }) => ({ id, size, ...latencyStats(ms) }));

    // ---- throughput: N callers on one store, in short slices, the configurations taking turns -------------
    const runs = [
      ...clients.map((n) => ({ id: `store-${n}`, clients: n, verify: storeVerify(big.ctx) })),
      ...Object.entries(probes).map(([id, verify]) => ({ id, clients: Math.max(...clients), verify })),
    ].map((r) => ({ ...r, seconds: 0, nodeMs: 0, serverMs: 0, ms: /** @type {number[]} */ ([]) }));
    log(`postgres: throughput, ${slices} slices of ${sliceMs} ms of each of ${runs.map((r) => r.id).join(', ')}…`);
    for (let slice = 0; slice < slices; slice++) {
      for (const run of slice % 2 ? [...runs].reverse() : runs) {
        await drain();
        const before = meter();
        const t = performance.now();
        const deadline = t + sliceMs;
        await Promise.all(
          Array.from({ length: run.clients }, async () => {
            while (performance.now() < deadline) {
              const v = next(throughputSize);
              const s = performance.now();
              await run.verify(v);
              run.ms.push(performance.now() - s);
            }
          }),
        );
        run.seconds += (performance.now() - t) / 1000;
        const cost = spent(before);
        run.nodeMs += cost.nodeMs;
        run.serverMs += cost.serverMs;
      }
    }
    const throughput = runs.map(({ id, clients: n, seconds, nodeMs, serverMs, ms }) => ({
      id,
      clients: n,
      verifies: ms.length,
      rate: ms.length / seconds,
      ...latencyStats(ms),
      nodeCpuMs: nodeMs / ms.length,
      serverCpuMs: serverMs / ms.length,
    }));
    return {
      version: found.version,
      settings,
      fsyncMs,
      populate,
      maintenanceMs,
      latency,
      flushes,
      throughput,
      slices,
      sliceMs,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of closers) await c.close().catch(() => undefined);
    await server.stop();
  }
}
