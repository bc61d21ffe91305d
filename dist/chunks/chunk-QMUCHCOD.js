import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  TotpKitError
} from "./chunk-4S6FNXA6.js";

// src/stores/aws-sdk.ts
var THROTTLING = /* @__PURE__ */ new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "ThrottledException"
]);
var awsErrorName = (e) => String(e?.name ?? "");
function clientSettings(env, region) {
  const endpoint = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true" ? void 0 : env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || void 0;
  const maxAttempts = Number(env.AWS_MAX_ATTEMPTS);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  const sessionToken = env.AWS_SESSION_TOKEN;
  const chosenRegion = region || env.AWS_REGION || void 0;
  return {
    ...chosenRegion ? { region: chosenRegion } : {},
    ...endpoint ? { endpoint } : {},
    ...Number.isSafeInteger(maxAttempts) && maxAttempts > 0 ? { maxAttempts } : {},
    ...accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey, ...sessionToken ? { sessionToken } : {} } } : {}
  };
}
async function loadSecretsManager(what, env, region) {
  let sdk;
  try {
    const module = await import("./dist-cjs-KFWVMIRG.js");
    sdk = "SecretsManagerClient" in module ? module : module.default;
  } catch (e) {
    const code = e.code;
    throw new TotpKitError(
      "backend",
      "E_AWS_SDK",
      `${what}: the AWS SDK (@aws-sdk/client-secrets-manager) cannot be loaded${typeof code === "string" ? ` (${code})` : ""}`
    );
  }
  const timeoutMs = requestTimeoutMs(env);
  const config = {
    ...clientSettings(env, region),
    // The SDK waits forever for a silent server by default; a step should fail, naming the operation.
    requestHandler: {
      requestTimeout: timeoutMs,
      connectionTimeout: Math.min(timeoutMs, 5e3),
      throwOnRequestTimeout: true,
      // requestTimeout stops counting once headers arrive: a body that stalls needs an idle limit too.
      socketTimeout: timeoutMs
    }
  };
  const client = new sdk.SecretsManagerClient(config);
  quotaNotRetried(client);
  return { sdk, client };
}
var PastRetries = class extends Error {
  constructor(original) {
    super("LimitExceededException, not retried");
    this.original = original;
  }
  original;
  name = "PastRetries";
};
function quotaNotRetried(client) {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw awsErrorName(e) === "LimitExceededException" ? new PastRetries(e) : e;
      }
    },
    // The retry middleware is in this step with priority 'high': one with 'low' runs within it, on each attempt.
    { step: "finalizeRequest", priority: "low", name: "totpKitQuotaPastRetries" }
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw e instanceof PastRetries ? e.original : e;
      }
    },
    { step: "initialize", priority: "high", name: "totpKitQuotaUnwrapped" }
  );
}
function requestTimeoutMs(env) {
  const given = Number(env.TOTP_KIT_AWS_TIMEOUT_MS);
  return Number.isSafeInteger(given) && given > 0 ? given : 1e4;
}
function isUnreadableAnswer(error) {
  const e = error ?? {};
  const name = awsErrorName(error);
  if (typeof e.code === "string" && /^E[A-Z0-9_]+$/.test(e.code)) return false;
  if (name === "TimeoutError" || name === "RequestTimeout") return false;
  return name === "SyntaxError" || /Deserialization error/i.test(String(e.message ?? ""));
}
function unreadableAnswer(error) {
  const status = error?.$metadata?.httpStatusCode;
  return `returned an answer that could not be read${status !== void 0 && status >= 300 ? ` (HTTP ${status})` : ""}`;
}
function describeAwsError(error, regionLabel) {
  const e = error ?? {};
  const name = awsErrorName(error);
  const code = typeof e.code === "string" ? e.code : void 0;
  if (isUnreadableAnswer(error)) return `the service ${unreadableAnswer(error)}`;
  if (name === "AccessDeniedException") return `access denied (${name})`;
  if (THROTTLING.has(name)) return `throttled after retries (${name})`;
  if (name === "ResourceNotFoundException") return "not found";
  if (name === "DecryptionFailure") return `the secret cannot be decrypted with its KMS key (${name})`;
  if (code && /^E[A-Z0-9_]+$/.test(code)) return `unreachable (${code})`;
  if (name === "TimeoutError" || name === "RequestTimeout") return `unreachable (${name})`;
  if (e.message === "Region is missing") {
    return `no AWS region configured (set AWS_REGION${regionLabel !== void 0 ? ` or ${regionLabel}` : ""})`;
  }
  if (name === "CredentialsProviderError")
    return "no AWS credentials found (configure them, e.g. with aws-actions/configure-aws-credentials)";
  const message = String(e.message ?? "").replace(/\s+/g, " ").trim();
  const short = message.length > 200 ? `${message.slice(0, 200)}\u2026` : message;
  if (!name || name === "Error") return short || "unknown error";
  return short ? `${name}: ${short}` : name;
}

// src/stores/aws-sm-prefix.ts
var RECORD_KIND_SEGMENTS = ["key", "method", "enrollment", "lease"];
var AWS_PREFIX_ALLOWED = "aws-sm:PREFIX with letters, digits and /_+=.@-, and no segment named key, method, enrollment or lease";
function awsPrefixProblem(prefix) {
  const segment = prefix.split("/").find((s) => RECORD_KIND_SEGMENTS.includes(s.toLowerCase()));
  if (segment === void 0) return void 0;
  return `prefix has a segment "${segment}": a prefix may have no segment named key, method, enrollment or lease (another store's records would be named like its secrets)`;
}

export {
  awsErrorName,
  loadSecretsManager,
  isUnreadableAnswer,
  unreadableAnswer,
  describeAwsError,
  AWS_PREFIX_ALLOWED,
  awsPrefixProblem
};
