// Verify at scale: validateEnrollment (dist/lib.js) against a file store of 1k, 10k and 100k enrollments,
// next to the floor the file store cannot beat — reading the whole file and JSON.parse — and against the
// AWS Secrets Manager store (the loopback server), whose cost per verify should not depend on how many
// enrollments exist (one secret per enrollment).
//
// The store files are written directly in the store's format (src/stores/file-store.ts: format 1, sections
// keys / methods / enrollments keyed by id; src/resources/records.ts: an enrollment's id is
// `method/entity`), with Base32 seeds and no store key, pretty-printed as the store writes them.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
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
const entityOf = (i) => `user-${String(i).padStart(6, '0')}@example.com`;

/**
 * @param {(bytes: Uint8Array) => string} encodeBase32
 * @param {number} i
 */
function enrollmentRecord(encodeBase32, i) {
  const secret = randomBytes(20);
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

/** @param {() => Promise<unknown>} work */
async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * @param {{ sizes: number[], verifies: (size: number) => number, awsSizes: number[], awsVerifies: number, lib?: string }} options
 */
export async function verifyAtScale({
  sizes,
  verifies,
  awsSizes,
  awsVerifies,
  lib = new URL('../dist/lib.js', import.meta.url).href,
}) {
  const { encodeBase32, generateCode, openStore, validateEnrollment } = await import(lib);
  const { default: writeFileAtomic } = await import('write-file-atomic');
  const dir = await mkdtemp(join(tmpdir(), 'totp-kit-bench-store-'));
  /** @type {{ size: number, bytes: number, runs: number, verifyMs: number, readMs: number, writeMs: number }[]} */
  const file = [];
  try {
    for (const size of sizes) {
      const path = join(dir, `store-${size}.json`);
      const doc = { format: 1, keys: {}, methods: { [METHOD]: methodRecord() }, enrollments: {} };
      /** @type {Uint8Array[]} */
      const secrets = [];
      for (let i = 0; i < size; i++) {
        const { secret, record } = enrollmentRecord(encodeBase32, i);
        secrets.push(secret);
        doc.enrollments[`${METHOD}/${record.entityId}`] = record;
      }
      await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
      const bytes = (await stat(path)).size;
      const ctx = { store: await openStore(`file:${path}`, {}), now: () => AT };
      const runs = verifies(size);
      /** @type {number[]} */
      const verifyMs = [];
      /** @type {number[]} */
      const readMs = [];
      /** @type {number[]} */
      const writeMs = [];
      // Two untimed rounds first (file cache, JIT); then the floor and a verify, interleaved. Each verify is
      // of a different entity with its right code: the accept path, which records the accepted step.
      for (let round = 0; round < runs + 2; round++) {
        const i = Math.floor((round * size) / (runs + 2));
        const entity = entityOf(i);
        const code = generateCode(
          { secret: /** @type {Uint8Array} */ (secrets[i]), algorithm: 'SHA1', digits: 6, period: PERIOD },
          AT,
        );
        let parsed;
        const read = await timed(async () => {
          parsed = JSON.parse(await readFile(path, 'utf8'));
        });
        let outcome;
        const verify = await timed(async () => {
          outcome = await validateEnrollment(ctx, METHOD, entity, code);
        });
        if (!outcome?.valid) throw new Error(`file store, ${size}: ${entity} refused its code (${outcome?.reason})`);
        // What one write costs (serialise pretty + write-file-atomic with fsync), for the note, not a row.
        const write = await timed(async () => {
          await writeFileAtomic(`${path}.copy`, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600, fsync: true });
        });
        if (round >= 2) {
          readMs.push(read);
          verifyMs.push(verify);
          writeMs.push(write);
        }
      }
      file.push({ size, bytes, runs, verifyMs: median(verifyMs), readMs: median(readMs), writeMs: median(writeMs) });
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
  return { file, aws };
}
