/** Time helpers shared by the CLI and the action: seconds left, expiry, waiting for a fresh code. */
import { badInput } from './errors.js';

/** The latest Unix time accepted for `--at` (9999-12-31T23:59:59Z). */
export const MAX_UNIX_SECONDS = 253402300799;

/** The current Unix time in seconds, with the millisecond fraction. */
export function nowSeconds(): number {
  return Date.now() / 1000;
}

/** Whole seconds until the code of time `t` expires: from `period` at a step's start down to 1. */
export function remainingSeconds(t: number, period: number): number {
  return period - (Math.floor(t) % period);
}

/** The Unix second at which the code of time `t` stops being current. */
export function expiresAt(t: number, period: number): number {
  return (Math.floor(t / period) + 1) * period;
}

/** How to reach a code with at least `minRemaining` seconds left. */
export interface FreshTime {
  /** The time whose code to use. */
  readonly at: number;
  /** Seconds to wait before that code is current (0 when the current one will do). */
  readonly waitSeconds: number;
}

/**
 * Checks that a code can have `minRemaining` seconds left: whole seconds below the period.
 * @throws TotpKitError (bad-input) naming `label`.
 */
export function assertMinRemaining(minRemaining: number, period: number, label = 'minRemaining'): void {
  if (!Number.isSafeInteger(minRemaining) || minRemaining < 0 || minRemaining >= period) {
    throw badInput(
      label,
      `${minRemaining} is out of range for a ${period} s period`,
      `whole seconds from 0 to ${period - 1}`,
    );
  }
}

/**
 * Decides whether the current code has at least `minRemaining` seconds left and, if not, the time of
 * the next step to use instead. `minRemaining` must be below `period` (a code never has more left).
 */
export function planFreshCode(t: number, period: number, minRemaining: number, label = 'minRemaining'): FreshTime {
  assertMinRemaining(minRemaining, period, label);
  const left = period - (t % period);
  if (left >= minRemaining) return { at: t, waitSeconds: 0 };
  const next = expiresAt(t, period);
  return { at: next, waitSeconds: next - t };
}

/** Seconds to one decimal, rounded down (0.96 s left reads "0.9 s", never "1.0 s"), for messages. */
export function tenths(seconds: number): string {
  return (Math.floor(seconds * 10) / 10).toFixed(1);
}
