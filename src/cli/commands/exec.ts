/**
 * `totp-kit exec [seed flags] [--min-remaining S] [--retries N] [--retry-on REGEX] [--lease] -- CMD ARGS…`:
 * runs CMD with a fresh code in place of every `{code}` in its arguments and in TOTP_CODE, and when it
 * fails in a way that calls for a new code, runs it again with a code of a later step than any used.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { badInput, isSafeToPrint, type Problem, quote } from '../../core/errors.js';
import { parseWholeNumber } from '../../core/settings.js';
import { assertMinRemaining } from '../../core/time.js';
import { freshCode } from '../../resources/fresh-code.js';
import type { Io } from '../io.js';
import { maskInActions } from '../output.js';
import { leaseStore } from '../print-code.js';
import { runCommand } from '../run-command.js';
import { addSeedOptions, loadKeyFromFlags, printWarnings, type SeedFlags, withDefault } from '../seed-options.js';
import {
  addClockOptions,
  type ClockFlags,
  chooseClock,
  clockProblems,
  minRemainingProblem,
} from '../timing-options.js';

/** The default of --min-remaining for exec: a command may take a few seconds to send the code. */
export const EXEC_MIN_REMAINING = 5;
/** The most retries allowed: each may wait a whole period. */
export const MAX_RETRIES = 10;
/** Where the code goes in the command's arguments. */
export const CODE_PLACEHOLDER = '{code}';

/** The flags of `exec`. */
export interface ExecFlags extends SeedFlags, ClockFlags {
  readonly minRemaining?: string;
  readonly retries?: string;
  readonly retryOn?: string;
  readonly lease?: boolean;
}

/** Registers `exec` on the program; `argv` is what the CLI was given (to see the `--`). */
export function registerExec(program: Command, io: Io, result: (code?: number) => void, argv: readonly string[]): void {
  addClockOptions(
    addSeedOptions(
      program
        .command('exec')
        .description(
          'run a command with a fresh code: {code} in its arguments and TOTP_CODE in its environment; retry with a new code when it fails',
        )
        .usage('[options] -- <command> [args...]')
        .argument('<command...>', 'the command and its arguments, after --'),
    ),
  )
    .option(
      '--min-remaining <seconds>',
      withDefault(
        'if the code expires sooner than this, wait for the next one',
        EXEC_MIN_REMAINING,
        'or the period - 1 when shorter',
      ),
    )
    .option(
      '--retries <n>',
      `run the command again up to N times with a new code when it fails, 0 to ${MAX_RETRIES}`,
      '0',
    )
    .option(
      '--retry-on <regex>',
      'retry only when the failed command\'s output matches this regular expression (case-insensitive), e.g. "EOTP|one-time password"',
    )
    .option('--lease', 'use only time steps no other caller got for this key (recorded in the store)')
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText(
      'after',
      [
        '',
        'The command runs without a shell (so no quoting surprises, on Windows too); its output is passed',
        "through as it comes and its exit code becomes totp-kit's. A retry always uses a code of a later",
        "time step than any code already used. The seed's variable (--from env:NAME) is removed from the",
        "command's environment. In GitHub Actions the code is masked in the log.",
        '',
        'Examples:',
        '  totp-kit exec --from env:NPM_TOTP --retries 2 --retry-on "EOTP|one-time password" -- npm publish --otp {code}',
        '  totp-kit exec --from aws-sm:ci/steam --encoder steam -- steamcmd +login builder "$PASS" {code} +quit',
      ].join('\n'),
    )
    .action(async (commandLine: string[], flags: ExecFlags, command: Command) => {
      result(await execute(commandLine, flags, io, command.optsWithGlobals().store as string | undefined, argv));
    });
}

/** Every flag problem of `exec`, before any I/O. */
function execProblems(flags: ExecFlags, argv: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (!argv.includes('--')) {
    problems.push({
      setting: 'command',
      problem: "must come after -- (so its own options are not read as totp-kit's)",
      allowed: 'totp-kit exec [options] -- CMD ARGS…',
    });
  }
  if (flags.minRemaining !== undefined) {
    const problem = minRemainingProblem(flags.minRemaining);
    if (problem) problems.push(problem);
  }
  const retries = parseWholeNumber(flags.retries ?? '0');
  if (retries === undefined || retries > MAX_RETRIES) {
    problems.push({
      setting: '--retries',
      problem: `${quote(flags.retries)} ${retries === undefined ? 'is not a whole number' : 'is too many'}`,
      allowed: `0 to ${MAX_RETRIES}`,
    });
  }
  if (flags.retryOn !== undefined) {
    try {
      new RegExp(flags.retryOn, 'i');
    } catch {
      problems.push({
        setting: '--retry-on',
        problem: `${quote(flags.retryOn)} is not a valid regular expression`,
        allowed: 'a JavaScript regular expression, e.g. "EOTP|one-time password"',
      });
    }
  }
  problems.push(...clockProblems(flags));
  return problems;
}

/** The command as messages name it: its file name, unless that could be a seed typed in the wrong place. */
function commandName(program: string): string {
  const name = basename(program.replaceAll('\\', '/'));
  return isSafeToPrint(name, 'name') ? JSON.stringify(name) : 'the command';
}

/** The command's environment: ours, without the seed's variable, with TOTP_CODE. */
function childEnv(io: Io, flags: ExecFlags, code: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...io.env, TOTP_CODE: code };
  const seedVariable = flags.from?.trim().match(/^env:([^#]+)/)?.[1];
  if (seedVariable !== undefined) delete env[seedVariable];
  return env;
}

async function execute(
  commandLine: readonly string[],
  flags: ExecFlags,
  io: Io,
  store: string | undefined,
  argv: readonly string[],
): Promise<number> {
  const problems = execProblems(flags, argv);
  const { key, warnings } = await loadKeyFromFlags(flags, io, { problems, ...(store !== undefined ? { store } : {}) });
  const [program, ...args] = commandLine;
  if (program === undefined || program === '')
    throw badInput('command', 'is empty', 'totp-kit exec [options] -- CMD ARGS…');
  const minRemaining =
    flags.minRemaining !== undefined
      ? (parseWholeNumber(flags.minRemaining) as number)
      : Math.min(EXEC_MIN_REMAINING, key.period - 1);
  const name = commandName(program);
  const retries = parseWholeNumber(flags.retries ?? '0') as number;
  const retryOn = flags.retryOn !== undefined ? new RegExp(flags.retryOn, 'i') : undefined;
  assertMinRemaining(minRemaining, key.period, '--min-remaining');
  printWarnings(warnings, io);
  const clock = await chooseClock(flags, key, io);
  const lease = flags.lease === true ? await leaseStore(store, io) : undefined;
  const attempts = retries + 1;
  let usedStep: number | undefined;
  for (let attempt = 1; ; attempt++) {
    const issued = await freshCode(key, {
      minRemaining,
      minRemainingLabel: '--min-remaining',
      offset: clock.offset,
      ...(usedStep !== undefined ? { afterStep: usedStep } : {}),
      ...(lease ? { lease, leaseLabel: '--lease' } : {}),
      now: io.now,
      ...(io.sleep ? { wait: io.sleep } : {}),
      onWait: (message) => io.err(`totp-kit: ${message}\n`),
    });
    usedStep = issued.step;
    maskInActions(issued.code, io);
    const outcome = await runCommand(
      program,
      args.map((arg) => arg.replaceAll(CODE_PLACEHOLDER, issued.code)),
      childEnv(io, flags, issued.code),
      io,
    );
    if (outcome.startError !== undefined) {
      io.err(`totp-kit: exec: ${name}: ${outcome.startError}\n`);
      return outcome.exitCode;
    }
    if (outcome.exitCode === 0) return 0;
    const ended = outcome.signal ? `was ended by ${outcome.signal}` : `exited with ${outcome.exitCode}`;
    if (outcome.signal === 'SIGINT' || attempt >= attempts) {
      if (attempts > 1) io.err(`totp-kit: exec: ${name} ${ended} (attempt ${attempt} of ${attempts})\n`);
      return outcome.exitCode;
    }
    if (retryOn && !retryOn.test(outcome.tail)) {
      io.err(`totp-kit: exec: ${name} ${ended}; its output does not match --retry-on, so no retry\n`);
      return outcome.exitCode;
    }
    io.err(
      `totp-kit: exec: ${name} ${ended}${retryOn ? ' and its output matches --retry-on' : ''}; retrying with a new code (attempt ${attempt + 1} of ${attempts})\n`,
    );
  }
}
