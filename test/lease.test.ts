// One code per consumer (`code --lease`, the action's `lease: true`): callers leasing one key at once get
// distinct time steps, on the file store and on the AWS Secrets Manager store (the real SDK against the
// loopback server), each code is the code of its step, a caller that would wait too long is refused, and the
// store holds no seed. The CLI runs in-process (main(argv, io), against the sources), each caller on a fake
// clock of its own (helpers/fake-clock.ts) as processes started together are, so the steps and waits are
// exact whatever second a test starts in and no test waits for real time. Real processes racing on the
// file store's lock are the bundled action's test (three `node dist/index.js` at once).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { MAX_LEASE_AHEAD_STEPS } from '../src/resources/lease.js';
import { restoreAwsEnvAfterAll, useLoopbackAws } from './helpers/aws-env.js';
import { fakeClock } from './helpers/fake-clock.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { runAction } from './helpers/run-action.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const CONSUMERS = 6;
/** 15 s into a 30 s step. */
const NOW = 1_700_000_025;
const PERIOD = 30;
const STEP = Math.floor(NOW / PERIOD);
const KEY = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period: PERIOD };

restoreAwsEnvAfterAll();
let tmp: string;
let server: SecretsManagerServer;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'totp-kit-lease-'));
  server = await startSecretsManagerServer();
  // The SDK reads its endpoint and credentials from this process's environment.
  useLoopbackAws(server.endpoint);
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** A caller's run, and the waits it asked for (seconds, in order). */
interface Run extends InProcessRun {
  readonly waits: readonly number[];
}

/** Runs `totp-kit ...args` in-process with the seed in TOTP_SEED, on a fake clock of its own reading NOW. */
async function start(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const clock = fakeClock(NOW);
  const outcome = await runInProcess(args, {
    env: { TOTP_SEED: B32, ...env },
    now: clock.now,
    sleep: clock.sleep,
  });
  expectNoSeedInCli(outcome, SEED, `totp-kit ${args.join(' ')}`);
  return { ...outcome, waits: clock.waits };
}

interface Issued {
  readonly code: string;
  readonly step: number;
  readonly leased: boolean;
  readonly remaining: number;
}

/** Starts CONSUMERS `code --lease` runs at once on one key and returns what each printed, in step order. */
async function leaseAtOnce(env: Record<string, string>): Promise<Issued[]> {
  const args = ['code', '--from', 'env:TOTP_SEED', '--lease', '--json'];
  const outcomes = await Promise.all(Array.from({ length: CONSUMERS }, () => start(args, env)));
  const report = outcomes.map((o, i) => `#${i}: exit ${o.status} ${o.out.trim()} ${o.err.trim()}`).join('\n');
  for (const o of outcomes) expect(o.status, report).toBe(0);
  // Whoever got a later step waited for it to begin, and said so.
  for (const o of outcomes) {
    const { step } = JSON.parse(o.out) as Issued;
    expect(
      o.waits.reduce((sum, wait) => sum + wait, 0),
      report,
    ).toBe(step === STEP ? 0 : (step - STEP) * PERIOD - 15);
    if (step > STEP) {
      expect(o.err, report).toMatch(
        /^totp-kit: lease: (another caller has the code of this step|other callers have the codes of \d+ steps); waiting /,
      );
    }
  }
  return outcomes.map((o) => JSON.parse(o.out) as Issued).sort((a, b) => a.step - b.step);
}

function expectDistinctSteps(issued: readonly Issued[]): void {
  expect(issued.map((i) => i.step)).toEqual(Array.from({ length: issued.length }, (_, i) => STEP + i));
  for (const i of issued) {
    expect(i.leased).toBe(true);
    // Each code is the code of the step it was leased for; a later step is handed out as it begins.
    expect(i.code).toBe(generateCode(KEY, i.step * PERIOD));
    expect(i.remaining).toBe(i.step === STEP ? 15 : PERIOD);
  }
}

describe(`${CONSUMERS} callers leasing one key at once get ${CONSUMERS} distinct steps`, () => {
  it('on the file store, which keeps only the last step (no seed)', async () => {
    const path = join(tmp, 'store.json');
    const issued = await leaseAtOnce({ TOTP_KIT_STORE: `file:${path}` });
    expectDistinctSteps(issued);
    const text = await readFile(path, 'utf8');
    expectNoSeed(text, SEED, 'the store file');
    const leases = Object.values((JSON.parse(text) as { leases: Record<string, { lastStep: number }> }).leases);
    expect(leases).toHaveLength(1);
    expect(leases[0]?.lastStep).toBe(Math.max(...issued.map((i) => i.step)));
  });

  it('on the AWS Secrets Manager store (compare-and-swap on version stages)', async () => {
    const issued = await leaseAtOnce({ TOTP_KIT_STORE: 'aws-sm:lease-test', AWS_REGION: 'us-east-1' });
    expectDistinctSteps(issued);
    const secrets = [...server.state.secrets.values()].filter((s) => s.name.startsWith('lease-test/lease/'));
    expect(secrets).toHaveLength(1);
    expectNoSeed(JSON.stringify(secrets), SEED, 'the lease secret');
  });

  it('through the bundled action (lease: true): real processes racing on the file store', async () => {
    // Real processes on the real clock: a short period keeps the waits for later steps short.
    const period = 2;
    const path = join(tmp, 'action-store.json');
    const runs = await Promise.all(
      Array.from({ length: 3 }, () =>
        runAction({
          inputs: {
            secret: B32,
            period: String(period),
            'min-remaining': '0',
            lease: 'true',
            store: `file:${path}`,
            'install-cli': 'false',
          },
        }),
      ),
    );
    for (const r of runs) expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const steps = runs.map((r) => Number(r.outputs.step));
    expect(new Set(steps).size, `steps ${steps.join(', ')}`).toBe(runs.length);
    for (const r of runs) {
      // Each code is the code of the step it was leased for.
      expect(r.outputs.code).toBe(generateCode({ ...KEY, period }, Number(r.outputs.step) * period));
      expectNoSeed(r.maskedView, SEED, 'the action');
      expect(r.summary).toContain('lease');
      // A file store coordinates the jobs of one runner only: the step says so.
      expect(r.stdout).toMatch(
        /^::notice::lease: file:.* is shared only by jobs on this runner; .*postgres:VAR \(VAR holding the connection URL\)$/m,
      );
    }
  });

  it('refuses a lease that would wait more than the limit, naming the store', async () => {
    const path = join(tmp, 'busy.json');
    const env = { TOTP_KIT_STORE: `file:${path}` };
    // A lease far ahead, as a caller whose clock is far ahead would leave it.
    const first = await start(
      ['code', '--from', 'env:TOTP_SEED', '--period', String(PERIOD), '--lease', '--json'],
      env,
    );
    expect(first.status).toBe(0);
    const doc = JSON.parse(await readFile(path, 'utf8')) as { leases: Record<string, { lastStep: number }> };
    const [id] = Object.keys(doc.leases);
    (doc.leases[id as string] as { lastStep: number }).lastStep += MAX_LEASE_AHEAD_STEPS + 5;
    await writeFile(path, JSON.stringify(doc));
    const r = await start(['code', '--from', 'env:TOTP_SEED', '--period', String(PERIOD), '--lease'], env);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(
        `^totp-kit: lease: the next free time step of this key in file:.* is more than ${MAX_LEASE_AHEAD_STEPS} steps ahead`,
        'm',
      ),
    );
    expect(r.stdout).toBe('');
  });

  it('is refused with --at, which fixes the time', async () => {
    const r = await start(['code', '--from', 'env:TOTP_SEED', '--lease', '--at', '1000'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('totp-kit: --lease: cannot be used with --at, which fixes the time (allowed: one of them)\n');
  });
});
