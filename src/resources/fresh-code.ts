/**
 * Handing out a code a service will accept: with at least `minRemaining` seconds left, for the service's
 * clock (an offset), of a step later than any code already used (`afterStep`, for retries), and with a
 * lease, of a step no other caller got. Shared by `code`, `exec` and the action.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { badInput } from '../core/errors.js';
import { nowSeconds, planFreshCode, tenths } from '../core/time.js';
import { generateCode } from '../core/totp.js';
import type { ResolvedKey } from '../sources/load-key.js';
import type { Store } from '../stores/store.js';
import { leaseStep } from './lease.js';

/** What the caller of `freshCode` wants of the code. */
export interface FreshCodeOptions {
  /** Seconds the code must still be valid for: a whole number below the key's period. */
  readonly minRemaining: number;
  /**
   * What messages call `minRemaining` (`--min-remaining`).
   * @defaultValue `minRemaining`
   */
  readonly minRemainingLabel?: string;
  /**
   * Seconds to add to this machine's clock: the service's clock minus ours.
   * @defaultValue 0
   */
  readonly offset?: number;
  /** The code must be of a later step than this one (a retry never reuses a code). */
  readonly afterStep?: number;
  /** Take a lease in this store: a step no other caller of `freshCode` with this store and key got. */
  readonly lease?: Store;
  /**
   * What messages call the lease (`--lease`).
   * @defaultValue `lease`
   */
  readonly leaseLabel?: string;
  /**
   * This machine's clock, in Unix seconds.
   * @defaultValue the system clock
   */
  readonly now?: () => number;
  /** Told before each wait, in one line. */
  readonly onWait?: (message: string) => void;
  /**
   * Waits the given seconds.
   * @defaultValue a timer
   */
  readonly wait?: (seconds: number) => Promise<void>;
}

/** A code from `freshCode`, and when it is valid. */
export interface FreshCodeResult {
  /** The code. */
  readonly code: string;
  /** Its time step (counter). */
  readonly step: number;
  /** The time (on the service's clock) it was computed for. */
  readonly at: number;
  /** Whole seconds until it expires. */
  readonly remaining: number;
  /** Unix second at which it expires (service's clock). */
  readonly expiresAt: number;
  /** Seconds waited for its step to begin (0 when the current step would do). */
  readonly waited: number;
  /** True when a lease was taken for its step. */
  readonly leased: boolean;
}

const defaultWait = (seconds: number) => sleep(Math.ceil(seconds * 1000) + 20);

/**
 * A code a service will accept: with at least `minRemaining` seconds left (else it waits for the next step),
 * of a step after `afterStep`, and with `lease`, of a step no other caller got, so parallel jobs never send a
 * service the same code.
 *
 * @param key - a seed with its settings, or a key whose backend computes the codes
 * @param options - what the code must satisfy
 * @returns the code, its step and when it expires
 * @throws `TotpKitError` (bad-input) for a minRemaining not below the period, or a lease or offset asked for
 *   a key whose backend computes codes; (backend) E_LEASE_BUSY when the free step is more than
 *   `MAX_LEASE_AHEAD_STEPS` ahead, and errors of the lease's store.
 *
 * @example
 * ```ts
 * import { freshCode, openStore, parseSeedText, resolveKey } from 'totp-kit';
 *
 * const key = resolveKey(parseSeedText(process.env.NPM_TOTP ?? '', 'NPM_TOTP'), {}, 'NPM_TOTP');
 * const lease = await openStore('file:./.totp-kit/store.json');
 * const { code, remaining } = await freshCode(key, { minRemaining: 10, lease }); // at least 10 s left, not used by a parallel job
 * ```
 */
export async function freshCode(key: ResolvedKey, options: FreshCodeOptions): Promise<FreshCodeResult> {
  const offset = options.offset ?? 0;
  const wait = options.wait ?? defaultWait;
  const now = options.now ?? nowSeconds;
  const minRemainingLabel = options.minRemainingLabel ?? 'minRemaining';
  if (key.remote && options.lease) {
    throw badInput(
      options.leaseLabel ?? 'lease',
      `cannot be used with ${key.remote.reference}: its backend computes the code for its own time`,
      'a seed from env:, file:, aws-sm:, vault-kv: or store:',
    );
  }
  if (key.remote && offset !== 0) {
    throw badInput(
      'time offset',
      `cannot be applied to ${key.remote.reference}: its backend computes the code with its own clock`,
      'leave the clock source and time offset out',
    );
  }
  const { period } = key;
  for (let round = 1; ; round++) {
    const t = now() + offset;
    const current = Math.floor(t / period);
    const plan = planFreshCode(t, period, options.minRemaining, minRemainingLabel);
    let wanted = Math.floor(plan.at / period);
    let why = `the current code expires in ${tenths(period - (t % period))} s (< ${minRemainingLabel} ${options.minRemaining})`;
    if (options.afterStep !== undefined && options.afterStep + 1 > wanted) {
      wanted = options.afterStep + 1;
      why = 'the code of this step was used already';
    }
    let step = wanted;
    if (options.lease && !key.remote) {
      step = await leaseStep(options.lease, key, wanted, current);
      if (step > wanted) {
        const taken = step - wanted;
        why = `lease: ${taken === 1 ? 'another caller has the code of this step' : `other callers have the codes of ${taken} steps`}`;
      }
    }
    const afterLease = now() + offset;
    const nowStep = Math.floor(afterLease / period);
    // A lease that took so long that its step has passed is dropped: lease a later one.
    if (step < nowStep && round < 5) continue;
    const waitSeconds = step * period - afterLease;
    if (waitSeconds > 0) {
      const ahead = step - nowStep;
      options.onWait?.(
        `${why}; waiting ${tenths(waitSeconds)} s for the ${ahead === 1 ? 'next one' : `one ${ahead} steps ahead`}`,
      );
      await wait(waitSeconds);
    }
    const at = Math.max(now() + offset, step * period);
    const end = (step + 1) * period;
    const code = key.remote ? await key.remote.code() : generateCode(key, step * period);
    return {
      code,
      step,
      at,
      remaining: Math.max(0, end - Math.floor(at)),
      expiresAt: end,
      waited: Math.max(0, waitSeconds),
      leased: options.lease !== undefined,
    };
  }
}
