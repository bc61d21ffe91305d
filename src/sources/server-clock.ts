/**
 * A server's clock, read from the HTTP `Date` header of a clock source (`--clock-source`, input
 * `clock-source`), and the decision of which clock codes use. The rules and messages are in core/clock.ts;
 * this is the network I/O.
 */
import {
  CLOCK_TOLERANCE_SECONDS,
  type ClockDecision,
  type ClockLabels,
  type ClockReading,
  type ClockRequest,
  clockSourceProblem,
  describeOffset,
  MAX_TIME_OFFSET_SECONDS,
  parseTimeOffset,
} from '../core/clock.js';
import { badInput, TotpKitError } from '../core/errors.js';
import { nowSeconds } from '../core/time.js';

/** How long a clock source may take to answer. */
export const CLOCK_TIMEOUT_MS = 5_000;

/** Options of `readClock`. */
export interface ClockOptions {
  /** This machine's clock, Unix seconds (default: the system clock). */
  readonly now?: () => number;
  readonly timeoutMs?: number;
}

/**
 * Reads a server's clock from the `Date` header of a HEAD request (any status will do: a 404 or a 405
 * carries the header too; redirects are not followed). The header has whole seconds and is truncated,
 * so the server's time is taken as Date + 0.5 s at the middle of the request.
 * @throws TotpKitError (bad-input) for a URL that is not http(s); (backend) when the server cannot be
 *   reached in time or sends no usable Date header. The message names the origin only.
 */
export async function readClock(url: string, label: string, options: ClockOptions = {}): Promise<ClockReading> {
  const problem = clockSourceProblem(url, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  const target = new URL(url.trim());
  // fetch refuses URLs with credentials, and the Date header needs none.
  target.username = '';
  target.password = '';
  const origin = target.origin;
  const now = options.now ?? nowSeconds;
  const timeoutMs = options.timeoutMs ?? CLOCK_TIMEOUT_MS;
  const started = now();
  let date: string | null;
  try {
    const response = await fetch(target, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'user-agent': 'totp-kit clock check' },
    });
    date = response.headers.get('date');
    await response.body?.cancel();
  } catch (e) {
    const cause = (e as { cause?: { code?: unknown } }).cause;
    const name = (e as { name?: unknown }).name;
    const why =
      name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : typeof cause?.code === 'string'
          ? `unreachable (${cause.code})`
          : 'unreachable';
    throw failure(label, origin, why);
  }
  const ended = now();
  const serverSeconds = date === null ? Number.NaN : Date.parse(date) / 1000;
  if (!Number.isFinite(serverSeconds)) {
    throw failure(label, origin, date === null ? 'sent no Date header' : 'sent a Date header that is not a date');
  }
  const offset = Math.round((serverSeconds + 0.5 - (started + ended) / 2) * 10) / 10;
  if (Math.abs(offset) > MAX_TIME_OFFSET_SECONDS) {
    throw failure(label, origin, `says a time ${describeOffset(offset)} (more than a day): fix this machine's clock`);
  }
  return {
    origin,
    offset,
    roundTrip: Math.round((ended - started) * 1000) / 1000,
    applied: Math.abs(offset) > CLOCK_TOLERANCE_SECONDS,
  };
}

function failure(label: string, origin: string, why: string): TotpKitError {
  return new TotpKitError('backend', 'E_CLOCK_SOURCE', `${label}: ${origin} ${why}`);
}

/**
 * Decides the offset of a checked request: stated by hand, or measured from the clock source and applied
 * when more than the tolerance. A source that cannot be read is not a failure (the code may well be
 * accepted anyway): the decision says why, and the offset is 0.
 * @param remote the reference of a key whose backend computes codes with its own clock: a request is refused.
 * @throws TotpKitError (bad-input) for a request with a remote key.
 */
export async function decideClock(
  request: ClockRequest,
  labels: ClockLabels,
  remote: string | undefined,
  options: ClockOptions = {},
): Promise<ClockDecision> {
  if (request.clockSource === undefined && request.timeOffset === undefined) return { offset: 0 };
  if (remote !== undefined) {
    throw badInput(
      request.clockSource !== undefined ? labels.clockSource : labels.timeOffset,
      `cannot be used with ${remote}: its backend computes the code with its own clock`,
      labels.omit,
    );
  }
  if (request.timeOffset !== undefined) {
    const stated = parseTimeOffset(request.timeOffset, labels.timeOffset);
    return { offset: stated, stated };
  }
  try {
    const reading = await readClock(request.clockSource as string, labels.clockSource, options);
    return { offset: reading.applied ? reading.offset : 0, reading };
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== 'E_CLOCK_SOURCE') throw e;
    return { offset: 0, unreadable: e.message };
  }
}
