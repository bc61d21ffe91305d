// Codes per second, in process, with tinybench: our generateCode (dist/lib.js, what `import 'totp-kit'` loads)
// against the floor — a bare node:crypto HMAC + RFC 4226 dynamic truncation loop — and against the peers in
// their default usage: otpauth (`new TOTP({ secret }).generate({ timestamp })`) and otplib v13
// (`generateSync({ secret, algorithm, epoch })`, its default Noble plugins). Every task computes a batch of
// codes for consecutive time steps (so no implementation can reuse a result) and the batch is timed, so the
// timer's own cost is spread over the batch. The tasks run in several interleaved rounds; the median of the
// rounds' mean throughputs is reported.
import { createHmac, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { generateSync } from 'otplib';
import { Bench } from 'tinybench';
import { median } from './lib/proc-timer.mjs';

/** Codes per timed call. */
const BATCH = 64;
const PERIOD = 30;
/** Key sizes as RFC 6238's test vectors: the hash's output size. */
const KEY_BYTES = { SHA1: 20, SHA256: 32, SHA512: 64 };
export const ALGORITHMS = /** @type {const} */ (['SHA1', 'SHA256', 'SHA512']);
export const IMPLEMENTATIONS = /** @type {const} */ (['floor', 'totp-kit', 'otpauth', 'otplib']);

/**
 * The floor: what any TOTP generator must do, and nothing else.
 * @param {Uint8Array} secret @param {number} counter @param {string} hash
 */
function floorCode(secret, counter, hash) {
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 0x100000000), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(hash, secret).update(message).digest();
  const offset = /** @type {number} */ (mac[mac.length - 1]) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, '0');
}

/**
 * One code generator per implementation, for one algorithm: (unixSeconds) => code.
 * @param {typeof ALGORITHMS[number]} algorithm
 * @param {{ encodeBase32: (b: Uint8Array) => string, generateCode: (key: object, t: number) => string }} lib
 */
function generators(algorithm, { encodeBase32, generateCode }) {
  const secret = randomBytes(KEY_BYTES[algorithm]);
  const base32 = encodeBase32(secret);
  const key = { secret, algorithm, digits: 6, period: PERIOD };
  const hash = algorithm.toLowerCase();
  const totp = new TOTP({ secret: Secret.fromBase32(base32), algorithm, digits: 6, period: PERIOD });
  const otplibAlgorithm = /** @type {'sha1' | 'sha256' | 'sha512'} */ (hash);
  return {
    floor: (/** @type {number} */ t) => floorCode(secret, Math.floor(t / PERIOD), hash),
    'totp-kit': (/** @type {number} */ t) => generateCode(key, t),
    otpauth: (/** @type {number} */ t) => totp.generate({ timestamp: t * 1000 }),
    otplib: (/** @type {number} */ t) => generateSync({ secret: base32, algorithm: otplibAlgorithm, epoch: t }),
  };
}

/**
 * @param {{ rounds: number, timeMs: number, lib?: string }} options `lib`: the library bundle (default dist/lib.js)
 * @returns {Promise<Record<string, Record<string, { hz: number, rounds: number[] }>>>} codes/s by algorithm and implementation
 */
export async function codesPerSecond({ rounds, timeMs, lib = new URL('../dist/lib.js', import.meta.url).href }) {
  const ours = await import(lib);
  /** @type {Record<string, Record<string, number[]>>} */
  const samples = {};
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs), throws: true });
  let sink = 0;
  for (const algorithm of ALGORITHMS) {
    const gens = generators(algorithm, ours);
    // Same codes from all four, or the comparison means nothing.
    for (const t of [0, 59, 1_111_111_109, 2_000_000_000, 20_000_000_000]) {
      const codes = IMPLEMENTATIONS.map((impl) => gens[impl](t));
      if (new Set(codes).size !== 1) throw new Error(`${algorithm} at ${t}: implementations disagree: ${codes}`);
    }
    samples[algorithm] = {};
    for (const impl of IMPLEMENTATIONS) {
      /** @type {Record<string, number[]>} */ (samples[algorithm])[impl] = [];
      const generate = gens[impl];
      let t = 1_700_000_000;
      bench.add(`${algorithm} ${impl}`, () => {
        for (let i = 0; i < BATCH; i++) {
          sink += generate(t).charCodeAt(5);
          t += PERIOD;
        }
      });
    }
  }
  for (let round = 0; round < rounds; round++) {
    await bench.run();
    for (const task of bench.tasks) {
      const [algorithm, impl] = /** @type {[string, string]} */ (task.name.split(' '));
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      samples[algorithm]?.[impl]?.push(result.throughput.mean * BATCH);
    }
    bench.reset();
  }
  if (sink === 0) throw new Error('unreachable');
  /** @type {Record<string, Record<string, { hz: number, rounds: number[] }>>} */
  const out = {};
  for (const [algorithm, byImpl] of Object.entries(samples)) {
    out[algorithm] = {};
    for (const [impl, list] of Object.entries(byImpl)) out[algorithm][impl] = { hz: median(list), rounds: list };
  }
  return out;
}
