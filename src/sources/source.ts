/** The interfaces every source implements (docs/cli.md, docs/action.md "Sources"), shared by the CLI, action and constructs. */
import type { SeedText } from '../core/seed-text.js';
import type { CodeSettings } from '../core/settings.js';

/** Where a seed is read from. `reference` is the text the user wrote (`env:TOTP_SEED`), safe to print. */
export interface SeedSource {
  readonly kind?: 'seed';
  readonly reference: string;
  /** Reads and parses the seed. Failures name the reference and never contain seed material. */
  read(): Promise<SeedText>;
}

/**
 * A key whose seed never leaves its backend (Vault's TOTP engine): the backend computes and checks the
 * codes; only its settings and codes come out.
 */
export interface RemoteCodeSource {
  /** Always `remote`. */
  readonly kind: 'remote';
  /** The reference the key was named by (`vault-totp:totp/npm`), safe to print. */
  readonly reference: string;
  /** The key's settings (period above all, for waiting on a fresh code). */
  settings(): Promise<CodeSettings>;
  /** The backend's current code. */
  code(): Promise<string>;
  /** The backend's verdict on a code (with its own replay rules): valid, or why not. */
  validate(code: string): Promise<{ readonly valid: boolean; readonly reason?: 'used' | 'invalid' }>;
}

/** Any source. */
export type TotpSource = SeedSource | RemoteCodeSource;
