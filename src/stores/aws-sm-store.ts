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
 * Limits worth knowing: a delete is unconditional (Secrets Manager has no delete-if-version), so a delete
 * racing a write wins; ListSecrets is eventually consistent, so a record created a moment ago may be
 * missing from `list` (never from `get`); and each write adds a secret version, which AWS prunes only once
 * they are more than 100 and older than a day.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  GetSecretValueCommandOutput,
  SecretListEntry,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { badInput, TotpKitError } from '../core/errors.js';
import { awsErrorName, describeAwsError, loadSecretsManager, type Sdk, type SdkError } from './aws-sdk.js';
import type { SecretBox } from './secret-box.js';
import type { Change, RecordKind, Store, StoreRecord } from './store.js';

/** The tag every secret the store writes carries, and the one `list` requires. */
export const MANAGED_BY_TAG = { Key: 'managed-by', Value: 'totp-kit' } as const;
/** The tag naming the record kind. */
export const KIND_TAG_KEY = 'totp-kit-kind';
/** The staging label a new version carries until AWSCURRENT is moved to it. */
export const PENDING_STAGE = 'TOTPKIT_PENDING';

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

  /** The region from `env.AWS_REGION`, when set; else the SDK's own configuration decides. */
  readonly #region: string | undefined;

  /**
   * @param prefix the secret name prefix (`aws-sm:PREFIX`); a '/' is added when it does not end in one.
   * @param env its AWS_REGION, when set, is the region (so one process can open stores of several regions:
   *   `plan --stack`); everything else the SDK reads from `process.env` (AWS_ENDPOINT_URL_SECRETS_MANAGER,
   *   credentials, and the region when env has none) when the first request is made.
   */
  constructor(prefix: string, secrets: SecretBox, env: NodeJS.ProcessEnv = process.env) {
    this.reference = `aws-sm:${prefix}`;
    this.secrets = secrets;
    this.#base = prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.#region = env.AWS_REGION || undefined;
  }

  /** The secret name of a record. */
  secretName(kind: RecordKind, id: string): string {
    const name = `${this.#base}${kind}/${id}`;
    if (id === '' || !SECRET_NAME.test(name)) {
      throw badInput(
        `${kind} id`,
        `${JSON.stringify(id.slice(0, 60))} cannot be stored in ${this.reference}`,
        'letters, digits and /_+=.@-, at most 512 characters with the prefix',
        'E_STORE_ID',
      );
    }
    return name;
  }

  async #sdk(): Promise<{ sdk: Sdk; client: SecretsManagerClient }> {
    this.#client ??= loadSecretsManager(`store ${this.reference}`, this.#region).catch((e: unknown) => {
      this.#client = undefined;
      throw e;
    });
    return this.#client;
  }

  /** One line naming the operation and the secret, never its value. */
  #failure(operation: string, name: string, error: unknown): TotpKitError {
    if (error instanceof TotpKitError) return error;
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
        `store ${this.reference}: secret ${name} ${what}, so it is not a totp-kit record; it was left untouched`,
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

  async get(kind: RecordKind, id: string): Promise<StoreRecord | undefined> {
    return (await this.#read(this.secretName(kind, id)))?.record;
  }

  async list(kind: RecordKind): Promise<string[]> {
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
          ids.push(entry.Name.slice(prefix.length));
        }
      }
      nextToken = page.NextToken || undefined;
    } while (nextToken !== undefined);
    return [...new Set(ids)].sort();
  }

  /**
   * Reads the record, lets `change` decide and writes the outcome with a compare-and-swap. When another
   * writer got in first, the record is read again and `change` runs again (up to 10 times, with jittered
   * backoff), so `change` must be free of side effects. A record written with a plain Base32 `secret`
   * before a store key was set is sealed on this write.
   * @throws TotpKitError (backend) E_STORE_BACKEND for a Secrets Manager failure, E_STORE_CONFLICT when
   *   other writers kept winning, E_STORE_CORRUPT when the secret does not hold a JSON object.
   */
  async update<T>(kind: RecordKind, id: string, change: (current: StoreRecord | undefined) => Change<T>): Promise<T> {
    const name = this.secretName(kind, id);
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(name);
      const outcome = change(current?.record);
      if (outcome.next === undefined) return outcome.result;
      if (outcome.next === null) {
        if (current) await this.#delete(name);
        return outcome.result;
      }
      const next = this.#sealed(kind, id, outcome.next);
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

  /** With a store key set, a seed kept as Base32 is sealed before it is written. */
  #sealed(kind: RecordKind, id: string, record: StoreRecord): StoreRecord {
    if (!this.secrets.encrypting || typeof record.secret !== 'string') return record;
    return { ...record, secret: this.secrets.reseal(record.secret, `${kind}/${id}`) };
  }

  /** Deletes at once (no recovery window); a secret already gone is fine. */
  async #delete(name: string): Promise<void> {
    await this.#try('DeleteSecret', name, ['ResourceNotFoundException'], (sdk, client) =>
      client.send(new sdk.DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true })),
    );
  }

  /** Creates the secret; false when another writer created it first (read again and retry). */
  async #create(name: string, kind: RecordKind, text: string): Promise<boolean> {
    const created = await this.#try(
      'CreateSecret',
      name,
      ['ResourceExistsException', 'InvalidRequestException'],
      (sdk, client) =>
        client.send(
          new sdk.CreateSecretCommand({
            Name: name,
            SecretString: text,
            ClientRequestToken: randomUUID(),
            Tags: [MANAGED_BY_TAG, { Key: KIND_TAG_KEY, Value: kind }],
          }),
        ),
    );
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
    const put = await this.#try('PutSecretValue', name, retry, (sdk, client) =>
      client.send(
        new sdk.PutSecretValueCommand({
          SecretId: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          VersionStages: [PENDING_STAGE],
        }),
      ),
    );
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

/** The record tag `managed-by=totp-kit` is present. */
function managed(entry: SecretListEntry): boolean {
  return (entry.Tags ?? []).some((t) => t.Key === MANAGED_BY_TAG.Key && t.Value === MANAGED_BY_TAG.Value);
}

/** An InvalidRequestException saying the secret is scheduled for deletion. */
function scheduledForDeletion(error: SdkError): boolean {
  return errorName(error) === 'InvalidRequestException' && /delet/i.test(String(error.message ?? ''));
}
