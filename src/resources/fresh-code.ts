/**
 * Handing out a code a service will accept: with at least `minRemaining` seconds left, for the service's
 * clock (an offset), of a step later than any code already used (`afterStep`, for retries), and with a
 * lease, of a step no other caller got. Shared by `code`, `exec` and the action.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { badInput } from '../core/errors.js';
import { planFreshCode, tenths } from '../core/time.js';
import { generateCode } from '../core/totp.js';
import type { ResolvedKey } from '../sources/load-key.js';
import type { Store } from '../stores/store.js';
import { leaseStep } from './lease.js';

/** What the caller wants of the code. */
export interface FreshCodeOptions {
  /** Seconds the code must still be valid for; below the period (checked, naming `minRemainingLabel`). */
  readonly minRemaining: number;
  readonly minRemainingLabel: string;
  /** Seconds to add to this machine's clock (the service's clock minus ours). */
  readonly offset?: number;
  /** The code must be of a later step than this one (a retry never reuses a code). */
  readonly afterStep?: number;
  /** Take a lease in this store: a step no other caller got. */
  readonly lease?: Store;
  /** What the face calls the lease (`--lease`, `lease`), for messages. */
  readonly leaseLabel?: string;
  /** This machine's clock, Unix seconds. */
  readonly now: () => number;
  /** Told before each wait, one line. */
  readonly onWait?: (message: string) => void;
  /** Waits (default: a timer); tests may pass their own. */
  readonly wait?: (seconds: number) => Promise<void>;
}

/** A code and when it is valid. */
export interface FreshCode {
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
 * Hands out a code as `options` ask, waiting for a later step when needed.
 * @throws TotpKitError (bad-input) for a min-remaining not below the period, or a lease or offset asked
 *   for a key whose backend computes codes; (backend) from the lease's store.
 */
export async function freshCode(key: ResolvedKey, options: FreshCodeOptions): Promise<FreshCode> {
  const offset = options.offset ?? 0;
  const wait = options.wait ?? defaultWait;
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
    const t = options.now() + offset;
    const current = Math.floor(t / period);
    const plan = planFreshCode(t, period, options.minRemaining, options.minRemainingLabel);
    let wanted = Math.floor(plan.at / period);
    let why = `the current code expires in ${tenths(period - (t % period))} s (< ${options.minRemainingLabel} ${options.minRemaining})`;
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
    const afterLease = options.now() + offset;
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
    const at = Math.max(options.now() + offset, step * period);
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
