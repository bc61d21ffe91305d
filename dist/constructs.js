var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/errors.ts
function formatProblem(p, label = p.setting) {
  return `${label}: ${p.problem}${p.allowed ? ` (allowed: ${p.allowed})` : ""}`;
}
function badInput(setting, problem, allowed, code = "E_BAD_INPUT") {
  const p = allowed === void 0 ? { setting, problem } : { setting, problem, allowed };
  return new TotpKitError("bad-input", code, formatProblem(p), [p]);
}
function errorMessage(e) {
  if (e instanceof Error) return e.message;
  if (typeof e === "string") return e;
  return String(e);
}
function quote(value, max = 7) {
  if (value === null || value === void 0) return String(value);
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
    return JSON.stringify(String(value));
  }
  if (typeof value !== "string") return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`;
  const short = value.length <= max;
  const numeric = value.length <= 40 && /^[-+0-9.eE]+$/.test(value);
  const wordy = value.length <= 40 && !/[A-Za-z0-9+/=]{8,}/.test(value);
  if (short || numeric || wordy) return JSON.stringify(value);
  return `${/^8|^1[18]$/.test(String(value.length)) ? "an" : "a"} ${value.length}-character value`;
}
var TotpKitError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    TotpKitError = class extends Error {
      name = "TotpKitError";
      kind;
      code;
      /** Every problem found, when the error collects several (one declaration, many settings). */
      problems;
      constructor(kind, code, message, problems = []) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.problems = problems;
      }
    };
  }
});

// src/stores/aws-sdk.ts
async function loadSecretsManager(what, region) {
  let sdk;
  try {
    const module = await import("@aws-sdk/client-secrets-manager");
    sdk = "SecretsManagerClient" in module ? module : module.default;
  } catch (e) {
    const code = e.code;
    throw new TotpKitError(
      "backend",
      "E_AWS_SDK",
      `${what}: the AWS SDK (@aws-sdk/client-secrets-manager) cannot be loaded${typeof code === "string" ? ` (${code})` : ""}`
    );
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const config = {
    ...region ? { region } : {},
    // The SDK waits forever for a silent server by default; a step should fail, naming the operation.
    requestHandler: {
      requestTimeout: requestTimeoutMs(),
      connectionTimeout: Math.min(requestTimeoutMs(), 5e3),
      throwOnRequestTimeout: true,
      // requestTimeout stops counting once headers arrive: a body that stalls needs an idle limit too.
      socketTimeout: requestTimeoutMs()
    }
  };
  return { sdk, client: new sdk.SecretsManagerClient(config) };
}
function requestTimeoutMs() {
  const given = Number(process.env.TOTP_KIT_AWS_TIMEOUT_MS);
  return Number.isSafeInteger(given) && given > 0 ? given : 1e4;
}
function describeAwsError(error) {
  const e = error ?? {};
  const name = awsErrorName(error);
  const code = typeof e.code === "string" ? e.code : void 0;
  if (name === "AccessDeniedException") return `access denied (${name})`;
  if (THROTTLING.has(name)) return `throttled after retries (${name})`;
  if (name === "ResourceNotFoundException") return "not found";
  if (name === "DecryptionFailure") return `the secret cannot be decrypted with its KMS key (${name})`;
  if (code && /^E[A-Z0-9_]+$/.test(code)) return `unreachable (${code})`;
  if (name === "TimeoutError" || name === "RequestTimeout") return `unreachable (${name})`;
  if (e.message === "Region is missing") return "no AWS region configured (set AWS_REGION, or the aws-region input)";
  if (name === "CredentialsProviderError")
    return "no AWS credentials found (configure them, e.g. with aws-actions/configure-aws-credentials)";
  const message = String(e.message ?? "").replace(/\s+/g, " ").trim();
  const short = message.length > 200 ? `${message.slice(0, 200)}\u2026` : message;
  if (!name || name === "Error") return short || "unknown error";
  return short ? `${name}: ${short}` : name;
}
var THROTTLING, awsErrorName;
var init_aws_sdk = __esm({
  "src/stores/aws-sdk.ts"() {
    "use strict";
    init_errors();
    THROTTLING = /* @__PURE__ */ new Set([
      "ThrottlingException",
      "Throttling",
      "TooManyRequestsException",
      "RequestLimitExceeded",
      "RequestThrottled",
      "RequestThrottledException",
      "ThrottledException"
    ]);
    awsErrorName = (e) => String(e?.name ?? "");
  }
});

// src/stores/file-store.ts
var file_store_exports = {};
__export(file_store_exports, {
  FileStore: () => FileStore,
  STORE_FORMAT: () => STORE_FORMAT
});
import { mkdir, readFile } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
import lockfile from "proper-lockfile";
import writeFileAtomic from "write-file-atomic";
var STORE_FORMAT, SECTIONS, LOCK_STALE_MS, FileStore;
var init_file_store = __esm({
  "src/stores/file-store.ts"() {
    "use strict";
    init_errors();
    STORE_FORMAT = 1;
    SECTIONS = {
      key: "keys",
      method: "methods",
      enrollment: "enrollments"
    };
    LOCK_STALE_MS = 5e3;
    FileStore = class {
      reference;
      secrets;
      #path;
      constructor(path, secrets) {
        this.#path = path;
        this.reference = `file:${path}`;
        this.secrets = secrets;
      }
      #failure(problem, code = "E_STORE_UNREADABLE") {
        return new TotpKitError("backend", code, `store ${this.reference}: ${problem}; it was left untouched`);
      }
      /** Reads and checks the whole file; a missing file is an empty store. */
      async read() {
        let text;
        try {
          text = await readFile(this.#path, "utf8");
        } catch (e) {
          const code = e.code ?? "unknown error";
          if (code === "ENOENT") return { format: STORE_FORMAT, keys: {}, methods: {}, enrollments: {} };
          throw this.#failure(`cannot be read (${code})`);
        }
        let data;
        try {
          data = JSON.parse(text);
        } catch {
          throw this.#failure(
            text.trim() === "" ? "is empty" : "is not valid JSON (corrupt or truncated)",
            "E_STORE_CORRUPT"
          );
        }
        const doc = data;
        if (typeof doc !== "object" || doc === null || Array.isArray(doc) || typeof doc.format !== "number") {
          throw this.#failure("is not a totp-kit store (no format version)", "E_STORE_CORRUPT");
        }
        if (doc.format > STORE_FORMAT || !Number.isInteger(doc.format) || doc.format < 1) {
          throw this.#failure(
            `has format ${doc.format}, which this version of totp-kit does not understand (it writes ${STORE_FORMAT}); upgrade totp-kit`,
            "E_STORE_FORMAT"
          );
        }
        const sections = {};
        for (const name of Object.values(SECTIONS)) {
          const section = doc[name] ?? {};
          if (typeof section !== "object" || section === null || Array.isArray(section)) {
            throw this.#failure(`has a damaged "${name}" section`, "E_STORE_CORRUPT");
          }
          sections[name] = section;
        }
        return { format: doc.format, ...doc.keyCheck !== void 0 ? { keyCheck: doc.keyCheck } : {}, ...sections };
      }
      /**
       * Keeps one store under one key: with a key, a store sealed with another key is refused; without one,
       * a store holding sealed seeds is refused rather than given a plain seed beside them.
       */
      #checkKey(doc) {
        if (doc.keyCheck !== void 0) this.secrets.assertCheck(doc.keyCheck, this.reference);
        else {
          for (const kind of Object.keys(SECTIONS)) {
            for (const [id, record] of Object.entries(doc[SECTIONS[kind]])) {
              if (record.secret === void 0 || typeof record.secret === "string") continue;
              if (!this.secrets.encrypting) this.secrets.assertCheck(void 0, this.reference);
              this.secrets.open(record.secret, `${kind}/${id}`, `${kind} "${id}"`);
              break;
            }
          }
        }
        if (this.secrets.encrypting && doc.keyCheck === void 0) doc.keyCheck = this.secrets.makeCheck();
      }
      async #write(doc) {
        this.#checkKey(doc);
        if (this.secrets.encrypting) {
          for (const kind of Object.keys(SECTIONS)) {
            const section = doc[SECTIONS[kind]];
            for (const [id, record] of Object.entries(section)) {
              if (typeof record.secret === "string") {
                section[id] = { ...record, secret: this.secrets.reseal(record.secret, `${kind}/${id}`) };
              }
            }
          }
        }
        await writeFileAtomic(this.#path, `${JSON.stringify(doc, null, 2)}
`, { mode: 384, fsync: true });
      }
      async #locked(work) {
        try {
          await mkdir(dirname2(this.#path), { recursive: true, mode: 448 });
        } catch (e) {
          throw this.#failure(
            `cannot be created (${e.code ?? "unknown error"} for its folder)`,
            "E_STORE_UNWRITABLE"
          );
        }
        let release;
        try {
          release = await lockfile.lock(this.#path, {
            realpath: false,
            stale: LOCK_STALE_MS,
            retries: { retries: 400, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true }
          });
        } catch (e) {
          throw this.#failure(
            `could not be locked (${e.code ?? "busy"}): another totp-kit process holds it`,
            "E_STORE_LOCKED"
          );
        }
        try {
          return await work();
        } finally {
          await release().catch(() => void 0);
        }
      }
      async get(kind, id) {
        const section = (await this.read())[SECTIONS[kind]];
        return Object.hasOwn(section, id) ? section[id] : void 0;
      }
      async list(kind) {
        return Object.keys((await this.read())[SECTIONS[kind]]).sort();
      }
      async update(kind, id, change) {
        return this.#locked(async () => {
          const doc = await this.read();
          const section = doc[SECTIONS[kind]];
          const outcome = change(Object.hasOwn(section, id) ? section[id] : void 0);
          if (outcome.next === void 0) return outcome.result;
          if (outcome.next === null) {
            if (!Object.hasOwn(section, id)) return outcome.result;
            delete section[id];
          } else {
            section[id] = outcome.next;
          }
          await this.#write({ ...doc, format: STORE_FORMAT });
          return outcome.result;
        });
      }
    };
  }
});

// src/stores/aws-sm-store.ts
var aws_sm_store_exports = {};
__export(aws_sm_store_exports, {
  AwsSecretsManagerStore: () => AwsSecretsManagerStore,
  KIND_TAG_KEY: () => KIND_TAG_KEY,
  MANAGED_BY_TAG: () => MANAGED_BY_TAG,
  PENDING_STAGE: () => PENDING_STAGE
});
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
function managed(entry) {
  return (entry.Tags ?? []).some((t) => t.Key === MANAGED_BY_TAG.Key && t.Value === MANAGED_BY_TAG.Value);
}
function scheduledForDeletion(error) {
  return errorName(error) === "InvalidRequestException" && /delet/i.test(String(error.message ?? ""));
}
var MANAGED_BY_TAG, KIND_TAG_KEY, PENDING_STAGE, FROM_FIELD, MAX_WALK, MAX_CAS_ATTEMPTS, BACKOFF_BASE_MS, BACKOFF_CAP_MS, SECRET_NAME, errorName, AwsSecretsManagerStore;
var init_aws_sm_store = __esm({
  "src/stores/aws-sm-store.ts"() {
    "use strict";
    init_errors();
    init_aws_sdk();
    MANAGED_BY_TAG = { Key: "managed-by", Value: "totp-kit" };
    KIND_TAG_KEY = "totp-kit-kind";
    PENDING_STAGE = "TOTPKIT_PENDING";
    FROM_FIELD = "_replaces";
    MAX_WALK = 25;
    MAX_CAS_ATTEMPTS = 10;
    BACKOFF_BASE_MS = 20;
    BACKOFF_CAP_MS = 1e3;
    SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
    errorName = awsErrorName;
    AwsSecretsManagerStore = class {
      reference;
      secrets;
      /** Secret names start with this: the prefix, ending in '/'. */
      #base;
      #client;
      /**
       * @param prefix the secret name prefix (`aws-sm:PREFIX`); a '/' is added when it does not end in one.
       * @param env accepted for symmetry with `openStore`; the SDK reads its configuration from `process.env`
       *   (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER, credentials) when the first request is made.
       */
      constructor(prefix, secrets, _env = process.env) {
        this.reference = `aws-sm:${prefix}`;
        this.secrets = secrets;
        this.#base = prefix.endsWith("/") ? prefix : `${prefix}/`;
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
        this.#client ??= loadSecretsManager(`store ${this.reference}`).catch((e) => {
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
        const corrupt2 = (what) => new TotpKitError(
          "backend",
          "E_STORE_CORRUPT",
          `store ${this.reference}: secret ${name} ${what}, so it is not a totp-kit record; it was left untouched`
        );
        if (typeof output.SecretString !== "string") throw corrupt2("holds no SecretString (binary or empty)");
        let data;
        try {
          data = JSON.parse(output.SecretString);
        } catch {
          throw corrupt2("does not hold JSON");
        }
        if (typeof data !== "object" || data === null || Array.isArray(data)) throw corrupt2("does not hold a JSON object");
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
  }
});

// constructs/cli-path.ts
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function bundledCliPath(moduleUrl = import.meta.url) {
  const dir = dirname(fileURLToPath(moduleUrl));
  return basename(dir) === "dist" ? join(dir, "cli.js") : join(dir, "..", "dist", "cli.js");
}

// constructs/declared.ts
init_errors();
import { NullProvider } from "@cdktf/provider-null/lib/provider/index.js";
import { Resource } from "@cdktf/provider-null/lib/resource/index.js";
import { TerraformOutput, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
var ENVIRONMENT = {
  TOTP_KIT_CLI: "cli",
  TOTP_KIT_STORE: "store",
  TOTP_KIT_DECLARATION: "declaration"
};
function self(attribute) {
  return `\${self.${attribute}}`;
}
function provisionerCommand(action) {
  return `node "$TOTP_KIT_CLI" ${action} --generation "${self("id")}" --declaration-env TOTP_KIT_DECLARATION`;
}
function terraformLiteral(text) {
  return text.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");
}
var RTTI = /* @__PURE__ */ Symbol.for("jsii.rtti");
function cdkOf(stackClass) {
  for (let c = stackClass; typeof c === "function"; c = Object.getPrototypeOf(c)) {
    const fqn = Object.hasOwn(c, RTTI) ? c[RTTI]?.fqn : void 0;
    if (typeof fqn === "string" && fqn.endsWith(".TerraformStack")) return fqn.slice(0, fqn.indexOf("."));
  }
  return void 0;
}
function checkSameCdk(stack) {
  const ours = cdkOf(TerraformStack);
  const theirs = cdkOf(stack.constructor);
  if (ours === void 0 || theirs === void 0 || ours === theirs) return;
  throw new Error(
    `stack "${stack.node.path}" is a ${theirs} stack, but totp-kit's constructs were loaded with ${ours}, and the two cannot be mixed in one stack. Make "${ours}" resolve to ${theirs}: in package.json, "overrides": { "${ours}": "npm:${theirs}@<its version>" } (npm; pnpm.overrides or resolutions for pnpm and yarn).`
  );
}
function ensureNullProvider(stack) {
  const present = stack.node.findAll().some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "null");
  if (!present) new NullProvider(stack, "TotpKitNullProvider");
}
function tokenProblems(value, path = "") {
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => tokenProblems(v, path === "" ? k : `${path}.${k}`));
  }
  if (!Token.isUnresolved(value)) return [];
  return [{ setting: path, problem: "is a Terraform token, known only at apply", allowed: "a value known at synth" }];
}
var TotpDeclaredResource = class _TotpDeclaredResource extends Construct {
  /** The store the resource is declared in. */
  store;
  /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
  declaration;
  /** The null_resource whose provisioners apply and destroy the declaration. */
  resource;
  /** The names and paths of the resource (never a URL or seed). */
  output;
  #name;
  constructor(scope, id, props) {
    super(scope, id);
    this.store = props.store;
    this.declaration = props.declaration;
    this.#name = props.name;
    const stack = TerraformStack.of(this);
    checkSameCdk(stack);
    ensureNullProvider(stack);
    const triggers = {
      declaration: terraformLiteral(JSON.stringify(props.declaration)),
      store: terraformLiteral(props.store.reference),
      cli: terraformLiteral(props.store.cliPath)
    };
    const environment = {};
    for (const [variable, trigger] of Object.entries(ENVIRONMENT)) environment[variable] = self(`triggers.${trigger}`);
    if (props.store.region !== void 0) {
      triggers.aws_region = terraformLiteral(props.store.region);
      environment.AWS_REGION = self("triggers.aws_region");
    }
    this.resource = new Resource(this, "Resource", {
      triggers,
      lifecycle: { createBeforeDestroy: true },
      provisioners: [
        { type: "local-exec", command: provisionerCommand("apply"), environment },
        // Destroy-time provisioners may only reference self: everything destroy needs is in the triggers.
        { type: "local-exec", when: "destroy", command: provisionerCommand("destroy"), environment }
      ],
      ...props.dependsOn ? { dependsOn: [...props.dependsOn] } : {}
    });
    const value = {};
    for (const [k, v] of Object.entries(props.outputs)) if (v !== void 0) value[k] = terraformLiteral(v);
    this.output = new TerraformOutput(this, "Output", { value, description: terraformLiteral(props.description) });
    this.node.addValidation({ validate: () => this.#problems().map((p) => formatProblem(p)) });
  }
  #problems() {
    const tokens = tokenProblems(this.declaration);
    const unknown = new Set(tokens.map((p) => p.setting.slice(p.setting.lastIndexOf(".") + 1)));
    return [
      ...this.store.problems(),
      ...tokens,
      ...this.declarationProblems().filter((p) => !unknown.has(p.setting)),
      ...this.#duplicates()
    ];
  }
  /** Other constructs of the stack declaring the same name in the same store. */
  #duplicates() {
    const others = TerraformStack.of(this).node.findAll().filter(
      (c) => c instanceof _TotpDeclaredResource && c !== this && c.#name.what === this.#name.what && c.#name.value === this.#name.value && c.store.identity === this.store.identity
    );
    if (others.length === 0) return [];
    return [
      {
        setting: this.#name.setting,
        problem: `${JSON.stringify(this.#name.value)} is declared again by ${others.map((c) => c.node.path).join(", ")} in store ${this.store.identity}`,
        allowed: `one construct per ${this.#name.what} and store in a stack`
      }
    ];
  }
};

// constructs/enrollment.ts
import { TerraformStack as TerraformStack2 } from "cdktf";

// src/resources/declaration.ts
init_errors();

// src/resources/enrollment.ts
init_errors();

// src/core/otpauth-url.ts
import { Secret, TOTP } from "otpauth";

// src/core/base32.ts
init_errors();
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));
var VALID_TAIL_LENGTHS = /* @__PURE__ */ new Set([0, 2, 4, 5, 7]);
var ALLOWED = 'Base32 letters A\u2013Z and digits 2\u20137; spaces and trailing "=" are ignored';
function encodeBase32(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[buffer >>> bits & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[buffer << 5 - bits & 31];
  return out;
}
function normalizeBase32(text) {
  const compact = text.replace(/\s+/g, "");
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  return compact.slice(0, end).replace(/[a-z]/g, (c) => c.toUpperCase());
}
function decodeBase32(text, label = "secret") {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, "is empty (no Base32 characters)", ALLOWED, "E_SEED_EMPTY");
  const bytes = Buffer.alloc(Math.floor(clean.length * 5 / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i]);
    if (value === void 0) {
      const what = clean[i] === "=" ? '"=" padding before the end' : "a character that is not Base32";
      throw badInput(label, `is not valid Base32: ${what} at position ${i + 1}`, ALLOWED, "E_SEED_NOT_BASE32");
    }
    buffer = (buffer << 5 | value) & 65535;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = buffer >>> bits & 255;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw badInput(
      label,
      `is not valid Base32: ${clean.length} ${clean.length === 1 ? "character" : "characters"} cannot encode whole bytes`,
      ALLOWED,
      "E_SEED_NOT_BASE32"
    );
  }
  return bytes;
}

// src/core/otpauth-url.ts
init_errors();

// src/core/settings.ts
init_errors();
var ALGORITHMS = ["SHA1", "SHA256", "SHA512"];
var DEFAULTS = {
  algorithm: "SHA1",
  digits: 6,
  period: 30,
  keySize: 20,
  skew: 1,
  qrSize: 200,
  maxValidationAttempts: 5
};
var LIMITS = {
  /** RFC 4226 R6: a shared secret of at least 128 bits. */
  minKeySize: 16,
  maxKeySize: 1024,
  /** Periods above this do not fit the 32-bit counters some authenticator apps use. */
  maxPeriod: 2 ** 32 - 1,
  maxQrSize: 4096,
  maxValidationAttempts: 1e3,
  /** Periods outside this range work but are unusual enough to warn about. */
  usualPeriod: [10, 120]
};
function normalizeAlgorithm(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toUpperCase().replace(/^SHA-/, "SHA");
  return ALGORITHMS.includes(name) ? name : void 0;
}
function parseWholeNumber(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : void 0;
  if (typeof value !== "string") return void 0;
  const text = value.trim();
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return void 0;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : void 0;
}
function wholeInRange(setting, value, min, max, allowed) {
  const n = parseWholeNumber(value);
  if (n === void 0) {
    const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
    const negative = typeof value === "number" ? value < 0 : text.startsWith("-");
    const huge = /^[0-9]+$/.test(text) || typeof value === "number" && Number.isInteger(value);
    const what = negative ? "is negative" : huge ? "is too large" : "is not a whole number";
    return { problem: { setting, problem: `${quote(value)} ${what}`, allowed } };
  }
  if (n < min || n > max) {
    return { problem: { setting, problem: `${n} is out of range`, allowed } };
  }
  return { value: n };
}
function checkLabelPart(setting, value, required, problems) {
  if (value === void 0 || value === "") {
    if (required)
      problems.push({ setting, problem: "is required for a generated key", allowed: 'any text without ":"' });
    return void 0;
  }
  if (typeof value !== "string") {
    problems.push({ setting, problem: "is not text", allowed: 'any text without ":"' });
    return void 0;
  }
  if (value.includes(":")) {
    problems.push({
      setting,
      problem: `contains ":" (character ${value.indexOf(":") + 1})`,
      allowed: 'any text without ":"'
    });
    return void 0;
  }
  if (!value.isWellFormed()) {
    problems.push({ setting, problem: "is not well-formed Unicode text", allowed: 'any text without ":"' });
    return void 0;
  }
  return value;
}
function checkSettings(input, options = {}) {
  const problems = [];
  const warnings = [];
  const settings = {};
  if (input.algorithm !== void 0) {
    const algorithm = normalizeAlgorithm(input.algorithm);
    if (algorithm) settings.algorithm = algorithm;
    else
      problems.push({
        setting: "algorithm",
        problem: `${quote(input.algorithm)} is not supported`,
        allowed: "SHA1, SHA256 or SHA512"
      });
  }
  if (input.digits !== void 0) {
    const digits = parseWholeNumber(input.digits);
    if (digits === 6 || digits === 8) settings.digits = digits;
    else problems.push({ setting: "digits", problem: `${quote(input.digits)} is not allowed`, allowed: "6 or 8" });
  }
  if (input.period !== void 0) {
    const r = wholeInRange("period", input.period, 1, LIMITS.maxPeriod, `whole seconds from 1 to ${LIMITS.maxPeriod}`);
    if (r.problem) problems.push(r.problem);
    else {
      settings.period = r.value;
      const [low, high] = LIMITS.usualPeriod;
      if (r.value < low || r.value > high)
        warnings.push(`period ${r.value} s is unusual: authenticator apps expect ${low}\u2013${high} s (most use 30)`);
    }
  }
  if (input.keySize !== void 0) {
    const r = wholeInRange(
      "keySize",
      input.keySize,
      LIMITS.minKeySize,
      LIMITS.maxKeySize,
      `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes (RFC 4226 asks for at least ${LIMITS.minKeySize})`
    );
    if (r.problem) problems.push(r.problem);
    else settings.keySize = r.value;
  }
  if (input.skew !== void 0) {
    const skew = parseWholeNumber(input.skew);
    if (skew === 0 || skew === 1) settings.skew = skew;
    else problems.push({ setting: "skew", problem: `${quote(input.skew)} is not allowed`, allowed: "0 or 1" });
  }
  if (input.qrSize !== void 0) {
    const r = wholeInRange("qrSize", input.qrSize, 0, LIMITS.maxQrSize, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
    if (r.problem) problems.push(r.problem);
    else settings.qrSize = r.value;
  }
  if (input.maxValidationAttempts !== void 0) {
    const r = wholeInRange(
      "maxValidationAttempts",
      input.maxValidationAttempts,
      1,
      LIMITS.maxValidationAttempts,
      `1 to ${LIMITS.maxValidationAttempts}`
    );
    if (r.problem) problems.push(r.problem);
    else settings.maxValidationAttempts = r.value;
  }
  const issuer = checkLabelPart("issuer", input.issuer, options.generated === true, problems);
  if (issuer !== void 0) settings.issuer = issuer;
  const accountName = checkLabelPart("accountName", input.accountName, options.generated === true, problems);
  if (accountName !== void 0) settings.accountName = accountName;
  return { settings, problems, warnings };
}
function codeSettingsOf(settings) {
  return {
    ...settings.algorithm !== void 0 ? { algorithm: settings.algorithm } : {},
    ...settings.digits !== void 0 ? { digits: settings.digits } : {},
    ...settings.period !== void 0 ? { period: settings.period } : {}
  };
}
function withDefaults(settings) {
  return { ...DEFAULTS, ...settings };
}

// src/core/totp.ts
init_errors();

// src/core/otpauth-url.ts
var KNOWN_PARAMETERS = ["secret", "issuer", "algorithm", "digits", "period"];
var URL_FORM = "otpauth://totp/Issuer:Account?secret=BASE32&issuer=\u2026&algorithm=\u2026&digits=\u2026&period=\u2026";
function isOtpauthUrl(text) {
  return /^\s*otpauth:/i.test(text);
}
function decodeLabel(raw, label) {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badInput(label, "has a label with broken percent-encoding", URL_FORM, "E_URL_LABEL");
  }
}
function parseOtpauthUrl(text, label = "url") {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw badInput(label, "is not a valid URL", URL_FORM, "E_URL_INVALID");
  }
  if (url.protocol.toLowerCase() !== "otpauth:") {
    throw badInput(label, "is not an otpauth:// URL", URL_FORM, "E_URL_INVALID");
  }
  const type = url.host.toLowerCase();
  if (type === "hotp") {
    throw badInput(
      label,
      "is an hotp (counter-based) URL; only totp (time-based) URLs are supported",
      URL_FORM,
      "E_URL_HOTP"
    );
  }
  if (type !== "totp") throw badInput(label, "has an unknown OTP type", "totp", "E_URL_TYPE");
  const params = url.searchParams;
  for (const name of KNOWN_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) throw badInput(label, `has ${count} "${name}" parameters`, "each parameter once", "E_URL_DUPLICATE");
  }
  const secretText = params.get("secret");
  if (secretText === null || secretText.trim() === "") {
    throw badInput(label, "has no secret parameter", URL_FORM, "E_URL_NO_SECRET");
  }
  const secret = decodeBase32(secretText, `${label} secret parameter`);
  const given = {
    algorithm: params.get("algorithm") ?? void 0,
    digits: params.get("digits") ?? void 0,
    period: params.get("period") ?? void 0
  };
  const check = checkSettings(given);
  const first = check.problems[0];
  if (first) {
    const value = given[first.setting] ?? "";
    const problem = value.length <= 6 ? first.problem : "has a value that is not allowed";
    throw badInput(`${label} ${first.setting} parameter`, problem, first.allowed, "E_URL_SETTING");
  }
  const explicit = codeSettingsOf(check.settings);
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? "";
  const path = decodeLabel(rawLabel, label);
  const colon = path.indexOf(":");
  const labelIssuer = colon >= 0 ? path.slice(0, colon) : void 0;
  const accountName = (colon >= 0 ? path.slice(colon + 1) : path).trimStart();
  const issuer = params.get("issuer") || labelIssuer;
  const { algorithm, digits, period } = withDefaults(explicit);
  const key = {
    secret,
    algorithm,
    digits,
    period,
    ...issuer ? { issuer } : {},
    ...accountName ? { accountName } : {}
  };
  return { key, explicit };
}

// src/core/qr.ts
init_errors();

// src/core/seed.ts
init_errors();

// src/resources/context.ts
init_errors();
function notFound(what) {
  return new TotpKitError("bad-input", "E_NOT_FOUND", `${what} does not exist`);
}

// src/resources/method.ts
init_errors();

// src/resources/names.ts
init_errors();
var RESOURCE_NAME = /^\w(?:[\w.@-]*\w)?$/;
var ENTITY_ID = /^[A-Za-z0-9_.@+-]{1,128}$/;
var NAME_RULE = 'letters, digits, "_", "-", ".", "@", starting and ending with a letter, digit or "_" (at most 128)';
function nameProblem(setting, value) {
  if (typeof value !== "string" || value === "") return { setting, problem: "is required", allowed: NAME_RULE };
  if (value.length > 128 || !RESOURCE_NAME.test(value))
    return { setting, problem: `${quote(value)} is not a valid name`, allowed: NAME_RULE };
  return void 0;
}
function entityProblem(setting, value) {
  if (typeof value !== "string" || value === "")
    return { setting, problem: "is required", allowed: "letters, digits and _ . @ + -" };
  if (!ENTITY_ID.test(value))
    return {
      setting,
      problem: `${quote(value)} is not a valid entity id`,
      allowed: "letters, digits and _ . @ + - (at most 128)"
    };
  return void 0;
}

// src/resources/records.ts
init_errors();
function corrupt(what, field) {
  return new TotpKitError(
    "backend",
    "E_STORE_CORRUPT",
    `${what} in the store is damaged (field "${field}"); fix or delete it`
  );
}
function checkCommon(raw, what) {
  const check = checkSettings({
    algorithm: raw.algorithm,
    digits: raw.digits,
    period: raw.period,
    ...raw.skew !== void 0 ? { skew: raw.skew } : {},
    ...raw.qrSize !== void 0 ? { qrSize: raw.qrSize } : {},
    ...raw.maxValidationAttempts !== void 0 ? { maxValidationAttempts: raw.maxValidationAttempts } : {}
  });
  const first = check.problems[0];
  if (first) throw corrupt(what, first.setting);
  for (const field of ["algorithm", "digits", "period"]) {
    if (typeof raw[field] !== (field === "algorithm" ? "string" : "number")) throw corrupt(what, field);
  }
  if (typeof raw.generation !== "string") throw corrupt(what, "generation");
}
function asKeyRecord(raw, name) {
  const what = `key "${name}"`;
  checkCommon(raw, what);
  if (raw.name !== name) throw corrupt(what, "name");
  if (typeof raw.generated !== "boolean") throw corrupt(what, "generated");
  if (raw.secret === void 0) throw corrupt(what, "secret");
  if (typeof raw.usedCodes !== "object" || raw.usedCodes === null) throw corrupt(what, "usedCodes");
  return raw;
}

// src/resources/method.ts
var METHOD_SETTINGS = [
  "issuer",
  "algorithm",
  "digits",
  "period",
  "keySize",
  "qrSize",
  "skew",
  "maxValidationAttempts"
];
function methodSpecProblems(spec) {
  return checkMethodSpec(spec).problems;
}
function checkMethodSpec(spec) {
  const problems = [];
  const nameIssue = nameProblem("methodName", spec.methodName);
  if (nameIssue) problems.push(nameIssue);
  const check = checkSettings(
    {
      algorithm: spec.algorithm,
      digits: spec.digits,
      period: spec.period,
      keySize: spec.keySize,
      qrSize: spec.qrSize,
      skew: spec.skew,
      maxValidationAttempts: spec.maxValidationAttempts,
      issuer: spec.issuer
    },
    { generated: true }
  );
  problems.push(...check.problems.filter((p) => p.setting !== "accountName"));
  if (problems.length > 0) return { problems };
  const { issuer, accountName: _none, ...settings } = check.settings;
  return {
    problems,
    checked: {
      methodName: spec.methodName,
      issuer,
      algorithm: settings.algorithm ?? DEFAULTS.algorithm,
      digits: settings.digits ?? DEFAULTS.digits,
      period: settings.period ?? DEFAULTS.period,
      keySize: settings.keySize ?? DEFAULTS.keySize,
      qrSize: settings.qrSize ?? DEFAULTS.qrSize,
      skew: settings.skew ?? DEFAULTS.skew,
      maxValidationAttempts: settings.maxValidationAttempts ?? DEFAULTS.maxValidationAttempts
    }
  };
}

// src/resources/enrollment.ts
function enrollmentProblems(method, entityId) {
  return [nameProblem("method", method), entityProblem("entityId", entityId)].filter(
    (p) => p !== void 0
  );
}

// src/resources/key.ts
init_errors();

// src/core/seed-text.ts
init_errors();

// src/core/seed-json.ts
init_errors();
var SEED_FIELDS = ["otpauth_url", "url", "secret", "seed", "totp"];
function isJsonObjectText(text) {
  return /^\s*[{[]/.test(text);
}
function topLevelKeys(text) {
  const keys = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 64)))
        keys.push(JSON.parse(text.slice(i, end + 1)));
      i = end;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return keys;
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function fieldName(name) {
  return name.length <= 32 && !/[A-Za-z2-7]{16,}/.test(name) ? JSON.stringify(name) : quote(name);
}
var list = (names) => names.map(fieldName).join(", ");
function pickSeedField(text, field, label, data) {
  let value = data;
  if (text !== void 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw badInput(label, "is not valid JSON", "a JSON object, a Base32 seed or an otpauth URL", "E_JSON_INVALID");
    }
    const keys = topLevelKeys(text);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== void 0) {
      throw badInput(label, `has the field ${fieldName(duplicate)} twice`, "each field once", "E_JSON_DUPLICATE");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badInput(
      label,
      `holds ${kindOf(value)}, not a JSON object`,
      "a JSON object with the seed in a text field",
      "E_JSON_INVALID"
    );
  }
  const object = value;
  const names = Object.keys(object);
  if (field !== void 0) {
    if (!Object.hasOwn(object, field)) {
      throw badInput(
        label,
        `has no field ${fieldName(field)}`,
        names.length > 0 ? `one of its fields: ${list(names)}` : "a field holding the seed",
        "E_JSON_FIELD"
      );
    }
    const picked = object[field];
    if (typeof picked !== "string") {
      throw badInput(
        label,
        `field ${fieldName(field)} holds ${kindOf(picked)}, not text`,
        "a field holding a Base32 seed or an otpauth URL",
        "E_JSON_FIELD"
      );
    }
    return picked;
  }
  const textFields = names.filter((n) => typeof object[n] === "string");
  if (textFields.length === 1) return object[textFields[0]];
  const usual = SEED_FIELDS.filter((n) => textFields.includes(n));
  if (usual.length === 1) return object[usual[0]];
  const candidates = usual.length > 1 ? usual : textFields;
  if (candidates.length === 0) {
    throw badInput(
      label,
      `has no text field holding a seed${names.length > 0 ? ` (fields: ${list(names)})` : ""}`,
      "a field holding a Base32 seed or an otpauth URL",
      "E_JSON_FIELD"
    );
  }
  throw badInput(
    label,
    `has ${candidates.length} candidate fields (${list(candidates)})`,
    "name one with #FIELD",
    "E_JSON_AMBIGUOUS"
  );
}

// src/core/seed-text.ts
var MAX_SEED_TEXT = 64 * 1024;
function parseSeedText(text, label, field) {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      "E_SEED_TOO_LONG"
    );
  }
  const forms = /* @__PURE__ */ new Set([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (field !== void 0 || isJsonObjectText(text)) {
    const inner = pickSeedField(text, field, label);
    const seed = parseSeedText(inner, field === void 0 ? label : `${label}#${field}`);
    for (const form of [...seed.secretForms, JSON.stringify(inner).slice(1, -1)]) forms.add(form);
    return { ...seed, secretForms: nonEmpty(forms) };
  }
  if (isOtpauthUrl(text)) {
    const { key, explicit } = parseOtpauthUrl(text, label);
    const raw = new URL(text.trim()).searchParams.get("secret") ?? "";
    const encoded = /[?&]secret=([^&#]*)/i.exec(text)?.[1] ?? "";
    for (const form of [raw, encoded, encodeBase32(key.secret), normalizeBase32(raw)]) forms.add(form);
    return {
      secret: key.secret,
      explicit,
      ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
      ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
      fromUrl: true,
      secretForms: nonEmpty(forms)
    };
  }
  const secret = decodeBase32(text, label);
  forms.add(normalizeBase32(text));
  forms.add(encodeBase32(secret));
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function nonEmpty(forms) {
  return [...forms].filter((f) => f.length > 0);
}

// src/sources/index.ts
init_errors();

// src/sources/aws-sm-source.ts
init_errors();
init_aws_sdk();
var SECRET_ID = /^(arn:[A-Za-z0-9-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/;
function awsSmSource(rest, label, options = {}) {
  const hash = rest.indexOf("#");
  const id = hash >= 0 ? rest.slice(0, hash) : rest;
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (!SECRET_ID.test(id)) {
    throw badInput(
      label,
      "aws-sm: needs a secret name or ARN",
      "aws-sm:NAME, aws-sm:ARN, optionally #FIELD",
      "E_SOURCE_REF"
    );
  }
  if (field === "") throw badInput(label, "has an empty #FIELD", "aws-sm:ID#FIELD with a field name", "E_SOURCE_REF");
  const reference = `aws-sm:${rest}`;
  return {
    reference,
    async read() {
      const { sdk, client } = await loadSecretsManager(reference, options.region);
      let output;
      try {
        output = await client.send(new sdk.GetSecretValueCommand({ SecretId: id }));
      } catch (e) {
        throw new TotpKitError(
          "backend",
          "E_SOURCE_BACKEND",
          `${reference}: GetSecretValue failed: ${describeAwsError(e)}`
        );
      } finally {
        client.destroy();
      }
      const value = output;
      if (typeof value.SecretString === "string") {
        if (value.SecretString.trim() === "")
          throw badInput(reference, "is empty", "a Base32 seed, an otpauth URL or a JSON object", "E_SOURCE_EMPTY");
        return parseSeedText(value.SecretString, reference, field);
      }
      if (value.SecretBinary instanceof Uint8Array && value.SecretBinary.length > 0) {
        if (field !== void 0)
          throw badInput(
            reference,
            "is a binary secret, which has no fields",
            `aws-sm:${id} without #FIELD`,
            "E_SOURCE_REF"
          );
        const secret = Buffer.from(value.SecretBinary);
        return {
          secret,
          explicit: {},
          fromUrl: false,
          secretForms: [secret.toString("base64"), secret.toString("hex"), encodeBase32(secret)]
        };
      }
      throw badInput(
        reference,
        "holds neither a SecretString nor a SecretBinary",
        "a secret with a value",
        "E_SOURCE_EMPTY"
      );
    }
  };
}

// src/sources/env-source.ts
init_errors();
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envSource(name, env = process.env, label = "source") {
  const reference = `env:${name}`;
  if (!NAME.test(name)) {
    throw badInput(
      label,
      name === "" ? "env: needs a variable name" : "env: has an invalid variable name",
      'env:NAME with letters, digits and "_", not starting with a digit'
    );
  }
  return {
    reference,
    async read() {
      const value = env[name];
      if (value === void 0)
        throw badInput(
          reference,
          "is not set",
          "a variable holding a Base32 seed or an otpauth URL",
          "E_SOURCE_NOT_FOUND"
        );
      if (value.trim() === "")
        throw badInput(reference, "is empty", "a Base32 seed or an otpauth URL", "E_SOURCE_EMPTY");
      return parseSeedText(value, reference);
    }
  };
}

// src/sources/file-source.ts
init_errors();
import { open } from "node:fs/promises";
var REASONS = {
  ENOENT: "does not exist",
  EACCES: "cannot be read (permission denied)",
  EPERM: "cannot be read (permission denied)",
  EISDIR: "is a directory",
  ENOTDIR: "has a path through something that is not a directory",
  ELOOP: "has a symbolic link loop"
};
async function readStreamCapped(stream, limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}
async function readCapped(path, limit) {
  if (path === "/dev/stdin" || path === "-") return readStreamCapped(process.stdin, limit);
  const handle = await open(path, "r");
  try {
    const chunks = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(Math.min(16 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
async function readSmallFile(path, label, what = "a Base32 seed or an otpauth URL") {
  let bytes;
  try {
    bytes = await readCapped(path, MAX_SEED_TEXT);
  } catch (e) {
    const code = e.code ?? "";
    throw badInput(
      label,
      REASONS[code] ?? `cannot be read (${code || "unknown error"})`,
      `a readable file holding ${what}`,
      "E_SOURCE_NOT_FOUND"
    );
  }
  if (bytes.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is too large (more than ${MAX_SEED_TEXT} bytes)`,
      `at most ${MAX_SEED_TEXT} bytes`,
      "E_SEED_TOO_LONG"
    );
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw badInput(label, "is empty", what, "E_SOURCE_EMPTY");
  return text;
}
function fileSource(path, label = "source") {
  const reference = `file:${path}`;
  if (path === "") throw badInput(label, "file: needs a path", "file:PATH");
  return { reference, read: async () => parseSeedText(await readSmallFile(path, reference), reference) };
}

// src/sources/store-source.ts
init_errors();

// src/stores/store-ref.ts
init_errors();

// src/stores/secret-box.ts
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
init_errors();
var SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var KEY_VARIABLE = "TOTP_KIT_STORE_KEY";
var CHECK_TEXT = "totp-kit store key check";
var CHECK_CONTEXT = "store/key-check";
function isSealedObject(value) {
  const v = value;
  return typeof value === "object" && value !== null && v.v === 1 && v.alg === "A256GCM" && (v.kdf === "raw" || v.kdf === "scrypt") && (v.kdf === "raw" || typeof v.salt === "string") && typeof v.iv === "string" && typeof v.tag === "string" && typeof v.data === "string";
}
var SecretBox = class {
  #raw;
  #passphrase;
  #derived = /* @__PURE__ */ new Map();
  #salt;
  /** @param keySpec the value of TOTP_KIT_STORE_KEY, or undefined for no encryption. */
  constructor(keySpec) {
    if (keySpec === void 0) return;
    const spec = keySpec.trim();
    if (spec === "") throw badInput(KEY_VARIABLE, "is empty", "base64 of 32 random bytes, or a passphrase");
    const bytes = /^[A-Za-z0-9+/]{43}=$/.test(spec) ? Buffer.from(spec, "base64") : void 0;
    if (bytes?.length === 32) this.#raw = bytes;
    else this.#passphrase = spec;
  }
  /** True when seeds are sealed (a store key is set). */
  get encrypting() {
    return this.#raw !== void 0 || this.#passphrase !== void 0;
  }
  #keyFor(kdf, salt) {
    if (kdf === "raw") {
      if (!this.#raw) throw wrongKey("a base64 32-byte key", "a passphrase");
      return this.#raw;
    }
    if (this.#passphrase === void 0 || salt === void 0) throw wrongKey("a passphrase", "a base64 32-byte key");
    let key = this.#derived.get(salt);
    if (!key) {
      key = scryptSync(this.#passphrase, Buffer.from(salt, "base64"), 32, SCRYPT);
      this.#derived.set(salt, key);
    }
    return key;
  }
  /**
   * Seals a seed for the record `context` (e.g. `key/npm-bot`). Without a store key, returns Base32.
   */
  seal(secret, context) {
    if (!this.encrypting) return encodeBase32(secret);
    const kdf = this.#raw ? "raw" : "scrypt";
    if (kdf === "scrypt" && this.#salt === void 0) this.#salt = randomBytes(16).toString("base64");
    const salt = kdf === "scrypt" ? this.#salt : void 0;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#keyFor(kdf, salt), iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return {
      v: 1,
      alg: "A256GCM",
      kdf,
      ...salt !== void 0 ? { salt } : {},
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64")
    };
  }
  /**
   * Opens a sealed seed of the record `context`. `what` names the record in errors.
   * @throws TotpKitError (bad-input) when the store key is missing or wrong; (backend) when the field is not a seed.
   */
  open(sealed, context, what) {
    if (typeof sealed === "string") {
      try {
        return decodeBase32(sealed, `${what} seed in the store`);
      } catch {
        throw new TotpKitError(
          "backend",
          "E_STORE_CORRUPT",
          `${what}: the stored seed is damaged (not Base32, not sealed)`
        );
      }
    }
    if (!isSealedObject(sealed)) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        `${what}: the stored seed is damaged (not Base32, not sealed)`
      );
    }
    if (sealed.kdf === "scrypt" && this.#salt === void 0) this.#salt = sealed.salt;
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but the seed of ${what} is encrypted`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    try {
      const decipher = createDecipheriv(
        "aes-256-gcm",
        this.#keyFor(sealed.kdf, sealed.salt),
        Buffer.from(sealed.iv, "base64")
      );
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]);
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw badInput(
        KEY_VARIABLE,
        `does not decrypt the seed of ${what} (wrong key, or the record was altered)`,
        "the key the store was written with",
        "E_STORE_KEY_WRONG"
      );
    }
  }
  /** A value sealed with this box's key, kept in a store to tell a wrong key before anything is written. */
  makeCheck() {
    return this.seal(Buffer.from(CHECK_TEXT, "utf8"), CHECK_CONTEXT);
  }
  /**
   * Confirms that this box's key is the one a store's check value was sealed with.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WRONG or E_STORE_KEY_MISSING naming `store`.
   */
  assertCheck(check, store) {
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but ${store} holds encrypted seeds`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    let opened;
    try {
      opened = this.open(check, CHECK_CONTEXT, `store ${store}`);
    } catch (e) {
      if (e instanceof TotpKitError && e.code === "E_STORE_CORRUPT") throw e;
      throw badInput(
        KEY_VARIABLE,
        `is not the key ${store} was written with`,
        "the key the store was written with",
        "E_STORE_KEY_WRONG"
      );
    }
    if (opened.toString("utf8") !== CHECK_TEXT) {
      throw badInput(
        KEY_VARIABLE,
        `is not the key ${store} was written with`,
        "the key the store was written with",
        "E_STORE_KEY_WRONG"
      );
    }
  }
  /**
   * Re-seals a seed kept as Base32 before a store key was set; sealed seeds are returned as they are,
   * and so is a damaged one (it is refused, naming its record, when it is used).
   */
  reseal(sealed, context) {
    if (!this.encrypting || typeof sealed !== "string") return sealed;
    let secret;
    try {
      secret = decodeBase32(sealed, "stored seed");
    } catch {
      return sealed;
    }
    return this.seal(secret, context);
  }
};
function wrongKey(sealedWith, given) {
  return badInput(
    KEY_VARIABLE,
    `is ${given}, but the store was sealed with ${sealedWith}`,
    "the key the store was written with",
    "E_STORE_KEY_WRONG"
  );
}

// src/stores/store-ref.ts
var DEFAULT_STORE = "file:./.totp-kit/store.json";
var ALLOWED2 = "file:PATH or aws-sm:PREFIX";
var AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;
function resolveStoreRef(given, env = process.env, label = "store") {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, "is not a store reference", ALLOWED2, "E_STORE_REF");
  const [, scheme, rest] = match;
  if (scheme === "file") {
    if (rest === "") throw badInput(label, "file: needs a path", ALLOWED2, "E_STORE_REF");
    return { kind: "file", path: rest, reference };
  }
  if (scheme === "aws-sm") {
    if (!AWS_PREFIX.test(rest)) {
      throw badInput(
        label,
        "aws-sm: needs a secret name prefix",
        "aws-sm:PREFIX with letters, digits and /_+=.@-",
        "E_STORE_REF"
      );
    }
    return { kind: "aws-sm", prefix: rest, reference };
  }
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED2, "E_STORE_REF");
}
async function openStore(ref, env = process.env) {
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY);
  if (ref.kind === "file") {
    const { FileStore: FileStore2 } = await Promise.resolve().then(() => (init_file_store(), file_store_exports));
    return new FileStore2(ref.path, secrets);
  }
  const { AwsSecretsManagerStore: AwsSecretsManagerStore2 } = await Promise.resolve().then(() => (init_aws_sm_store(), aws_sm_store_exports));
  return new AwsSecretsManagerStore2(ref.prefix, secrets, env);
}

// src/sources/store-source.ts
function storeSource(name, env, label, storeReference, storeLabel = "--store") {
  const problem = nameProblem("name", name);
  if (problem) throw badInput(label, "store: needs a key name", `store:NAME with ${problem.allowed}`);
  const reference = `store:${name}`;
  return {
    reference,
    async read() {
      const store = await openStore(
        resolveStoreRef(storeReference, env, storeReference === void 0 ? "TOTP_KIT_STORE" : storeLabel),
        env
      );
      const key = await keyMaterial({ store, now: () => Date.now() / 1e3 }, name).catch((e) => {
        if (e instanceof TotpKitError && e.code === "E_NOT_FOUND") {
          throw badInput(
            reference,
            `no key "${name}" in store ${store.reference}`,
            "a key created with `totp-kit key create`",
            "E_SOURCE_NOT_FOUND"
          );
        }
        throw e;
      });
      return {
        secret: key.secret,
        // The stored settings are the key's: a flag that contradicts them is refused like a URL's.
        explicit: { algorithm: key.algorithm, digits: key.digits, period: key.period },
        ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
        ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
        fromUrl: false,
        secretForms: [encodeBase32(key.secret)]
      };
    }
  };
}

// src/sources/vault-kv-source.ts
init_errors();

// src/sources/vault-client.ts
init_errors();
import { setTimeout as sleep2 } from "node:timers/promises";
var ATTEMPTS = 3;
var TIMEOUT_MS = 1e4;
function vaultOptions(env, given = {}) {
  const address = given.address || env.VAULT_ADDR;
  const token = given.token || env.VAULT_TOKEN;
  const namespace = given.namespace || env.VAULT_NAMESPACE;
  if (!address)
    throw badInput(
      "VAULT_ADDR",
      "is not set",
      "the Vault address, e.g. https://vault.example.com:8200 (or the vault-address input)",
      "E_VAULT_CONFIG"
    );
  if (!/^https?:\/\/[^\s]+$/.test(address))
    throw badInput("VAULT_ADDR", "is not an http(s) URL", "https://host:8200", "E_VAULT_CONFIG");
  if (!token) throw badInput("VAULT_TOKEN", "is not set", "a Vault token (or the vault-token input)", "E_VAULT_CONFIG");
  return { address: address.replace(/\/+$/, ""), token, ...namespace ? { namespace } : {} };
}
function reasonOf(status, errors) {
  const said = errors.join("; ").replace(/\s+/g, " ").slice(0, 200);
  if (status === 403) return "permission denied (403)";
  if (status === 404) return "not found (404)";
  if (status === 503)
    return /seal/i.test(said) ? "Vault is sealed (503)" : `Vault is unavailable (503${said ? `: ${said}` : ""})`;
  if (status === 429) return "Vault is a standby or rate-limited (429)";
  return `${status}${said ? `: ${said}` : ""}`;
}
async function vaultRequest(options, reference, method, path, body) {
  const headers = { "X-Vault-Token": options.token, "X-Vault-Request": "true" };
  if (options.namespace) headers["X-Vault-Namespace"] = options.namespace;
  if (body !== void 0) headers["Content-Type"] = "application/json";
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response;
    try {
      response = await fetch(`${options.address}/v1/${path}`, {
        method,
        headers,
        ...body !== void 0 ? { body: JSON.stringify(body) } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
    } catch (e) {
      const cause = e.cause?.code ?? e.name;
      last = `unreachable (${cause})`;
      if (attempt < ATTEMPTS) await sleep2(200 * attempt);
      continue;
    }
    const text = await response.text();
    let json;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      json = void 0;
    }
    if (response.ok) {
      if (json === void 0)
        throw new TotpKitError("backend", "E_VAULT", `${reference}: Vault answered with something that is not JSON`);
      return json;
    }
    const errors = Array.isArray(json?.errors) ? json.errors.map(String) : [];
    last = reasonOf(response.status, errors);
    const transient = response.status === 429 || response.status >= 500 && !/seal/i.test(errors.join(" "));
    if (!transient || attempt === ATTEMPTS) break;
    await sleep2(200 * attempt);
  }
  throw new TotpKitError("backend", "E_VAULT", `${reference}: ${method} /v1/${path} failed: ${last}`);
}
function splitMount(rest, label, form) {
  const slash = rest.indexOf("/");
  const mount = slash > 0 ? rest.slice(0, slash) : "";
  const path = slash > 0 ? rest.slice(slash + 1) : "";
  if (!mount || !path || /[\s?#]/.test(path) || path.split("/").some((p) => p === "" || p === "." || p === "..")) {
    throw badInput(label, `needs ${form}`, form, "E_SOURCE_REF");
  }
  return { mount, path };
}

// src/sources/vault-kv-source.ts
var FORM = "vault-kv:MOUNT/PATH#FIELD";
function vaultKvSource(rest, env, label, given = {}) {
  const hash = rest.indexOf("#");
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (field === "") throw badInput(label, "has an empty #FIELD", FORM, "E_SOURCE_REF");
  const { mount, path } = splitMount(hash >= 0 ? rest.slice(0, hash) : rest, label, FORM);
  const reference = `vault-kv:${rest}`;
  return {
    reference,
    async read() {
      const options = vaultOptions(env, given);
      const body = await vaultRequest(options, reference, "GET", `${mount}/data/${path}`);
      const data = body?.data?.data;
      if (data === null || data === void 0) {
        throw new TotpKitError(
          "backend",
          "E_VAULT",
          `${reference}: the secret has no current version (deleted or destroyed)`
        );
      }
      const text = pickSeedField(void 0, field, reference, data);
      return parseSeedText(text, field === void 0 ? reference : reference);
    }
  };
}

// src/sources/vault-totp-source.ts
init_errors();
var FORM2 = "vault-totp:MOUNT/KEY";
function vaultTotpSource(rest, env, label, given = {}) {
  const { mount, path: key } = splitMount(rest, label, FORM2);
  const reference = `vault-totp:${rest}`;
  const options = () => vaultOptions(env, given);
  const malformed = (what) => new TotpKitError("backend", "E_VAULT", `${reference}: Vault's answer has no ${what}`);
  return {
    kind: "remote",
    reference,
    async settings() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/keys/${key}`);
      const data = body?.data;
      if (!data) throw malformed("key data");
      const check = checkSettings({ algorithm: data.algorithm, digits: data.digits, period: data.period });
      if (check.problems.length > 0) throw malformed(`usable ${check.problems[0]?.setting}`);
      const { algorithm, digits, period } = withDefaults(check.settings);
      return { algorithm, digits, period };
    },
    async code() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/code/${key}`);
      const code = body?.data?.code;
      if (typeof code !== "string" || !/^[0-9]{6,8}$/.test(code)) throw malformed("code");
      return code;
    },
    async validate(code) {
      let body;
      try {
        body = await vaultRequest(options(), reference, "POST", `${mount}/code/${key}`, { code });
      } catch (e) {
        if (e instanceof TotpKitError && /code already used/.test(e.message)) return { valid: false, reason: "used" };
        throw e;
      }
      const valid = body?.data?.valid;
      if (typeof valid !== "boolean") throw malformed("verdict");
      return valid ? { valid } : { valid, reason: "invalid" };
    }
  };
}

// src/sources/index.ts
var SUPPORTED = [
  "env:NAME",
  "file:PATH",
  "aws-sm:ID[#FIELD]",
  "vault-kv:MOUNT/PATH#FIELD",
  "vault-totp:MOUNT/KEY",
  "store:NAME"
];
var KNOWN_SCHEMES = ["env", "file", "aws-sm", "vault-kv", "vault-totp", "store"];
function looksLikeSeed(text) {
  return (text.match(/[A-Za-z2-7]{16,}/g) ?? []).some((run) => /[2-7]/.test(run));
}
function resolveSeedSource(reference, label, env, options = {}, what = "this") {
  const source = resolveSource(reference, label, env, options);
  if (source.kind === "remote") {
    throw badInput(
      label,
      `${source.reference} keeps its seed in Vault, so it cannot be used for ${what}`,
      "a source that holds the seed: env:, file:, aws-sm:, vault-kv:, store:",
      "E_SOURCE_REMOTE"
    );
  }
  return source;
}
function resolveSource(reference, label = "source", env = process.env, options = {}) {
  const allowed = SUPPORTED.join(", ");
  if (/^\s*otpauth:/i.test(reference)) {
    throw badInput(
      label,
      "is an otpauth URL, not a source reference (the URL was not printed)",
      `${allowed}; pass URLs through env:NAME or file:PATH`
    );
  }
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match)
    throw badInput(label, "is not a source reference (its value was not printed)", allowed, "E_SOURCE_SCHEME");
  const [, scheme, rest] = match;
  if (looksLikeSeed(rest)) {
    throw badInput(
      label,
      `${KNOWN_SCHEMES.includes(scheme) ? `${scheme}: ` : "it "}is followed by what looks like a seed, not a name (not printed)`,
      allowed,
      "E_SOURCE_SEED_AS_NAME"
    );
  }
  switch (scheme) {
    case "env":
      return envSource(rest, env, label);
    case "file":
      return fileSource(rest, label);
    case "store":
      return storeSource(rest, env, label, options.store, options.storeLabel);
    case "aws-sm":
      return awsSmSource(rest, label, options.awsRegion ? { region: options.awsRegion } : {});
    case "vault-kv":
      return vaultKvSource(rest, env, label, options.vault);
    case "vault-totp":
      return vaultTotpSource(rest, env, label, options.vault);
    default:
      throw badInput(
        label,
        `${scheme.length <= 7 ? `${scheme}: ` : "its scheme "}is not a known source scheme`,
        allowed,
        "E_SOURCE_SCHEME"
      );
  }
}

// src/resources/key.ts
function keySpecProblems(spec) {
  return checkKeySpec(spec).problems;
}
function checkKeySpec(spec) {
  const problems = [];
  const nameIssue = nameProblem("name", spec.name);
  if (nameIssue) problems.push(nameIssue);
  const generated = spec.generate !== void 0;
  if (generated === (spec.importFrom !== void 0)) {
    problems.push({
      setting: "generate",
      problem: generated ? "and importFrom were both given" : "or importFrom is required",
      allowed: "exactly one of generate and importFrom"
    });
  }
  const generate = spec.generate;
  if (generate !== void 0 && (typeof generate !== "object" || generate === null || Array.isArray(generate))) {
    problems.push({ setting: "generate", problem: "is not an object", allowed: "{ issuer, accountName, keySize? }" });
  } else if (generate !== void 0) {
    for (const field of Object.keys(generate)) {
      if (!["issuer", "accountName", "keySize"].includes(field)) {
        problems.push({
          setting: `generate.${field}`,
          problem: "is not a setting of generate",
          allowed: "issuer, accountName, keySize"
        });
      }
    }
  }
  if (spec.importFrom !== void 0 && (typeof spec.importFrom !== "string" || spec.importFrom === "")) {
    problems.push({ setting: "importFrom", problem: "is not a source reference", allowed: "env:NAME, file:PATH, \u2026" });
  } else if (typeof spec.importFrom === "string") {
    try {
      resolveSeedSource(spec.importFrom, "importFrom", {}, {}, "an import");
    } catch (e) {
      if (!(e instanceof TotpKitError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (generated && (spec.issuer !== void 0 || spec.accountName !== void 0)) {
    problems.push({
      setting: "issuer",
      problem: "belongs inside generate for a generated key",
      allowed: "generate: { issuer, accountName }"
    });
  }
  const check = checkSettings(
    {
      algorithm: spec.algorithm,
      digits: spec.digits,
      period: spec.period,
      skew: spec.skew,
      qrSize: spec.qrSize,
      ...generated ? { keySize: spec.generate?.keySize, issuer: spec.generate?.issuer, accountName: spec.generate?.accountName } : { issuer: spec.issuer, accountName: spec.accountName }
    },
    { generated }
  );
  problems.push(...check.problems);
  if (spec.exported !== void 0 && typeof spec.exported !== "boolean") {
    problems.push({ setting: "exported", problem: "is not true or false", allowed: "true or false" });
  }
  if (problems.length > 0) return { problems };
  const { issuer, accountName, ...stated } = check.settings;
  return {
    problems,
    checked: {
      name: spec.name,
      generated,
      ...spec.importFrom !== void 0 ? { importFrom: spec.importFrom } : {},
      ...issuer !== void 0 ? { issuer } : {},
      ...accountName !== void 0 ? { accountName } : {},
      stated,
      settings: { ...DEFAULTS, ...stated },
      exported: spec.exported !== false
    }
  };
}
async function findKey(ctx, name) {
  const raw = await ctx.store.get("key", name);
  return raw ? asKeyRecord(raw, name) : void 0;
}
function openKey(ctx, record) {
  return {
    secret: ctx.store.secrets.open(record.secret, `key/${record.name}`, `key "${record.name}"`),
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    ...record.issuer !== void 0 ? { issuer: record.issuer } : {},
    ...record.accountName !== void 0 ? { accountName: record.accountName } : {}
  };
}
async function keyMaterial(ctx, name) {
  const record = await findKey(ctx, name);
  if (!record) throw notFound(`key "${name}"`);
  return openKey(ctx, record);
}

// src/resources/declaration.ts
var FIELDS = {
  key: [
    "kind",
    "name",
    "generate",
    "importFrom",
    "issuer",
    "accountName",
    "algorithm",
    "digits",
    "period",
    "skew",
    "qrSize",
    "exported",
    "qrCodeFile"
  ],
  method: ["kind", "methodName", ...METHOD_SETTINGS],
  enrollment: ["kind", "method", "entityId", "qrCodeFile"]
};
function declarationProblems(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [
      {
        setting: "declaration",
        problem: "is not a JSON object",
        allowed: '{"kind": "key" | "method" | "enrollment", \u2026}'
      }
    ];
  }
  const decl = value;
  if (decl.kind !== "key" && decl.kind !== "method" && decl.kind !== "enrollment") {
    return [
      {
        setting: "kind",
        problem: decl.kind === void 0 ? "is required" : `${quote(decl.kind)} is not a kind`,
        allowed: "key, method or enrollment"
      }
    ];
  }
  const problems = [];
  for (const field of Object.keys(decl)) {
    if (!FIELDS[decl.kind].includes(field))
      problems.push({
        setting: field,
        problem: `is not a setting of a ${decl.kind}`,
        allowed: FIELDS[decl.kind].join(", ")
      });
  }
  if (decl.qrCodeFile !== void 0 && (typeof decl.qrCodeFile !== "string" || decl.qrCodeFile === "")) {
    problems.push({ setting: "qrCodeFile", problem: "is not a file path", allowed: "a path for the PNG barcode" });
  }
  if (decl.kind === "key") {
    problems.push(...keySpecProblems(decl));
    if (decl.qrCodeFile !== void 0 && (decl.generate === void 0 || decl.exported === false)) {
      problems.push({
        setting: "qrCodeFile",
        problem: decl.generate === void 0 ? "is given for an imported key, which has no barcode to hand out" : "is given for a key that is not exported",
        allowed: "qrCodeFile only with generate (and exported not false)"
      });
    }
  }
  if (decl.kind === "method") problems.push(...methodSpecProblems(decl));
  if (decl.kind === "enrollment") problems.push(...enrollmentProblems(decl.method, decl.entityId));
  return problems;
}

// constructs/store.ts
init_errors();
import { isAbsolute, resolve } from "node:path";
import { Token as Token2 } from "cdktf";
var REGION = /^[a-z0-9-]{1,40}$/;
var TotpStore = class _TotpStore {
  /**
   * The embedded file store (one JSON file, mode 0600). A relative path is resolved at synth against
   * the working directory of `cdktf synth` (the project with cdktf.json), not the stack's directory in
   * cdktf.out where Terraform runs, so the store survives a fresh synth. Set `TOTP_KIT_STORE_KEY` in
   * the environment of `terraform apply` to seal its seeds; the key never enters the synthesized JSON.
   */
  static file(path, options = {}) {
    return new _TotpStore(`file:${absolute(path)}`, options);
  }
  /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
  static awsSecretsManager(props) {
    return new _TotpStore(`aws-sm:${props.prefix}`, props, props.region);
  }
  /** The store reference the CLI gets as `TOTP_KIT_STORE` (`file:/abs/path` or `aws-sm:PREFIX`). */
  reference;
  /** The region of an AWS Secrets Manager store, when one was given. */
  region;
  /** The absolute path of the CLI the provisioners run. */
  cliPath;
  constructor(reference, options, region) {
    this.reference = reference;
    if (region !== void 0) this.region = region;
    this.cliPath = options.cliPath === void 0 ? bundledCliPath() : absolute(options.cliPath);
  }
  /** What makes two stores the same store: two constructs may not declare one name in it. */
  get identity() {
    return this.region === void 0 ? this.reference : `${this.reference} (region ${this.region})`;
  }
  /** Every problem of this store, each naming its setting (checked at synth by the constructs). */
  problems() {
    const problems = [];
    if (Token2.isUnresolved(this.reference)) {
      problems.push({ setting: "store", problem: "is a Terraform token", allowed: "a reference known at synth" });
    } else {
      try {
        resolveStoreRef(this.reference, {}, "store");
      } catch (e) {
        if (!(e instanceof TotpKitError)) throw e;
        problems.push(...e.problems.length > 0 ? e.problems : [{ setting: "store", problem: errorMessage(e) }]);
      }
    }
    if (this.region !== void 0 && (Token2.isUnresolved(this.region) || !REGION.test(this.region))) {
      problems.push({
        setting: "region",
        problem: `${quote(this.region)} is not an AWS region`,
        allowed: "a region name such as eu-west-1"
      });
    }
    if (this.cliPath === "" || Token2.isUnresolved(this.cliPath)) {
      problems.push({ setting: "cliPath", problem: "is not a file path", allowed: "the path of dist/cli.js" });
    }
    return problems;
  }
};
function absolute(path) {
  if (typeof path !== "string" || path === "" || Token2.isUnresolved(path) || isAbsolute(path)) return path;
  return resolve(path);
}

// constructs/enrollment.ts
var TotpEnrollment = class extends TotpDeclaredResource {
  /** The method the entity is enrolled in. */
  method;
  /** The entity's id. */
  entityId;
  /** The barcode file (absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { method, entityId } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : absolute(props.qrCodeFile);
    const declaration = {
      kind: "enrollment",
      method: method.methodName,
      entityId,
      ...qrCodeFile === void 0 ? {} : { qrCodeFile }
    };
    super(scope, id, {
      store: method.store,
      declaration,
      name: { setting: "entityId", value: `${method.methodName}/${entityId}`, what: "enrollment" },
      outputs: { method: method.methodName, entityId, issuer: method.issuer, qrCodeFile },
      description: `enrollment of "${entityId}" in MFA method "${method.methodName}"`,
      dependsOn: [method.resource]
    });
    this.method = method;
    this.entityId = entityId;
    if (qrCodeFile !== void 0) this.qrCodeFile = qrCodeFile;
  }
  declarationProblems() {
    const problems = declarationProblems(this.declaration).filter((p) => p.setting !== "method");
    if (TerraformStack2.of(this.method) !== TerraformStack2.of(this)) {
      problems.push({
        setting: "method",
        problem: `${this.method.node.path} is in another stack`,
        allowed: "a TotpMfaMethod of the same stack"
      });
    }
    return problems;
  }
};

// constructs/key.ts
var TotpKey = class extends TotpDeclaredResource {
  /** The key's name. */
  name;
  /** The barcode file (absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { store, ...settings } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : absolute(props.qrCodeFile);
    const declaration = {
      kind: "key",
      ...settings,
      ...qrCodeFile === void 0 ? {} : { qrCodeFile }
    };
    const issuer = props.generate?.issuer ?? props.issuer;
    const accountName = props.generate?.accountName ?? props.accountName;
    super(scope, id, {
      store,
      declaration,
      name: { setting: "name", value: props.name, what: "key name" },
      outputs: { name: props.name, issuer, accountName, qrCodeFile },
      description: `TOTP key "${props.name}" (its seed stays in the store)`
    });
    this.name = props.name;
    if (qrCodeFile !== void 0) this.qrCodeFile = qrCodeFile;
  }
  declarationProblems() {
    return declarationProblems(this.declaration);
  }
};

// constructs/method.ts
var TotpMfaMethod = class extends TotpDeclaredResource {
  /** The method's name. */
  methodName;
  /** The method's issuer. */
  issuer;
  constructor(scope, id, props) {
    const { store, ...settings } = props;
    const declaration = { kind: "method", ...settings };
    super(scope, id, {
      store,
      declaration,
      name: { setting: "methodName", value: props.methodName, what: "MFA method name" },
      outputs: { methodName: props.methodName, issuer: props.issuer },
      description: `MFA method "${props.methodName}"`
    });
    this.methodName = props.methodName;
    this.issuer = props.issuer;
  }
  declarationProblems() {
    return declarationProblems(this.declaration);
  }
};
export {
  TotpDeclaredResource,
  TotpEnrollment,
  TotpKey,
  TotpMfaMethod,
  TotpStore,
  bundledCliPath
};
