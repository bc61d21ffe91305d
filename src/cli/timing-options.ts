/**
 * The flags that decide which code is handed out and when (`code`, `exec`, `verify`, `check`): the
 * clock (`--clock-source URL`, `--time-offset S`), how long a code must last (`--min-remaining S`) and
 * one step per caller (`--lease`, with the store).
 */
import type { Command } from 'commander';
import { type ClockReading, clockMessage, clockSourceProblem, readClock, timeOffsetProblem } from '../core/clock.js';
import { badInput, type Problem, quote, TotpKitError } from '../core/errors.js';
import { parseWholeNumber } from '../core/settings.js';
import type { ResolvedKey } from '../sources/load-key.js';
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

/** Problems with the clock flags, found before any I/O. */
export function clockProblems(flags: ClockFlags): Problem[] {
  const problems: Problem[] = [];
  if (flags.clockSource !== undefined && flags.timeOffset !== undefined) {
    problems.push({
      setting: '--clock-source',
      problem: 'and --time-offset were both given',
      allowed: 'one of them: measure the offset, or state it',
    });
  }
  if (flags.clockSource !== undefined) {
    const problem = clockSourceProblem(flags.clockSource, '--clock-source');
    if (problem) problems.push(problem);
  }
  if (flags.timeOffset !== undefined) {
    const problem = timeOffsetProblem(flags.timeOffset, '--time-offset');
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The clock to compute codes with. */
export interface ClockChoice {
  /** Seconds added to this machine's clock (0 when none is applied). */
  readonly offset: number;
  /** The clock source's reading, when one was asked for and answered. */
  readonly reading?: ClockReading;
}

/**
 * Decides the offset: stated by `--time-offset`, or measured from `--clock-source` and applied when
 * more than 2 s. A clock source that cannot be read is a warning (codes then use this machine's clock),
 * not a failure: the code may well be accepted anyway. Refused for a key whose backend computes codes.
 */
export async function chooseClock(flags: ClockFlags, key: ResolvedKey, io: Io): Promise<ClockChoice> {
  if (flags.clockSource === undefined && flags.timeOffset === undefined) return { offset: 0 };
  if (key.remote) {
    throw badInput(
      flags.clockSource !== undefined ? '--clock-source' : '--time-offset',
      `cannot be used with ${key.remote.reference}: its backend computes the code with its own clock`,
      'leave it out',
    );
  }
  if (flags.timeOffset !== undefined) {
    const offset = Number(flags.timeOffset.trim());
    io.err(`totp-kit: clock: --time-offset ${offset >= 0 ? '+' : ''}${offset} s applied to this machine's clock\n`);
    return { offset };
  }
  try {
    const reading = await readClock(flags.clockSource as string, '--clock-source', { now: io.now });
    io.err(`totp-kit: ${clockMessage(reading)}\n`);
    return { offset: reading.applied ? reading.offset : 0, reading };
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== 'E_CLOCK_SOURCE') throw e;
    io.err(`totp-kit: warning: ${e.message}; codes use this machine's clock\n`);
    return { offset: 0 };
  }
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

/** True when running as a step of a GitHub Actions job: codes are then masked in the log. */
export function inGitHubActions(io: Io): boolean {
  return io.env.GITHUB_ACTIONS === 'true';
}

/**
 * Masks a value in the GitHub Actions log (`::add-mask::` on stderr, which the runner reads as it reads
 * stdout, so `$(totp-kit code …)` captures the code alone). Nothing happens outside Actions.
 */
export function maskInActions(value: string, io: Io): void {
  if (inGitHubActions(io) && value !== '') io.err(`::add-mask::${value}\n`);
}
