// Issue 14, AWS Secrets Manager store: the key check (Low 6), secrets under the prefix that totp-kit did not write
// under the store key, store prefixes that would let one store's record names address another store's secrets
// (Low 5), and an answer the SDK cannot read (Low 11). Against the loopback Secrets Manager with the real SDK.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { generateCode } from '../src/core/totp.js';
import type { ResourceContext } from '../src/resources/context.js';
import { keyCode } from '../src/resources/key.js';
import { AwsSecretsManagerStore } from '../src/stores/aws-sm-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import { resolveStoreRef } from '../src/stores/store-ref.js';
import { restoreAwsEnvAfterAll, useLoopbackAws } from './helpers/aws-env.js';
import { expectNoSeed, expectNoSeedInError } from './helpers/leak.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

const T = 1_700_000_010;
const KEY = randomBytes(32).toString('base64');
const OTHER_KEY = randomBytes(32).toString('base64');
const PLANTED = randomBytes(20);
const SEEDS: Uint8Array[] = [PLANTED, Buffer.from(KEY, 'base64'), Buffer.from(OTHER_KEY, 'base64')];

restoreAwsEnvAfterAll();

let server: SecretsManagerServer;
let raw: SecretsManagerClient;

function useEndpoint(endpoint: string): void {
  useLoopbackAws(endpoint, {
    AWS_ACCESS_KEY_ID: 'AKIDSTOREAUTHAWS',
    AWS_SECRET_ACCESS_KEY: 'store-auth-aws-secret',
    AWS_MAX_ATTEMPTS: '1',
  });
}

beforeEach(async () => {
  server = await startSecretsManagerServer();
  useEndpoint(server.endpoint);
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

/** A store under `key` (null: no store key). */
const open = (prefix = 'totp-kit', key: string | null = KEY) =>
  new AwsSecretsManagerStore(prefix, new SecretBox(key ?? undefined));
const ctxOf = (store: AwsSecretsManagerStore): ResourceContext => ({ store, now: () => T });
const MANAGED = [
  { Key: 'managed-by', Value: 'totp-kit' },
  { Key: 'totp-kit-kind', Value: 'key' },
];

async function refusal(promise: Promise<unknown>): Promise<TotpKitError> {
  const error = await promise.then(
    () => expect.fail('the operation was not refused'),
    (e: unknown) => e,
  );
  expectNoSeedInError(error, SEEDS);
  expect(error).toBeInstanceOf(TotpKitError);
  expect((error as Error).message).not.toContain('\n');
  return error as TotpKitError;
}

/** A key record as totp-kit writes one, with a plain seed: what someone without the key can make. */
const plantedKey = (name: string) => ({
  name,
  generated: false,
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  skew: 1,
  qrSize: 200,
  exported: false,
  secret: encodeBase32(PLANTED),
  generation: 'g1',
  createdAt: '2023-11-14T22:13:20Z',
  updatedAt: '2023-11-14T22:13:20Z',
  usedCodes: {},
});

describe('the key check (Low 6)', () => {
  it('is a secret PREFIX/key-check, tagged, holding no seed material, written with the first keyed record', async () => {
    const store = open();
    await store.update('method', 'ops', () => ({ result: 0, next: { methodName: 'ops' } }));
    const check = server.state.secrets.get('totp-kit/key-check');
    expect(check?.tags).toEqual([
      { Key: 'managed-by', Value: 'totp-kit' },
      { Key: 'totp-kit-kind', Value: 'key-check' },
    ]);
    const value = [...(check?.versions.values() ?? [])][0]?.value.SecretString ?? '';
    expect(JSON.parse(value).keyCheck).toMatchObject({ v: 1, alg: 'A256GCM', kdf: 'raw' });
    expectNoSeed(value, SEEDS, 'the key check');
    // Not a record: list shows none of it.
    expect(await store.list('key')).toEqual([]);
  });

  it('refuses a second store key, before writing anything', async () => {
    await open().update('method', 'ops', () => ({ result: 0, next: { methodName: 'ops' } }));
    const writes = JSON.stringify(server.state.requests);
    const other = open('totp-kit', OTHER_KEY);
    const error = await refusal(other.update('method', 'other', () => ({ result: 0, next: { methodName: 'other' } })));
    expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_WRONG' });
    expect(error.message).toContain('aws-sm:totp-kit');
    expect(server.state.secrets.has('totp-kit/method/other')).toBe(false);
    expect(JSON.parse(JSON.stringify(server.state.requests)).CreateSecret).toBe(JSON.parse(writes).CreateSecret);
  });

  it('20 first writes at once on a fresh store (two store objects): all kept, one key check, all authenticated', async () => {
    const [a, b] = [open(), open()];
    const ids = Array.from({ length: 20 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    await Promise.all(
      ids.map((id, i) => (i % 2 ? a : b).update('method', id, () => ({ result: 0, next: { methodName: id } }))),
    );
    expect(server.state.secrets.has('totp-kit/key-check')).toBe(true);
    expect(await open().list('method')).toEqual(ids);
    for (const id of ids) expect(await open().get('method', id)).toEqual({ methodName: id });
  });

  it('two writers with different keys racing on a fresh store: one key wins, the other is refused', async () => {
    const [a, b] = [open(), open('totp-kit', OTHER_KEY)];
    const results = await Promise.allSettled([
      a.update('method', 'a', () => ({ result: 'a', next: { methodName: 'a' } })),
      b.update('method', 'b', () => ({ result: 'b', next: { methodName: 'b' } })),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'E_STORE_KEY_WRONG' });
  });
});

describe('secrets under the prefix that totp-kit did not write under the key (Low 6)', () => {
  it.each([
    ['untagged', undefined],
    ['tagged by another tool', [{ Key: 'managed-by', Value: 'terraform' }]],
    ['tagged as totp-kit (tags are not proof)', MANAGED],
  ])('a key secret %s is refused by name, never used for codes', async (_, tags) => {
    await open().update('method', 'ops', () => ({ result: 0, next: { methodName: 'ops' } })); // the store is keyed
    await raw.send(
      new CreateSecretCommand({
        Name: 'totp-kit/key/planted',
        SecretString: JSON.stringify(plantedKey('planted')),
        ...(tags ? { Tags: tags } : {}),
      }),
    );
    const error = await refusal(keyCode(ctxOf(open()), 'planted'));
    expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
    expect(error.message).toContain('key "planted"');
    expect(error.message).toContain('totp-kit/key/planted');
    expect(error.message).not.toContain(generateCode({ secret: PLANTED, algorithm: 'SHA1', digits: 6, period: 30 }, T));
  });

  it('is refused on a keyed store that has no key check yet (never adopted)', async () => {
    await raw.send(
      new CreateSecretCommand({ Name: 'totp-kit/key/planted', SecretString: JSON.stringify(plantedKey('planted')) }),
    );
    const error = await refusal(keyCode(ctxOf(open()), 'planted'));
    expect(error.code).toBe('E_STORE_NOT_ADOPTED');
  });

  it('adoption leaves untagged secrets out: they stay refused', async () => {
    await open('totp-kit', null).update('key', 'mine', () => ({ result: 0, next: plantedKey('mine') }));
    await raw.send(
      new CreateSecretCommand({ Name: 'totp-kit/key/planted', SecretString: JSON.stringify(plantedKey('planted')) }),
    );
    const adopting = new AwsSecretsManagerStore('totp-kit', new SecretBox(KEY, { adopt: true }));
    expect(await keyCode(ctxOf(adopting), 'mine')).toMatch(/^\d{6}$/);
    const error = await refusal(keyCode(ctxOf(open()), 'planted'));
    expect(error.code).toBe('E_STORE_TAMPERED');
  });
});

describe('nested prefixes (Low 5)', () => {
  it.each(['coll/key/x', 'coll/enrollment', 'a/Method/b', 'lease', 'x/LEASE/'])(
    'refuses the prefix %s, whose record names another store could address',
    async (prefix) => {
      const error = await refusal(Promise.resolve().then(() => open(prefix)));
      expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_REF' });
      const parsed = await refusal(Promise.resolve().then(() => resolveStoreRef(`aws-sm:${prefix}`, {})));
      expect(parsed).toMatchObject({ kind: 'bad-input', code: 'E_STORE_REF' });
      expect(parsed.message).toContain('key, method, enrollment or lease');
    },
  );

  it('keeps prefixes whose segments only contain those words', () => {
    for (const prefix of ['coll/keys', 'team/totp-kit', 'keyring/methods', 'a/enrollments/b', 'x/key-store']) {
      expect(resolveStoreRef(`aws-sm:${prefix}`, {})).toMatchObject({ kind: 'aws-sm', prefix });
    }
  });

  it("a store cannot delete or list another store's record through an id with '/'", async () => {
    // What a store aws-sm:coll/key/x wrote before such prefixes were refused.
    await raw.send(new CreateSecretCommand({ Name: 'coll/key/x/key/inner', SecretString: '{}', Tags: MANAGED }));
    const coll = open('coll', null);
    const error = await refusal(coll.update('key', 'x/key/inner', () => ({ result: 0, next: null })));
    expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_ID' });
    expect(server.state.secrets.has('coll/key/x/key/inner')).toBe(true);
    expect(server.state.requests.DeleteSecret).toBeUndefined();
    expect(await coll.list('key')).toEqual([]);
    // Enrollment ids keep their one '/'.
    await coll.update('enrollment', 'totp/alice', () => ({ result: 0, next: { n: 1 } }));
    expect(await coll.list('enrollment')).toEqual(['totp/alice']);
    expect((await refusal(coll.get('enrollment', 'a/b/c'))).code).toBe('E_STORE_ID');
  });
});

describe('an answer that cannot be read (Low 11)', () => {
  it('is one line naming the call and the secret, quoting nothing of the answer, exit 3', async () => {
    const body = `<html>${encodeBase32(PLANTED)}</html>`;
    const garbage = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('Content-Type', 'application/x-amz-json-1.1');
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    try {
      useEndpoint(`http://127.0.0.1:${(garbage.address() as AddressInfo).port}`);
      const store = open('totp-kit', null);
      const error = await refusal(store.get('key', 'bot'));
      expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_BACKEND' });
      expect(error.message).toBe(
        'store aws-sm:totp-kit: GetSecretValue totp-kit/key/bot returned an answer that could not be read',
      );
      const listed = await refusal(store.list('key'));
      expect(listed.message).toBe(
        'store aws-sm:totp-kit: ListSecrets totp-kit/key/ returned an answer that could not be read',
      );
    } finally {
      garbage.closeAllConnections();
      await new Promise<void>((resolve) => garbage.close(() => resolve()));
    }
  });
});
