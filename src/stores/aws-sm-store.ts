/**
 * The AWS Secrets Manager store (`aws-sm:PREFIX`): one secret per record, named `PREFIX/KIND/ID`
 * (`aws-sm:totp-kit` → `totp-kit/key/npm-bot`, `totp-kit/enrollment/totp/alice`), whose SecretString is
 * the record as JSON, tagged `managed-by=totp-kit` and `totp-kit-kind=KIND`.
 *
 * Every update is a compare-and-swap on the AWSCURRENT staging label: the new value is written as a
 * version labelled TOTPKIT_PENDING, then AWSCURRENT is moved to it *from the version that was read*.
 * Secrets Manager refuses that move when another writer moved the label first, so of two runners that
 * read the same state only one wins; the other reads again and lets its change function decide anew.
 * That is how two concurrent validations can never both accept one code.
 *
 * The SDK (`@aws-sdk/client-secrets-manager`) is imported on first use, so the file store and the CLI's
 * other commands never load it. Region, endpoint, credentials and retries come from the SDK's standard
 * configuration (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER, the default credential chain,
 * AWS_MAX_ATTEMPTS; standard retry mode, 3 attempts for throttling, 5xx and network errors).
 *
 * A secret an operator scheduled for deletion reads as absent; writing the record again restores the secret
 * and swaps the new value in (see #replaceDeleted). IAM actions used: GetSecretValue, ListSecrets,
 * CreateSecret, TagResource (tags on create), PutSecretValue, UpdateSecretVersionStage, DeleteSecret,
 * DescribeSecret and RestoreSecret (only for names scheduled for deletion).
 *
 * With TOTP_KIT_STORE_KEY set, the secret PREFIX/key-check (tagged `totp-kit-kind=key-check`) holds a value sealed
 * with the key, so a second key is refused before it writes, and every record carries a MAC (record-auth.ts): a
 * secret under the prefix that totp-kit did not write under the key — untagged, another tool's, or edited — is
 * refused by name, whatever its tags say. A store with records but no key check is used under a key only after
 * adoption (TOTP_KIT_STORE_ADOPT=1, one run); an empty one gets its check with its first keyed write.
 *
 * Names: a prefix may have no segment named like a kind (see awsPrefixProblem), and ids of keys, methods and leases
 * have no '/', an enrollment's one (METHOD/ENTITY); so each secret name belongs to one store and one record.
 *
 * Limits worth knowing: a delete is unconditional (Secrets Manager has no delete-if-version), so a delete
 * racing a write wins; ListSecrets is eventually consistent, so a record created a moment ago may be
 * missing from `list` (never from `get`). Each write adds a secret version (one PutSecretValue; moving the
 * label adds none), and a verify, a failed attempt and a lease each write. AWS removes old versions only once a
 * secret holds more than 100, and never one younger than 24 hours; a new version beyond the secret's quota of
 * versions is refused (LimitExceededException). So a record takes about 100 writes in any 24 hours (AWS advises
 * at most one every 10 minutes); past that its updates fail with E_STORE_QUOTA, at once (the SDK does not retry
 * it: aws-sdk.ts), until versions age out. Writes are also capped at 50 a second per region for the whole
 * account (PutSecretValue and UpdateSecretVersionStage together: about 25 updates a second). So this store fits
 * seeds, keys and methods that rarely change; leases and verification at a steady rate need a `postgres:` store.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  GetSecretValueCommandOutput,
  SecretListEntry,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { badInput, TotpKitError } from '../core/errors.js';
import {
  awsErrorName,
  describeAwsError,
  isUnreadableAnswer,
  loadSecretsManager,
  type Sdk,
  type SdkError,
  unreadableAnswer,
} from './aws-sdk.js';
import { AWS_PREFIX_ALLOWED, awsPrefixProblem } from './aws-sm-prefix.js';
import {
  adoptedFields,
  authenticatedTrust,
  notAdopted,
  PLAIN_TRUST,
  type RecordTrust,
  TrustCache,
} from './record-auth.js';
import type { SecretBox } from './secret-box.js';
import type { Change, RecordKind, Store, StoreRecord } from './store.js';

/** The tag every secret the store writes carries, and the one `list` requires. */
export const MANAGED_BY_TAG = { Key: 'managed-by', Value: 'totp-kit' } as const;
/** The tag naming the record kind. */
export const KIND_TAG_KEY = 'totp-kit-kind';
/** What to do about a damaged secret: Secrets Manager keeps the version AWSCURRENT was moved from. */
const RESTORE_VERSION = 'restore its last good version: move AWSCURRENT back to the version labelled AWSPREVIOUS';
/** The staging label a new version carries until AWSCURRENT is moved to it. */
export const PENDING_STAGE = 'TOTPKIT_PENDING';
/** The store's key check: the secret PREFIX/key-check, holding {"keyCheck": sealed value}, and its kind tag. */
export const KEY_CHECK_NAME = 'key-check';
const KEY_CHECK_FIELD = 'keyCheck';
const KINDS: readonly RecordKind[] = ['key', 'method', 'enrollment', 'lease'];

/**
 * Each version written by a swap names the version it replaced, so that after a lost answer the store can
 * tell, by walking back from AWSCURRENT, whether its own move was applied. Stripped from what `get` returns.
 */
const FROM_FIELD = '_replaces';
/** How far back that walk goes before it gives up (and reports the move as not applied). */
const MAX_WALK = 25;

/** How many times an update reads and tries again when other writers keep getting in first. */
const MAX_CAS_ATTEMPTS = 10;
/** Backoff between compare-and-swap attempts: full jitter in [0, min(cap, base · 2^attempt)) ms. */
const BACKOFF_BASE_MS = 20;
const BACKOFF_CAP_MS = 1_000;

/** Where to turn when a record is written faster than Secrets Manager allows (see #quotaReached). */
const QUOTA_ADVICE = 'for leases and verification at any steady rate use a postgres: store (see docs/stores.md)';

/** Characters Secrets Manager allows in a secret name, and its length limit. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/** What a read found: the record and the version that holds AWSCURRENT. */
interface Current {
  readonly record: StoreRecord;
  readonly versionId: string;
  /** The version this one replaced, when a swap wrote it. */
  readonly replaces?: string;
}

const errorName = awsErrorName;

/** A store of one secret per record in AWS Secrets Manager. */
export class AwsSecretsManagerStore implements Store {
  readonly reference: string;
  readonly secrets: SecretBox;
  /** Secret names start with this: the prefix, ending in '/'. */
  readonly #base: string;
  #client: Promise<{ sdk: Sdk; client: SecretsManagerClient }> | undefined;
  /** With a store key: the store's record trust, once its key check was read (not kept while there is none). */
  readonly #keyed = new TrustCache(() => this.#readTrust());
  /** Without a store key: the check, done before the first write, that the store has no key check. */
  #unkeyed: Promise<void> | undefined;
  /** TOTP_KIT_STORE_ADOPT: the adoption of this store, done once before its first use. */
  #adoption: Promise<void> | undefined;
  /** A #begin under way, shared by concurrent first writes of this store object. */
  #beginning: Promise<RecordTrust> | undefined;

  /** The environment the SDK's settings come from (see `clientSettings`). */
  readonly #env: NodeJS.ProcessEnv;

  /**
   * @param prefix the secret name prefix (`aws-sm:PREFIX`); a '/' is added when it does not end in one.
   * @param env gives the SDK's settings (see `clientSettings`): its AWS_REGION, when set, is the region (so one
   *   process can open stores of several regions: `plan --stack`), and so on for the endpoint, retries and
   *   credentials; what it leaves out, the SDK's own configuration decides when the first request is made.
   */
  constructor(prefix: string, secrets: SecretBox, env: NodeJS.ProcessEnv = process.env) {
    const problem = awsPrefixProblem(prefix);
    if (problem) {
      throw badInput('store', `aws-sm: ${problem}`, AWS_PREFIX_ALLOWED, 'E_STORE_REF');
    }
    this.reference = `aws-sm:${prefix}`;
    this.secrets = secrets;
    this.#base = prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.#env = env;
  }

  /** The secret name of a record. */
  secretName(kind: RecordKind, id: string): string {
    const name = `${this.#base}${kind}/${id}`;
    if (id === '' || !SECRET_NAME.test(name) || !idShaped(kind, id)) {
      throw badInput(
        `${kind} id`,
        `${JSON.stringify(id.slice(0, 60))} cannot be stored in ${this.reference}`,
        kind === 'enrollment'
          ? 'letters, digits and _+=.@- with one / (METHOD/ENTITY), at most 512 characters with the prefix'
          : 'letters, digits and _+=.@- (no /), at most 512 characters with the prefix',
        'E_STORE_ID',
      );
    }
    return name;
  }

  /** The name of the store's key check secret. */
  get #checkName(): string {
    return `${this.#base}${KEY_CHECK_NAME}`;
  }

  /** A record in errors: kind, id and secret name. */
  #describe(kind: RecordKind, id: string): string {
    return `store ${this.reference}: ${kind} "${id}" (secret ${this.#base}${kind}/${id})`;
  }

  /**
   * Secrets Manager refused a new version of `name`: the secret holds as many as its quota allows, and none is old
   * enough to be removed. One line naming the record, why, and what to use instead.
   */
  #quotaReached(name: string): TotpKitError {
    const [kind, ...id] = name.slice(this.#base.length).split('/');
    const record =
      kind && id.length > 0
        ? this.#describe(kind as RecordKind, id.join('/'))
        : `store ${this.reference}: secret ${name}`;
    return new TotpKitError(
      'backend',
      'E_STORE_QUOTA',
      `${record} was not written: Secrets Manager's quota of versions for this secret is reached (LimitExceededException): every verify or lease writes a version, and versions younger than 24 hours are never removed; ${QUOTA_ADVICE}`,
    );
  }

  async #sdk(): Promise<{ sdk: Sdk; client: SecretsManagerClient }> {
    this.#client ??= loadSecretsManager(`store ${this.reference}`, this.#env).catch((e: unknown) => {
      this.#client = undefined;
      throw e;
    });
    return this.#client;
  }

  /** One line naming the operation and the secret, never its value. */
  #failure(operation: string, name: string, error: unknown): TotpKitError {
    if (error instanceof TotpKitError) return error;
    if (isUnreadableAnswer(error)) {
      return new TotpKitError(
        'backend',
        'E_STORE_BACKEND',
        `store ${this.reference}: ${operation} ${name} ${unreadableAnswer(error)}`,
      );
    }
    return new TotpKitError(
      'backend',
      'E_STORE_BACKEND',
      `store ${this.reference}: ${operation} ${name} failed: ${describeAwsError(error)}`,
    );
  }

  /** Runs one SDK command; any failure becomes a backend error. */
  async #send<O>(
    operation: string,
    name: string,
    run: (sdk: Sdk, client: SecretsManagerClient) => Promise<O>,
  ): Promise<O> {
    const { sdk, client } = await this.#sdk();
    try {
      return await run(sdk, client);
    } catch (e) {
      throw this.#failure(operation, name, e);
    }
  }

  /** Like #send, but lets the caller handle the error names in `expected` (they are returned, not thrown). */
  async #try<O>(
    operation: string,
    name: string,
    expected: readonly string[],
    run: (sdk: Sdk, client: SecretsManagerClient) => Promise<O>,
  ): Promise<{ ok: true; value: O } | { ok: false; error: SdkError; errorName: string }> {
    const { sdk, client } = await this.#sdk();
    try {
      return { ok: true, value: await run(sdk, client) };
    } catch (e) {
      const found = errorName(e);
      if (expected.includes(found)) return { ok: false, error: e as SdkError, errorName: found };
      throw this.#failure(operation, name, e);
    }
  }

  /** Reads AWSCURRENT; undefined when there is no such secret or it is scheduled for deletion. */
  async #read(name: string): Promise<Current | undefined> {
    const got = await this.#try(
      'GetSecretValue',
      name,
      ['ResourceNotFoundException', 'InvalidRequestException'],
      (sdk, client) => client.send(new sdk.GetSecretValueCommand({ SecretId: name })),
    );
    if (!got.ok) {
      if (got.errorName === 'ResourceNotFoundException' || scheduledForDeletion(got.error)) return undefined;
      throw this.#failure('GetSecretValue', name, got.error);
    }
    return this.#current(name, got.value);
  }

  #current(name: string, output: GetSecretValueCommandOutput): Current {
    const { [FROM_FIELD]: replaces, ...record } = this.#parse(name, output);
    return { record, versionId: output.VersionId ?? '', ...(typeof replaces === 'string' ? { replaces } : {}) };
  }

  #parse(name: string, output: GetSecretValueCommandOutput): StoreRecord {
    const corrupt = (what: string) =>
      new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `store ${this.reference}: secret ${name} ${what}, so it is not a totp-kit record; it was left untouched (${RESTORE_VERSION}, or keep secrets that are not totp-kit's out of ${this.#base})`,
      );
    if (typeof output.SecretString !== 'string') throw corrupt('holds no SecretString (binary or empty)');
    let data: unknown;
    try {
      data = JSON.parse(output.SecretString);
    } catch {
      // JSON.parse's message quotes the text: never let it near an error message.
      throw corrupt('does not hold JSON');
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw corrupt('does not hold a JSON object');
    return data as StoreRecord;
  }

  /** The store's key check (the sealed value), or undefined when there is none. */
  async #readCheck(): Promise<unknown> {
    const found = await this.#read(this.#checkName);
    if (!found) return undefined;
    const check = found.record[KEY_CHECK_FIELD];
    if (check === undefined) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `store ${this.reference}: secret ${this.#checkName} holds no key check; it was left untouched (${RESTORE_VERSION})`,
      );
    }
    return check;
  }

  /** With a store key: the trust of the key check there is now (undefined when there is none). */
  async #readTrust(): Promise<RecordTrust | undefined> {
    const check = await this.#readCheck();
    if (check === undefined) return undefined;
    if (this.secrets.assertCheck(check, this.reference) !== 2) {
      throw new TotpKitError(
        'backend',
        'E_STORE_CORRUPT',
        `store ${this.reference}: secret ${this.#checkName} holds a key check of a version this store never writes; it was left untouched (${RESTORE_VERSION})`,
      );
    }
    return authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id));
  }

  /**
   * How records are opened and written: as they are without a store key; with one, authenticated under the key
   * check (read once per store object), or undefined while the store has none.
   */
  async #trust(): Promise<RecordTrust | undefined> {
    return this.secrets.encrypting ? this.#keyed.get() : PLAIN_TRUST;
  }

  /** Without a store key, before the first write: a store written with one is refused (E_STORE_KEY_MISSING). */
  async #assertUnkeyed(): Promise<void> {
    this.#unkeyed ??= this.#readCheck().then((check) => {
      if (check !== undefined) this.secrets.assertCheck(check, this.reference);
    });
    await this.#unkeyed;
  }

  /** Whether any record of this store exists (a secret tagged managed-by=totp-kit under PREFIX/KIND/). */
  async #hasRecords(): Promise<boolean> {
    const prefixes = KINDS.map((kind) => `${this.#base}${kind}/`);
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await this.#send('ListSecrets', this.#base, (sdk, client) =>
        client.send(
          new sdk.ListSecretsCommand({
            Filters: [
              { Key: 'name', Values: prefixes },
              { Key: 'tag-key', Values: [MANAGED_BY_TAG.Key] },
            ],
            ...(token === undefined ? {} : { NextToken: token }),
          }),
        ),
      );
      const own = (entry: SecretListEntry) =>
        managed(entry) &&
        KINDS.some((kind) => {
          const p = `${this.#base}${kind}/`;
          return (
            entry.Name?.startsWith(p) && entry.Name.length > p.length && idShaped(kind, entry.Name.slice(p.length))
          );
        });
      if ((page.SecretList ?? []).some(own)) return true;
      nextToken = page.NextToken || undefined;
    } while (nextToken !== undefined);
    return false;
  }

  /** Writes a new key check; when another writer wrote one first, that one decides (a different key is refused). */
  async #createCheck(): Promise<RecordTrust> {
    const check = this.secrets.makeCheck();
    const name = this.#checkName;
    const created = await this.#createSecret(name, KEY_CHECK_NAME, JSON.stringify({ [KEY_CHECK_FIELD]: check }));
    const trust = created.ok
      ? authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id))
      : await this.#readTrust();
    // Refused for a reason other than a check already there (e.g. one scheduled for deletion): say so.
    if (!trust) throw this.#failure('CreateSecret', name, created.ok ? undefined : created.error);
    this.#keyed.set(trust);
    return trust;
  }

  /**
   * The first keyed write to a store without a key check: an empty store is authenticated from now on (its check
   * written first); one holding records must be adopted first.
   */
  async #begin(): Promise<RecordTrust> {
    const hasRecords = await this.#hasRecords();
    // Read after the listing: a writer that wrote a record had written its key check before.
    const trust = await this.#readTrust();
    if (trust) {
      this.#keyed.set(trust);
      return trust;
    }
    if (hasRecords) throw notAdopted(this.reference);
    return this.#createCheck();
  }

  /**
   * TOTP_KIT_STORE_ADOPT=1, once per store object before its first use: vouches for the store's records as they
   * are. Every record (secrets tagged managed-by=totp-kit; others stay refused) is read and its seed checked first
   * (a sealed seed must open with the key), so a wrong key or a damaged seed stops it before anything is written;
   * then the key check is written if there is none, and each record is sealed and signed by compare-and-swap.
   */
  async #adopted(): Promise<void> {
    if (!this.secrets.adopting) return;
    this.#adoption ??= (async () => {
      const records: [RecordKind, string][] = [];
      for (const kind of KINDS) for (const id of await this.#listIds(kind)) records.push([kind, id]);
      if (records.length === 0) return; // nothing to vouch for: the first write authenticates the store
      let trust = await this.#readTrust();
      for (const [kind, id] of records) {
        const current = await this.#read(this.secretName(kind, id));
        if (current) adoptedFields(this.secrets, kind, id, current.record);
      }
      trust ??= await this.#createCheck();
      const signer = trust;
      for (const [kind, id] of records) {
        await this.#cas(this.secretName(kind, id), kind, async (current) => ({
          result: undefined,
          next: current && signer.seal(kind, id, adoptedFields(this.secrets, kind, id, current)),
        }));
      }
    })();
    await this.#adoption;
  }

  /** Ends the SDK client's connections, for long-lived processes. */
  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client) (await client.catch(() => undefined))?.client.destroy();
  }

  async get(kind: RecordKind, id: string): Promise<StoreRecord | undefined> {
    const name = this.secretName(kind, id);
    await this.#adopted();
    const trust = await this.#trust();
    const current = await this.#read(name);
    if (!current) return undefined;
    if (!trust) throw notAdopted(this.reference);
    return trust.open(kind, id, current.record);
  }

  async list(kind: RecordKind): Promise<string[]> {
    await this.#adopted();
    return this.#listIds(kind);
  }

  /** The ids of this store's records of a kind (tagged managed-by=totp-kit, shaped as ids of the kind). */
  async #listIds(kind: RecordKind): Promise<string[]> {
    const prefix = `${this.#base}${kind}/`;
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await this.#send('ListSecrets', prefix, (sdk, client) =>
        client.send(
          new sdk.ListSecretsCommand({
            Filters: [
              { Key: 'name', Values: [prefix] },
              { Key: 'tag-key', Values: [MANAGED_BY_TAG.Key] },
            ],
            ...(token === undefined ? {} : { NextToken: token }),
          }),
        ),
      );
      for (const entry of page.SecretList ?? []) {
        // AWS matches the name filter as a case-insensitive prefix and the tag key as a prefix: check exactly.
        if (entry.Name?.startsWith(prefix) && entry.Name.length > prefix.length && managed(entry)) {
          const id = entry.Name.slice(prefix.length);
          if (idShaped(kind, id)) ids.push(id);
        }
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken !== undefined);
    return [...new Set(ids)].sort();
  }

  /**
   * Reads the record, lets `change` decide and writes the outcome with a compare-and-swap. When another
   * writer got in first, the record is read again and `change` runs again (up to 10 times, with jittered
   * backoff), so `change` must be free of side effects. With a store key, the record must authenticate
   * (record-auth.ts) and is signed when written.
   * @throws TotpKitError (backend) E_STORE_BACKEND for a Secrets Manager failure, E_STORE_CONFLICT when
   *   other writers kept winning, E_STORE_QUOTA when the secret holds as many versions as Secrets Manager allows
   *   (the record was written too often within 24 hours), E_STORE_CORRUPT when the secret does not hold a JSON
   *   object, E_STORE_TAMPERED when it does not authenticate; (bad-input) E_STORE_KEY_WRONG, E_STORE_KEY_MISSING,
   *   E_STORE_NOT_ADOPTED.
   */
  async update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T> {
    const name = this.secretName(kind, id);
    await this.#adopted();
    let trust = await this.#trust();
    return this.#cas(name, kind, async (current) => {
      if (current && !trust) throw notAdopted(this.reference);
      const outcome = change(current && trust ? trust.open(kind, id, current) : undefined);
      if (outcome.next === undefined || (outcome.next === null && !current)) return outcome;
      if (!this.secrets.encrypting) await this.#assertUnkeyed();
      if (outcome.next === null) return outcome;
      if (!trust) {
        this.#beginning ??= this.#begin().finally(() => {
          this.#beginning = undefined;
        });
        trust = await this.#beginning;
      }
      return { result: outcome.result, next: trust.seal(kind, id, outcome.next) };
    });
  }

  /**
   * The compare-and-swap loop: reads the secret, lets `step` decide on the record as stored, writes the outcome
   * (as it is: `step` seals and signs), and reads again when another writer got in first.
   */
  async #cas<T>(
    name: string,
    kind: RecordKind,
    step: (current: StoreRecord | undefined) => Promise<Change<T>>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(name);
      const outcome = await step(current?.record);
      if (outcome.next === undefined) return outcome.result;
      if (outcome.next === null) {
        if (current) await this.#delete(name);
        return outcome.result;
      }
      const next = outcome.next;
      const written = current
        ? await this.#swap(name, current.versionId, next)
        : await this.#create(name, kind, JSON.stringify(next));
      if (written) return outcome.result;
      if (attempt >= MAX_CAS_ATTEMPTS) {
        throw new TotpKitError(
          'backend',
          'E_STORE_CONFLICT',
          `store ${this.reference}: update ${name} failed: conflict: other writers changed it first ${attempt} times in a row; try again`,
        );
      }
      await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
    }
  }

  /** Deletes at once (no recovery window); a secret already gone is fine. */
  async #delete(name: string): Promise<void> {
    await this.#try('DeleteSecret', name, ['ResourceNotFoundException'], (sdk, client) =>
      client.send(new sdk.DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true })),
    );
  }

  /** CreateSecret of `name`, tagged as totp-kit's with `kind`; an existing or deleted name is an answer, not a failure. */
  #createSecret(name: string, kind: string, text: string) {
    return this.#try('CreateSecret', name, ['ResourceExistsException', 'InvalidRequestException'], (sdk, client) =>
      client.send(
        new sdk.CreateSecretCommand({
          Name: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          Tags: [MANAGED_BY_TAG, { Key: KIND_TAG_KEY, Value: kind }],
        }),
      ),
    );
  }

  /** Creates the secret; false when another writer created it first (read again and retry). */
  async #create(name: string, kind: RecordKind, text: string): Promise<boolean> {
    const created = await this.#createSecret(name, kind, text);
    if (created.ok) return true;
    if (created.errorName === 'ResourceExistsException') return false;
    return this.#replaceDeleted(name, text, created.error);
  }

  /**
   * Writes over a secret scheduled for deletion (it read as absent; CreateSecret refuses its name). Forcing the
   * deletion could destroy a record a concurrent writer has just created under that name, so instead: note the
   * version that is current while the secret is deleted (no one can write it then), restore the secret, and
   * compare-and-swap from that version. Of several writers doing this, one wins; the others read again.
   */
  async #replaceDeleted(name: string, text: string, createError: SdkError): Promise<boolean> {
    const record = JSON.parse(text) as StoreRecord;
    const described = await this.#try('DescribeSecret', name, ['ResourceNotFoundException'], (sdk, client) =>
      client.send(new sdk.DescribeSecretCommand({ SecretId: name })),
    );
    if (!described.ok || !described.value.DeletedDate) {
      // Purged or restored meanwhile: read again. Refused for another reason: say so.
      if (scheduledForDeletion(createError)) return false;
      throw this.#failure('CreateSecret', name, createError);
    }
    const stages = Object.entries(described.value.VersionIdsToStages ?? {});
    const from = stages.find(([, labels]) => labels.includes('AWSCURRENT'))?.[0];
    await this.#try('RestoreSecret', name, ['ResourceNotFoundException'], (sdk, client) =>
      client.send(new sdk.RestoreSecretCommand({ SecretId: name })),
    );
    return from === undefined ? false : this.#swap(name, from, record);
  }

  /**
   * Writes a new version and moves AWSCURRENT to it from `from`, the version that was read; false when
   * another writer moved it first (or deleted the secret) — read again and retry.
   */
  async #swap(name: string, from: string, record: StoreRecord): Promise<boolean> {
    const text = JSON.stringify({ ...record, [FROM_FIELD]: from });
    const retry = ['ResourceNotFoundException', 'InvalidRequestException'];
    const put = await this.#try('PutSecretValue', name, [...retry, 'LimitExceededException'], (sdk, client) =>
      client.send(
        new sdk.PutSecretValueCommand({
          SecretId: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          VersionStages: [PENDING_STAGE],
        }),
      ),
    );
    if (!put.ok && put.errorName === 'LimitExceededException') throw this.#quotaReached(name);
    if (!put.ok) return false;
    const to = put.value.VersionId;
    if (!to) throw this.#failure('PutSecretValue', name, new Error('the response named no VersionId'));
    const moved = await this.#try(
      'UpdateSecretVersionStage',
      name,
      ['InvalidParameterException', ...retry],
      (sdk, client) =>
        client.send(
          new sdk.UpdateSecretVersionStageCommand({
            SecretId: name,
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: to,
            RemoveFromVersionId: from,
          }),
        ),
    );
    if (moved.ok) return true;
    // A first attempt refused means another writer won. After an SDK retry, the refusal may be our own move,
    // applied by an attempt whose response was lost: then our version holds (or held) AWSCURRENT.
    if ((moved.error.$metadata?.attempts ?? 1) > 1) return this.#wasApplied(name, to, from);
    return false;
  }

  /**
   * Whether our move of AWSCURRENT from `base` to `ours` was applied, its answer lost: walk back from
   * AWSCURRENT through the versions each swap replaced. Reaching `ours` means it was applied (others may
   * have written since); reaching `base`, or the start of the history, means another writer won.
   */
  async #wasApplied(name: string, ours: string, base: string): Promise<boolean> {
    let version = await this.#read(name);
    for (let step = 0; version && step < MAX_WALK; step++) {
      if (version.versionId === ours) return true;
      if (version.versionId === base || version.replaces === undefined) return false;
      const previous = version.replaces;
      const got = await this.#try(
        'GetSecretValue',
        name,
        ['ResourceNotFoundException', 'InvalidRequestException'],
        (sdk, client) => client.send(new sdk.GetSecretValueCommand({ SecretId: name, VersionId: previous })),
      );
      version = got.ok ? this.#current(name, got.value) : undefined;
    }
    return false;
  }
}

/** Ids of keys, methods and leases have no '/'; an enrollment's at most one (METHOD/ENTITY). */
function idShaped(kind: RecordKind, id: string): boolean {
  const slashes = id.split('/').length - 1;
  return kind === 'enrollment' ? slashes <= 1 : slashes === 0;
}

/** The record tag `managed-by=totp-kit` is present. */
function managed(entry: SecretListEntry): boolean {
  return (entry.Tags ?? []).some((t) => t.Key === MANAGED_BY_TAG.Key && t.Value === MANAGED_BY_TAG.Value);
}

/** An InvalidRequestException saying the secret is scheduled for deletion. */
function scheduledForDeletion(error: SdkError): boolean {
  return errorName(error) === 'InvalidRequestException' && /delet/i.test(String(error.message ?? ''));
}
