/** What every resource operation needs: the store, a clock and the environment sources read. */
import { randomUUID } from 'node:crypto';
import { TotpKitError } from '../core/errors.js';
import { nowSeconds } from '../core/time.js';
import type { Store } from '../stores/store.js';

/** What the key, method and enrollment functions act on: a store, and the clock they read. */
export interface ResourceContext {
  /** The store, from `openStore`. */
  readonly store: Store;
  /**
   * The current Unix time in seconds (with the fraction), for timestamps, codes and validations.
   * @defaultValue the system clock
   */
  readonly now?: (() => number) | undefined;
  /**
   * The environment a key's import reads (`env:NAME`, Vault's and AWS's settings) when it is created.
   * @defaultValue the process's environment
   */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The context's time: its clock, else the system clock. */
export function contextNow(ctx: ResourceContext): number {
  return ctx.now ? ctx.now() : nowSeconds();
}

/** The context's environment, else the process's: a library caller need not pass one. */
export function contextEnv(ctx: ResourceContext): Readonly<Record<string, string | undefined>> {
  return ctx.env ?? process.env;
}

/** A new generation id: it changes whenever a resource's seed does. */
export function newGeneration(): string {
  return randomUUID();
}

/** A "no such resource" refusal (exit 2: the name given is wrong). */
export function notFound(what: string): TotpKitError {
  return new TotpKitError('bad-input', 'E_NOT_FOUND', `${what} does not exist`);
}

/** An "already exists" refusal. */
export function alreadyExists(what: string, hint: string): TotpKitError {
  return new TotpKitError('bad-input', 'E_EXISTS', `${what} already exists; ${hint}`);
}

/** ISO time of a Unix second, for record timestamps. */
export function isoTime(unixSeconds: number): string {
  return new Date(Math.floor(unixSeconds) * 1000).toISOString();
}
