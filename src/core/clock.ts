/**
 * The clock a code is computed for. A runner's clock that is off by more than a step is the second most
 * common cause of "invalid OTP": codes can be computed for the service's clock instead, read from the
 * HTTP `Date` header of a URL (`--clock-source`, input `clock-source`) or fixed by hand (`--time-offset`).
 */
import { badInput, type Problem, quote, TotpKitError } from './errors.js';

/** An offset at or below this many seconds is within what a `Date` header can tell, and is not applied. */
export const CLOCK_TOLERANCE_SECONDS = 2;
/** The largest offset accepted by hand or measured: a day. A clock further off needs fixing, not hiding. */
export const MAX_TIME_OFFSET_SECONDS = 86_400;
/** How long a clock source may take to answer. */
export const CLOCK_TIMEOUT_MS = 5_000;

/** What a clock source said. */
export interface ClockReading {
  /** Where the time was read, safe to print: the URL's origin, without user info, path or query. */
  readonly origin: string;
  /** The source's clock minus this machine's, in seconds (to a tenth). */
  readonly offset: number;
  /** Seconds the request took; the offset is known to about half of this plus half a second. */
  readonly roundTrip: number;
  /** True when |offset| exceeds the tolerance and codes use the source's clock. */
  readonly applied: boolean;
}

/** The problem with a clock source URL, or undefined: an absolute http: or https: URL. */
export function clockSourceProblem(value: string, label: string): Problem | undefined {
  const allowed = 'an http:// or https:// URL whose server sends a Date header, e.g. https://registry.npmjs.org';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { setting: label, problem: 'is not a URL (its value was not printed)', allowed };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.length <= 12 ? `${quote(url.protocol.slice(0, -1))} ` : '';
    return { setting: label, problem: `has the scheme ${scheme}where http or https is needed`, allowed };
  }
  return undefined;
}

/** The problem with a time offset given by hand, or undefined: signed seconds, tenths allowed, within a day. */
export function timeOffsetProblem(value: string, label: string): Problem | undefined {
  const text = value.trim();
  const allowed = `seconds to add to this machine's clock, from -${MAX_TIME_OFFSET_SECONDS} to ${MAX_TIME_OFFSET_SECONDS} (e.g. -42 or 3.5)`;
  if (!/^[+-]?(0|[1-9][0-9]*)(\.[0-9]{1,3})?$/.test(text)) {
    return { setting: label, problem: `${quote(value)} is not a number of seconds`, allowed };
  }
  if (Math.abs(Number(text)) > MAX_TIME_OFFSET_SECONDS) {
    return { setting: label, problem: `${quote(value)} is out of range`, allowed };
  }
  return undefined;
}

/**
 * Parses a time offset given by hand.
 * @throws TotpKitError (bad-input) naming `label`.
 */
export function parseTimeOffset(value: string, label: string): number {
  const problem = timeOffsetProblem(value, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  return Number(value.trim());
}

/** Options of `readClock`. */
export interface ClockOptions {
  /** This machine's clock, Unix seconds (default Date.now). */
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
  const now = options.now ?? (() => Date.now() / 1000);
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

/** "12.3 s ahead of this machine" / "4.0 s behind this machine". */
export function describeOffset(offset: number): string {
  const size = Math.abs(offset).toFixed(1);
  return offset >= 0 ? `${size} s ahead of this machine` : `${size} s behind this machine`;
}

/** The clock settings as a face was given them: a clock source URL and a time offset, as text. */
export interface ClockRequest {
  readonly clockSource?: string | undefined;
  readonly timeOffset?: string | undefined;
}

/** What a face calls the clock settings (`--clock-source` / `clock-source`) and how it says "omit it". */
export interface ClockLabels {
  readonly clockSource: string;
  readonly timeOffset: string;
  readonly omit: string;
}

/** Every problem of a clock request, before any I/O: both given, a URL that is not http(s), a bad offset. */
export function clockRequestProblems(request: ClockRequest, labels: ClockLabels): Problem[] {
  const problems: Problem[] = [];
  if (request.clockSource !== undefined && request.timeOffset !== undefined) {
    problems.push({
      setting: labels.clockSource,
      problem: `and ${labels.timeOffset} were both given`,
      allowed: 'one of them: measure the offset, or state it',
    });
  }
  const source =
    request.clockSource === undefined ? undefined : clockSourceProblem(request.clockSource, labels.clockSource);
  const offset =
    request.timeOffset === undefined ? undefined : timeOffsetProblem(request.timeOffset, labels.timeOffset);
  return [...problems, ...(source ? [source] : []), ...(offset ? [offset] : [])];
}

/** The clock codes are computed with. */
export interface ClockDecision {
  /** Seconds added to this machine's clock (0 when none is applied). */
  readonly offset: number;
  /** The offset stated by hand, when one was. */
  readonly stated?: number;
  /** What the clock source said, when it answered. */
  readonly reading?: ClockReading;
  /** Why the clock source could not be read (a warning: this machine's clock is used). */
  readonly unreadable?: string;
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

/** "+3.5" / "-42": an offset with its sign (to `decimals` places when given). */
export function signed(seconds: number, decimals?: number): string {
  return `${seconds >= 0 ? '+' : ''}${decimals === undefined ? seconds : seconds.toFixed(decimals)}`;
}

/** One line telling what a clock reading means for the codes. */
export function clockMessage(reading: ClockReading): string {
  if (reading.applied) {
    return `clock: ${reading.origin} is ${describeOffset(reading.offset)}; codes use its time`;
  }
  return `clock: ${reading.origin} is within ${CLOCK_TOLERANCE_SECONDS} s of this machine (offset ${signed(reading.offset, 1)} s); codes use this machine's clock`;
}
