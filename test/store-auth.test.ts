// Issue 14, Medium 1 and Low 6: with TOTP_KIT_STORE_KEY set, a store's records are authenticated as a whole
// (kind, id and every field), so whoever can write the store but lacks the key can neither swap in a seed of their
// own, nor edit skew, maxValidationAttempts, usedCodes, lastAcceptedStep or attempts, nor copy a record to another
// name or store. Run against both stores: the file store on a temporary file, and the AWS Secrets Manager store
// against the loopback Secrets Manager (real SDK client). The attacker edits the stored bytes directly.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import { parseOtpauthUrl } from '../src/core/otpauth-url.js';
import { generateCode } from '../src/core/totp.js';
import type { ResourceContext } from '../src/resources/context.js';
import { enroll, validateEnrollment } from '../src/resources/enrollment.js';
import { checkedKeySpec, createKey, keyCode, validateKey } from '../src/resources/key.js';
import { checkedMethodSpec, createMethod, readMethod } from '../src/resources/method.js';
import { AwsSecretsManagerStore } from '../src/stores/aws-sm-store.js';
import { FileStore } from '../src/stores/file-store.js';
import { SecretBox } from '../src/stores/secret-box.js';
import type { RecordKind, Store, StoreRecord } from '../src/stores/store.js';
import { restoreAwsEnvAfterAll, useLoopbackAws } from './helpers/aws-env.js';
import { expectNoSeed, expectNoSeedInError } from './helpers/leak.js';
import { type SecretsManagerServer, startSecretsManagerServer } from './helpers/secrets-manager-server.js';

/** A fixed time: the start of a 30 s step. */
const T = 1_700_000_010;
const KEY = randomBytes(32).toString('base64');
const OTHER_KEY = randomBytes(32).toString('base64');
/** The seed an attacker without the key would like the store to accept. */
const ATTACKER = randomBytes(20);
/** Every seed and key of this file: what the leak scan looks for in every error and stored byte. */
const SEEDS: Uint8Array[] = [ATTACKER, Buffer.from(KEY, 'base64'), Buffer.from(OTHER_KEY, 'base64')];

const codeOf = (seed: Uint8Array, at = T) =>
  generateCode({ secret: seed, algorithm: 'SHA1', digits: 6, period: 30 }, at);

/** One backend under test, as the store sees it and as an attacker with write access (but no key) sees it. */
interface Backend {
  /** A store on the backend; `prefix` picks another store on the same backend. */
  open(secrets: SecretBox, other?: boolean): Store;
  /** The record as stored (MAC and all), or undefined. */
  raw(kind: RecordKind, id: string, other?: boolean): Promise<StoreRecord | undefined>;
  /** Writes a record's stored form directly, as someone who can write the store but has no key. */
  plant(kind: RecordKind, id: string, record: StoreRecord): Promise<void>;
  /** Removes the store's key check, as that someone could. */
  dropKeyCheck(): Promise<void>;
  /** Replaces the store's key check by this sealed value. */
  setKeyCheck(check: unknown): Promise<void>;
  /** Every byte the backend holds (all versions), to show a refused operation wrote nothing. */
  snapshot(): Promise<string>;
  /** What a reader of the latest state sees. */
  latest(): Promise<string>;
}

interface Fixture {
  name: string;
  setUp(): Promise<Backend>;
  tearDown(): Promise<void>;
}

function fileFixture(): Fixture {
  let dir = '';
  return {
    name: 'file',
    async setUp() {
      dir = await mkdtemp(join(tmpdir(), 'totp-kit-store-auth-'));
      const pathOf = (other = false) => join(dir, other ? 'other.json' : 'store.json');
      const text = () => readFile(pathOf(), 'utf8').catch(() => '');
      const sections: Record<RecordKind, string> = {
        key: 'keys',
        method: 'methods',
        enrollment: 'enrollments',
        lease: 'leases',
      };
      const edit = async (fn: (doc: Record<string, Record<string, unknown>>) => void) => {
        const doc = JSON.parse(await text());
        fn(doc);
        await writeFile(pathOf(), JSON.stringify(doc, null, 2));
      };
      return {
        open: (secrets, other) => new FileStore(pathOf(other), secrets),
        async raw(kind, id, other) {
          const doc = JSON.parse(await readFile(pathOf(other), 'utf8'));
          return doc[sections[kind]]?.[id];
        },
        plant: (kind, id, record) =>
          edit((doc) => {
            doc[sections[kind]] = { ...doc[sections[kind]], [id]: record };
          }),
        dropKeyCheck: () =>
          edit((doc) => {
            delete doc.keyCheck;
          }),
        setKeyCheck: (check) =>
          edit((doc) => {
            doc.keyCheck = check as Record<string, unknown>;
          }),
        snapshot: text,
        latest: text,
      };
    },
    async tearDown() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

restoreAwsEnvAfterAll();

function awsFixture(): Fixture {
  let server: SecretsManagerServer | undefined;
  let client: SecretsManagerClient | undefined;
  return {
    name: 'aws-sm',
    async setUp() {
      const sm = await startSecretsManagerServer();
      server = sm;
      useLoopbackAws(sm.endpoint);
      // Out-of-band access, as an operator (or an attacker with write access) with the AWS CLI would have.
      const raw = new SecretsManagerClient({
        endpoint: sm.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDATTACKER', secretAccessKey: 'attacker-secret' },
        maxAttempts: 1,
      });
      client = raw;
      const prefixOf = (other = false) => (other ? 'other-store' : 'totp-kit');
      const current = (name: string) =>
        [...(sm.state.secrets.get(name)?.versions.values() ?? [])].find((v) => v.stages.has('AWSCURRENT'))?.value
          .SecretString;
      return {
        open: (secrets, other) => new AwsSecretsManagerStore(prefixOf(other), secrets),
        async raw(kind, id, other) {
          const text = current(`${prefixOf(other)}/${kind}/${id}`);
          if (text === undefined) return undefined;
          const { _replaces: _, ...record } = JSON.parse(text);
          return record;
        },
        async plant(kind, id, record) {
          const name = `totp-kit/${kind}/${id}`;
          const SecretString = JSON.stringify(record);
          if (sm.state.secrets.has(name)) await raw.send(new PutSecretValueCommand({ SecretId: name, SecretString }));
          else {
            const Tags = [
              { Key: 'managed-by', Value: 'totp-kit' },
              { Key: 'totp-kit-kind', Value: kind },
            ];
            await raw.send(new CreateSecretCommand({ Name: name, SecretString, Tags }));
          }
        },
        async dropKeyCheck() {
          sm.state.secrets.delete('totp-kit/key-check');
        },
        async setKeyCheck(check) {
          const SecretString = JSON.stringify({ keyCheck: check });
          await raw.send(new PutSecretValueCommand({ SecretId: 'totp-kit/key-check', SecretString }));
        },
        async snapshot() {
          const all = [...sm.state.secrets.values()].map((s) => ({
            name: s.name,
            tags: s.tags,
            versions: [...s.versions.values()],
          }));
          return JSON.stringify(all, (_, v) => (v instanceof Set ? [...v] : v));
        },
        async latest() {
          return JSON.stringify([...sm.state.secrets.keys()].map(current));
        },
      };
    },
    async tearDown() {
      client?.destroy();
      await server?.close();
      server = undefined;
    },
  };
}

/** Awaits a rejection, scans it for seeds and returns it as a TotpKitError. */
async function refusal(promise: Promise<unknown>): Promise<TotpKitError> {
  const error = await promise.then(
    () => expect.fail('the operation was not refused'),
    (e: unknown) => e,
  );
  expectNoSeedInError(error, SEEDS);
  expect(error).toBeInstanceOf(TotpKitError);
  const e = error as TotpKitError;
  expect(e.message).not.toContain('\n');
  return e;
}

describe.each([fileFixture(), awsFixture()])('$name store', (fixture) => {
  let backend: Backend;
  beforeEach(async () => {
    backend = await fixture.setUp();
  });
  afterEach(async () => {
    await fixture.tearDown();
  });

  /** A context on the backend's store, under `key` (null: no store key). */
  const ctx = (key: string | null = KEY, options: { adopt?: boolean; other?: boolean } = {}): ResourceContext => ({
    store: backend.open(new SecretBox(key ?? undefined, { adopt: options.adopt === true }), options.other),
    now: () => T,
  });

  /** Key `bot`, method `ops` and enrollment `ops/alice`, each validated once (so every state field is there). */
  async function populate(key: string | null = KEY, other = false) {
    const c = ctx(key, { other });
    const created = await createKey(
      c,
      checkedKeySpec({ name: 'bot', generate: { issuer: 'Acme', accountName: 'bot' } }),
    );
    const keySeed = parseOtpauthUrl(created.url ?? '').key.secret;
    await createMethod(c, checkedMethodSpec({ methodName: 'ops', issuer: 'Acme' }));
    const enrolled = await enroll(c, 'ops', 'alice');
    const enrollmentSeed = parseOtpauthUrl(enrolled.url ?? '').key.secret;
    SEEDS.push(keySeed, enrollmentSeed);
    expect(await validateKey(c, 'bot', codeOf(keySeed))).toEqual({ valid: true });
    expect(await validateEnrollment(c, 'ops', 'alice', codeOf(enrollmentSeed, T - 30))).toEqual({ valid: true });
    expect(await validateEnrollment(c, 'ops', 'alice', '000000', T)).toMatchObject({ valid: false });
    return { keySeed, enrollmentSeed };
  }

  describe('a seed swapped in without the key', () => {
    it('plain Base32 for a key: refused by name (backend, E_STORE_TAMPERED), never accepted or re-sealed', async () => {
      await populate();
      const stored = (await backend.raw('key', 'bot')) as StoreRecord;
      await backend.plant('key', 'bot', { ...stored, secret: encodeBase32(ATTACKER) });
      const before = await backend.snapshot();

      const verify = await refusal(validateKey(ctx(), 'bot', codeOf(ATTACKER)));
      expect(verify).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
      expect(verify.message).toContain('key "bot"');
      expect(await refusal(keyCode(ctx(), 'bot'))).toMatchObject({ code: 'E_STORE_TAMPERED' });
      expect(await backend.snapshot()).toBe(before);

      // A write of another record leaves the tampered one as evidence: still plain, not sealed.
      await createMethod(ctx(), checkedMethodSpec({ methodName: 'other', issuer: 'Acme' }));
      expect((await backend.raw('key', 'bot'))?.secret).toBe(encodeBase32(ATTACKER));
      expect(await refusal(validateKey(ctx(), 'bot', codeOf(ATTACKER)))).toMatchObject({ code: 'E_STORE_TAMPERED' });
    });

    it('plain Base32 for an enrollment: refused, the attempt is not recorded', async () => {
      await populate();
      const stored = (await backend.raw('enrollment', 'ops/alice')) as StoreRecord;
      await backend.plant('enrollment', 'ops/alice', { ...stored, secret: encodeBase32(ATTACKER) });
      const before = await backend.snapshot();
      const error = await refusal(validateEnrollment(ctx(), 'ops', 'alice', codeOf(ATTACKER, T + 60), T + 60));
      expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
      expect(error.message).toContain('enrollment "ops/alice"');
      expect(await backend.snapshot()).toBe(before);
    });

    it('a sealed seed of another record of the same store moved in: refused', async () => {
      await populate();
      await createKey(ctx(), checkedKeySpec({ name: 'two', generate: { issuer: 'Acme', accountName: 'two' } }));
      const bot = (await backend.raw('key', 'bot')) as StoreRecord;
      const two = (await backend.raw('key', 'two')) as StoreRecord;
      await backend.plant('key', 'bot', { ...bot, secret: two.secret });
      expect(await refusal(keyCode(ctx(), 'bot'))).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
    });
  });

  describe('every field is covered', () => {
    const edits: [string, RecordKind, string, (r: StoreRecord) => StoreRecord][] = [
      ['skew of a key', 'key', 'bot', (r) => ({ ...r, skew: r.skew === 1 ? 0 : 1 })],
      ['usedCodes of a key', 'key', 'bot', (r) => ({ ...r, usedCodes: {} })],
      ['a new field of a key', 'key', 'bot', (r) => ({ ...r, encoder: 'steam' })],
      ['skew of a method', 'method', 'ops', (r) => ({ ...r, skew: r.skew === 1 ? 0 : 1 })],
      ['maxValidationAttempts of a method', 'method', 'ops', (r) => ({ ...r, maxValidationAttempts: 1000 })],
      ['lastAcceptedStep of an enrollment', 'enrollment', 'ops/alice', (r) => ({ ...r, lastAcceptedStep: 0 })],
      [
        'attempts of an enrollment',
        'enrollment',
        'ops/alice',
        (r) => ({ ...r, attempts: { windowStart: 0, count: 0 } }),
      ],
      ['attempts of an enrollment removed', 'enrollment', 'ops/alice', ({ attempts: _, ...r }) => r],
      ['the MAC itself removed', 'method', 'ops', ({ _mac: _, ...r }) => r],
    ];
    it.each(edits)('%s, edited: refused on read and on update, and left as it is', async (_, kind, id, edit) => {
      await populate();
      const stored = (await backend.raw(kind, id)) as StoreRecord;
      const edited = edit(stored);
      expect(edited).not.toEqual(stored);
      await backend.plant(kind, id, edited);
      const before = await backend.snapshot();
      const store = ctx().store;
      const read = await refusal(store.get(kind, id));
      expect(read).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
      expect(read.message).toContain(`${kind} "${id}"`);
      const update = await refusal(store.update(kind, id, (current) => ({ result: 0, next: { ...current } })));
      expect(update.code).toBe('E_STORE_TAMPERED');
      expect(await backend.snapshot()).toBe(before);
    });

    it('an untouched record still reads, and the MAC field is not part of what the store returns', async () => {
      await populate();
      expect(await backend.raw('method', 'ops')).toHaveProperty('_mac');
      const method = await ctx().store.get('method', 'ops');
      expect(method).toMatchObject({ methodName: 'ops', issuer: 'Acme' });
      expect(method).not.toHaveProperty('_mac');
      expect(await readMethod(ctx(), 'ops')).toMatchObject({ methodName: 'ops' });
    });
  });

  describe('a record moved', () => {
    it('copied to another name of the same store: refused', async () => {
      await populate();
      await backend.plant('method', 'copy', (await backend.raw('method', 'ops')) as StoreRecord);
      await backend.plant('key', 'copy', { ...((await backend.raw('key', 'bot')) as StoreRecord), name: 'copy' });
      await backend.plant('enrollment', 'ops/mallory', {
        ...((await backend.raw('enrollment', 'ops/alice')) as StoreRecord),
        entityId: 'mallory',
      });
      for (const [kind, id] of [
        ['method', 'copy'],
        ['key', 'copy'],
        ['enrollment', 'ops/mallory'],
      ] as const) {
        const error = await refusal(ctx().store.get(kind, id));
        expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
        expect(error.message).toContain(`${kind} "${id}"`);
      }
    });

    it('copied from another store under the same key, to the same name: refused', async () => {
      await populate();
      const { enrollmentSeed } = await populate(KEY, true);
      await backend.plant(
        'enrollment',
        'ops/alice',
        (await backend.raw('enrollment', 'ops/alice', true)) as StoreRecord,
      );
      const error = await refusal(validateEnrollment(ctx(), 'ops', 'alice', codeOf(enrollmentSeed, T + 90), T + 90));
      expect(error).toMatchObject({ kind: 'backend', code: 'E_STORE_TAMPERED' });
    });
  });

  describe('one store, one key', () => {
    it('refuses a second, different store key before anything is written', async () => {
      await populate();
      const before = await backend.snapshot();
      const error = await refusal(createMethod(ctx(OTHER_KEY), checkedMethodSpec({ methodName: 'x', issuer: 'A' })));
      expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_WRONG' });
      expect(await refusal(keyCode(ctx(OTHER_KEY), 'bot'))).toMatchObject({ code: 'E_STORE_KEY_WRONG' });
      expect(await backend.snapshot()).toBe(before);
    });

    it('refuses a write without the key to a store written with one', async () => {
      await populate();
      const before = await backend.snapshot();
      const error = await refusal(createMethod(ctx(null), checkedMethodSpec({ methodName: 'x', issuer: 'A' })));
      expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_MISSING' });
      expect(await backend.snapshot()).toBe(before);
    });
  });

  describe('adoption of a store written without a key', () => {
    it('is refused without TOTP_KIT_STORE_ADOPT, done once with it, and then plain records are refused', async () => {
      const { keySeed, enrollmentSeed } = await populate(null);
      expect(await backend.latest()).toContain(encodeBase32(keySeed));
      const before = await backend.snapshot();

      // A key set on a store that was never keyed: refused, naming what to do; nothing written.
      const refused = await refusal(keyCode(ctx(), 'bot'));
      expect(refused).toMatchObject({ kind: 'bad-input', code: 'E_STORE_NOT_ADOPTED' });
      expect(refused.message).toContain('TOTP_KIT_STORE_ADOPT=1');
      expect(await refusal(createMethod(ctx(), checkedMethodSpec({ methodName: 'x', issuer: 'A' })))).toMatchObject({
        code: 'E_STORE_NOT_ADOPTED',
      });
      expect(await backend.snapshot()).toBe(before);

      // Adopted: every seed sealed, every record authenticated, codes unchanged.
      expect(await keyCode(ctx(KEY, { adopt: true }), 'bot')).toBe(codeOf(keySeed));
      for (const seed of [keySeed, enrollmentSeed]) expectNoSeed(await backend.latest(), seed, 'the adopted store');
      expect(await backend.raw('key', 'bot')).toHaveProperty('_mac');
      expect(await validateKey(ctx(), 'bot', codeOf(keySeed, T + 60), T + 60)).toEqual({ valid: true });
      expect(await validateEnrollment(ctx(), 'ops', 'alice', codeOf(enrollmentSeed, T + 60), T + 60)).toEqual({
        valid: true,
      });

      // From now on a plain record is tampering, whatever it says.
      const { _mac: _, ...stored } = (await backend.raw('key', 'bot')) as StoreRecord;
      await backend.plant('key', 'bot', { ...stored, secret: encodeBase32(ATTACKER) });
      expect(await refusal(validateKey(ctx(), 'bot', codeOf(ATTACKER, T + 90), T + 90))).toMatchObject({
        kind: 'backend',
        code: 'E_STORE_TAMPERED',
      });
    });

    it('a keyed store whose key check was removed (and a record made plain) is refused, not adopted', async () => {
      await populate();
      const { _mac: _, ...stored } = (await backend.raw('key', 'bot')) as StoreRecord;
      await backend.plant('key', 'bot', { ...stored, secret: encodeBase32(ATTACKER) });
      await backend.dropKeyCheck();
      const before = await backend.snapshot();
      expect(await refusal(validateKey(ctx(), 'bot', codeOf(ATTACKER)))).toMatchObject({ code: 'E_STORE_NOT_ADOPTED' });
      expect(
        await refusal(createKey(ctx(), checkedKeySpec({ name: 'n', generate: { issuer: 'A', accountName: 'b' } }))),
      ).toMatchObject({
        code: 'E_STORE_NOT_ADOPTED',
      });
      expect(await backend.snapshot()).toBe(before);
    });

    it('adoption with the wrong key is refused and writes nothing', async () => {
      await populate();
      // An older store: records not authenticated, key check gone. Sealed seeds tell the key.
      for (const [kind, id] of [
        ['key', 'bot'],
        ['method', 'ops'],
        ['enrollment', 'ops/alice'],
      ] as const) {
        const { _mac: _, ...unsigned } = (await backend.raw(kind, id)) as StoreRecord;
        await backend.plant(kind, id, unsigned);
      }
      await backend.dropKeyCheck();
      const before = await backend.snapshot();
      const error = await refusal(keyCode(ctx(OTHER_KEY, { adopt: true }), 'bot'));
      expect(error).toMatchObject({ kind: 'bad-input', code: 'E_STORE_KEY_WRONG' });
      expect(await backend.snapshot()).toBe(before);
      // The right key adopts it.
      expect(await keyCode(ctx(KEY, { adopt: true }), 'bot')).toMatch(/^\d{6}$/);
      expect(await ctx().store.get('method', 'ops')).toMatchObject({ methodName: 'ops' });
    });

    // The file store only: aws-sm stores had no key check before records were authenticated (a version-1 check
    // there is refused as damaged).
    it.runIf(fixture.name === 'file')(
      'a store keyed by an older totp-kit (version-1 key check, no MACs): refused until adopted',
      async () => {
        const { keySeed } = await populate();
        for (const [kind, id] of [
          ['key', 'bot'],
          ['method', 'ops'],
          ['enrollment', 'ops/alice'],
        ] as const) {
          const { _mac: _, ...unsigned } = (await backend.raw(kind, id)) as StoreRecord;
          await backend.plant(kind, id, unsigned);
        }
        // What totp-kit wrote before records were authenticated: the same sealed text, version 1.
        const box = new SecretBox(KEY);
        const v1 = box.seal(Buffer.from('totp-kit store key check', 'utf8'), 'store/key-check');
        await backend.setKeyCheck(v1);
        const before = await backend.snapshot();
        expect(await refusal(keyCode(ctx(), 'bot'))).toMatchObject({ code: 'E_STORE_NOT_ADOPTED' });
        expect(await refusal(keyCode(ctx(OTHER_KEY, { adopt: true }), 'bot'))).toMatchObject({
          code: 'E_STORE_KEY_WRONG',
        });
        expect(await backend.snapshot()).toBe(before);
        expect(await keyCode(ctx(KEY, { adopt: true }), 'bot')).toBe(codeOf(keySeed));
        expect(await keyCode(ctx(), 'bot')).toBe(codeOf(keySeed));
        expect(await backend.raw('enrollment', 'ops/alice')).toHaveProperty('_mac');
      },
    );

    it('an empty store needs no adoption: its first keyed write authenticates it', async () => {
      const { keySeed } = await populate();
      expect(await keyCode(ctx(), 'bot')).toBe(codeOf(keySeed));
      expect(await backend.raw('method', 'ops')).toHaveProperty('_mac');
    });
  });
});
