// The AWS SDK reads its configuration from process.env. Tests that point it at the loopback Secrets Manager
// server (test/helpers/secrets-manager-server.ts) go through here: every variable the SDK reads is cleared and
// set for the endpoint, and restored once the file's tests have run.
import { afterAll } from 'vitest';

/** The variables the SDK reads. */
export const AWS_VARIABLES = [
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  'AWS_ENDPOINT_URL',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
] as const;

/** Saves the SDK's variables now and puts them back after the calling file's tests (call at module level). */
export function restoreAwsEnvAfterAll(): void {
  const saved = Object.fromEntries(AWS_VARIABLES.map((k) => [k, process.env[k]]));
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}

/**
 * Points the SDK at `endpoint` in us-east-1 with test credentials and no shared config files (read when a
 * store makes its first request); `extra` adds or overrides variables.
 */
export function useLoopbackAws(endpoint: string, extra: Readonly<Record<string, string>> = {}): void {
  for (const k of AWS_VARIABLES) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST',
    AWS_SECRET_ACCESS_KEY: 'loopback-test-secret',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    ...extra,
  });
}
