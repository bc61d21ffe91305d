import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  TotpKitError
} from "./chunk-3FZANBFE.js";

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
async function loadSecretsManager(what, region) {
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

export {
  awsErrorName,
  loadSecretsManager,
  describeAwsError
};
