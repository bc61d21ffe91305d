// One code per consumer (`code --lease`, the action's `lease: true`): real processes started together on one
// key get distinct time steps, on the file store and on the AWS Secrets Manager store (the real SDK in every
// child against the loopback server), each code is the code of its step, and the store holds no seed.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { generateCode } from '../src/core/totp.js';
import { MAX_LEASE_AHEAD_STEPS } from '../src/resources/lease.js';
import { expectNoSeed, expectNoSeedInCli } from './helpers/leak.js';
import { runAction } from './helpers/run-action.js';
import { type CliResult, runCliAsync } from './helpers/run-cli.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const CONSUMERS = 6;
const AWS_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDLEASE',
  AWS_SECRET_ACCESS_KEY: 'lease-secret',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

let tmp: string;
let server: SecretsManagerServer;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'totp-kit-lease-'));
  server = await startSecretsManagerServer();
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Runs `node dist/cli.js ...args` with the seed in TOTP_SEED, without blocking (several run at once). */
async function start(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const outcome = await runCliAsync(args, { env: { TOTP_SEED: B32, ...env } });
  expectNoSeedInCli(outcome, SEED, `totp-kit ${args.join(' ')}`);
  return outcome;
}

interface Issued {
  readonly code: string;
  readonly step: number;
  readonly leased: boolean;
  readonly remaining: number;
}

const PERIOD = 2;
const KEY = { secret: SEED, algorithm: 'SHA1' as const, digits: 6 as const, period: PERIOD };

/** Starts CONSUMERS `code --lease` processes at once on one key and returns what each printed. */
async function leaseAtOnce(env: Record<string, string>): Promise<Issued[]> {
  const args = ['code', '--from', 'env:TOTP_SEED', '--period', String(PERIOD), '--lease', '--json'];
  const outcomes = await Promise.all(Array.from({ length: CONSUMERS }, () => start(args, env)));
  const report = outcomes.map((o, i) => `#${i}: exit ${o.status} ${o.stdout.trim()} ${o.stderr.trim()}`).join('\n');
  for (const o of outcomes) expect(o.status, report).toBe(0);
  return outcomes.map((o) => JSON.parse(o.stdout) as Issued);
}

function expectDistinctSteps(issued: readonly Issued[]): void {
  const steps = issued.map((i) => i.step);
  expect(new Set(steps).size, `steps ${steps.join(', ')}`).toBe(issued.length);
  for (const i of issued) {
    expect(i.leased).toBe(true);
    // Each code is the code of the step it was leased for.
    expect(i.code).toBe(generateCode(KEY, i.step * PERIOD));
  }
}

describe(`${CONSUMERS} processes leasing one key at once get ${CONSUMERS} distinct steps`, () => {
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
    const issued = await leaseAtOnce({
      TOTP_KIT_STORE: 'aws-sm:lease-test',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: server.endpoint,
      ...AWS_ENV,
    });
    expectDistinctSteps(issued);
    const secrets = [...server.state.secrets.values()].filter((s) => s.name.startsWith('lease-test/lease/'));
    expect(secrets).toHaveLength(1);
    expectNoSeed(JSON.stringify(secrets), SEED, 'the lease secret');
  });

  it('through the bundled action (lease: true), run the runner way', async () => {
    const path = join(tmp, 'action-store.json');
    const runs = await Promise.all(
      Array.from({ length: 3 }, () =>
        runAction({
          inputs: {
            secret: B32,
            period: String(PERIOD),
            'min-remaining': '0',
            lease: 'true',
            store: `file:${path}`,
            'install-cli': 'false',
          },
        }),
      ),
    );
    for (const r of runs) expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const issued = runs.map((r) => ({
      code: r.outputs.code as string,
      step: Number(r.outputs.step),
      leased: true,
      remaining: Number(r.outputs['expires-in']),
    }));
    expectDistinctSteps(issued);
    for (const r of runs) {
      expectNoSeed(r.maskedView, SEED, 'the action');
      expect(r.summary).toContain('lease');
      // A file store coordinates the jobs of one runner only: the step says so.
      expect(r.stdout).toMatch(/^::notice::lease: file:.* is shared only by jobs on this runner; .*aws-sm:PREFIX$/m);
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
