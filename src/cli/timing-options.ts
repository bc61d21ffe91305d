/**
 * The flags that decide which code is handed out and when (`code`, `exec`, `verify`, `check`): the
 * clock (`--clock-source URL`, `--time-offset S`), how long a code must last (`--min-remaining S`) and
 * one step per caller (`--lease`, with the store).
 */
import type { Command } from 'commander';
import { type ClockDecision, clockMessage, clockRequestProblems, decideClock, signed } from '../core/clock.js';
import { type Problem, quote } from '../core/errors.js';
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

/**
 * Masks a value in the GitHub Actions log (`::add-mask::` on stderr, which the runner reads as it reads
 * stdout, so `$(totp-kit code …)` captures the code alone). Nothing happens outside Actions.
 */
export function maskInActions(value: string, io: Io): void {
  if (io.env.GITHUB_ACTIONS === 'true' && value !== '') io.err(`::add-mask::${value}\n`);
}
