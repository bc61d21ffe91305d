// The AWS Secrets Manager store's own behaviour, against the loopback Secrets Manager server with the real SDK
// client: secret names and tags, error reporting, SDK retries, deletion, corrupt values and the compare-and-swap.
// What every store does alike is in store-contract.test.ts.
import { readFile } from 'node:fs/promises';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../src/core/base32.js';
import { AwsSecretsManagerStore } from '../src/stores/aws-sm-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import type { StoreRecord } from '../src/stores/store.js';
import { restoreAwsEnvAfterAll, useLoopbackAws } from './helpers/aws-env.js';
import { failure as rejection } from './helpers/failure.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

restoreAwsEnvAfterAll();

let server: SecretsManagerServer;
let raw: SecretsManagerClient;

/** Points the SDK's standard configuration at `endpoint` (read when a store makes its first request). */
function useEndpoint(endpoint: string): void {
  useLoopbackAws(endpoint, { AWS_ACCESS_KEY_ID: 'AKIDSTORETEST', AWS_SECRET_ACCESS_KEY: 'store-test-secret' });
}

beforeEach(async () => {
  server = await startSecretsManagerServer();
  useEndpoint(server.endpoint);
  // Out-of-band access, as an operator with the AWS CLI would have.
  raw = new SecretsManagerClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDOPERATOR', secretAccessKey: 'operator-secret' },
    maxAttempts: 1,
  });
});

afterEach(async () => {
  raw.destroy();
  await server.close();
});

const open = (prefix = 'totp-kit', secrets = new SecretBox(undefined)) => new AwsSecretsManagerStore(prefix, secrets);
const put = (next: StoreRecord | null) => () => ({ result: undefined, next });
const increment = (current: StoreRecord | undefined) => {
  const counter = ((current?.counter as number | undefined) ?? 0) + 1;
  return { result: counter, next: { ...current, counter } };
};

/** The seeds these tests put in records. */
const SEEDS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ'].map((b32) => decodeBase32(b32));
/** The leak scan of every test file: the seeds these tests store are never in an error. */
const failure = (promise: Promise<unknown>) => rejection(promise, SEEDS);

const tagsOf = (name: string) => server.state.secrets.get(name)?.tags;
const currentValue = (name: string) =>
  [...(server.state.secrets.get(name)?.versions.values() ?? [])].find((v) => v.stages.has('AWSCURRENT'))?.value;

describe('layout', () => {
  it('names one secret per record PREFIX/KIND/ID, holding the record as JSON, tagged managed-by=totp-kit', async () => {
    const store = open();
    expect(store.reference).toBe('aws-sm:totp-kit');
    await store.update('key', 'npm-bot', put({ digits: 6 }));
    await store.update('enrollment', 'totp/alice@example.com', put({ counter: 0 }));
    expect([...server.state.secrets.keys()]).toEqual([
      'totp-kit/key/npm-bot',
      'totp-kit/enrollment/totp/alice@example.com',
    ]);
    expect(tagsOf('totp-kit/key/npm-bot')).toEqual([
      { Key: 'managed-by', Value: 'totp-kit' },
      { Key: 'totp-kit-kind', Value: 'key' },
    ]);
    expect(tagsOf('totp-kit/enrollment/totp/alice@example.com')).toContainEqual({
      Key: 'totp-kit-kind',
      Value: 'enrollment',
    });
    expect(JSON.parse(currentValue('totp-kit/key/npm-bot')?.SecretString ?? '')).toEqual({ digits: 6 });
  });

  it('keeps a prefix that ends in a slash as it is', async () => {
    const store = open('team/totp/');
    expect(store.reference).toBe('aws-sm:team/totp/');
    await store.update('method', 'sms', put({}));
    expect([...server.state.secrets.keys()]).toEqual(['team/totp/method/sms']);
    expect(await store.list('method')).toEqual(['sms']);
  });

  it('deletes for good, with no recovery window, so the name is free at once', async () => {
    const store = open();
    await store.update('key', 'gone', put({ a: 1 }));
    await store.update('key', 'gone', put(null));
    expect(server.state.secrets.has('totp-kit/key/gone')).toBe(false);
    expect(server.state.requests.DeleteSecret).toBe(1);
  });

  it('refuses an id Secrets Manager cannot name, before any request', async () => {
    const store = open();
    for (const id of ['', 'with space', 'ünïcode', 'x'.repeat(600)]) {
      const error = await failure(store.get('key', id));
      expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_ID' });
    }
    expect(server.state.requests).toEqual({});
  });

  it('lists only records of its prefix and kind that totp-kit manages, across pages', async () => {
    const store = open();
    const managed = [{ Key: 'managed-by', Value: 'totp-kit' }];
    const names = {
      'totp-kit/key/untagged': undefined,
      'totp-kit/key/foreign': [{ Key: 'managed-by', Value: 'terraform' }],
      'totp-kit/keys/near-miss': managed,
      'totp-kitx/key/near-miss': managed,
      'other/totp-kit/key/x': managed,
    };
    for (const [Name, Tags] of Object.entries(names)) {
      await raw.send(new CreateSecretCommand({ Name, SecretString: '{}', ...(Tags ? { Tags } : {}) }));
    }
    // More than one page (the service returns at most 100 per page).
    const ids = Array.from({ length: 105 }, (_, i) => `bot-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await raw.send(new CreateSecretCommand({ Name: `totp-kit/key/${id}`, SecretString: '{}', Tags: managed }));
    }
    expect(await store.list('key')).toEqual(ids);
    expect(server.state.requests.ListSecrets).toBeGreaterThanOrEqual(2);
    expect(await store.get('key', 'untagged')).toEqual({}); // get reads by name; only list needs the tag
  });
});

describe('errors', () => {
  it('reports access denied with the operation and the secret, and does not retry it', async () => {
    const store = open();
    server.faults.accessDenied = (name) => name === 'totp-kit/key/npm-bot';
    const error = await failure(store.get('key', 'npm-bot'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_BACKEND' });
    expect(error.message).toBe(
      'store aws-sm:totp-kit: GetSecretValue totp-kit/key/npm-bot failed: access denied (AccessDeniedException)',
    );
    expect(server.state.requests.GetSecretValue).toBe(1);

    server.faults.accessDenied = (_, operation) => operation === 'CreateSecret';
    const create = await failure(store.update('key', 'new-one', put({ digits: 6 })));
    expect(create.message).toBe(
      'store aws-sm:totp-kit: CreateSecret totp-kit/key/new-one failed: access denied (AccessDeniedException)',
    );
  });

  it('never puts the record in an error message', async () => {
    const store = open();
    await store.update('key', 'npm-bot', put({ secret: 'JBSWY3DPEHPK3PXP', digits: 6 }));
    server.faults.next('AccessDeniedException', { operation: 'PutSecretValue' });
    const error = await failure(store.update('key', 'npm-bot', put({ secret: 'GEZDGNBVGY3TQOJQ', digits: 8 })));
    expect(error.message).toBe(
      'store aws-sm:totp-kit: PutSecretValue totp-kit/key/npm-bot failed: access denied (AccessDeniedException)',
    );
    expect(error.message).not.toMatch(/JBSWY3DP|GEZDGNBV|digits/);
    expect(await store.get('key', 'npm-bot')).toEqual({ secret: 'JBSWY3DPEHPK3PXP', digits: 6 });
  });

  it('reports persistent throttling after the SDK retried it', async () => {
    const store = open();
    server.faults.next('ThrottlingException', { times: Number.POSITIVE_INFINITY, operation: 'ListSecrets' });
    const error = await failure(store.list('key'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_BACKEND' });
    expect(error.message).toBe(
      'store aws-sm:totp-kit: ListSecrets totp-kit/key/ failed: throttled after retries (ThrottlingException)',
    );
    expect(server.state.requests.ListSecrets).toBe(3); // the SDK's standard retry: 3 attempts
  });

  it('rides out throttling and a 500 that the SDK retries', async () => {
    const store = open();
    await store.update('key', 'npm-bot', put({ digits: 6 }));
    server.faults.next('InternalServiceError', { operation: 'GetSecretValue' });
    expect(await store.get('key', 'npm-bot')).toEqual({ digits: 6 });
    // 2 in the update (the record; the key check, read once before a store object's first write without a key),
    // then 1 failed and 1 retried.
    expect(server.state.requests.GetSecretValue).toBe(4);

    server.faults.next('ThrottlingException', { operation: 'PutSecretValue' });
    await store.update('key', 'npm-bot', put({ digits: 8 }));
    expect(await store.get('key', 'npm-bot')).toEqual({ digits: 8 });
    expect(server.state.requests.PutSecretValue).toBe(2);
  });

  it('reports a quota refusal by name at once: LimitExceededException is not throttling, so it is not retried', async () => {
    // The SDK's standard retry counts the name as throttling; a quota is not lifted by waiting (aws-sdk.ts).
    // The versions of one record are aws-sm-quota.test.ts; this is another call's quota (the secrets of a region).
    const store = open();
    server.faults.next('LimitExceededException', { operation: 'CreateSecret', times: Number.POSITIVE_INFINITY });
    const error = await failure(store.update('key', 'npm-bot', put({ digits: 6 })));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_BACKEND' });
    expect(error.message).toBe(
      'store aws-sm:totp-kit: CreateSecret totp-kit/key/npm-bot failed: LimitExceededException: Injected LimitExceededException',
    );
    expect(server.state.requests.CreateSecret).toBe(1);
  });

  it('reports an endpoint it cannot reach', async () => {
    const closed = await startSecretsManagerServer();
    await closed.close();
    useEndpoint(closed.endpoint);
    const error = await failure(open().get('key', 'npm-bot'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_BACKEND' });
    expect(error.message).toBe(
      'store aws-sm:totp-kit: GetSecretValue totp-kit/key/npm-bot failed: unreachable (ECONNREFUSED)',
    );
  });

  it('reports a missing region', async () => {
    delete process.env.AWS_REGION;
    const error = await failure(open().list('key'));
    expect(error.message).toBe(
      'store aws-sm:totp-kit: ListSecrets totp-kit/key/ failed: no AWS region configured (set AWS_REGION)',
    );
  });

  it('refuses a secret that does not hold a JSON object, without quoting it', async () => {
    const store = open();
    await raw.send(new CreateSecretCommand({ Name: 'totp-kit/key/text', SecretString: 'hunter2 plain text' }));
    await raw.send(new CreateSecretCommand({ Name: 'totp-kit/key/array', SecretString: '["hunter2"]' }));
    await raw.send(
      new CreateSecretCommand({ Name: 'totp-kit/key/binary', SecretBinary: Buffer.from('hunter2', 'utf8') }),
    );
    for (const id of ['text', 'array', 'binary']) {
      const error = await failure(store.get('key', id));
      expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_CORRUPT' });
      expect(error.message).toContain(`secret totp-kit/key/${id} `);
      expect(error.message).not.toContain('hunter2');
    }
    const writes = server.state.requests.PutSecretValue;
    const update = await failure(store.update('key', 'text', put({ fixed: true })));
    expect(update.code).toBe('E_STORE_CORRUPT');
    expect(server.state.requests.PutSecretValue).toBe(writes);
  });
  it('does not adopt a store holding a damaged plain seed: refused by name, nothing written', async () => {
    await open().update('key', 'legacy', put({ secret: 'not base32 at all!', digits: 6 }));
    const before = JSON.stringify(server.state.requests);
    const keyed = open('totp-kit', new SecretBox('a passphrase of twenty-plus characters', { adopt: true }));
    const error = await failure(keyed.update('key', 'legacy', (current) => ({ result: 0, next: { ...current } })));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_CORRUPT' });
    expect(error.message).toContain('key "legacy"');
    const after = server.state.requests;
    expect([after.CreateSecret, after.PutSecretValue]).toEqual([JSON.parse(before).CreateSecret, undefined]);
    expect(JSON.parse(currentValue('totp-kit/key/legacy')?.SecretString ?? '')).toEqual({
      secret: 'not base32 at all!',
      digits: 6,
    });
  });
});

describe('deletion by an operator', () => {
  it('reads a secret scheduled for deletion as absent and creates the record anew', async () => {
    const store = open();
    await store.update('key', 'npm-bot', put({ digits: 6 }));
    await raw.send(new DeleteSecretCommand({ SecretId: 'totp-kit/key/npm-bot', RecoveryWindowInDays: 7 }));
    expect(await store.get('key', 'npm-bot')).toBeUndefined();
    expect(await store.list('key')).toEqual([]);
    expect(await store.update('key', 'npm-bot', () => ({ result: 'no change' }))).toBe('no change');
    expect(await store.update('key', 'npm-bot', () => ({ result: 'nothing to delete', next: null }))).toBe(
      'nothing to delete',
    );

    const seen: unknown[] = [];
    await store.update('key', 'npm-bot', (current) => {
      seen.push(current);
      return { result: undefined, next: { digits: 8 } };
    });
    expect(seen).toEqual([undefined]); // the deleted record is not resurrected into the change
    expect(await store.get('key', 'npm-bot')).toEqual({ digits: 8 });
    expect(await store.list('key')).toEqual(['npm-bot']);
    const described = await raw.send(new DescribeSecretCommand({ SecretId: 'totp-kit/key/npm-bot' }));
    expect(described.DeletedDate).toBeUndefined();
  });

  it('lets exactly one of two racing writers recreate a record scheduled for deletion', async () => {
    await open().update('enrollment', 'totp/alice', put({ counter: 41 }));
    await raw.send(new DeleteSecretCommand({ SecretId: 'totp-kit/enrollment/totp/alice', RecoveryWindowInDays: 7 }));
    const [a, b] = [open(), open()];
    const results = await Promise.all([
      a.update('enrollment', 'totp/alice', increment),
      b.update('enrollment', 'totp/alice', increment),
    ]);
    expect(results.sort()).toEqual([1, 2]);
    expect(await a.get('enrollment', 'totp/alice')).toEqual({ counter: 2 });
  });
});

describe('compare-and-swap', () => {
  it('two stores racing on one record: both finish, no update lost', async () => {
    const [a, b] = [open(), open()];
    await a.update('enrollment', 'totp/alice', put({ counter: 0, label: 'alice' }));
    const runs = { a: 0, b: 0 };
    const racer = (store: AwsSecretsManagerStore, who: 'a' | 'b') =>
      store.update('enrollment', 'totp/alice', (current) => {
        runs[who]++;
        return increment(current);
      });
    // 10 writers: each round a writer loses is a round another one won, so none can lose the 10 rounds after which
    // the store gives up, however the machine schedules them (30 did, on a loaded machine).
    const results = await Promise.all(Array.from({ length: 5 }, () => [racer(a, 'a'), racer(b, 'b')]).flat());
    expect(results.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await b.get('enrollment', 'totp/alice')).toEqual({ counter: 10, label: 'alice' });
    // The race was real: some writers lost a round and ran their change again.
    expect(runs.a + runs.b).toBeGreaterThan(10);
    expect(server.state.requests.UpdateSecretVersionStage).toBeGreaterThan(10);
  });

  it('writes a version labelled TOTPKIT_PENDING, then moves AWSCURRENT to it', async () => {
    const store = open();
    await store.update('key', 'k', put({ n: 1 }));
    await store.update('key', 'k', put({ n: 2 }));
    const versions = [...(server.state.secrets.get('totp-kit/key/k')?.versions.values() ?? [])];
    expect(versions.map((v) => [...v.stages].sort())).toEqual([['AWSPREVIOUS'], ['AWSCURRENT', 'TOTPKIT_PENDING']]);
  });

  it('applies a write once when the SDK retries a stage move whose response was lost', async () => {
    const store = open();
    await store.update('enrollment', 'totp/alice', put({ counter: 1 }));
    server.faults.next('ServiceUnavailable', { operation: 'UpdateSecretVersionStage', afterApply: true });
    let runs = 0;
    const result = await store.update('enrollment', 'totp/alice', (current) => {
      runs++;
      return increment(current);
    });
    expect(result).toBe(2);
    expect(runs).toBe(1);
    expect(await store.get('enrollment', 'totp/alice')).toEqual({ counter: 2 });
  });

  it('reads again when the secret vanished between read and write', async () => {
    const store = open();
    await store.update('key', 'k', put({ n: 1 }));
    server.faults.next('ResourceNotFoundException', { operation: 'PutSecretValue' });
    await store.update('key', 'k', put({ n: 2 }));
    expect(await store.get('key', 'k')).toEqual({ n: 2 });
    expect(server.state.requests.GetSecretValue).toBe(5); // 1 + the key check + 2 reads of the update + 1
  });

  it('gives up with a conflict after about 10 lost rounds, leaving the record as it was', async () => {
    const store = open();
    await store.update('key', 'k', put({ n: 1 }));
    server.faults.next('InvalidParameterException', {
      operation: 'UpdateSecretVersionStage',
      times: Number.POSITIVE_INFINITY,
    });
    let runs = 0;
    const error = await failure(
      store.update('key', 'k', () => {
        runs++;
        return { result: undefined, next: { n: 2 } };
      }),
    );
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_CONFLICT' });
    expect(error.message).toMatch(/^store aws-sm:totp-kit: update totp-kit\/key\/k failed: conflict: /);
    expect(runs).toBe(10);
    server.faults.clear();
    expect(await store.get('key', 'k')).toEqual({ n: 1 });
  });
});

describe('loading', () => {
  it.each(['stores/aws-sm-store.ts', 'stores/aws-sdk.ts', 'sources/aws-sm-source.ts'])(
    'src/%s imports the AWS SDK only on first use (no static import)',
    async (file) => {
      const source = await readFile(new URL(`../src/${file}`, import.meta.url), 'utf8');
      const statements = [...source.matchAll(/^import\s[^;]*?from\s+'@aws-sdk\/client-secrets-manager'/gms)];
      for (const [statement] of statements) expect(statement).toMatch(/^import type\s/);
      expect(source).not.toMatch(/^import\s+'@aws-sdk/m);
      expect(source).not.toMatch(/require\(\s*'@aws-sdk/);
    },
  );

  it('has the one dynamic import of the SDK in src/stores/aws-sdk.ts', async () => {
    const source = await readFile(new URL('../src/stores/aws-sdk.ts', import.meta.url), 'utf8');
    expect(source).toContain("await import('@aws-sdk/client-secrets-manager')");
  });

  it('makes no request until it is used', async () => {
    open();
    expect(server.state.requests).toEqual({});
  });
});
