/** The store a CLI command acts on: `--store`, else TOTP_KIT_STORE, else the embedded file store. */
import type { Command } from 'commander';
import type { ResourceContext } from '../resources/context.js';
import { openStore, resolveStoreRef } from '../stores/store-ref.js';
import type { Io } from './io.js';

/** Opens the command's store, with the CLI's clock and environment. */
export async function storeContext(command: Command, io: Io): Promise<ResourceContext> {
  return openStoreContext(io, command.optsWithGlobals().store as string | undefined);
}

/**
 * Opens a store by reference (undefined: TOTP_KIT_STORE, else the default), with the CLI's clock.
 * `env` adds to the CLI's environment for this store only (`plan --stack`: the AWS_REGION a stack's
 * resource names); `label` names the reference in a refusal.
 */
export async function openStoreContext(
  io: Io,
  reference: string | undefined,
  options: { readonly env?: NodeJS.ProcessEnv; readonly label?: string } = {},
): Promise<ResourceContext> {
  const env = options.env ? { ...io.env, ...options.env } : io.env;
  const ref = resolveStoreRef(reference, env, options.label ?? '--store');
  return { store: await openStore(ref, env), now: io.now, env };
}

/** True when the command was asked for JSON output. */
export function wantsJson(command: Command): boolean {
  return command.optsWithGlobals().json === true;
}
