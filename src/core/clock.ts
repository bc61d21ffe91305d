/**
 * The clock a code is computed for. A runner's clock that is off by more than a step is the second most
 * common cause of "invalid OTP": codes can be computed for the service's clock instead, read from the
 * HTTP `Date` header of a URL (`--clock-source`, input `clock-source`; the request is made in
 * sources/server-clock.ts, so this module stays free of I/O) or fixed by hand (`--time-offset`).
 */
import { badInput, isSafeToPrint, type Problem, quote } from './errors.js';

/** An offset at or below this many seconds is within what a `Date` header can tell, and is not applied. */
export const CLOCK_TOLERANCE_SECONDS = 2;
/** The largest offset accepted by hand or measured: a day. A clock further off needs fixing, not hiding. */
export const MAX_TIME_OFFSET_SECONDS = 86_400;

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
    const name = url.protocol.slice(0, -1);
    const scheme = isSafeToPrint(name) ? `${quote(name)} ` : '';
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
