/**
 * A minimal Vault HTTP client for the `vault-kv:` and `vault-totp:` sources: VAULT_ADDR, VAULT_TOKEN
 * and VAULT_NAMESPACE (or the face's own settings: the action's inputs), JSON in and out, a timeout, and a few
 * retries for the answers Vault documents as transient (429 from a standby or a rate limit, 5xx). Failures name the
 * reference and Vault's reason; nothing read from a secret ever goes into a message.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { badInput, TotpKitError } from '../core/errors.js';

/** Where Vault is and how to authenticate. */
export interface VaultOptions {
  readonly address?: string | undefined;
  readonly token?: string | undefined;
  readonly namespace?: string | undefined;
  /**
   * What the face calls its own settings for the address and the token (the action: `vault-address`,
   * `vault-token`), named beside VAULT_ADDR and VAULT_TOKEN in errors. A face without them passes none, and
   * errors name the variables alone.
   */
  readonly labels?: { readonly address?: string; readonly token?: string };
}

const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;

/** Where Vault is, with the token to use. */
export interface VaultConnection {
  readonly address: string;
  readonly token: string;
  readonly namespace?: string;
}

/** The options, completed from VAULT_ADDR, VAULT_TOKEN and VAULT_NAMESPACE. */
export function vaultOptions(env: NodeJS.ProcessEnv, given: VaultOptions = {}): VaultConnection {
  const address = given.address || env.VAULT_ADDR;
  const token = given.token || env.VAULT_TOKEN;
  const namespace = given.namespace || env.VAULT_NAMESPACE;
  const labels = given.labels ?? {};
  const where = (variable: string, label: string | undefined) =>
    label !== undefined ? `${variable} or ${label}` : variable;
  if (!address)
    throw badInput(
      where('VAULT_ADDR', labels.address),
      'is not set',
      'the Vault address, e.g. https://vault.example.com:8200',
      'E_VAULT_CONFIG',
    );
  if (!/^https?:\/\/[^\s]+$/.test(address)) {
    // Named as what supplied it: the face's own setting wins over VAULT_ADDR.
    const from = given.address ? (labels.address ?? 'address') : 'VAULT_ADDR';
    throw badInput(from, 'is not an http(s) URL', 'https://host:8200', 'E_VAULT_CONFIG');
  }
  if (!token) throw badInput(where('VAULT_TOKEN', labels.token), 'is not set', 'a Vault token', 'E_VAULT_CONFIG');
  return { address: address.replace(/\/+$/, ''), token, ...(namespace ? { namespace } : {}) };
}

function reasonOf(status: number, errors: readonly string[]): string {
  const said = errors.join('; ').replace(/\s+/g, ' ').slice(0, 200);
  if (status === 403) return 'permission denied (403)';
  if (status === 404) return 'not found (404)';
  if (status === 503)
    return /seal/i.test(said) ? 'Vault is sealed (503)' : `Vault is unavailable (503${said ? `: ${said}` : ''})`;
  if (status === 429) return 'Vault is a standby or rate-limited (429)';
  return `${status}${said ? `: ${said}` : ''}`;
}

/**
 * Sends one request and returns the JSON body. `reference` names the source in errors.
 * @throws TotpKitError (backend) naming the reference and Vault's reason.
 */
export async function vaultRequest(
  options: VaultConnection,
  reference: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const headers: Record<string, string> = { 'X-Vault-Token': options.token, 'X-Vault-Request': 'true' };
  if (options.namespace) headers['X-Vault-Namespace'] = options.namespace;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${options.address}/v1/${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      last = `unreachable (${cause})`;
      if (attempt < ATTEMPTS) await sleep(200 * attempt);
      continue;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (response.ok) {
      if (json === undefined)
        throw new TotpKitError('backend', 'E_VAULT', `${reference}: Vault answered with something that is not JSON`);
      return json;
    }
    const errors = Array.isArray((json as { errors?: unknown })?.errors)
      ? ((json as { errors: unknown[] }).errors.map(String) as string[])
      : [];
    last = reasonOf(response.status, errors);
    const transient = response.status === 429 || (response.status >= 500 && !/seal/i.test(errors.join(' ')));
    if (!transient || attempt === ATTEMPTS) break;
    await sleep(200 * attempt);
  }
  throw new TotpKitError('backend', 'E_VAULT', `${reference}: ${method} /v1/${path} failed: ${last}`);
}

/** Splits `MOUNT/PATH` at the first '/' (a mount with slashes in its path is not expressible here). */
export function splitMount(rest: string, label: string, form: string): { mount: string; path: string } {
  const slash = rest.indexOf('/');
  const mount = slash > 0 ? rest.slice(0, slash) : '';
  const path = slash > 0 ? rest.slice(slash + 1) : '';
  if (!mount || !path || /[\s?#]/.test(path) || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw badInput(label, `needs ${form}`, form, 'E_SOURCE_REF');
  }
  return { mount, path };
}
