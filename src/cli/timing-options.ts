/**
 * The flags that decide which code is handed out and when (`code`, `exec`, `verify`, `check`, `demo`, `key`,
 * `method`): the time (`--at T`), the clock (`--clock-source URL`, `--time-offset S`), how long a code must
 * last (`--min-remaining S`) and one step per caller (`--lease`, with the store).
 */
import type { Command } from 'commander';
import { type ClockDecision, clockMessage, clockRequestProblems, signed } from '../core/clock.js';
import { badInput, type Problem, quote } from '../core/errors.js';
import { parseWholeNumber } from '../core/settings.js';
import { MAX_UNIX_SECONDS } from '../core/time.js';
import type { ResolvedKey } from '../sources/load-key.js';
import { decideClock } from '../sources/server-clock.js';
import type { Io } from './io.js';

/** The clock flags. */
export interface ClockFlags {
  readonly clockSource?: string;
  readonly timeOffset?: string;
}

/** Adds `--clock-source` and `--time-offset`. */
export function addClockOptions(command: Command): Command {
  return command
    .option(
      '--clock-source <url>',
      "read the time from this URL's HTTP Date header (e.g. the service's own URL) and use it when this machine's clock is more than 2 s off",
    )
    .option('--time-offset <seconds>', "seconds to add to this machine's clock (e.g. -42), when you know it is off");
}

const CLOCK_LABELS = { clockSource: '--clock-source', timeOffset: '--time-offset', omit: 'leave it out' } as const;

/**
 * Problems with the clock flags, found before any I/O; with `at` (`--at`, which fixes the time), a clock
 * flag is one too.
 */
export function clockProblems(flags: ClockFlags, at?: string): Problem[] {
  const problems = clockRequestProblems(flags, CLOCK_LABELS);
  if (at === undefined) return problems;
  for (const [flag, given] of [
    ['--clock-source', flags.clockSource !== undefined],
    ['--time-offset', flags.timeOffset !== undefined],
  ] as const) {
    if (given) problems.push(atProblem(flag));
  }
  return problems;
}

/** `--at`'s flags, for every command that takes it: `command.option(AT_FLAGS, atHelp('show the code at this time'))`. */
export const AT_FLAGS = '--at <time>';

/** The forms `--at` takes, as its refusals and its help state them. */
export const AT_FORMS = `Unix seconds from 0 to ${MAX_UNIX_SECONDS}, or ISO 8601 with Z or an offset, e.g. 2026-12-05T10:00:00Z`;

/** The help of `--at`: what it does, then the forms it takes. */
export function atHelp(purpose: string): string {
  return `${purpose}: Unix seconds or ISO 8601 with Z or an offset (e.g. 2026-12-05T10:00:00Z)`;
}

/**
 * ISO 8601 in its extended form (RFC 3339): a date, a time of day with optional seconds and fraction, and a zone
 * (`Z` or `±HH:MM`, `±HHMM`, `±HH`). `T` may be lower case or a space; `Z` lower case.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * The problem with an `--at` value, or the time it names (Unix seconds; a fraction only from an ISO fraction).
 * Unix seconds are whole, 0 to year 9999 (`parseWholeNumber`: digits only, no sign, no exponent). An ISO 8601
 * date and time needs a zone, since a local time would name another instant on every runner; a date alone is
 * refused too: it names a whole day of codes, not one. Refusals quote the value only when it has the shape of a
 * date (which no seed has), else as `quote` allows.
 */
export function parseAtValue(value: unknown): { readonly at: number } | { readonly problem: Problem } {
  const refuse = (problem: string) => ({ problem: { setting: '--at', problem, allowed: AT_FORMS } });
  const whole = parseWholeNumber(value);
  if (whole !== undefined)
    return whole <= MAX_UNIX_SECONDS ? { at: whole } : refuse(`${quote(value)} is after the year 9999`);
  const text = typeof value === 'string' ? value.trim() : '';
  const iso = ISO_DATE_TIME.exec(text);
  if (!iso) return refuse(`${quote(value)} is not a time`);
  const shown = JSON.stringify(text);
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second = '00',
    fraction = '',
    zulu,
    sign,
    offsetHours,
    offsetMinutes = '00',
  ] = iso as unknown as readonly string[];
  if (hour === undefined) return refuse(`${shown} is a date without a time of day`);
  if (zulu === undefined && sign === undefined) return refuse(`${shown} has no time zone`);
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(Number(hour), Number(minute), Number(second));
  const real =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    date.getUTCHours() === Number(hour) &&
    date.getUTCMinutes() === Number(minute) &&
    date.getUTCSeconds() === Number(second) &&
    Number(offsetHours ?? 0) <= 23 &&
    Number(offsetMinutes) <= 59;
  if (!real) return refuse(`${shown} is not a real date and time`);
  const offset =
    sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60);
  const at = date.getTime() / 1000 + Number(`0${fraction}`) - offset;
  if (at < 0) return refuse(`${shown} is before 1970-01-01T00:00:00Z`);
  if (at >= MAX_UNIX_SECONDS + 1) return refuse(`${shown} is after the year 9999`);
  return { at };
}

/** The problem with an `--at` value, or undefined when it names a time (see `parseAtValue`). */
export function atValueProblem(value: unknown): Problem | undefined {
  const parsed = parseAtValue(value);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/**
 * The time an `--at` value names, in Unix seconds (see `parseAtValue`).
 * @throws TotpKitError (bad-input, E_BAD_TIME) naming `--at` and the forms it takes.
 */
export function parseAt(value: unknown): number {
  const parsed = parseAtValue(value);
  if ('problem' in parsed) throw badInput('--at', parsed.problem.problem, AT_FORMS, 'E_BAD_TIME');
  return parsed.at;
}

/** A flag that needs the clock, given with `--at`. */
export function atProblem(flag: string): Problem {
  return { setting: flag, problem: 'cannot be used with --at, which fixes the time', allowed: 'one of them' };
}

/**
 * Decides the clock (see `decideClock`) and says on stderr what it found: the offset stated or measured,
 * or, as a warning, why the clock source could not be read. Refused for a key whose backend computes codes.
 */
export async function chooseClock(flags: ClockFlags, key: ResolvedKey, io: Io): Promise<ClockDecision> {
  const decision = await decideClock(flags, CLOCK_LABELS, key.remote?.reference, { now: io.now });
  if (decision.stated !== undefined) {
    io.err(`totp-kit: clock: --time-offset ${signed(decision.stated)} s applied to this machine's clock\n`);
  }
  if (decision.reading) io.err(`totp-kit: ${clockMessage(decision.reading)}\n`);
  if (decision.unreadable !== undefined) {
    io.err(`totp-kit: warning: ${decision.unreadable}; codes use this machine's clock\n`);
  }
  return decision;
}

/**
 * Parses `--min-remaining` (the default is applied by commander): whole seconds; a problem otherwise.
 * Whether it is below the key's period is checked once the key is known.
 */
export function minRemainingProblem(value: unknown): Problem | undefined {
  if (parseWholeNumber(value) !== undefined) return undefined;
  const negative = String(value).trim().startsWith('-');
  return {
    setting: '--min-remaining',
    problem: `${quote(value)} ${negative ? 'is negative' : 'is not a whole number of seconds'}`,
    allowed: 'whole seconds below the period',
  };
}
