import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  AWS_PREFIX_ALLOWED,
  awsErrorName,
  awsPrefixProblem,
  describeAwsError,
  isUnreadableAnswer,
  loadSecretsManager,
  unreadableAnswer
} from "./chunk-HSJDYOVP.js";
import {
  PLAIN_TRUST,
  TrustCache,
  adoptedFields,
  authenticatedTrust,
  notAdopted
} from "./chunk-AHAPZP3O.js";
import {
  TotpKitError,
  badInput
} from "./chunk-BYLEH6TO.js";
import "./chunk-NATS7N6G.js";

// src/stores/aws-sm-store.ts
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
var MANAGED_BY_TAG = { Key: "managed-by", Value: "totp-kit" };
var KIND_TAG_KEY = "totp-kit-kind";
var RESTORE_VERSION = "restore its last good version: move AWSCURRENT back to the version labelled AWSPREVIOUS";
var PENDING_STAGE = "TOTPKIT_PENDING";
var KEY_CHECK_NAME = "key-check";
var KEY_CHECK_FIELD = "keyCheck";
var KINDS = ["key", "method", "enrollment", "lease"];
var FROM_FIELD = "_replaces";
var MAX_WALK = 25;
var MAX_CAS_ATTEMPTS = 10;
var BACKOFF_BASE_MS = 20;
var BACKOFF_CAP_MS = 1e3;
var QUOTA_ADVICE = "for leases and verification at any steady rate use a postgres: store (see docs/stores.md)";
var SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
var errorName = awsErrorName;
var AwsSecretsManagerStore = class {
  reference;
  secrets;
  /** Secret names start with this: the prefix, ending in '/'. */
  #base;
  #client;
  /** With a store key: the store's record trust, once its key check was read (not kept while there is none). */
  #keyed = new TrustCache(() => this.#readTrust());
  /** Without a store key: the check, done before the first write, that the store has no key check. */
  #unkeyed;
  /** TOTP_KIT_STORE_ADOPT: the adoption of this store, done once before its first use. */
  #adoption;
  /** A #begin under way, shared by concurrent first writes of this store object. */
  #beginning;
  /** The environment the SDK's settings come from (see `clientSettings`). */
  #env;
  /**
   * @param prefix the secret name prefix (`aws-sm:PREFIX`); a '/' is added when it does not end in one.
   * @param env gives the SDK's settings (see `clientSettings`): its AWS_REGION, when set, is the region (so one
   *   process can open stores of several regions: `plan --stack`), and so on for the endpoint, retries and
   *   credentials; what it leaves out, the SDK's own configuration decides when the first request is made.
   */
  constructor(prefix, secrets, env = process.env) {
    const problem = awsPrefixProblem(prefix);
    if (problem) {
      throw badInput("store", `aws-sm: ${problem}`, AWS_PREFIX_ALLOWED, "E_STORE_REF");
    }
    this.reference = `aws-sm:${prefix}`;
    this.secrets = secrets;
    this.#base = prefix.endsWith("/") ? prefix : `${prefix}/`;
    this.#env = env;
  }
  /** The secret name of a record. */
  secretName(kind, id) {
    const name = `${this.#base}${kind}/${id}`;
    if (id === "" || !SECRET_NAME.test(name) || !idShaped(kind, id)) {
      throw badInput(
        `${kind} id`,
        `${JSON.stringify(id.slice(0, 60))} cannot be stored in ${this.reference}`,
        kind === "enrollment" ? "letters, digits and _+=.@- with one / (METHOD/ENTITY), at most 512 characters with the prefix" : "letters, digits and _+=.@- (no /), at most 512 characters with the prefix",
        "E_STORE_ID"
      );
    }
    return name;
  }
  /** The name of the store's key check secret. */
  get #checkName() {
    return `${this.#base}${KEY_CHECK_NAME}`;
  }
  /** A record in errors: kind, id and secret name. */
  #describe(kind, id) {
    return `store ${this.reference}: ${kind} "${id}" (secret ${this.#base}${kind}/${id})`;
  }
  /**
   * Secrets Manager refused a new version of `name`: the secret holds as many as its quota allows, and none is old
   * enough to be removed. One line naming the record, why, and what to use instead.
   */
  #quotaReached(name) {
    const [kind, ...id] = name.slice(this.#base.length).split("/");
    const record = kind && id.length > 0 ? this.#describe(kind, id.join("/")) : `store ${this.reference}: secret ${name}`;
    return new TotpKitError(
      "backend",
      "E_STORE_QUOTA",
      `${record} was not written: Secrets Manager's quota of versions for this secret is reached (LimitExceededException): every verify or lease writes a version, and versions younger than 24 hours are never removed; ${QUOTA_ADVICE}`
    );
  }
  async #sdk() {
    this.#client ??= loadSecretsManager(`store ${this.reference}`, this.#env).catch((e) => {
      this.#client = void 0;
      throw e;
    });
    return this.#client;
  }
  /** One line naming the operation and the secret, never its value. */
  #failure(operation, name, error) {
    if (error instanceof TotpKitError) return error;
    if (isUnreadableAnswer(error)) {
      return new TotpKitError(
        "backend",
        "E_STORE_BACKEND",
        `store ${this.reference}: ${operation} ${name} ${unreadableAnswer(error)}`
      );
    }
    return new TotpKitError(
      "backend",
      "E_STORE_BACKEND",
      `store ${this.reference}: ${operation} ${name} failed: ${describeAwsError(error)}`
    );
  }
  /** Runs one SDK command; any failure becomes a backend error. */
  async #send(operation, name, run) {
    const { sdk, client } = await this.#sdk();
    try {
      return await run(sdk, client);
    } catch (e) {
      throw this.#failure(operation, name, e);
    }
  }
  /** Like #send, but lets the caller handle the error names in `expected` (they are returned, not thrown). */
  async #try(operation, name, expected, run) {
    const { sdk, client } = await this.#sdk();
    try {
      return { ok: true, value: await run(sdk, client) };
    } catch (e) {
      const found = errorName(e);
      if (expected.includes(found)) return { ok: false, error: e, errorName: found };
      throw this.#failure(operation, name, e);
    }
  }
  /** Reads AWSCURRENT; undefined when there is no such secret or it is scheduled for deletion. */
  async #read(name) {
    const got = await this.#try(
      "GetSecretValue",
      name,
      ["ResourceNotFoundException", "InvalidRequestException"],
      (sdk, client) => client.send(new sdk.GetSecretValueCommand({ SecretId: name }))
    );
    if (!got.ok) {
      if (got.errorName === "ResourceNotFoundException" || scheduledForDeletion(got.error)) return void 0;
      throw this.#failure("GetSecretValue", name, got.error);
    }
    return this.#current(name, got.value);
  }
  #current(name, output) {
    const { [FROM_FIELD]: replaces, ...record } = this.#parse(name, output);
    return { record, versionId: output.VersionId ?? "", ...typeof replaces === "string" ? { replaces } : {} };
  }
  #parse(name, output) {
    const corrupt = (what) => new TotpKitError(
      "backend",
      "E_STORE_CORRUPT",
      `store ${this.reference}: secret ${name} ${what}, so it is not a totp-kit record; it was left untouched (${RESTORE_VERSION}, or keep secrets that are not totp-kit's out of ${this.#base})`
    );
    if (typeof output.SecretString !== "string") throw corrupt("holds no SecretString (binary or empty)");
    let data;
    try {
      data = JSON.parse(output.SecretString);
    } catch {
      throw corrupt("does not hold JSON");
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) throw corrupt("does not hold a JSON object");
    return data;
  }
  /** The store's key check (the sealed value), or undefined when there is none. */
  async #readCheck() {
    const found = await this.#read(this.#checkName);
    if (!found) return void 0;
    const check = found.record[KEY_CHECK_FIELD];
    if (check === void 0) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        `store ${this.reference}: secret ${this.#checkName} holds no key check; it was left untouched (${RESTORE_VERSION})`
      );
    }
    return check;
  }
  /** With a store key: the trust of the key check there is now (undefined when there is none). */
  async #readTrust() {
    const check = await this.#readCheck();
    if (check === void 0) return void 0;
    if (this.secrets.assertCheck(check, this.reference) !== 2) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        `store ${this.reference}: secret ${this.#checkName} holds a key check of a version this store never writes; it was left untouched (${RESTORE_VERSION})`
      );
    }
    return authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id));
  }
  /**
   * How records are opened and written: as they are without a store key; with one, authenticated under the key
   * check (read once per store object), or undefined while the store has none.
   */
  async #trust() {
    return this.secrets.encrypting ? this.#keyed.get() : PLAIN_TRUST;
  }
  /** Without a store key, before the first write: a store written with one is refused (E_STORE_KEY_MISSING). */
  async #assertUnkeyed() {
    this.#unkeyed ??= this.#readCheck().then((check) => {
      if (check !== void 0) this.secrets.assertCheck(check, this.reference);
    });
    await this.#unkeyed;
  }
  /** Whether any record of this store exists (a secret tagged managed-by=totp-kit under PREFIX/KIND/). */
  async #hasRecords() {
    const prefixes = KINDS.map((kind) => `${this.#base}${kind}/`);
    let nextToken;
    do {
      const token = nextToken;
      const page = await this.#send(
        "ListSecrets",
        this.#base,
        (sdk, client) => client.send(
          new sdk.ListSecretsCommand({
            Filters: [
              { Key: "name", Values: prefixes },
              { Key: "tag-key", Values: [MANAGED_BY_TAG.Key] }
            ],
            ...token === void 0 ? {} : { NextToken: token }
          })
        )
      );
      const own = (entry) => managed(entry) && KINDS.some((kind) => {
        const p = `${this.#base}${kind}/`;
        return entry.Name?.startsWith(p) && entry.Name.length > p.length && idShaped(kind, entry.Name.slice(p.length));
      });
      if ((page.SecretList ?? []).some(own)) return true;
      nextToken = page.NextToken || void 0;
    } while (nextToken !== void 0);
    return false;
  }
  /** Writes a new key check; when another writer wrote one first, that one decides (a different key is refused). */
  async #createCheck() {
    const check = this.secrets.makeCheck();
    const name = this.#checkName;
    const created = await this.#createSecret(name, KEY_CHECK_NAME, JSON.stringify({ [KEY_CHECK_FIELD]: check }));
    const trust = created.ok ? authenticatedTrust(this.secrets, check, (kind, id) => this.#describe(kind, id)) : await this.#readTrust();
    if (!trust) throw this.#failure("CreateSecret", name, created.ok ? void 0 : created.error);
    this.#keyed.set(trust);
    return trust;
  }
  /**
   * The first keyed write to a store without a key check: an empty store is authenticated from now on (its check
   * written first); one holding records must be adopted first.
   */
  async #begin() {
    const hasRecords = await this.#hasRecords();
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
  async #adopted() {
    if (!this.secrets.adopting) return;
    this.#adoption ??= (async () => {
      const records = [];
      for (const kind of KINDS) for (const id of await this.#listIds(kind)) records.push([kind, id]);
      if (records.length === 0) return;
      let trust = await this.#readTrust();
      for (const [kind, id] of records) {
        const current = await this.#read(this.secretName(kind, id));
        if (current) adoptedFields(this.secrets, kind, id, current.record);
      }
      trust ??= await this.#createCheck();
      const signer = trust;
      for (const [kind, id] of records) {
        await this.#cas(this.secretName(kind, id), kind, async (current) => ({
          result: void 0,
          next: current && signer.seal(kind, id, adoptedFields(this.secrets, kind, id, current))
        }));
      }
    })();
    await this.#adoption;
  }
  /** Ends the SDK client's connections, for long-lived processes. */
  async close() {
    const client = this.#client;
    this.#client = void 0;
    if (client) (await client.catch(() => void 0))?.client.destroy();
  }
  async get(kind, id) {
    const name = this.secretName(kind, id);
    await this.#adopted();
    const trust = await this.#trust();
    const current = await this.#read(name);
    if (!current) return void 0;
    if (!trust) throw notAdopted(this.reference);
    return trust.open(kind, id, current.record);
  }
  async list(kind) {
    await this.#adopted();
    return this.#listIds(kind);
  }
  /** The ids of this store's records of a kind (tagged managed-by=totp-kit, shaped as ids of the kind). */
  async #listIds(kind) {
    const prefix = `${this.#base}${kind}/`;
    const ids = [];
    let nextToken;
    do {
      const token = nextToken;
      const page = await this.#send(
        "ListSecrets",
        prefix,
        (sdk, client) => client.send(
          new sdk.ListSecretsCommand({
            Filters: [
              { Key: "name", Values: [prefix] },
              { Key: "tag-key", Values: [MANAGED_BY_TAG.Key] }
            ],
            ...token === void 0 ? {} : { NextToken: token }
          })
        )
      );
      for (const entry of page.SecretList ?? []) {
        if (entry.Name?.startsWith(prefix) && entry.Name.length > prefix.length && managed(entry)) {
          const id = entry.Name.slice(prefix.length);
          if (idShaped(kind, id)) ids.push(id);
        }
      }
      nextToken = page.NextToken || void 0;
    } while (nextToken !== void 0);
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
  async update(kind, id, change) {
    const name = this.secretName(kind, id);
    await this.#adopted();
    let trust = await this.#trust();
    return this.#cas(name, kind, async (current) => {
      if (current && !trust) throw notAdopted(this.reference);
      const outcome = change(current && trust ? trust.open(kind, id, current) : void 0);
      if (outcome.next === void 0 || outcome.next === null && !current) return outcome;
      if (!this.secrets.encrypting) await this.#assertUnkeyed();
      if (outcome.next === null) return outcome;
      if (!trust) {
        this.#beginning ??= this.#begin().finally(() => {
          this.#beginning = void 0;
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
  async #cas(name, kind, step) {
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(name);
      const outcome = await step(current?.record);
      if (outcome.next === void 0) return outcome.result;
      if (outcome.next === null) {
        if (current) await this.#delete(name);
        return outcome.result;
      }
      const next = outcome.next;
      const written = current ? await this.#swap(name, current.versionId, next) : await this.#create(name, kind, JSON.stringify(next));
      if (written) return outcome.result;
      if (attempt >= MAX_CAS_ATTEMPTS) {
        throw new TotpKitError(
          "backend",
          "E_STORE_CONFLICT",
          `store ${this.reference}: update ${name} failed: conflict: other writers changed it first ${attempt} times in a row; try again`
        );
      }
      await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
    }
  }
  /** Deletes at once (no recovery window); a secret already gone is fine. */
  async #delete(name) {
    await this.#try(
      "DeleteSecret",
      name,
      ["ResourceNotFoundException"],
      (sdk, client) => client.send(new sdk.DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }))
    );
  }
  /** CreateSecret of `name`, tagged as totp-kit's with `kind`; an existing or deleted name is an answer, not a failure. */
  #createSecret(name, kind, text) {
    return this.#try(
      "CreateSecret",
      name,
      ["ResourceExistsException", "InvalidRequestException"],
      (sdk, client) => client.send(
        new sdk.CreateSecretCommand({
          Name: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          Tags: [MANAGED_BY_TAG, { Key: KIND_TAG_KEY, Value: kind }]
        })
      )
    );
  }
  /** Creates the secret; false when another writer created it first (read again and retry). */
  async #create(name, kind, text) {
    const created = await this.#createSecret(name, kind, text);
    if (created.ok) return true;
    if (created.errorName === "ResourceExistsException") return false;
    return this.#replaceDeleted(name, text, created.error);
  }
  /**
   * Writes over a secret scheduled for deletion (it read as absent; CreateSecret refuses its name). Forcing the
   * deletion could destroy a record a concurrent writer has just created under that name, so instead: note the
   * version that is current while the secret is deleted (no one can write it then), restore the secret, and
   * compare-and-swap from that version. Of several writers doing this, one wins; the others read again.
   */
  async #replaceDeleted(name, text, createError) {
    const record = JSON.parse(text);
    const described = await this.#try(
      "DescribeSecret",
      name,
      ["ResourceNotFoundException"],
      (sdk, client) => client.send(new sdk.DescribeSecretCommand({ SecretId: name }))
    );
    if (!described.ok || !described.value.DeletedDate) {
      if (scheduledForDeletion(createError)) return false;
      throw this.#failure("CreateSecret", name, createError);
    }
    const stages = Object.entries(described.value.VersionIdsToStages ?? {});
    const from = stages.find(([, labels]) => labels.includes("AWSCURRENT"))?.[0];
    await this.#try(
      "RestoreSecret",
      name,
      ["ResourceNotFoundException"],
      (sdk, client) => client.send(new sdk.RestoreSecretCommand({ SecretId: name }))
    );
    return from === void 0 ? false : this.#swap(name, from, record);
  }
  /**
   * Writes a new version and moves AWSCURRENT to it from `from`, the version that was read; false when
   * another writer moved it first (or deleted the secret) — read again and retry.
   */
  async #swap(name, from, record) {
    const text = JSON.stringify({ ...record, [FROM_FIELD]: from });
    const retry = ["ResourceNotFoundException", "InvalidRequestException"];
    const put = await this.#try(
      "PutSecretValue",
      name,
      [...retry, "LimitExceededException"],
      (sdk, client) => client.send(
        new sdk.PutSecretValueCommand({
          SecretId: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          VersionStages: [PENDING_STAGE]
        })
      )
    );
    if (!put.ok && put.errorName === "LimitExceededException") throw this.#quotaReached(name);
    if (!put.ok) return false;
    const to = put.value.VersionId;
    if (!to) throw this.#failure("PutSecretValue", name, new Error("the response named no VersionId"));
    const moved = await this.#try(
      "UpdateSecretVersionStage",
      name,
      ["InvalidParameterException", ...retry],
      (sdk, client) => client.send(
        new sdk.UpdateSecretVersionStageCommand({
          SecretId: name,
          VersionStage: "AWSCURRENT",
          MoveToVersionId: to,
          RemoveFromVersionId: from
        })
      )
    );
    if (moved.ok) return true;
    if ((moved.error.$metadata?.attempts ?? 1) > 1) return this.#wasApplied(name, to, from);
    return false;
  }
  /**
   * Whether our move of AWSCURRENT from `base` to `ours` was applied, its answer lost: walk back from
   * AWSCURRENT through the versions each swap replaced. Reaching `ours` means it was applied (others may
   * have written since); reaching `base`, or the start of the history, means another writer won.
   */
  async #wasApplied(name, ours, base) {
    let version = await this.#read(name);
    for (let step = 0; version && step < MAX_WALK; step++) {
      if (version.versionId === ours) return true;
      if (version.versionId === base || version.replaces === void 0) return false;
      const previous = version.replaces;
      const got = await this.#try(
        "GetSecretValue",
        name,
        ["ResourceNotFoundException", "InvalidRequestException"],
        (sdk, client) => client.send(new sdk.GetSecretValueCommand({ SecretId: name, VersionId: previous }))
      );
      version = got.ok ? this.#current(name, got.value) : void 0;
    }
    return false;
  }
};
function idShaped(kind, id) {
  const slashes = id.split("/").length - 1;
  return kind === "enrollment" ? slashes <= 1 : slashes === 0;
}
function managed(entry) {
  return (entry.Tags ?? []).some((t) => t.Key === MANAGED_BY_TAG.Key && t.Value === MANAGED_BY_TAG.Value);
}
function scheduledForDeletion(error) {
  return errorName(error) === "InvalidRequestException" && /delet/i.test(String(error.message ?? ""));
}
export {
  AwsSecretsManagerStore,
  KEY_CHECK_NAME,
  KIND_TAG_KEY,
  MANAGED_BY_TAG,
  PENDING_STAGE
};
