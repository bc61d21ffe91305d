// `totp-kit check`: the fingerprint (first 8 hex of SHA-256 of the key bytes, computed here independently),
// the settings, and the previous, current and next codes with their times, checked against oathtool at
// a fixed time; never the seed; codes masked in GitHub Actions. In-process, against the sources.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBase32 } from '../src/core/base32.js';
import { steamCode } from '../src/core/steam.js';
import { type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { referenceCode } from './helpers/run-action.js';
import { startVaultServer, type VaultServer } from './helpers/vault-server.js';

const SEED = randomBytes(20);
const B32 = encodeBase32(SEED);
const FINGERPRINT = createHash('sha256').update(SEED).digest('hex').slice(0, 8);
/** 2026-01-01T00:00:10Z: 20 s left in its 30 s step. */
const AT = 1_767_225_610;

/** Runs `totp-kit …args` at AT, unless `--at` says otherwise. */
const cli = (args: readonly string[], env: Record<string, string>) => runInProcess(args, { env, now: AT });

async function check(args: readonly string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  const r = await cli(['check', ...args], { TOTP_SEED: B32, ...env });
  expectNoSeedInCli(r, SEED, `check ${args.join(' ')}`);
  return r;
}

describe('check', () => {
  it('prints the fingerprint, the settings and the codes around the time, as oathtool computes them', async () => {
    const r = await check(['--from', 'env:TOTP_SEED', '--at', String(AT)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'source:       env:TOTP_SEED',
        `fingerprint:  ${FINGERPRINT} (SHA-256 of the key bytes, first 8 hex digits)`,
        'settings:     SHA1, 6 digits, 30 s period',
        'time:         2026-01-01T00:00:10Z',
        `previous:     ${referenceCode(SEED, AT - 30)}  2025-12-31T23:59:30Z to 2026-01-01T00:00:00Z`,
        `current:      ${referenceCode(SEED, AT)}  2026-01-01T00:00:00Z to 2026-01-01T00:00:30Z (20 s left)`,
        `next:         ${referenceCode(SEED, AT + 30)}  2026-01-01T00:00:30Z to 2026-01-01T00:01:00Z`,
        '',
      ].join('\n'),
    );
  });

  it('shows the settings and the account of a URL, and gives the same fingerprint for the same seed', async () => {
    const url = `otpauth://totp/Acme:alice?secret=${B32}&issuer=Acme&algorithm=SHA256&digits=8&period=60`;
    const r = await check(['--url', url, '--at', String(AT), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { codes: { which: string; code: string }[] };
    expect(json).toMatchObject({
      fingerprint: FINGERPRINT,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      issuer: 'Acme',
      accountName: 'alice',
      at: '2026-01-01T00:00:10Z',
    });
    const o = { algorithm: 'SHA256' as const, digits: 8 as const, period: 60 };
    expect(json.codes).toEqual([
      {
        which: 'previous',
        step: Math.floor(AT / 60) - 1,
        code: referenceCode(SEED, AT - 60, o),
        from: '2025-12-31T23:59:00Z',
        until: '2026-01-01T00:00:00Z',
      },
      {
        which: 'current',
        step: Math.floor(AT / 60),
        code: referenceCode(SEED, AT, o),
        from: '2026-01-01T00:00:00Z',
        until: '2026-01-01T00:01:00Z',
      },
      {
        which: 'next',
        step: Math.floor(AT / 60) + 1,
        code: referenceCode(SEED, AT + 60, o),
        from: '2026-01-01T00:01:00Z',
        until: '2026-01-01T00:02:00Z',
      },
    ]);
    // A warning for the seed on the command line, as for code and verify.
    expect(r.stderr).toMatch(/--url puts the seed in the process list/);
  });

  it('tells two different seeds apart by fingerprint', async () => {
    const other = randomBytes(20);
    const r = await cli(['check', '--from', 'env:OTHER', '--json'], { OTHER: encodeBase32(other) });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { fingerprint: string }).fingerprint).toBe(
      createHash('sha256').update(other).digest('hex').slice(0, 8),
    );
    expect((JSON.parse(r.stdout) as { fingerprint: string }).fingerprint).not.toBe(FINGERPRINT);
  });

  it('masks the three codes in GitHub Actions', async () => {
    const r = await check(['--from', 'env:TOTP_SEED', '--at', String(AT)], { GITHUB_ACTIONS: 'true' });
    expect(r.status).toBe(0);
    const masks = r.stderr.split('\n').filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toEqual([AT - 30, AT, AT + 30].map((t) => `::add-mask::${referenceCode(SEED, t)}`));
  });

  it('refuses bad input in one line', async () => {
    const r = await check(['--from', 'env:TOTP_SEED', '--at', 'noon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'totp-kit: --at: "noon" is not a time (allowed: Unix seconds from 0 to 253402300799, or ISO 8601 with Z or an offset, e.g. 2026-12-05T10:00:00Z)\n',
    );
    const none = await check([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^totp-kit: seed: none given/);
  });
});

describe('check and code with Vault (a loopback server speaking its API)', () => {
  let vault: VaultServer;
  const STEAM = randomBytes(20);
  beforeAll(async () => {
    // Vault computes vault-totp: codes on its own clock: the CLI's, so the code is that of AT.
    vault = await startVaultServer({ now: () => AT * 1000 });
    vault.putTotpKey('totp', 'npm', { secret: SEED, issuer: 'npm', accountName: 'bot' });
    // A .maFile kept as KV fields: shared_secret (base64) beside the others.
    vault.putKv('secret', 'steam/bot', {
      shared_secret: STEAM.toString('base64'),
      identity_secret: randomBytes(20).toString('base64'),
      account_name: 'bot',
    });
  });
  afterAll(() => vault.close());
  const env = () => ({ VAULT_ADDR: vault.address, VAULT_TOKEN: vault.token });

  it('check of a vault-totp: key shows its current code, computed by Vault, and no fingerprint', async () => {
    const r = await cli(['check', '--from', 'vault-totp:totp/npm', '--json'], env());
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { fingerprint: null; codes: { which: string; code: string }[] };
    expect(json.fingerprint).toBeNull();
    expect(json.codes).toHaveLength(1);
    expect(json.codes[0]?.which).toBe('current');
    expect(json.codes[0]?.code).toBe(referenceCode(SEED, AT));
    const text = await cli(['check', '--from', 'vault-totp:totp/npm'], env());
    expect(text.stdout).toMatch(/the seed stays in the backend: no fingerprint/);
    expectNoSeedInCli(text, SEED, 'check vault-totp');
  });

  it('a vault-totp: key refuses the clock flags (Vault uses its own clock)', async () => {
    const r = await cli(['code', '--from', 'vault-totp:totp/npm', '--time-offset', '30'], env());
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'totp-kit: --time-offset: cannot be used with vault-totp:totp/npm: its backend computes the code with its own clock (allowed: leave it out)\n',
    );
  });

  it("vault-kv: of a .maFile's fields is a Steam key by its shared_secret", async () => {
    const r = await cli(['code', '--from', 'vault-kv:secret/steam/bot', '--at', String(AT), '--json'], env());
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: steamCode(STEAM, Math.floor(AT / 30)), digits: 5 });
    expectNoSeedInCli(r, STEAM, 'vault-kv maFile');
  });
});
