/**
 * The AWS SDK for Secrets Manager, shared by the `aws-sm:` store and the `aws-sm:` source: loaded on
 * first use only (so no other path parses it), and its failures described in one line that never
 * carries request or response content.
 */
import type { SecretsManagerClient, SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { TotpKitError } from '../core/errors.js';

/** The SDK module. */
export type Sdk = typeof import('@aws-sdk/client-secrets-manager');

/** An SDK error as far as totp-kit looks at it. */
export interface SdkError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly attempts?: number; readonly httpStatusCode?: number };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
]);

/** The error's name (`ResourceNotFoundException`), or ''. */
export const awsErrorName = (e: unknown): string => String((e as SdkError | null)?.name ?? '');

/**
 * The client settings `env` gives, by the names the SDK reads (AWS_REGION, AWS_ENDPOINT_URL_SECRETS_MANAGER,
 * AWS_ENDPOINT_URL, AWS_MAX_ATTEMPTS, AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN):
 * passed in the client's config, so the environment a face was given decides, not the process's. What `env`
 * leaves out, the SDK's own configuration decides (shared config files, the rest of the credential chain).
 */
export function clientSettings(env: NodeJS.ProcessEnv, region?: string): SecretsManagerClientConfig {
  const endpoint =
    env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true'
      ? undefined
      : env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || undefined;
  const maxAttempts = Number(env.AWS_MAX_ATTEMPTS);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  const sessionToken = env.AWS_SESSION_TOKEN;
  const chosenRegion = region || env.AWS_REGION || undefined;
  return {
    ...(chosenRegion ? { region: chosenRegion } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(Number.isSafeInteger(maxAttempts) && maxAttempts > 0 ? { maxAttempts } : {}),
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
  };
}

/**
 * Loads the SDK and makes a client, with the settings `env` gives (see `clientSettings`); `region`, when
 * given, wins over AWS_REGION.
 * @param what names the user of the SDK in the error when it cannot be loaded (`store aws-sm:x`).
 */
export async function loadSecretsManager(
  what: string,
  env: NodeJS.ProcessEnv,
  region?: string,
): Promise<{ sdk: Sdk; client: SecretsManagerClient }> {
  let sdk: Sdk;
  try {
    const module = await import('@aws-sdk/client-secrets-manager');
    // In the bundle the SDK (CommonJS) is a chunk whose only export is `default`; from node_modules it
    // has named exports. Take whichever holds the client.
    sdk = 'SecretsManagerClient' in module ? module : (module as unknown as { default: Sdk }).default;
  } catch (e) {
    const code = (e as SdkError).code;
    throw new TotpKitError(
      'backend',
      'E_AWS_SDK',
      `${what}: the AWS SDK (@aws-sdk/client-secrets-manager) cannot be loaded${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  const timeoutMs = requestTimeoutMs(env);
  const config: SecretsManagerClientConfig = {
    ...clientSettings(env, region),
    // The SDK waits forever for a silent server by default; a step should fail, naming the operation.
    requestHandler: {
      requestTimeout: timeoutMs,
      connectionTimeout: Math.min(timeoutMs, 5_000),
      throwOnRequestTimeout: true,
      // requestTimeout stops counting once headers arrive: a body that stalls needs an idle limit too.
      socketTimeout: timeoutMs,
    },
  };
  const client = new sdk.SecretsManagerClient(config);
  quotaNotRetried(client);
  return { sdk, client };
}

/** A LimitExceededException carried past the SDK's retry loop (see quotaNotRetried). */
class PastRetries extends Error {
  override readonly name = 'PastRetries';
  constructor(readonly original: unknown) {
    super('LimitExceededException, not retried');
  }
}

/**
 * Secrets Manager answers LimitExceededException when a request would exceed a quota (the versions of a secret,
 * its staging labels, the secrets of a region): waiting does not lift it. The SDK's standard retry takes the name
 * for throttling, though, and would try twice more, a second or more apart. So, inside the retry loop, the error
 * travels under another name the SDK does not retry, and outside it the caller gets the original back.
 */
function quotaNotRetried(client: SecretsManagerClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw awsErrorName(e) === 'LimitExceededException' ? new PastRetries(e) : e;
      }
    },
    // The retry middleware is in this step with priority 'high': one with 'low' runs within it, on each attempt.
    { step: 'finalizeRequest', priority: 'low', name: 'totpKitQuotaPastRetries' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw e instanceof PastRetries ? e.original : e;
      }
    },
    { step: 'initialize', priority: 'high', name: 'totpKitQuotaUnwrapped' },
  );
}

/** Per-request timeout: TOTP_KIT_AWS_TIMEOUT_MS (whole milliseconds), else 10 s. */
function requestTimeoutMs(env: NodeJS.ProcessEnv): number {
  const given = Number(env.TOTP_KIT_AWS_TIMEOUT_MS);
  return Number.isSafeInteger(given) && given > 0 ? given : 10_000;
}

/**
 * The SDK could not parse the service's answer (not JSON: a proxy's error page, a truncated body). Its error quotes
 * the start of the body, which could be anything: it is described, never quoted.
 */
export function isUnreadableAnswer(error: unknown): boolean {
  const e = (error ?? {}) as SdkError;
  const name = awsErrorName(error);
  // A connection cut or stalled mid-answer is also reported as a deserialization error: that is "unreachable".
  if (typeof e.code === 'string' && /^E[A-Z0-9_]+$/.test(e.code)) return false;
  if (name === 'TimeoutError' || name === 'RequestTimeout') return false;
  return name === 'SyntaxError' || /Deserialization error/i.test(String(e.message ?? ''));
}

/** `returned an answer that could not be read`, with the HTTP status when it was not a success. */
export function unreadableAnswer(error: unknown): string {
  const status = (error as SdkError | null)?.$metadata?.httpStatusCode;
  return `returned an answer that could not be read${status !== undefined && status >= 300 ? ` (HTTP ${status})` : ''}`;
}

/**
 * Why an SDK call failed, in one line without any request or response content. `regionLabel` is what the face
 * calls its own region setting for this call (the action's `aws-region`), when it has one: a missing region
 * then names it beside AWS_REGION; otherwise AWS_REGION alone.
 */
export function describeAwsError(error: unknown, regionLabel?: string): string {
  const e = (error ?? {}) as SdkError;
  const name = awsErrorName(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (isUnreadableAnswer(error)) return `the service ${unreadableAnswer(error)}`;
  if (name === 'AccessDeniedException') return `access denied (${name})`;
  if (THROTTLING.has(name)) return `throttled after retries (${name})`;
  if (name === 'ResourceNotFoundException') return 'not found';
  if (name === 'DecryptionFailure') return `the secret cannot be decrypted with its KMS key (${name})`;
  if (code && /^E[A-Z0-9_]+$/.test(code)) return `unreachable (${code})`;
  if (name === 'TimeoutError' || name === 'RequestTimeout') return `unreachable (${name})`;
  if (e.message === 'Region is missing') {
    return `no AWS region configured (set AWS_REGION${regionLabel !== undefined ? ` or ${regionLabel}` : ''})`;
  }
  if (name === 'CredentialsProviderError')
    return 'no AWS credentials found (configure them, e.g. with aws-actions/configure-aws-credentials)';
  const message = String(e.message ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const short = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  if (!name || name === 'Error') return short || 'unknown error';
  return short ? `${name}: ${short}` : name;
}
