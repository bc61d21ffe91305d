// Verify at scale: validateEnrollment (dist/lib.js) against a file store of 1k to 1M enrollments, next to
// the floor the file store cannot beat — reading the whole file and JSON.parse — and against the AWS Secrets
// Manager store (the loopback server), whose cost per verify should not depend on how many enrollments exist
// (one secret per enrollment).
//
// The store files are written directly in the store's format (src/stores/file-store.ts: format 1, sections
// keys / methods / enrollments / leases keyed by id; src/resources/records.ts: an enrollment's id is
// `method/entity`), with Base32 seeds and no store key, pretty-printed as the store writes them. They are
// written record by record (a 1M-enrollment store is 370 MB: one object of it and its JSON text at once would
// double the memory the verify itself needs), and the smallest is checked against JSON.stringify's output.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import v8 from 'node:v8';
import { median } from './lib/proc-timer.mjs';
import { awsEnv, startSecretsManager } from './lib/sm-server.mjs';

const METHOD = 'bench';
const PERIOD = 30;
/** All verifies happen at this Unix time (ctx.now), so the codes can be computed before timing. */
const AT = 1_700_000_000;
/** Untimed verifies before each aws-sm size is timed (the SDK's first requests are slower). */
const AWS_WARMUP = 15;
const CREATED = new Date(AT * 1000 - 86_400_000).toISOString();

function methodRecord() {
  return {
    methodName: METHOD,
    issuer: 'Acme',
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    keySize: 20,
    qrSize: 0,
    skew: 1,
    maxValidationAttempts: 5,
    generation: randomUUID(),
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

/** @param {number} i */
const entityOf = (i) => `user-${String(i).padStart(7, '0')}@example.com`;

/** A file store of this many enrollments needs about this much heap to verify (parse, update, serialise). */
const HEAP_BYTES_PER_ENROLLMENT = 3500;

/** Each enrollment's seed, derived from the run's salt and its number, so none needs keeping. */
const SALT = randomBytes(16);
/** @param {number} i */
const secretOf = (i) => new Uint8Array(createHash('sha1').update(SALT).update(String(i)).digest());

/**
 * @param {(bytes: Uint8Array) => string} encodeBase32
 * @param {number} i
 */
function enrollmentRecord(encodeBase32, i) {
  const secret = secretOf(i);
  return {
    secret,
    record: {
      method: METHOD,
      entityId: entityOf(i),
      issuer: 'Acme',
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: encodeBase32(secret),
      generation: randomUUID(),
      createdAt: CREATED,
    },
  };
}

/**
 * Writes a store of `size` enrollments of one method, text as `JSON.stringify(doc, null, 2)` gives it.
 * @param {string} path
 * @param {number} size
 * @param {(bytes: Uint8Array) => string} encodeBase32
 * @returns {Promise<number>} its size in bytes
 */
async function writeStoreFile(path, size, encodeBase32) {
  const indent = (/** @type {unknown} */ value, /** @type {string} */ by) =>
    JSON.stringify(value, null, 2).replaceAll('\n', `\n${by}`);
  const out = createWriteStream(path, { mode: 0o600 });
  const head = { format: 1, keys: {}, methods: { [METHOD]: methodRecord() } };
  let chunk = `${indent(head, '').slice(0, -2)},\n  "enrollments": {`;
  for (let i = 0; i < size; i++) {
    const { record } = enrollmentRecord(encodeBase32, i);
    chunk += `${i === 0 ? '' : ','}\n    ${JSON.stringify(`${METHOD}/${record.entityId}`)}: ${indent(record, '    ')}`;
    if (chunk.length > 1 << 20) {
      const flowing = out.write(chunk);
      chunk = '';
      if (!flowing) await once(out, 'drain');
    }
  }
  out.end(`${chunk}${size === 0 ? '}' : '\n  }'},\n  "leases": {}\n}\n`);
  await finished(out);
  return (await stat(path)).size;
}

/** @param {() => Promise<unknown>} work */
async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * @param {{ sizes: number[], verifies: (size: number) => number, awsSizes: number[], awsVerifies: number,
 *   concurrent?: { size: number, clients: number }, lib?: string }} options
 */
export async function verifyAtScale({
  sizes,
  verifies,
  awsSizes,
  awsVerifies,
  concurrent,
  lib = new URL('../dist/lib.js', import.meta.url).href,
}) {
  const { encodeBase32, generateCode, openStore, validateEnrollment } = await import(lib);
  /**
   * Verifies of `clients` enrollments at once on one store (not those the rounds verify: 1…clients), as an
   * app's concurrent requests would: the lock takes them one at a time.
   * @param {{ store: any, now: () => number }} ctx
   * @param {number} clients
   */
  const concurrently = async (ctx, clients) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async (_, k) => {
        const code = generateCode({ secret: secretOf(k + 1), algorithm: 'SHA1', digits: 6, period: PERIOD }, AT);
        const outcome = await validateEnrollment(ctx, METHOD, entityOf(k + 1), code);
        if (!outcome?.valid) throw new Error(`file store, ${clients} at once: refused (${outcome?.reason})`);
      }),
    );
    return { clients, rate: (clients * 1000) / (performance.now() - started) };
  };
  const { default: writeFileAtomic } = await import('write-file-atomic');
  const dir = await mkdtemp(join(tmpdir(), 'totp-kit-bench-store-'));
  /** @type {{ size: number, bytes: number, runs: number, verifyMs: number, readMs: number, writeMs: number, verifySamples: number[], concurrent?: { clients: number, rate: number } }[]} */
  const file = [];
  /** @type {number[]} sizes left out: more than this process's heap can hold while verifying */
  const skipped = [];
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  try {
    for (const size of sizes) {
      if (size * HEAP_BYTES_PER_ENROLLMENT > heapLimit) {
        skipped.push(size);
        continue;
      }
      const path = join(dir, `store-${size}.json`);
      const bytes = await writeStoreFile(path, size, encodeBase32);
      if (size === Math.min(...sizes)) {
        const text = await readFile(path, 'utf8');
        if (text !== `${JSON.stringify(JSON.parse(text), null, 2)}\n`)
          throw new Error(`file store, ${size}: the bench's store file is not formatted as the store writes it`);
      }
      const ctx = { store: await openStore(`file:${path}`, {}), now: () => AT };
      const runs = verifies(size);
      // A store this big would take minutes with two untimed rounds and the write probe: one timed verify and
      // its read floor, warm from the smaller sizes and with the file just written (in the page cache).
      const huge = size >= 1_000_000;
      const untimed = huge ? 0 : 2;
      /** @type {number[]} */
      const verifyMs = [];
      /** @type {number[]} */
      const readMs = [];
      /** @type {number[]} */
      const writeMs = [];
      // Two untimed rounds first (file cache, JIT); then the floor and a verify, interleaved. Each verify is
      // of a different entity with its right code: the accept path, which records the accepted step.
      for (let round = 0; round < runs + untimed; round++) {
        const i = Math.floor((round * size) / (runs + untimed));
        const entity = entityOf(i);
        const code = generateCode({ secret: secretOf(i), algorithm: 'SHA1', digits: 6, period: PERIOD }, AT);
        let parsed;
        const read = await timed(async () => {
          parsed = JSON.parse(await readFile(path, 'utf8'));
        });
        // What one write costs (serialise pretty + write-file-atomic with fsync), for the note, not a row; done
        // before the verify so the parsed copy is garbage by then (at 1M enrollments it is a gigabyte of heap).
        const write = huge
          ? Number.NaN
          : await timed(async () => {
              await writeFileAtomic(`${path}.copy`, `${JSON.stringify(parsed, null, 2)}\n`, {
                mode: 0o600,
                fsync: true,
              });
            });
        parsed = undefined;
        let outcome;
        const verify = await timed(async () => {
          outcome = await validateEnrollment(ctx, METHOD, entity, code);
        });
        if (!outcome?.valid) throw new Error(`file store, ${size}: ${entity} refused its code (${outcome?.reason})`);
        if (round >= untimed) {
          readMs.push(read);
          verifyMs.push(verify);
          writeMs.push(write);
        }
      }
      file.push({
        size,
        bytes,
        runs,
        verifyMs: median(verifyMs),
        readMs: median(readMs),
        writeMs: median(writeMs),
        verifySamples: verifyMs,
        ...(concurrent?.size === size ? { concurrent: await concurrently(ctx, concurrent.clients) } : {}),
      });
      await rm(path, { force: true });
      await rm(`${path}.copy`, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // The AWS store: one loopback server per size, each with its own store (an SDK client reads its endpoint
  // from the environment when it is made), so the sizes are timed side by side, verifies alternating.
  if (awsVerifies + AWS_WARMUP > Math.min(...awsSizes))
    throw new Error('more aws-sm verifies than enrollments to verify');
  const saved = { ...process.env };
  /** @type {{ size: number, sm: Awaited<ReturnType<typeof startSecretsManager>>, ctx: { store: any, now: () => number }, secrets: Uint8Array[], next: number, ms: number[] }[]} */
  const stores = [];
  /** @type {{ size: number, runs: number, verifyMs: number, requests: Record<string, number> }[]} */
  const aws = [];
  try {
    for (const size of awsSizes) {
      const sm = await startSecretsManager();
      Object.assign(process.env, awsEnv(sm.endpoint));
      const { TOTP_KIT_STORE_KEY: _noKey, ...env } = process.env;
      const store = await openStore('aws-sm:bench', env);
      const put = (/** @type {string} */ kind, /** @type {string} */ id, /** @type {object} */ next) =>
        store.update(kind, id, () => ({ result: undefined, next }));
      await put('method', METHOD, methodRecord()); // the client is made here, with this server's endpoint
      /** @type {Uint8Array[]} */
      const secrets = [];
      const pending = [];
      for (let i = 0; i < size; i++) {
        const { secret, record } = enrollmentRecord(encodeBase32, i);
        secrets.push(secret);
        pending.push(put('enrollment', `${METHOD}/${record.entityId}`, record));
        if (pending.length >= 16) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending);
      if (sm.state.secrets.size !== size + 1)
        throw new Error(`aws-sm store, ${size}: the server holds ${sm.state.secrets.size} secrets`);
      stores.push({ size, sm, ctx: { store, now: () => AT }, secrets, next: 0, ms: [] });
    }
    const before = stores.map((s) => ({ ...s.sm.state.requests }));
    for (let round = 0; round < awsVerifies + AWS_WARMUP; round++) {
      for (const s of round % 2 ? [...stores].reverse() : stores) {
        // A different entity each time (verifying one again at the same time would be a replay).
        const i = s.next++;
        const entity = entityOf(i);
        const code = generateCode(
          { secret: /** @type {Uint8Array} */ (s.secrets[i]), algorithm: 'SHA1', digits: 6, period: PERIOD },
          AT,
        );
        let outcome;
        const ms = await timed(async () => {
          outcome = await validateEnrollment(s.ctx, METHOD, entity, code);
        });
        if (!outcome?.valid)
          throw new Error(`aws-sm store, ${s.size}: ${entity} refused its code (${outcome?.reason})`);
        if (round >= AWS_WARMUP) s.ms.push(ms);
      }
    }
    stores.forEach((s, k) => {
      /** @type {Record<string, number>} */
      const requests = {};
      for (const [op, n] of Object.entries(s.sm.state.requests)) {
        const delta = n - (before[k]?.[op] ?? 0);
        if (delta > 0) requests[op] = delta / (awsVerifies + AWS_WARMUP);
      }
      aws.push({ size: s.size, runs: awsVerifies, verifyMs: median(s.ms), requests });
    });
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    for (const s of stores) await s.sm.close();
  }
  return { file, skipped, heapLimit, aws };
}
