/**
 * `vault-totp:MOUNT/KEY`: a key of Vault's TOTP engine. Vault computes the code
 * (`GET /v1/MOUNT/code/KEY`) and checks one (`POST /v1/MOUNT/code/KEY`); the period, digits and
 * algorithm come from `GET /v1/MOUNT/keys/KEY`. The seed never leaves Vault.
 */
import { TotpKitError } from '../core/errors.js';
import { type CodeSettings, checkSettings, withDefaults } from '../core/settings.js';
import type { RemoteCodeSource } from './source.js';
import { splitMount, type VaultOptions, vaultOptions, vaultRequest } from './vault-client.js';

const FORM = 'vault-totp:MOUNT/KEY';

/** A source asking Vault's TOTP engine for codes. */
export function vaultTotpSource(
  rest: string,
  env: NodeJS.ProcessEnv,
  label: string,
  given: VaultOptions = {},
): RemoteCodeSource {
  const { mount, path: key } = splitMount(rest, label, FORM);
  const reference = `vault-totp:${rest}`;
  const options = () => vaultOptions(env, given);
  const malformed = (what: string) =>
    new TotpKitError('backend', 'E_VAULT', `${reference}: Vault's answer has no ${what}`);
  return {
    kind: 'remote',
    reference,
    async settings(): Promise<CodeSettings> {
      const body = (await vaultRequest(options(), reference, 'GET', `${mount}/keys/${key}`)) as {
        data?: Record<string, unknown>;
      };
      const data = body?.data;
      if (!data) throw malformed('key data');
      const check = checkSettings({ algorithm: data.algorithm, digits: data.digits, period: data.period });
      if (check.problems.length > 0) throw malformed(`usable ${check.problems[0]?.setting}`);
      const { algorithm, digits, period } = withDefaults(check.settings);
      return { algorithm, digits, period };
    },
    async code(): Promise<string> {
      const body = (await vaultRequest(options(), reference, 'GET', `${mount}/code/${key}`)) as {
        data?: { code?: unknown };
      };
      const code = body?.data?.code;
      if (typeof code !== 'string' || !/^[0-9]{6,8}$/.test(code)) throw malformed('code');
      return code;
    },
    async validate(code: string): Promise<{ valid: boolean; reason?: 'used' | 'invalid' }> {
      let body: { data?: { valid?: unknown } };
      try {
        body = (await vaultRequest(options(), reference, 'POST', `${mount}/code/${key}`, { code })) as typeof body;
      } catch (e) {
        // Vault refuses a code presented before with a 400: a verdict, not a failure.
        if (e instanceof TotpKitError && /code already used/.test(e.message)) return { valid: false, reason: 'used' };
        throw e;
      }
      const valid = body?.data?.valid;
      if (typeof valid !== 'boolean') throw malformed('verdict');
      return valid ? { valid } : { valid, reason: 'invalid' };
    },
  };
}
