/**
 * Printing the code seed flags describe, shared by `code` and `key code`: every flag problem at once, the
 * wait for a code with enough time left (or a leased step), and the code as text or JSON.
 */
import { badInput, type Problem } from '../core/errors.js';
import { parseWholeNumber } from '../core/settings.js';
import { assertMinRemaining } from '../core/time.js';
import { codeLength } from '../core/totp.js';
import { type FreshCodeResult, freshCode } from '../resources/fresh-code.js';
import type { Store } from '../stores/store.js';
import { openStore, resolveStoreRef } from '../stores/store-ref.js';
import type { Io } from './io.js';
import { maskInActions } from './output.js';
import { loadKeyFromFlags, printWarnings, type SeedFlags } from './seed-options.js';
import {
  atProblem,
  atValueProblem,
  type ClockFlags,
  chooseClock,
  clockProblems,
  minRemainingProblem,
  parseAt,
} from './timing-options.js';

/** The flags of `code`. */
export interface CodeFlags extends SeedFlags, ClockFlags {
  readonly at?: string;
  readonly minRemaining?: string;
  readonly lease?: boolean;
}

/** The store a lease is taken in: `--store`, else TOTP_KIT_STORE, else the embedded file store. */
export async function leaseStore(store: string | undefined, io: Io): Promise<Store> {
  return openStore(resolveStoreRef(store, io.env, '--store'), io.env);
}

/**
 * Prints the code the seed flags describe (shared by `code` and `key code`): every flag problem at once,
 * then the code, after waiting for the next step when fewer than --min-remaining seconds are left (or,
 * with --lease, until a step no other caller got).
 */
export async function printCode(flags: CodeFlags, io: Io, json: boolean, store: string | undefined): Promise<void> {
  const problems: Problem[] = [];
  const minRemainingIssue = minRemainingProblem(flags.minRemaining ?? '0');
  if (minRemainingIssue) problems.push(minRemainingIssue);
  const minRemaining = parseWholeNumber(flags.minRemaining ?? '0') as number;
  if (flags.at !== undefined) {
    const atIssue = atValueProblem(flags.at);
    if (atIssue) problems.push(atIssue);
    if (flags.lease === true) problems.push(atProblem('--lease'));
  }
  problems.push(...clockProblems(flags, flags.at));
  const { key, warnings } = await loadKeyFromFlags(flags, io, { problems, ...(store !== undefined ? { store } : {}) });
  // Checked before any warning is printed, so a refusal stays one line.
  assertMinRemaining(minRemaining, key.period, '--min-remaining');
  if (flags.at !== undefined && key.remote) {
    throw badInput(
      '--at',
      `cannot be used with ${key.remote.reference}: its backend computes the code for now`,
      'leave --at out',
    );
  }
  printWarnings(warnings, io);
  let issued: FreshCodeResult;
  let offset = 0;
  if (flags.at !== undefined) {
    // A fixed clock: nothing to wait for; with too little left, the next step's code (as a wait would give).
    const at = parseAt(flags.at);
    issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: '--min-remaining',
      now: () => at,
      wait: async () => {},
    });
  } else {
    const clock = await chooseClock(flags, key, io);
    offset = clock.offset;
    const lease = flags.lease === true ? await leaseStore(store, io) : undefined;
    issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: '--min-remaining',
      offset,
      ...(lease ? { lease, leaseLabel: '--lease' } : {}),
      now: io.now,
      ...(io.sleep ? { wait: io.sleep } : {}),
      onWait: (message) => io.err(`totp-kit: ${message}\n`),
    });
  }
  maskInActions(issued.code, io);
  if (json) {
    const result = {
      code: issued.code,
      period: key.period,
      digits: codeLength(key),
      algorithm: key.algorithm,
      ...(key.remote === undefined && key.encoder !== undefined ? { encoder: key.encoder } : {}),
      remaining: issued.remaining,
      expiresAt: new Date(issued.expiresAt * 1000).toISOString(),
      // Beyond the contract's keys only when the flags that give them meaning are used.
      ...(flags.clockSource !== undefined || flags.timeOffset !== undefined ? { clockOffset: offset } : {}),
      ...(issued.leased ? { step: issued.step, leased: true } : {}),
    };
    io.out(`${JSON.stringify(result)}\n`);
  } else {
    io.out(`${issued.code}\n`);
  }
}
