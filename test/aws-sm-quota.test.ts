// The aws-sm: store at Secrets Manager's quota of versions, against the loopback server (helpers/secrets-manager-
// server.ts) on a clock of the test's, with the real SDK: the library and the CLI (in this process) get one line
// naming the record and saying what to use instead, exit 3, at once (no retries), and the record is usable again
// once its versions are a day old.
//
// Every update of a record writes one secret version (PutSecretValue; moving AWSCURRENT to it adds none): a
// verify, valid or not, and a lease. AWS removes versions only once a secret holds more than 100, and never one
// younger than 24 hours, so a record takes about 100 writes (creation included) in any 24 hours: 99 verifies or
// leases after the one that created it, at the rate of these tests (one a minute, or one every 5 minutes for a
// CI job's lease).
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { generateCode } from '../src/core/totp.js';
import type { ResourceContext } from '../src/resources/context.js';
import { checkedKeySpec, createKey, keyMaterial, validateKey } from '../src/resources/key.js';
import { leaseId } from '../src/resources/lease.js';
import { AwsSecretsManagerStore } from '../src/stores/aws-sm-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { restoreAwsEnvAfterAll, useLoopbackAws } from './helpers/aws-env.js';
import { runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli, expectNoSeedInError } from './helpers/leak.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

restoreAwsEnvAfterAll();

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The TOTP clock of the verifies and leases (Unix seconds, 1 s into a 30 s step); the server's is apart. */
const AT = 1_750_000_021;
const PERIOD = 30;
/** What the store says to do instead, at the end of every quota refusal. */
const ADVICE =
  "Secrets Manager's quota of versions for this secret is reached (LimitExceededException): every verify or lease writes a version, and versions younger than 24 hours are never removed; for leases and verification at any steady rate use a postgres: store (see docs/stores.md)";

let server: SecretsManagerServer;
/** The server's clock (epoch ms), moved by the tests. */
let serverNow: number;
/** The environment of the CLI's runs (the library's stores read this process's, set alike). */
let env: Record<string, string>;

beforeEach(async () => {
  serverNow = Date.UTC(2026, 5, 1);
  server = await startSecretsManagerServer({ now: () => serverNow });
  useLoopbackAws(server.endpoint);
  env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('AWS_') && e[1] !== undefined),
  );
});

afterEach(async () => {
  await server.close();
});

const putRequests = () => server.state.requests.PutSecretValue ?? 0;

describe('a key verified once a minute', () => {
  const prefix = 'quota';
  const secret = `${prefix}/key/bot`;
  const ctxAt = (at: number): ResourceContext => ({
    store: new AwsSecretsManagerStore(prefix, new SecretBox(undefined)),
    now: () => at,
  });

  it('takes 99 verifies after its creation; the 100th is one line, E_STORE_QUOTA, not retried; a day later it is accepted', async () => {
    await createKey(ctxAt(AT), checkedKeySpec({ name: 'bot', generate: { issuer: 'Acme', accountName: 'bot' } }));
    const key = await keyMaterial(ctxAt(AT), 'bot');
    const ctx = ctxAt(AT);
    for (let i = 1; i <= 99; i++) {
      serverNow += MINUTE;
      const at = AT + i * PERIOD;
      expect(await validateKey(ctx, 'bot', generateCode(key, at), at)).toEqual({ valid: true });
    }
    expect(server.state.secrets.get(secret)?.versions.size).toBe(100);

    serverNow += MINUTE;
    const at = AT + 100 * PERIOD;
    const code = generateCode(key, at);
    const puts = putRequests();
    const error = await validateKey(ctx, 'bot', code, at).then(
      () => undefined,
      (e: unknown) => e,
    );
    expectNoSeedInError(error, key.secret);
    expect(error).toBeInstanceOf(TotpKitError);
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_QUOTA' });
    expect((error as TotpKitError).message).toBe(
      `store aws-sm:${prefix}: key "bot" (secret ${secret}) was not written: ${ADVICE}`,
    );
    // LimitExceededException is not throttling: asked once, not three times (the SDK's standard retry would).
    expect(putRequests() - puts).toBe(1);

    // The CLI says the same in one line, exit 3; the code was not spent by the refusals.
    const args = ['--store', `aws-sm:${prefix}`, 'key', 'verify', 'bot', '--code', code, '--at', String(at)];
    const refused = await runInProcess(args, { env, now: at });
    expectNoSeedInCli(refused, key.secret, 'key verify at the quota');
    expect([refused.status, refused.out, refused.err]).toEqual([
      3,
      '',
      `totp-kit: store aws-sm:${prefix}: key "bot" (secret ${secret}) was not written: ${ADVICE}\n`,
    ]);

    // A day after the first verify, its version is old enough to be removed: the record is written again.
    serverNow += DAY - 100 * MINUTE;
    const accepted = await runInProcess(args, { env, now: at });
    expect([accepted.status, accepted.out, accepted.err]).toEqual([0, 'valid\n', '']);
  });
});

describe('a lease per CI job, one every 5 minutes, through the CLI', () => {
  const seed = randomBytes(20);
  const key = { secret: seed, algorithm: 'SHA1' as const, digits: 6 as const, period: PERIOD };
  const secret = `ci/lease/${leaseId(key)}`;

  /** One job's `code --lease`, at its own step (so none waits for another's). */
  const job = (n: number) =>
    runInProcess(['--store', 'aws-sm:ci', 'code', '--from', 'env:TOTP_SEED', '--lease'], {
      env: { ...env, TOTP_SEED: encodeBase32(seed) },
      now: AT + n * PERIOD,
      sleep: () => Promise.reject(new Error('a job at a step of its own must not wait')),
    });

  it('the 101st lease within a day is one line, exit 3, and no code; once the first leases are a day old, it is issued', async () => {
    for (let n = 0; n < 100; n++) {
      serverNow += 5 * MINUTE;
      const run = await job(n);
      expect([run.status, run.out, run.err]).toEqual([0, `${generateCode(key, AT + n * PERIOD)}\n`, '']);
    }

    serverNow += 5 * MINUTE;
    const puts = putRequests();
    const refused = await job(100);
    expectNoSeedInCli(refused, seed, 'code --lease at the quota');
    expect([refused.status, refused.out, refused.err]).toEqual([
      3,
      '',
      `totp-kit: store aws-sm:ci: lease "${leaseId(key)}" (secret ${secret}) was not written: ${ADVICE}\n`,
    ]);
    expect(putRequests() - puts).toBe(1);

    // The first lease (its secret's creation) was 100 jobs ago, 8 h 20 min: a day after it, it makes room.
    serverNow += DAY - 100 * 5 * MINUTE;
    const issued = await job(100);
    expect([issued.status, issued.out, issued.err]).toEqual([0, `${generateCode(key, AT + 100 * PERIOD)}\n`, '']);
  });
});
