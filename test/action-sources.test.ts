// The action's sources, against loopback stand-ins: AWS Secrets Manager (the real SDK reaches
// helpers/secrets-manager-server.ts through AWS_ENDPOINT_URL_SECRETS_MANAGER) and Vault (helpers/vault-server.ts:
// KV v2 and the TOTP engine, on the same fixed clock as the runs). The action runs in this process against the
// sources (helpers/in-process-action.ts); a last suite runs the bundle as the runner does, with the SDK loaded
// lazily in a real process. Codes are checked against oathtool; every failure must be one line naming the
// reference and the backend's reason, with no seed material anywhere.
import { randomBytes } from 'node:crypto';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { runActionInProcess } from './helpers/in-process-action.js';
import { expectNoSeed, expectNoSeedInAction } from './helpers/leak.js';
import {
  type ActionRun,
  type ActionRunOptions,
  expectCodeOfRun,
  referenceCode,
  runAction,
} from './helpers/run-action.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';
import { startVaultServer, type VaultServer } from './helpers/vault-server.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const OTHER = randomBytes(20);
/** The runner's clock, and Vault's, in this file. */
const T = 1_699_999_990;

/** Runs the action in this process at `T` (with `bundle`, the bundle as the runner does, on the machine's clock). */
async function run(
  options: ActionRunOptions & { readonly bundle?: boolean },
  seeds: readonly Uint8Array[] = [SEED, OTHER],
): Promise<ActionRun> {
  const r = options.bundle ? await runAction(options) : await runActionInProcess({ ...options, now: T });
  check(r, seeds);
  return r;
}

/** Nothing a person can read, and no output but `code`, may hold a form of `seeds`. */
function check(r: ActionRun, seeds: readonly Uint8Array[]): void {
  const unmasked = `${r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')}${r.stderr}${r.summary}`;
  for (const seed of seeds) {
    expectNoSeed(r.maskedView, seed, 'the masked log, summary and outputs');
    if (r.exitCode !== 0) expectNoSeed(unmasked, seed, 'the log of a failed step (unmasked)');
    for (const [name, value] of Object.entries(r.outputs)) if (name !== 'code') expectNoSeed(value, seed, name);
  }
  // The leak scan of every test file: the log unmasked (successful steps too), stderr, outputs, summary, messages.
  expectNoSeedInAction(r, seeds);
  expect(r.masks).not.toContain('');
}

/** Asserts one ::error:: line (no line breaks) holding every one of `parts`, exit 1, no outputs, no stack. */
function expectFailure(r: ActionRun, ...parts: string[]): string {
  expect(r.exitCode, r.stdout).toBe(1);
  expect(r.errors, r.stdout).toHaveLength(1);
  const message = r.errors[0] as string;
  expect(message).not.toContain('\n');
  for (const part of parts) expect(message).toContain(part);
  expect(r.outputs).toEqual({});
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/^\s+at /m);
  return message;
}

describe('aws-sm: sources', () => {
  let sm: SecretsManagerServer;
  let client: SecretsManagerClient;
  const arns = new Map<string, string>();
  /** What the SDK needs to reach the stand-in, with nothing read from this machine's AWS configuration. */
  const awsEnv = (extra: Record<string, string> = {}) => ({
    AWS_ENDPOINT_URL_SECRETS_MANAGER: sm.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '2',
    ...extra,
  });
  const generate = (
    source: string,
    env: Record<string, string> = awsEnv(),
    inputs: Record<string, string> = {},
    bundle = false,
  ) => run({ inputs: { source, 'min-remaining': '0', ...inputs }, env, bundle });

  beforeAll(async () => {
    sm = await startSecretsManagerServer();
    client = new SecretsManagerClient({
      endpoint: sm.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
      maxAttempts: 1,
    });
    const secrets: Record<string, { SecretString: string } | { SecretBinary: Uint8Array }> = {
      'ci/b32': { SecretString: B32 },
      'ci/url': { SecretString: `otpauth://totp/npm:bot?secret=${B32}&issuer=npm&algorithm=SHA512&digits=8` },
      'ci/json-one': { SecretString: JSON.stringify({ token: B32, ttl: 30, enabled: true }) },
      'ci/json-usual': { SecretString: JSON.stringify({ issuer: 'npm', secret: B32, account: 'bot' }) },
      'ci/json-field': { SecretString: JSON.stringify({ primary: B32, backup: encodeBase32(OTHER) }) },
      'ci/json-two': { SecretString: JSON.stringify({ secret: B32, seed: encodeBase32(OTHER) }) },
      'ci/json-nested': { SecretString: JSON.stringify({ totp: { secret: B32 } }) },
      'ci/binary': { SecretBinary: SEED },
      'ci/denied': { SecretString: B32 },
      'ci/throttled': { SecretString: B32 },
    };
    for (const [Name, value] of Object.entries(secrets)) {
      const created = await client.send(new CreateSecretCommand({ Name, ...value }));
      arns.set(Name, created.ARN as string);
    }
  });
  afterAll(async () => {
    client.destroy();
    await sm.close();
  });
  beforeEach(() => sm.faults.clear());

  it('a SecretString holding Base32', async () => {
    const r = await generate('aws-sm:ci/b32');
    expectCodeOfRun(r, SEED);
    expect(r.masks).toContain(B32);
    expect(r.summary).toContain('<code>aws-sm:ci/b32</code>');
  });

  it('a SecretString holding an otpauth URL (its settings apply)', async () => {
    const r = await generate('aws-sm:ci/url');
    expectCodeOfRun(r, SEED, { algorithm: 'SHA512', digits: 8 });
  });

  it('a JSON object with one string field', async () => {
    expectCodeOfRun(await generate('aws-sm:ci/json-one'), SEED);
  });

  it('a JSON object with one of the usual field names among other text fields', async () => {
    expectCodeOfRun(await generate('aws-sm:ci/json-usual'), SEED);
  });

  it('#FIELD picks the field', async () => {
    expectCodeOfRun(await generate('aws-sm:ci/json-field#primary'), SEED);
    expectCodeOfRun(await generate('aws-sm:ci/json-field#backup'), OTHER);
  });

  it('two candidate fields are refused, naming the keys but never the values', async () => {
    const message = expectFailure(await generate('aws-sm:ci/json-two'), 'aws-sm:ci/json-two', '"secret"', '"seed"');
    expect(message).toMatch(/#FIELD/);
  });

  it('a nested object is refused, with or without #FIELD', async () => {
    expectFailure(await generate('aws-sm:ci/json-nested'), 'aws-sm:ci/json-nested', '"totp"');
    expectFailure(await generate('aws-sm:ci/json-nested#totp'), 'aws-sm:ci/json-nested', '"totp"', 'object');
  });

  it('a SecretBinary holds the raw key bytes (oathtool with the hex key agrees)', async () => {
    const r = await generate('aws-sm:ci/binary');
    expectCodeOfRun(r, SEED);
    expect(r.masks).toEqual(expect.arrayContaining([SEED.toString('hex'), SEED.toString('base64')]));
  });

  it('a secret named by its ARN', async () => {
    const arn = arns.get('ci/b32') as string;
    expect(arn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:ci\/b32-/);
    const r = await generate(`aws-sm:${arn}`);
    expectCodeOfRun(r, SEED);
  });

  it('the aws-region input supplies the region when the environment has none', async () => {
    const { AWS_REGION: _, ...noRegion } = awsEnv();
    const r = await generate('aws-sm:ci/b32', noRegion, { 'aws-region': 'eu-west-1' });
    expectCodeOfRun(r, SEED);
    const without = await generate('aws-sm:ci/b32', noRegion);
    expectFailure(without, 'aws-sm:ci/b32', 'region');
  });

  it('a secret that does not exist: not found', async () => {
    expectFailure(await generate('aws-sm:ci/missing'), 'aws-sm:ci/missing', 'not found');
  });

  it('access denied', async () => {
    sm.faults.accessDenied = (name) => name === 'ci/denied';
    expectFailure(await generate('aws-sm:ci/denied'), 'aws-sm:ci/denied', 'access denied');
  });

  it('throttled on every attempt: refused after the SDK retried (AWS_MAX_ATTEMPTS=2)', async () => {
    sm.faults.next('ThrottlingException', { operation: 'GetSecretValue', times: Number.POSITIVE_INFINITY });
    const before = sm.state.requests.GetSecretValue ?? 0;
    const r = await generate('aws-sm:ci/throttled');
    expect((sm.state.requests.GetSecretValue ?? 0) - before).toBe(2);
    expectFailure(r, 'aws-sm:ci/throttled', 'throttled after retries');
  });

  it('through the bundle, in a real process: the SDK is loaded when an aws-sm: source needs it', async () => {
    const r = await generate('aws-sm:ci/url', awsEnv(), {}, true);
    expectCodeOfRun(r, SEED, { algorithm: 'SHA512', digits: 8 });
    expect(r.masks).toContain(B32);
    const missing = await generate('aws-sm:ci/missing', awsEnv(), {}, true);
    expectFailure(missing, 'aws-sm:ci/missing', 'not found');
  });

  it('one throttled answer is retried by the SDK and the step succeeds', async () => {
    sm.faults.next('ThrottlingException', { operation: 'GetSecretValue', times: 1 });
    const before = sm.state.requests.GetSecretValue ?? 0;
    const r = await generate('aws-sm:ci/throttled');
    expectCodeOfRun(r, SEED);
    expect((sm.state.requests.GetSecretValue ?? 0) - before).toBe(2);
  });
});

describe('vault-kv: and vault-totp: sources', () => {
  let vault: VaultServer;
  const env = () => ({ VAULT_ADDR: vault.address, VAULT_TOKEN: vault.token });

  beforeAll(async () => {
    vault = await startVaultServer({ now: () => T * 1000 });
    vault.putKv('secret', 'ci/npm', { otp: B32, username: 'release-bot' });
    vault.putTotpKey('totp', 'npm', { secret: SEED, issuer: 'npm', accountName: 'bot', digits: 8, period: 60 });
  });
  afterAll(() => vault.close());
  beforeEach(() => {
    vault.sealed = false;
    vault.requireNamespace = undefined;
    vault.requests.length = 0;
  });

  it('vault-kv:MOUNT/PATH#FIELD with VAULT_ADDR and VAULT_TOKEN', async () => {
    const r = await run({ inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' }, env: env() });
    expectCodeOfRun(r, SEED);
    expect(vault.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual(['GET secret/data/ci/npm 200']);
    expect(vault.requests[0]?.token).toBe(vault.token);
    expect(vault.requests[0]?.namespace).toBeUndefined();
  });

  it('the vault-address, vault-token and vault-namespace inputs; the token is masked', async () => {
    vault.requireNamespace = 'ci-team';
    const inputs = {
      source: 'vault-kv:secret/ci/npm#otp',
      'vault-address': vault.address,
      'vault-token': vault.token,
      'vault-namespace': 'ci-team',
      'min-remaining': '0',
    };
    const r = await run({ inputs });
    expectCodeOfRun(r, SEED);
    expect(vault.requests).toHaveLength(1);
    expect(vault.requests[0]?.namespace).toBe('ci-team');
    expect(r.masks).toContain(vault.token);
    expect(r.maskedView).not.toContain(vault.token);
  });

  it('through the bundle, in a real process: vault-kv: with VAULT_ADDR and VAULT_TOKEN', async () => {
    const r = await run({
      inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' },
      env: env(),
      bundle: true,
    });
    expectCodeOfRun(r, SEED);
    expect(vault.requests.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual(['GET secret/data/ci/npm 200']);
  });

  it('a missing namespace is refused by Vault: permission denied', async () => {
    vault.requireNamespace = 'ci-team';
    const r = await run({ inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' }, env: env() });
    expectFailure(r, 'vault-kv:secret/ci/npm#otp', 'permission denied');
  });

  it('a wrong token: 403 permission denied, in one line', async () => {
    const r = await run({
      inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' },
      env: { VAULT_ADDR: vault.address, VAULT_TOKEN: 'hvs.wrong' },
    });
    expectFailure(r, 'vault-kv:secret/ci/npm#otp', 'permission denied (403)');
  });

  it('a path with no secret: 404 not found', async () => {
    const r = await run({ inputs: { source: 'vault-kv:secret/ci/none#otp', 'min-remaining': '0' }, env: env() });
    expectFailure(r, 'vault-kv:secret/ci/none#otp', 'not found (404)');
  });

  it('a sealed Vault: 503, one clear line, not retried', async () => {
    vault.sealed = true;
    const r = await run({ inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' }, env: env() });
    expectFailure(r, 'vault-kv:secret/ci/npm#otp', 'Vault is sealed (503)');
    expect(vault.requests).toHaveLength(1);
  });

  it('an unreachable Vault: refused after the retries, naming the reason', async () => {
    const closed = await startVaultServer();
    await closed.close(); // a port on which nothing listens any more
    const r = await run({
      inputs: { source: 'vault-kv:secret/ci/npm#otp', 'min-remaining': '0' },
      env: { VAULT_ADDR: closed.address, VAULT_TOKEN: vault.token },
    });
    expectFailure(r, 'vault-kv:secret/ci/npm#otp', 'unreachable (ECONNREFUSED)');
  });

  it('a missing #FIELD names the fields, never their values', async () => {
    const r = await run({ inputs: { source: 'vault-kv:secret/ci/npm#totp', 'min-remaining': '0' }, env: env() });
    expectFailure(r, 'vault-kv:secret/ci/npm#totp', '"otp"', '"username"');
  });

  it('vault-totp:MOUNT/KEY outputs the code Vault computed; the seed is never fetched', async () => {
    const r = await run({ inputs: { source: 'vault-totp:totp/npm', 'min-remaining': '0' }, env: env() });
    expectCodeOfRun(r, SEED, { digits: 8, period: 60 });
    const paths = vault.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths).toEqual(['GET totp/keys/npm', 'GET totp/code/npm']);
    expect(r.masks).toContain(r.outputs.code);
    expect(r.summary).toContain('<code>vault-totp:totp/npm</code>');
  });

  it('vault-totp: settings that contradict the key are refused', async () => {
    const r = await run({ inputs: { source: 'vault-totp:totp/npm', digits: '6', 'min-remaining': '0' }, env: env() });
    expectFailure(r, 'digits', '6');
  });

  it('verify through Vault: valid once, then refused by Vault as already used (valid=false)', async () => {
    const code = referenceCode(SEED, T, { digits: 8, period: 60 });
    const inputs = { source: 'vault-totp:totp/npm', mode: 'verify', code };
    const first = await run({ inputs, env: env() });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toEqual({ valid: 'true', period: '60', digits: '8', algorithm: 'SHA1' });
    const again = await run({ inputs, env: env() });
    expect(again.exitCode).toBe(1);
    expect(again.outputs.valid).toBe('false');
    expect(again.errors).toHaveLength(1);
    expect(again.errors[0]).toMatch(/^code: /);
    const validations = vault.requests.filter((q) => q.method === 'POST');
    expect(validations.map((q) => [q.path, q.body, q.status])).toEqual([
      ['totp/code/npm', { code }, 200],
      ['totp/code/npm', { code }, 400],
    ]);
    expect(vault.requests.every((q) => /^totp\/(keys|code)\/npm$/.test(q.path))).toBe(true);
  });
});
