// The loopback Secrets Manager of the tests (test/helpers/secrets-manager-server.ts), for the bench. It uses
// TypeScript that Node's type stripping does not run (parameter properties), so esbuild (a devDependency)
// strips it in memory and the result is imported from a temporary file; it imports only node: built-ins.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const SOURCE = new URL('../../test/helpers/secrets-manager-server.ts', import.meta.url);

/**
 * Starts the loopback server on 127.0.0.1.
 * @returns {Promise<{ endpoint: string, close(): Promise<void>, state: { requests: Record<string, number>, secrets: Map<string, unknown> } }>}
 */
export async function startSecretsManager() {
  const { code } = await transform(await readFile(SOURCE, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
  });
  const dir = await mkdtemp(join(tmpdir(), 'totp-kit-bench-sm-'));
  try {
    const file = join(dir, 'secrets-manager-server.mjs');
    await writeFile(file, code);
    const { startSecretsManagerServer } = await import(pathToFileURL(file).href);
    return await startSecretsManagerServer();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What the SDK needs to reach the loopback server, with nothing read from this machine's AWS configuration.
 * @param {string} endpoint
 */
export function awsEnv(endpoint) {
  return {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALBENCH',
    AWS_SECRET_ACCESS_KEY: 'local-bench-secret',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '2',
  };
}
