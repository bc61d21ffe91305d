// A local stand-in for HashiCorp Vault on 127.0.0.1, speaking the parts of its HTTP API that totp-kit's
// `vault-kv:` and `vault-totp:` sources use, so tests can drive the real client code in the bundle.
//
// Behaviour follows Vault's documentation:
// - HTTP API overview (https://developer.hashicorp.com/vault/api-docs): `/v1/` prefix, the token in the
//   `X-Vault-Token` header, the namespace in `X-Vault-Namespace`, errors as `{"errors": [...]}`; 400 invalid
//   request, 403 forbidden ("permission denied"), 404 unknown path (`{"errors":[]}`), 503 sealed
//   (`{"errors":["Vault is sealed"]}`, see also hashicorp/vault#213).
// - KV v2 (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2), "Read secret version":
//   `GET /:secret-mount-path/data/:path` → `{"data": {"data": {...}, "metadata": {...}}}`.
// - TOTP engine (https://developer.hashicorp.com/vault/api-docs/secret/totp): "Read key"
//   `GET /totp/keys/:name` → `{"data": {account_name, algorithm, digits, issuer, period}}` (never the key);
//   "Generate code" `GET /totp/code/:name` → `{"data": {"code"}}`; "Validate code" `POST /totp/code/:name`
//   with `{"code"}` → `{"data": {"valid"}}`.
// - The used-code rule of the TOTP engine (hashicorp/vault builtin/logical/totp/path_code.go,
//   pathValidateCode): a code presented for a key, valid or not, is remembered as "<name>_<code>" (the code as
//   sent, not normalised) for period × (2 + skew) seconds; presenting it again meanwhile is refused with 400
//   `code already used; wait until the next time period` before any check. A code of the wrong length is
//   simply not valid. Simplified: a namespace that differs from the required one answers 403, as Vault does
//   when the token or mount lives in another namespace.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Algorithm, Digits } from '../../src/core/settings.js';
import { generateCode } from '../../src/core/totp.js';

export interface VaultTotpKey {
  /** The seed (Vault's "key"); it never leaves the server. */
  readonly secret: Uint8Array;
  readonly algorithm?: Algorithm;
  readonly digits?: Digits;
  readonly period?: number;
  readonly skew?: 0 | 1;
  readonly issuer?: string;
  readonly accountName?: string;
}

export interface VaultRequestRecord {
  readonly method: string;
  /** The path after `/v1/`. */
  readonly path: string;
  readonly token: string | undefined;
  readonly namespace: string | undefined;
  readonly body: unknown;
  readonly status: number;
}

export interface VaultServerOptions {
  /** The token every request must carry (default: a random one, see `token`). */
  readonly token?: string;
  /** When set, requests must carry this X-Vault-Namespace. */
  readonly requireNamespace?: string;
  /** Clock in epoch milliseconds (default Date.now). */
  readonly now?: () => number;
}

export interface VaultServer {
  /** `http://127.0.0.1:PORT`, what VAULT_ADDR holds. */
  readonly address: string;
  readonly port: number;
  readonly token: string;
  /** While true, every request gets 503 "Vault is sealed". */
  sealed: boolean;
  requireNamespace: string | undefined;
  /** Every request, in order. */
  readonly requests: VaultRequestRecord[];
  /** Writes a KV v2 secret (a new version). */
  putKv(mount: string, path: string, data: Record<string, unknown>): void;
  /** Creates or replaces a key of the TOTP engine mounted at `mount`. */
  putTotpKey(mount: string, name: string, key: VaultTotpKey): void;
  /** The code the TOTP engine would generate for a key at `unixSeconds`. */
  codeAt(mount: string, name: string, unixSeconds: number): string;
  close(): Promise<void>;
}

interface KvVersion {
  data: Record<string, unknown>;
  version: number;
  created: string;
}

class VaultError extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[],
  ) {
    super(errors.join('; '));
  }
}

const fullKey = (k: VaultTotpKey) => ({
  secret: k.secret,
  algorithm: k.algorithm ?? 'SHA1',
  digits: k.digits ?? 6,
  period: k.period ?? 30,
  skew: k.skew ?? 1,
  issuer: k.issuer ?? '',
  accountName: k.accountName ?? '',
});

export async function startVaultServer(options: VaultServerOptions = {}): Promise<VaultServer> {
  const token = options.token ?? `hvs.${randomUUID().replace(/-/g, '')}`;
  const now = options.now ?? Date.now;
  const kv = new Map<string, Map<string, KvVersion>>();
  const totp = new Map<string, Map<string, ReturnType<typeof fullKey>>>();
  /** "<mount>/<name>_<code>" → expiry (epoch ms). */
  const usedCodes = new Map<string, number>();
  const requests: VaultRequestRecord[] = [];

  function totpKey(mount: string, name: string) {
    return totp.get(mount)?.get(name);
  }

  function route(method: string, path: string, body: unknown): object {
    const [mount = '', kind = '', ...rest] = path.split('/');
    const name = rest.join('/');
    const kvMount = kv.get(mount);
    if (kvMount && kind === 'data' && name !== '' && method === 'GET') {
      const secret = kvMount.get(name);
      if (!secret) throw new VaultError(404, []);
      return {
        request_id: randomUUID(),
        lease_id: '',
        renewable: false,
        lease_duration: 0,
        data: {
          data: secret.data,
          metadata: {
            created_time: secret.created,
            custom_metadata: null,
            deletion_time: '',
            destroyed: false,
            version: secret.version,
          },
        },
        wrap_info: null,
        warnings: null,
        auth: null,
      };
    }
    const totpMount = totp.get(mount);
    if (totpMount && kind === 'keys' && name !== '' && !name.includes('/') && method === 'GET') {
      const key = totpMount.get(name);
      if (!key) throw new VaultError(404, []);
      const data = {
        account_name: key.accountName,
        algorithm: key.algorithm,
        digits: key.digits,
        issuer: key.issuer,
        period: key.period,
      };
      return { request_id: randomUUID(), data };
    }
    if (totpMount && kind === 'code' && name !== '' && !name.includes('/')) {
      const key = totpMount.get(name);
      if (method === 'GET') {
        if (!key) throw new VaultError(400, [`unknown key: ${name}`]);
        return { request_id: randomUUID(), data: { code: generateCode(key, now() / 1000) } };
      }
      if (method === 'POST' || method === 'PUT') {
        const code = (body as { code?: unknown } | undefined)?.code;
        if (typeof code !== 'string' || code === '') throw new VaultError(400, ['the code value is required']);
        if (!key) throw new VaultError(400, [`unknown key: ${name}`]);
        const used = `${mount}/${name}_${code}`;
        const expiry = usedCodes.get(used);
        if (expiry !== undefined && expiry > now()) {
          throw new VaultError(400, ['code already used; wait until the next time period']);
        }
        const t = now() / 1000;
        let valid = false;
        if (code.length === key.digits) {
          for (let step = -key.skew; step <= key.skew; step++) {
            if (generateCode(key, t + step * key.period) === code) valid = true;
          }
        }
        usedCodes.set(used, now() + key.period * (2 + key.skew) * 1000);
        return { request_id: randomUUID(), data: { valid } };
      }
    }
    throw new VaultError(404, []);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const url = new URL(req.url ?? '/', 'http://vault.invalid');
    const method = req.method ?? 'GET';
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const tokenSent = header('x-vault-token');
    const namespace = header('x-vault-namespace');
    const path = url.pathname.replace(/^\/v1\//, '');
    let status = 200;
    let answer: object;
    try {
      if (!url.pathname.startsWith('/v1/')) throw new VaultError(404, []);
      if (server.sealed) throw new VaultError(503, ['Vault is sealed']);
      if (tokenSent !== token) throw new VaultError(403, ['permission denied']);
      if (server.requireNamespace !== undefined && namespace !== server.requireNamespace) {
        throw new VaultError(403, ['permission denied']);
      }
      answer = route(method, path, body);
    } catch (e) {
      const error = e instanceof VaultError ? e : new VaultError(500, [String(e)]);
      status = error.status;
      answer = { errors: error.errors };
    }
    requests.push({ method, path, token: tokenSent, namespace, body, status });
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(answer));
  }

  const http = createServer((req, res) => void handle(req, res));
  http.on('connection', (socket) => socket.unref());
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', resolve);
  });
  http.unref();
  const { port } = http.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  const server: VaultServer = {
    address: `http://127.0.0.1:${port}`,
    port,
    token,
    sealed: false,
    requireNamespace: options.requireNamespace,
    requests,
    putKv(mount, path, data) {
      if (totp.has(mount)) throw new Error(`${mount} is a TOTP mount`);
      const mountData = kv.get(mount) ?? new Map<string, KvVersion>();
      kv.set(mount, mountData);
      const version = (mountData.get(path)?.version ?? 0) + 1;
      mountData.set(path, { data: structuredClone(data), version, created: new Date(now()).toISOString() });
    },
    putTotpKey(mount, name, key) {
      if (kv.has(mount)) throw new Error(`${mount} is a KV mount`);
      const mountKeys = totp.get(mount) ?? new Map<string, ReturnType<typeof fullKey>>();
      totp.set(mount, mountKeys);
      mountKeys.set(name, fullKey(key));
    },
    codeAt(mount, name, unixSeconds) {
      const key = totpKey(mount, name);
      if (!key) throw new Error(`no TOTP key ${mount}/${name}`);
      return generateCode(key, unixSeconds);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      return closing;
    },
  };
  return server;
}
