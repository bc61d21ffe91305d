/**
 * Leases: one time step per consumer. A service that refuses a reused code (npm, most logins) refuses
 * the second of two parallel jobs that sent the same code. With a lease, each caller records in the
 * store the step it hands out for a key (a compare-and-swap: the file store's lock, Secrets Manager's
 * version stages) and never hands out a step another caller got; the next caller waits for the next step.
 */
import { createHash } from 'node:crypto';
import { TotpKitError } from '../core/errors.js';
import type { KeyMaterial } from '../core/key.js';
import type { Store, StoreRecord } from '../stores/store.js';

/**
 * How many steps ahead of the current one `freshCode` may lease a code; beyond it the lease is refused with
 * E_LEASE_BUSY (too many callers at once, or a caller with a clock far ahead).
 *
 * @example
 * ```ts
 * import { MAX_LEASE_AHEAD_STEPS } from 'totp-kit';
 *
 * const longestWaitSeconds = MAX_LEASE_AHEAD_STEPS * 30; // for a 30 s key: 600
 * ```
 */
export const MAX_LEASE_AHEAD_STEPS = 20;

/** A lease record: the last step handed out for one key. */
export interface LeaseRecord {
  readonly lastStep: number;
  readonly period: number;
  readonly updatedAt: string;
}

/**
 * The store id of a key's lease: a SHA-256 over a label, the code settings and the seed, so one key read
 * from different sources (env, a file, AWS) shares one lease while nothing about the seed can be learnt.
 */
export function leaseId(key: KeyMaterial): string {
  const hash = createHash('sha256');
  hash.update(`totp-kit lease v1\0${key.algorithm}\0${key.digits}\0${key.period}\0${key.encoder ?? 'totp'}\0`);
  hash.update(key.secret);
  return hash.digest('hex');
}

function lastStepOf(record: StoreRecord | undefined, id: string): number {
  if (record === undefined) return -1;
  const last = record.lastStep;
  if (typeof last !== 'number' || !Number.isSafeInteger(last) || last < 0) {
    throw new TotpKitError(
      'backend',
      'E_STORE_CORRUPT',
      `lease "${id.slice(0, 12)}…" in the store is damaged (field "lastStep"); delete it`,
    );
  }
  return last;
}

/**
 * Takes the first step at or after `earliestStep` that no caller got before, and records it.
 * @param nowStep the current step, to bound how far ahead a lease may go
 * @throws TotpKitError (backend) E_LEASE_BUSY when the free step is more than MAX_LEASE_AHEAD_STEPS ahead.
 */
export async function leaseStep(
  store: Store,
  key: KeyMaterial,
  earliestStep: number,
  nowStep: number,
  now: Date = new Date(),
): Promise<number> {
  const id = leaseId(key);
  const step = await store.update('lease', id, (current) => {
    const step = Math.max(earliestStep, lastStepOf(current, id) + 1);
    if (step - nowStep > MAX_LEASE_AHEAD_STEPS) return { result: -1 };
    const next: LeaseRecord = { lastStep: step, period: key.period, updatedAt: now.toISOString() };
    return { result: step, next: { ...next } };
  });
  if (step < 0) {
    throw new TotpKitError(
      'backend',
      'E_LEASE_BUSY',
      `lease: the next free time step of this key in ${store.reference} is more than ${MAX_LEASE_AHEAD_STEPS} steps ahead (${MAX_LEASE_AHEAD_STEPS * key.period} s): too many callers at once, or a caller with a clock far ahead; try again later`,
    );
  }
  return step;
}
