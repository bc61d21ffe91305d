// Crash safety of the file store: a writer process is SIGKILLed at a random moment, over and over, and after
// every kill the store must be whole. The writer (test/fixtures/store-writer.mjs) creates, verifies and
// deletes keys one after the other through the library (dist/lib.js), each step a locked, atomic
// read-modify-write of a store of ~0.5 MB (a thousand keys, so each write takes long enough for kills to
// land inside it). After each kill the store file must parse as a format-1 totp-kit store, every key in it
// must be complete with a working code, and the set of keys must be the state after the last step the
// writer finished or after the step it was running: never a torn file, never a lost or half-written key. Temporary files left by a kill are allowed (counted).
// The lock directory a kill leaves is removed between runs; taking over a stale lock is tested in
// concurrency.test.ts.
//
// Each kill is timed from the writer's `ready` (its start-up touches no store, so a kill there proves
// nothing): a delay drawn from [0, two steps), so every kill lands in a step or between two. What the kill left
// (the lock, a temporary file, the old or the new state) tells the phase of the write it hit; the test counts
// them and prints the tally. The delays come from a seeded PRNG; the seed is printed, and CRASH_SEED=… replays
// the same delays (the machine's timing still varies). CRASH_RUNS=… changes the number of runs (default 48,
// enough to hit every phase; CRASH_RUNS=1000 for a longer hunt outside `npm test`).
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { openKey } from '../src/resources/key.js';
import { FileStore, type StoreDocument } from '../src/stores/file-store.js';
import { asKeyRecord } from '../src/stores/records.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { runCli } from './helpers/run-cli.js';

const WRITER = fileURLToPath(new URL('./fixtures/store-writer.mjs', import.meta.url));
const RUNS = Number(process.env.CRASH_RUNS ?? 48);
/** Independent writer/store pairs run side by side (each is sequential within itself). */
const LANES = 2;
/** Keys that are in the store all along: they make every write rewrite ~0.5 MB. */
const FILLERS = 1_000;
/** Steps handed to each writer: more than it can run before the kill. */
const STEPS_PER_RUN = 60;
/** Kill delays, counted from the writer's `ready`, are drawn from [0, this many steps), as measured here. */
const STEPS_IN_WINDOW = 2;
const AT = 1_760_000_000;
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));

/** mulberry32: a small deterministic PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A deterministic 20-byte seed per key name. */
function seedFor(name: string): Buffer {
  const bytes = Buffer.alloc(20);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = (name.charCodeAt(i % name.length) * 131 + i * 29 + name.length) & 0xff;
  return bytes;
}
const FILLER_SEED = seedFor('filler');
const codeOf = (seed: Uint8Array) => generateCode({ secret: seed, algorithm: 'SHA1', digits: 6, period: 30 }, AT);

/** The writer's keys (`w0`, `w1`, …) and whether each has had its code verified (recorded as used). */
type WriterState = ReadonlyMap<number, boolean>;

/** One step of the writer, as store-writer.mjs takes it. */
type Step =
  | { readonly op: 'create'; readonly name: string; readonly seed: string }
  | { readonly op: 'verify'; readonly name: string; readonly code: string; readonly at: number }
  | { readonly op: 'delete'; readonly name: string };

/**
 * The writer's next step from a state, and the state after it. The cycle is: create w<j>, verify its code,
 * delete w<j-1>; so a state is {w<j>} or {w<j-1>, w<j>} with w<j> verified or not.
 */
function nextStep(state: WriterState): { step: Step; after: WriterState } {
  const after = new Map(state);
  const indexes = [...state.keys()].sort((a, b) => a - b);
  const last = indexes.at(-1);
  const name = (j: number) => `w${j}`;
  if (last === undefined || (state.get(last) === true && !state.has(last - 1))) {
    const j = last === undefined ? 0 : last + 1;
    after.set(j, false);
    return { step: { op: 'create', name: name(j), seed: encodeBase32(seedFor(name(j))) }, after };
  }
  if (state.get(last) === false) {
    after.set(last, true);
    return { step: { op: 'verify', name: name(last), code: codeOf(seedFor(name(last))), at: AT }, after };
  }
  after.delete(last - 1);
  return { step: { op: 'delete', name: name(last - 1) }, after };
}

function describeState(state: WriterState): string {
  return `{${[...state.entries()].map(([j, verified]) => `w${j}${verified ? '✓' : ''}`).join(', ')}}`;
}

function sameState(a: WriterState, b: WriterState): boolean {
  return a.size === b.size && [...a].every(([j, verified]) => b.get(j) === verified);
}

/**
 * Reads the store as the product does and checks it whole: format 1, every key complete and giving the code
 * its seed gives, fillers all there. Returns the writer's part of it.
 */
async function inspect(path: string): Promise<WriterState> {
  const text = await readFile(path, 'utf8');
  const raw = JSON.parse(text) as StoreDocument;
  expect(raw.format).toBe(1);
  const doc = await new FileStore(path, new SecretBox(undefined)).read();
  const ctx = { store: new FileStore(path, new SecretBox(undefined)), now: () => AT };
  const state = new Map<number, boolean>();
  let fillers = 0;
  for (const [name, value] of Object.entries(doc.keys)) {
    const record = asKeyRecord(value, name);
    const writer = /^w(\d+)$/.exec(name);
    const seed = writer ? seedFor(name) : FILLER_SEED;
    if (generateCode(openKey(ctx, record), AT) !== codeOf(seed)) throw new Error(`key ${name}: wrong code`);
    if (writer) {
      const used = Object.keys(record.usedCodes);
      if (used.length > 1 || (used.length === 1 && used[0] !== codeOf(seed))) {
        throw new Error(`key ${name}: unexpected usedCodes ${JSON.stringify(record.usedCodes)}`);
      }
      state.set(Number(writer[1]), used.length === 1);
    } else fillers++;
  }
  expect(fillers).toBe(FILLERS);
  expect(Object.keys(doc.methods)).toEqual([]);
  expect(Object.keys(doc.enrollments)).toEqual([]);
  return state;
}

interface Killed {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From the writer's `ready` to its end, in ms (undefined when it never got ready). */
  readonly sinceReady: number | undefined;
  /** Killed for running longer than HANG_MS, not by the planned kill. */
  readonly hung: boolean;
}

/** How long a writer may run at all: beyond this it hangs, and is killed (the run then fails on its output). */
const HANG_MS = 120_000;

/**
 * Starts the writer in its own process group and SIGKILLs the whole group `delayMs` after it prints `ready` (if
 * still running), so nothing it started can outlive the kill and write afterwards. Without a delay it runs to
 * its end.
 */
function runWriter(path: string, steps: readonly Step[], delayMs: number | undefined): Promise<Killed> {
  const child: ChildProcess = spawn(process.execPath, [WRITER, path, JSON.stringify(steps)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let stdout = '';
  let stderr = '';
  let readyAt: number | undefined;
  let hung = false;
  const kill = () => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let timer = setTimeout(() => {
    hung = true;
    kill();
  }, HANG_MS);
  child.stdout?.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
    if (readyAt === undefined && stdout.startsWith('ready\n')) {
      readyAt = performance.now();
      if (delayMs !== undefined) {
        clearTimeout(timer);
        timer = setTimeout(kill, delayMs);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => {
      clearTimeout(timer);
      const sinceReady = readyAt === undefined ? undefined : performance.now() - readyAt;
      resolve({ status, signal, stdout, stderr, sinceReady, hung });
    });
  });
}

let tmp: string;
let base: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'totp-kit-crash-'));
  // One key made by the CLI, cloned into the fillers (the record shape stays the product's own).
  base = join(tmp, 'base.json');
  const made = runCli(['--store', `file:${base}`, 'key', 'create', 'template', '--from', 'env:SEED'], {
    env: { SEED: encodeBase32(FILLER_SEED) },
  });
  expectNoSeedInCli(made, FILLER_SEED);
  expect(made.status, made.stderr).toBe(0);
  const doc = JSON.parse(await readFile(base, 'utf8')) as StoreDocument;
  const template = doc.keys.template as Record<string, unknown>;
  doc.keys = {};
  for (let i = 0; i < FILLERS; i++) {
    const name = `f${String(i).padStart(4, '0')}`;
    doc.keys[name] = { ...template, name };
  }
  await writeFile(base, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Where in the writer's work a kill landed, told by what it left behind. */
type Phase =
  | 'between two steps'
  | 'step begun, lock not yet taken'
  | 'lock held, temporary file not yet made'
  | 'temporary file being written'
  | 'renamed into place, lock still held'
  | 'lock released, step not yet reported'
  | 'writer finished every step first';

/** The phase of a kill, from whether it left the lock or a temporary file and which state the store holds. */
function phaseOf(killed: boolean, inFlight: boolean, lock: boolean, temp: boolean, newState: boolean): Phase | string {
  if (!killed) return 'writer finished every step first';
  if (!inFlight)
    return lock || temp || newState ? `unexpected: no step running, lock ${lock}, temp ${temp}` : 'between two steps';
  if (temp)
    return lock && !newState
      ? 'temporary file being written'
      : `unexpected: temporary file, lock ${lock}, new state ${newState}`;
  if (newState) return lock ? 'renamed into place, lock still held' : 'lock released, step not yet reported';
  return lock ? 'lock held, temporary file not yet made' : 'step begun, lock not yet taken';
}

it(`the store survives ${RUNS} SIGKILLs of a writer at random moments, whole and never torn`, {
  timeout: 300_000,
}, async () => {
  console.log(`crash-safety: PRNG seed ${SEED} (replay with CRASH_SEED=${SEED}), ${RUNS} runs in ${LANES} lanes`);
  const random = prng(SEED);
  const started = performance.now();

  // Calibration, unkilled: the writer's time per step here, from its `ready` to its end.
  const calibrationPath = join(tmp, 'calibration.json');
  await copyFile(base, calibrationPath);
  const calibrationSteps: Step[] = [];
  let calibrationState: WriterState = new Map();
  for (let i = 0; i < 20; i++) {
    const { step, after } = nextStep(calibrationState);
    calibrationSteps.push(step);
    calibrationState = after;
  }
  const busy = await runWriter(calibrationPath, calibrationSteps, undefined);
  expect(busy.status, busy.stderr).toBe(0);
  expect(sameState(await inspect(calibrationPath), calibrationState)).toBe(true);
  const perStep = Math.max(1, (busy.sinceReady ?? 0) / calibrationSteps.length);
  const maxDelay = Math.max(2, Math.round(STEPS_IN_WINDOW * perStep));
  console.log(`crash-safety: ${perStep.toFixed(1)} ms per step; kill delays 0–${maxDelay} ms after \`ready\``);

  const phases = new Map<string, number>();
  let stepsDone = 0;
  let tempFilesLeft = 0;
  // Draw every delay up front, in order, so the seed alone decides them whatever the lanes' interleaving.
  const delays = Array.from({ length: RUNS }, () => Math.floor(random() * maxDelay));

  async function lane(laneIndex: number): Promise<{ store: string; state: WriterState }> {
    const dir = join(tmp, `lane-${laneIndex}`);
    await mkdir(dir);
    const path = join(dir, 'store.json');
    const store = `file:${path}`;
    await copyFile(base, path);
    let state: WriterState = new Map();
    for (let run = laneIndex; run < RUNS; run += LANES) {
      const delay = delays[run] as number;
      // The states the store may be in after this run: states[c] once c steps are done.
      const states: WriterState[] = [state];
      const steps: Step[] = [];
      for (let i = 0; i < STEPS_PER_RUN; i++) {
        const { step, after } = nextStep(states[i] as WriterState);
        steps.push(step);
        states.push(after);
      }
      const outcome = await runWriter(path, steps, delay);
      const context = `run ${run} (lane ${laneIndex}, kill ${delay} ms after ready, seed ${SEED})`;
      expect(outcome.hung, `${context}: the writer hung`).toBe(false);
      expect(outcome.stdout, `${context}: killed before it was ready`).toMatch(/^ready\n/);
      // Killed by us, or done with every step before the kill; never failed on its own.
      const killed = outcome.signal === 'SIGKILL';
      if (!killed) expect(outcome.status, `${context}: writer failed: ${outcome.stderr}`).toBe(0);
      expect(outcome.stderr, `${context}: the writer complained`).toBe('');
      const done = outcome.stdout.split('\n').filter((l) => l.startsWith('done ')).length;
      const begun = outcome.stdout.split('\n').filter((l) => l.startsWith('begin ')).length;

      const entries = await readdir(dir);
      const lock = entries.includes('store.json.lock');
      const temps = entries.filter((e) => e !== 'store.json' && e !== 'store.json.lock');
      for (const temp of temps) expect(temp, `${context}: unexpected file`).toMatch(/^store\.json\.[0-9a-f]{32}\.tmp$/);
      tempFilesLeft += temps.length;

      let found: WriterState;
      try {
        found = await inspect(path);
      } catch (e) {
        throw new Error(`${context}: the store is not whole after the kill: ${(e as Error).message}`);
      }
      const inFlight = killed && begun > done;
      const allowed = inFlight ? [states[done], states[done + 1]] : [states[done]];
      const matched = allowed.findIndex((s) => s !== undefined && sameState(found, s));
      expect(
        matched,
        `${context}: store holds ${describeState(found)}; allowed ${allowed.map((s) => (s ? describeState(s) : '?')).join(' or ')}`,
      ).toBeGreaterThanOrEqual(0);
      const phase = phaseOf(killed, inFlight, lock, temps.length > 0, matched === 1);
      expect(phase, `${context}: what the kill left cannot happen`).not.toMatch(/^unexpected/);
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
      stepsDone += done;
      state = found;

      // A kill inside the critical section leaves the lock behind (takeover is concurrency.test.ts's job)
      // and maybe a temporary file: clear both so the next run starts clean.
      await rm(`${path}.lock`, { recursive: true, force: true });
      for (const temp of temps) await rm(join(dir, temp), { force: true });
    }
    return { store, state };
  }

  const finals = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // After all the kills, the CLI still reads each store and the newest key still verifies.
  for (const { store, state } of finals) {
    const list = runCli(['--json', '--store', store, 'key', 'list']);
    expectNoSeedInCli(list, FILLER_SEED);
    expect(list.status, list.stderr).toBe(0);
    const keys = (JSON.parse(list.stdout) as { keys: string[] }).keys;
    expect(keys).toHaveLength(FILLERS + state.size);
    const newest = Math.max(...state.keys());
    const fresh = generateCode({ secret: seedFor(`w${newest}`), algorithm: 'SHA1', digits: 6, period: 30 }, AT + 300);
    const verified = runCli([
      '--store',
      store,
      'key',
      'verify',
      `w${newest}`,
      '--code',
      fresh,
      '--at',
      String(AT + 300),
    ]);
    expectNoSeedInCli(verified, [FILLER_SEED, seedFor(`w${newest}`)]);
    expect(verified.stdout, verified.stderr).toBe('valid\n');
  }
  const count = (phase: Phase) => phases.get(phase) ?? 0;
  const tally = [...phases].sort((x, y) => y[1] - x[1]).map(([phase, n]) => `${phase} ${n}`);
  console.log(
    `crash-safety: ${RUNS} runs in ${seconds} s; phases hit: ${tally.join(', ')}; temporary files left ${tempFilesLeft}; ` +
      `steps completed ${stepsDone}; final states ${finals.map((f) => describeState(f.state)).join(' ')}`,
  );
  expect([...phases.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
  // The test proves something only if many kills landed inside a read-modify-write, some of them mid-write
  // (at the default size, each phase's share makes a miss far less likely than one in a million).
  const locked =
    count('lock held, temporary file not yet made') +
    count('temporary file being written') +
    count('renamed into place, lock still held');
  expect(locked, tally.join(', ')).toBeGreaterThanOrEqual(Math.ceil(RUNS / 4));
  expect(count('temporary file being written'), tally.join(', ')).toBeGreaterThan(0);
});
