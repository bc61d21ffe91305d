import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  awsErrorName,
  describeAwsError,
  loadSecretsManager
} from "./chunk-2BTFNQ2U.js";
import {
  TotpKitError,
  badInput
} from "./chunk-3FZANBFE.js";
import "./chunk-NATS7N6G.js";

// src/stores/aws-sm-store.ts
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
var MANAGED_BY_TAG = { Key: "managed-by", Value: "totp-kit" };
var KIND_TAG_KEY = "totp-kit-kind";
var PENDING_STAGE = "TOTPKIT_PENDING";
var FROM_FIELD = "_replaces";
var MAX_WALK = 25;
var MAX_CAS_ATTEMPTS = 10;
var BACKOFF_BASE_MS = 20;
var BACKOFF_CAP_MS = 1e3;
var SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
var errorName = awsErrorName;
var AwsSecretsManagerStore = class {
  reference;
  secrets;
  /** Secret names start with this: the prefix, ending in '/'. */
  #base;
  #client;
  /** The region from `env.AWS_REGION`, when set; else the SDK's own configuration decides. */
  #region;
  /**
   * @param prefix the secret name prefix (`aws-sm:PREFIX`); a '/' is added when it does not end in one.
   * @param env its AWS_REGION, when set, is the region (so one process can open stores of several regions:
   *   `plan --stack`); everything else the SDK reads from `process.env` (AWS_ENDPOINT_URL_SECRETS_MANAGER,
   *   credentials, and the region when env has none) when the first request is made.
   */
  constructor(prefix, secrets, env = process.env) {
    this.reference = `aws-sm:${prefix}`;
    this.secrets = secrets;
    this.#base = prefix.endsWith("/") ? prefix : `${prefix}/`;
    this.#region = env.AWS_REGION || void 0;
  }
  /** The secret name of a record. */
  secretName(kind, id) {
    const name = `${this.#base}${kind}/${id}`;
    if (id === "" || !SECRET_NAME.test(name)) {
      throw badInput(
        `${kind} id`,
        `${JSON.stringify(id.slice(0, 60))} cannot be stored in ${this.reference}`,
        "letters, digits and /_+=.@-, at most 512 characters with the prefix",
        "E_STORE_ID"
      );
    }
    return name;
  }
  async #sdk() {
    this.#client ??= loadSecretsManager(`store ${this.reference}`, this.#region).catch((e) => {
      this.#client = void 0;
      throw e;
    });
    return this.#client;
  }
  /** One line naming the operation and the secret, never its value. */
  #failure(operation, name, error) {
    if (error instanceof TotpKitError) return error;
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
      `store ${this.reference}: secret ${name} ${what}, so it is not a totp-kit record; it was left untouched`
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
  async get(kind, id) {
    return (await this.#read(this.secretName(kind, id)))?.record;
  }
  async list(kind) {
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
          ids.push(entry.Name.slice(prefix.length));
        }
      }
      nextToken = page.NextToken || void 0;
    } while (nextToken !== void 0);
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
  async update(kind, id, change) {
    const name = this.secretName(kind, id);
    for (let attempt = 1; ; attempt++) {
      const current = await this.#read(name);
      const outcome = change(current?.record);
      if (outcome.next === void 0) return outcome.result;
      if (outcome.next === null) {
        if (current) await this.#delete(name);
        return outcome.result;
      }
      const next = this.#sealed(kind, id, outcome.next);
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
  /** With a store key set, a seed kept as Base32 is sealed before it is written. */
  #sealed(kind, id, record) {
    if (!this.secrets.encrypting || typeof record.secret !== "string") return record;
    return { ...record, secret: this.secrets.reseal(record.secret, `${kind}/${id}`) };
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
  /** Creates the secret; false when another writer created it first (read again and retry). */
  async #create(name, kind, text) {
    const created = await this.#try(
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
      retry,
      (sdk, client) => client.send(
        new sdk.PutSecretValueCommand({
          SecretId: name,
          SecretString: text,
          ClientRequestToken: randomUUID(),
          VersionStages: [PENDING_STAGE]
        })
      )
    );
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
function managed(entry) {
  return (entry.Tags ?? []).some((t) => t.Key === MANAGED_BY_TAG.Key && t.Value === MANAGED_BY_TAG.Value);
}
function scheduledForDeletion(error) {
  return errorName(error) === "InvalidRequestException" && /delet/i.test(String(error.message ?? ""));
}
export {
  AwsSecretsManagerStore,
  KIND_TAG_KEY,
  MANAGED_BY_TAG,
  PENDING_STAGE
};
