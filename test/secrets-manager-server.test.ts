// Drives the local Secrets Manager stand-in with the real AWS SDK v3 client, so tests of the AWS-backed store
// and source can trust it to behave like the service.
import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InternalServiceError,
  InvalidNextTokenException,
  InvalidParameterException,
  InvalidRequestException,
  LimitExceededException,
  ListSecretsCommand,
  type ListSecretsCommandInput,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

let server: SecretsManagerServer;
let clients: SecretsManagerClient[] = [];

beforeEach(async () => {
  server = await startSecretsManagerServer();
});

afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await server.close();
});

function client(maxAttempts = 1): SecretsManagerClient {
  const c = new SecretsManagerClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-test-secret' },
    maxAttempts,
  });
  clients.push(c);
  return c;
}

async function listAll(sm: SecretsManagerClient, input: ListSecretsCommandInput = {}): Promise<string[]> {
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await sm.send(new ListSecretsCommand({ ...input, ...(NextToken ? { NextToken } : {}) }));
    names.push(...(page.SecretList ?? []).map((s) => s.Name ?? ''));
    NextToken = page.NextToken;
  } while (NextToken);
  return names;
}

describe('create and read', () => {
  it('creates a secret and reads it back by name and by ARN', async () => {
    const sm = client();
    const created = await sm.send(new CreateSecretCommand({ Name: 'app/seed', SecretString: 'hello' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:app\/seed-[A-Za-z0-9]{6}$/);
    expect(created.Name).toBe('app/seed');
    expect(created.VersionId).toMatch(/^[0-9a-f-]{36}$/); // the SDK's generated ClientRequestToken

    const byName = await sm.send(new GetSecretValueCommand({ SecretId: 'app/seed' }));
    expect(byName).toMatchObject({
      SecretString: 'hello',
      VersionId: created.VersionId,
      VersionStages: ['AWSCURRENT'],
    });
    expect(byName.CreatedDate).toBeInstanceOf(Date);
    expect(Math.abs((byName.CreatedDate?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);

    const byArn = await sm.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    expect(byArn.Name).toBe('app/seed');
  });

  it('raises ResourceNotFoundException for a missing secret', async () => {
    const error = await client()
      .send(new GetSecretValueCommand({ SecretId: 'nope' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
  });

  it('round-trips binary secrets', async () => {
    const sm = client();
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    await sm.send(new CreateSecretCommand({ Name: 'bin', SecretBinary: bytes }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'bin' }));
    expect(got.SecretString).toBeUndefined();
    expect(Buffer.from(got.SecretBinary ?? new Uint8Array()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('rejects SecretString together with SecretBinary', async () => {
    const attempt = client().send(
      new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: new Uint8Array([1]) }),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidParameterException);
  });
});

describe('versions and staging labels', () => {
  it('moves AWSCURRENT on PutSecretValue and marks the old version AWSPREVIOUS', async () => {
    const sm = client();
    const v1 = (await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'one' }))).VersionId ?? '';
    const put2 = await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'two' }));
    expect(put2.VersionStages).toEqual(['AWSCURRENT']);
    const v2 = put2.VersionId ?? '';

    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('two');
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: 's', VersionStage: 'AWSPREVIOUS' }));
    expect(previous).toMatchObject({ SecretString: 'one', VersionId: v1 });

    const v3 = (await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'three' }))).VersionId ?? '';
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 's' }));
    // v1 lost its last label: deprecated, so no longer listed, but still readable by VersionId.
    expect(described.VersionIdsToStages).toEqual({ [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's', VersionId: v1 }))).VersionStages).toEqual([]);
  });

  it('attaches custom stages without touching AWSCURRENT, and moves them too', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 's', SecretString: 'live' }));
    const p1 = await sm.send(
      new PutSecretValueCommand({ SecretId: 's', SecretString: 'p1', VersionStages: ['AWSPENDING'] }),
    );
    expect(p1.VersionStages).toEqual(['AWSPENDING']);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 's' }))).SecretString).toBe('live');

    await sm.send(new PutSecretValueCommand({ SecretId: 's', SecretString: 'p2', VersionStages: ['AWSPENDING'] }));
    const pending = await sm.send(new GetSecretValueCommand({ SecretId: 's', VersionStage: 'AWSPENDING' }));
    expect(pending.SecretString).toBe('p2');
    const stale = sm.send(
      new GetSecretValueCommand({ SecretId: 's', VersionId: p1.VersionId, VersionStage: 'AWSPENDING' }),
    );
    await expect(stale).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('makes the first PutSecretValue of an empty secret AWSCURRENT', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 'empty' }));
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'empty' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const put = await sm.send(
      new PutSecretValueCommand({ SecretId: 'empty', SecretString: 'x', VersionStages: ['mine'] }),
    );
    expect([...(put.VersionStages ?? [])].sort()).toEqual(['AWSCURRENT', 'mine']);
  });
});

describe('ClientRequestToken idempotency', () => {
  it('CreateSecret: same token and value succeeds with the same VersionId; different value fails', async () => {
    const sm = client();
    const token = randomUUID();
    const first = await sm.send(new CreateSecretCommand({ Name: 'c', SecretString: 'v', ClientRequestToken: token }));
    const again = await sm.send(new CreateSecretCommand({ Name: 'c', SecretString: 'v', ClientRequestToken: token }));
    expect(again.VersionId).toBe(token);
    expect(again.ARN).toBe(first.ARN);

    const changed = sm.send(new CreateSecretCommand({ Name: 'c', SecretString: 'other', ClientRequestToken: token }));
    await expect(changed).rejects.toBeInstanceOf(ResourceExistsException);
    const fresh = sm.send(new CreateSecretCommand({ Name: 'c', SecretString: 'v' }));
    await expect(fresh).rejects.toMatchObject({ name: 'ResourceExistsException' });
  });

  it('PutSecretValue: a replay does nothing; a conflicting replay fails', async () => {
    const sm = client();
    const v1 = (await sm.send(new CreateSecretCommand({ Name: 'p', SecretString: 'one' }))).VersionId;
    const token = randomUUID();
    const put = await sm.send(
      new PutSecretValueCommand({ SecretId: 'p', SecretString: 'two', ClientRequestToken: token }),
    );
    const replay = await sm.send(
      new PutSecretValueCommand({ SecretId: 'p', SecretString: 'two', ClientRequestToken: token }),
    );
    expect(replay.VersionId).toBe(put.VersionId);
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'p' }));
    expect(described.VersionIdsToStages).toEqual({ [token]: ['AWSCURRENT'], [v1 ?? '']: ['AWSPREVIOUS'] });

    const conflict = sm.send(
      new PutSecretValueCommand({ SecretId: 'p', SecretString: 'three', ClientRequestToken: token }),
    );
    await expect(conflict).rejects.toBeInstanceOf(ResourceExistsException);
  });
});

describe('version retention and the quota of versions', () => {
  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  /** The server's clock, moved by the tests (epoch ms). */
  let now: number;

  /** A server on the test's clock, optionally allowing more versions per secret. */
  async function restart(versionQuota?: number): Promise<SecretsManagerClient> {
    now = Date.UTC(2026, 0, 1);
    await server.close();
    server = await startSecretsManagerServer({ now: () => now, ...(versionQuota ? { versionQuota } : {}) });
    return client();
  }

  /** Writes `count` values into secret `name`, `every` ms apart, starting one step after the clock. */
  async function writeEvery(sm: SecretsManagerClient, name: string, count: number, every: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      now += every;
      ids.push((await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: `v${i}` }))).VersionId ?? '');
    }
    return ids;
  }

  const versionsOf = (name: string) => [...(server.state.secrets.get(name)?.versions.keys() ?? [])];

  it('one write a minute: the 100th version is the last; the next write fails with LimitExceededException and changes nothing', async () => {
    const sm = await restart();
    const first = (await sm.send(new CreateSecretCommand({ Name: 'busy', SecretString: 'v' }))).VersionId ?? '';
    const ids = await writeEvery(sm, 'busy', 99, MINUTE);
    expect(versionsOf('busy')).toEqual([first, ...ids]); // none pruned: all younger than 24 hours

    now += MINUTE;
    const refused = await sm
      .send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'over' }))
      .catch((e) => e);
    expect(refused).toBeInstanceOf(LimitExceededException);
    expect(refused).toMatchObject({
      message: 'The request failed because it would exceed one of the Secrets Manager quotas.',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(versionsOf('busy')).toEqual([first, ...ids]);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'busy' }))).VersionId).toBe(ids.at(-1));
  });

  it('a retry with the same ClientRequestToken and value is not a new version, even at the quota', async () => {
    const sm = await restart();
    await sm.send(new CreateSecretCommand({ Name: 'busy', SecretString: 'v' }));
    const token = randomUUID();
    now += MINUTE;
    await sm.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'mine', ClientRequestToken: token }));
    await writeEvery(sm, 'busy', 98, MINUTE);
    const replay = await sm.send(
      new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'mine', ClientRequestToken: token }),
    );
    expect(replay.VersionId).toBe(token);
    expect(versionsOf('busy')).toHaveLength(100);
    const fresh = sm.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'mine' }));
    await expect(fresh).rejects.toBeInstanceOf(LimitExceededException);
  });

  it('a day after the first writes, their unlabelled versions are removed and make room; labelled ones stay', async () => {
    const sm = await restart();
    const first = (await sm.send(new CreateSecretCommand({ Name: 'busy', SecretString: 'v' }))).VersionId ?? '';
    const ids = await writeEvery(sm, 'busy', 99, MINUTE);
    // The first version keeps a label of its own, so it is never removed, whatever its age.
    await sm.send(
      new UpdateSecretVersionStageCommand({ SecretId: 'busy', VersionStage: 'pinned', MoveToVersionId: first }),
    );
    const [v1, v2] = ids;

    now = now - 99 * MINUTE + DAY; // v1 (written a minute after the first) is 23 h 59 min old
    const early = sm.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'early' }));
    await expect(early).rejects.toBeInstanceOf(LimitExceededException);

    now += MINUTE; // v1 is 24 hours old: it goes, and the write takes its place
    const put = await sm.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'on time' }));
    expect(versionsOf('busy')).toEqual([first, ...ids.slice(1), put.VersionId]);
    expect(versionsOf('busy')).not.toContain(v1);
    const pinned = await sm.send(new GetSecretValueCommand({ SecretId: 'busy', VersionStage: 'pinned' }));
    expect(pinned.VersionId).toBe(first);
    // v2 is still a minute too young to go: the next write waits for it.
    expect(versionsOf('busy')).toContain(v2);
    const next = sm.send(new PutSecretValueCommand({ SecretId: 'busy', SecretString: 'next' }));
    await expect(next).rejects.toBeInstanceOf(LimitExceededException);
  });

  it('one write every 15 minutes (96 a day) never reaches the quota: versions older than a day make way', async () => {
    const sm = await restart();
    await sm.send(new CreateSecretCommand({ Name: 'calm', SecretString: 'v' }));
    await writeEvery(sm, 'calm', 130, 15 * MINUTE); // 32 hours
    expect(versionsOf('calm')).toHaveLength(100);
  });

  it('versionQuota: a service allowing more versions holds every version of the last day', async () => {
    // AWS advises at most one write every 10 minutes: 144 a day, all younger than 24 hours.
    const sm = await restart(150);
    await sm.send(new CreateSecretCommand({ Name: 'advised', SecretString: 'v' }));
    await writeEvery(sm, 'advised', 170, 10 * MINUTE); // 28 hours
    expect(versionsOf('advised')).toHaveLength(144);
  });
});

describe('UpdateSecretVersionStage compare-and-swap', () => {
  async function twoVersions(sm: SecretsManagerClient) {
    const v1 = (await sm.send(new CreateSecretCommand({ Name: 'cas', SecretString: 'one' }))).VersionId ?? '';
    const put = new PutSecretValueCommand({ SecretId: 'cas', SecretString: 'two', VersionStages: ['AWSPENDING'] });
    const v2 = (await sm.send(put)).VersionId ?? '';
    return { v1, v2 };
  }

  it('moves AWSCURRENT when RemoveFromVersionId names the current holder', async () => {
    const sm = client();
    const { v1, v2 } = await twoVersions(sm);
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'cas',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: v2,
        RemoveFromVersionId: v1,
      }),
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'cas' }))).SecretString).toBe('two');
    const stages = (await sm.send(new DescribeSecretCommand({ SecretId: 'cas' }))).VersionIdsToStages;
    expect(stages?.[v1]).toEqual(['AWSPREVIOUS']);
    expect([...(stages?.[v2] ?? [])].sort()).toEqual(['AWSCURRENT', 'AWSPENDING']);
  });

  it('fails when RemoveFromVersionId is stale or omitted', async () => {
    const sm = client();
    const { v1, v2 } = await twoVersions(sm);
    const omitted = sm.send(
      new UpdateSecretVersionStageCommand({ SecretId: 'cas', VersionStage: 'AWSCURRENT', MoveToVersionId: v2 }),
    );
    await expect(omitted).rejects.toBeInstanceOf(InvalidParameterException);
    const wrong = sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'cas',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: v1,
        RemoveFromVersionId: v2,
      }),
    );
    await expect(wrong).rejects.toMatchObject({ name: 'InvalidParameterException' });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'cas' }))).VersionId).toBe(v1);
  });

  it('lets exactly one of two racing writers win', async () => {
    const sm = client();
    const base = (await sm.send(new CreateSecretCommand({ Name: 'race', SecretString: 'base' }))).VersionId ?? '';
    const writers = ['alice', 'bob'].map(async (who) => {
      const staged = await sm.send(
        new PutSecretValueCommand({ SecretId: 'race', SecretString: who, VersionStages: [`pending-${who}`] }),
      );
      await sm.send(
        new UpdateSecretVersionStageCommand({
          SecretId: 'race',
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: staged.VersionId,
          RemoveFromVersionId: base,
        }),
      );
      return who;
    });
    const results = await Promise.allSettled(writers);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(InvalidParameterException);
    const current = await sm.send(new GetSecretValueCommand({ SecretId: 'race' }));
    expect(current.SecretString).toBe((won[0] as PromiseFulfilledResult<string>).value);
  });
});

describe('ListSecrets', () => {
  beforeEach(async () => {
    const sm = client();
    const tags = (env: string) => [{ Key: 'env', Value: env }];
    await sm.send(new CreateSecretCommand({ Name: 'totp/alice', SecretString: 'a', Tags: tags('prod') }));
    await sm.send(new CreateSecretCommand({ Name: 'totp/bob', SecretString: 'b', Tags: tags('dev') }));
    await sm.send(
      new CreateSecretCommand({ Name: 'totp/carol', SecretString: 'c', Tags: [{ Key: 'team', Value: 'x' }] }),
    );
    await sm.send(new CreateSecretCommand({ Name: 'other/dave', SecretString: 'd', Tags: tags('prod') }));
    await sm.send(new CreateSecretCommand({ Name: 'xtotp/eve', SecretString: 'e' }));
  });

  it('filters by name prefix, tag key and tag value (filters ANDed, values ORed)', async () => {
    const sm = client();
    expect(await listAll(sm, { Filters: [{ Key: 'name', Values: ['totp/'] }] })).toEqual([
      'totp/alice',
      'totp/bob',
      'totp/carol',
    ]);
    expect(await listAll(sm, { Filters: [{ Key: 'tag-key', Values: ['env'] }] })).toEqual([
      'totp/alice',
      'totp/bob',
      'other/dave',
    ]);
    const prodTotp = await listAll(sm, {
      Filters: [
        { Key: 'name', Values: ['totp/'] },
        { Key: 'tag-value', Values: ['prod'] },
      ],
    });
    expect(prodTotp).toEqual(['totp/alice']);
    expect(await listAll(sm, { Filters: [{ Key: 'name', Values: ['other/', 'xtotp/'] }] })).toEqual([
      'other/dave',
      'xtotp/eve',
    ]);
    expect(await listAll(sm, { Filters: [{ Key: 'name', Values: ['!totp/'] }] })).toEqual(['other/dave', 'xtotp/eve']);
  });

  it('paginates with MaxResults and NextToken', async () => {
    const sm = client();
    const first = await sm.send(new ListSecretsCommand({ MaxResults: 2 }));
    expect(first.SecretList?.map((s) => s.Name)).toEqual(['totp/alice', 'totp/bob']);
    expect(first.SecretList?.[0]).toMatchObject({ Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(Object.values(first.SecretList?.[0]?.SecretVersionsToStages ?? {})).toEqual([['AWSCURRENT']]);
    expect(first.NextToken).toBeTruthy();
    expect(await listAll(sm, { MaxResults: 2 })).toHaveLength(5);
    const last = await sm.send(new ListSecretsCommand({ MaxResults: 5 }));
    expect(last.NextToken).toBeUndefined();
    await expect(sm.send(new ListSecretsCommand({ NextToken: 'garbage' }))).rejects.toBeInstanceOf(
      InvalidNextTokenException,
    );
  });
});

describe('tags', () => {
  it('adds, overwrites and removes tags', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 't', SecretString: 'x', Tags: [{ Key: 'a', Value: '1' }] }));
    await sm.send(
      new TagResourceCommand({
        SecretId: 't',
        Tags: [
          { Key: 'a', Value: '2' },
          { Key: 'b', Value: '3' },
        ],
      }),
    );
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 't' }))).Tags).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'b', Value: '3' },
    ]);
    await sm.send(new UntagResourceCommand({ SecretId: 't', TagKeys: ['a'] }));
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 't' }))).Tags).toEqual([{ Key: 'b', Value: '3' }]);
  });
});

describe('deletion', () => {
  it('schedules deletion with a recovery window, blocks use, and restores', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 'd', SecretString: 'keep me' }));
    const deleted = await sm.send(new DeleteSecretCommand({ SecretId: 'd', RecoveryWindowInDays: 7 }));
    const expected = Date.now() + 7 * 86_400_000;
    expect(Math.abs((deleted.DeletionDate?.getTime() ?? 0) - expected)).toBeLessThan(60_000);

    const get = await client()
      .send(new GetSecretValueCommand({ SecretId: 'd' }))
      .catch((e: unknown) => e);
    expect(get).toBeInstanceOf(InvalidRequestException);
    expect((get as Error).message).toBe(
      "You can't perform this operation on the secret because it was marked for deletion.",
    );
    const recreate = sm.send(new CreateSecretCommand({ Name: 'd', SecretString: 'new' }));
    await expect(recreate).rejects.toBeInstanceOf(InvalidRequestException);
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'd' }))).DeletedDate).toBeInstanceOf(Date);
    expect(await listAll(sm)).toEqual([]);
    expect(await listAll(sm, { IncludePlannedDeletion: true })).toEqual(['d']);

    await sm.send(new RestoreSecretCommand({ SecretId: 'd' }));
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'd' }))).SecretString).toBe('keep me');
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'd' }))).DeletedDate).toBeUndefined();
  });

  it('force-deletes at once, freeing the name', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 'f', SecretString: 'x' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'f', ForceDeleteWithoutRecovery: true }));
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'f' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await sm.send(new CreateSecretCommand({ Name: 'f', SecretString: 'again' }));
  });

  it('validates the recovery window and the parameter combination', async () => {
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 'v', SecretString: 'x' }));
    const both = sm.send(
      new DeleteSecretCommand({ SecretId: 'v', RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true }),
    );
    await expect(both).rejects.toBeInstanceOf(InvalidParameterException);
    const short = sm.send(new DeleteSecretCommand({ SecretId: 'v', RecoveryWindowInDays: 3 }));
    await expect(short).rejects.toBeInstanceOf(InvalidParameterException);
    const deleted = await sm.send(new DeleteSecretCommand({ SecretId: 'v' }));
    const days = ((deleted.DeletionDate?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
  });

  it('purges the secret once the recovery window has passed', async () => {
    let now = Date.now();
    await server.close();
    server = await startSecretsManagerServer({ now: () => now });
    const sm = client();
    await sm.send(new CreateSecretCommand({ Name: 'gone', SecretString: 'x' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'gone', RecoveryWindowInDays: 7 }));
    now += 8 * 86_400_000;
    await expect(sm.send(new DescribeSecretCommand({ SecretId: 'gone' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});

describe('fault injection and SDK retries', () => {
  it('retries ThrottlingException and then succeeds', async () => {
    const sm = client(3);
    await sm.send(new CreateSecretCommand({ Name: 'thr', SecretString: 'x' }));
    server.faults.next('ThrottlingException', { times: 2, operation: 'GetSecretValue' });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'thr' }))).SecretString).toBe('x');
    expect(server.state.requests.GetSecretValue).toBe(3);
  });

  it('surfaces a persistent ThrottlingException by name after maxAttempts', async () => {
    const sm = client(2);
    server.faults.next('ThrottlingException', { times: Number.POSITIVE_INFINITY });
    const error = await sm.send(new ListSecretsCommand({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretsManagerServiceException);
    expect(error).toMatchObject({ name: 'ThrottlingException', message: 'Injected ThrottlingException' });
    expect(server.state.requests.ListSecrets).toBe(2);
  });

  it('surfaces AccessDeniedException without retrying', async () => {
    const sm = client(3);
    server.faults.next('AccessDeniedException');
    await expect(sm.send(new ListSecretsCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(server.state.requests.ListSecrets).toBe(1);
  });

  it('denies access per secret name through the accessDenied predicate', async () => {
    const sm = client(3);
    await sm.send(new CreateSecretCommand({ Name: 'open', SecretString: 'o' }));
    const arn = (await sm.send(new CreateSecretCommand({ Name: 'locked/one', SecretString: 'l' }))).ARN;
    server.faults.accessDenied = (name) => name.startsWith('locked/');
    await expect(sm.send(new GetSecretValueCommand({ SecretId: arn }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('secretsmanager:GetSecretValue on resource: locked/one'),
    });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'open' }))).SecretString).toBe('o');
  });

  it('retries a 500 InternalServiceError, and surfaces the modelled class when it persists', async () => {
    const sm = client(2);
    await sm.send(new CreateSecretCommand({ Name: 'isr', SecretString: 'x' }));
    server.faults.next('InternalServiceError', { operation: 'PutSecretValue' });
    await sm.send(new PutSecretValueCommand({ SecretId: 'isr', SecretString: 'y' }));
    expect(server.state.requests.PutSecretValue).toBe(2);

    server.faults.next('InternalServiceError', { times: 2 });
    const error = await sm.send(new GetSecretValueCommand({ SecretId: 'isr' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServiceError);
    expect(error).toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 500, attempts: 2 } });
  });

  it('a lost response is retried with the same ClientRequestToken, so only one version is written', async () => {
    const sm = client(3);
    await sm.send(new CreateSecretCommand({ Name: 'lost', SecretString: 'x' }));
    server.faults.next('ServiceUnavailable', { operation: 'PutSecretValue', afterApply: true });
    const put = await sm.send(new PutSecretValueCommand({ SecretId: 'lost', SecretString: 'y' }));
    expect(server.state.requests.PutSecretValue).toBe(2);
    expect(server.state.secrets.get('lost')?.versions.size).toBe(2);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'lost' }))).VersionId).toBe(put.VersionId);
  });
});

describe('protocol', () => {
  it('reaches the server through AWS_ENDPOINT_URL_SECRETS_MANAGER and env credentials', async () => {
    const vars = {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: server.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDENVTEST',
      AWS_SECRET_ACCESS_KEY: 'env-test-secret',
      AWS_REGION: 'us-east-1',
      AWS_SESSION_TOKEN: undefined,
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined,
    };
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    apply(vars);
    const sm = new SecretsManagerClient({});
    try {
      await sm.send(new CreateSecretCommand({ Name: 'via-env', SecretString: 'x' }));
      expect(server.state.requests.CreateSecret).toBe(1);
    } finally {
      sm.destroy();
      apply(saved);
    }
  });

  it('rejects unsigned requests and unknown operations like AWS', async () => {
    const headers = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'secretsmanager.ListSecrets' };
    const unsigned = await fetch(server.endpoint, { method: 'POST', headers, body: '{}' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await unsigned.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });

    const signed = { ...headers, Authorization: 'AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=0' };
    const unknown = await fetch(server.endpoint, {
      method: 'POST',
      headers: { ...signed, 'X-Amz-Target': 'secretsmanager.RotateSecret' },
      body: '{}',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    expect(server.state.requests).toEqual({});
  });

  it('close() stops the server and may be called twice', async () => {
    await server.close();
    await server.close();
    await expect(fetch(server.endpoint, { method: 'POST' })).rejects.toThrow();
  });
});
