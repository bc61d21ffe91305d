/**
 * The CLI's program: commander parses, each command calls the core, and one failure path turns every
 * error into one line per problem on stderr — or, with `--json`, one JSON object on stdout — and the exit code
 * of docs/cli.md "Exit codes". Stack traces only with `--debug` (or TOTP_KIT_DEBUG=1).
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { ErrorCode } from '../core/error-codes.js';
import {
  type ErrorKind,
  EXIT_CODES,
  errorMessage,
  formatProblem,
  isSafeToPrint,
  type Problem,
  TotpKitError,
} from '../core/errors.js';
import { registerCheck } from './commands/check.js';
import { registerCode } from './commands/code.js';
import { registerDeclarations } from './commands/declare.js';
import { registerDemo } from './commands/demo.js';
import { registerExec } from './commands/exec.js';
import { registerKey } from './commands/key.js';
import { registerMethod } from './commands/method.js';
import { registerVerify } from './commands/verify.js';
import { registerCompletion } from './completion.js';
import { type Io, isBrokenPipe } from './io.js';
import { flagOf, withDefault } from './seed-options.js';

/** The package version, put in by the bundler (and by the test config), so no package.json is bundled. */
declare const __TOTP_KIT_VERSION__: string;
const VERSION = typeof __TOTP_KIT_VERSION__ === 'string' ? __TOTP_KIT_VERSION__ : '0.0.0-dev';

/** Commander's refusals that quote what the user typed. */
const USER_TOKEN_ERRORS = new Set(['commander.unknownCommand', 'commander.unknownOption']);

/** Commander's outcomes that are not failures. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

/** The code of a failure as `--json` prints it: a TotpKitError's, or `E_UNEXPECTED` for anything else. */
export type FailureCode = ErrorCode | 'E_UNEXPECTED';

/**
 * A failure as `--json` prints it: `{"error": {code, kind, message, problems}}` on stdout, the same exit code as
 * without `--json`, nothing of it on stderr. `code` is one of ERROR_CODES (`E_BAD_INPUT` for commander's own
 * refusals, `E_UNEXPECTED` for a failure totp-kit did not foresee); `message` is what the text lines say, without
 * `totp-kit: `, one line per problem; `problems` lists each problem with the flag or input it is about.
 */
export interface JsonFailure {
  readonly error: {
    readonly code: FailureCode;
    readonly kind: ErrorKind;
    readonly message: string;
    readonly problems: readonly Problem[];
  };
}

/** What one run needs to report a failure: the output mode, and the command whose help a refusal printed. */
interface RunState {
  readonly json: boolean;
  readonly debug: boolean;
  /** The command that refused for want of a subcommand (`totp-kit key`), when one did. */
  helpRefusal?: Command;
}

/**
 * True when the run asked for JSON: `--json` before any `--` (after it come `exec`'s command and its own
 * flags). Read from argv rather than from commander, so refusals made before or while parsing are JSON too.
 */
export function wantsJsonOutput(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** Help lines in one form: a default commander applies is stated the way `withDefault` states every other. */
function optionDescription(this: Help, option: Option): string {
  const applied = option.defaultValue !== undefined && (option.required || option.optional);
  if (!applied) return Help.prototype.optionDescription.call(this, option);
  const rest = Object.create(option, { defaultValue: { value: undefined } }) as Option;
  const shown = option.defaultValueDescription ?? String(option.defaultValue);
  return withDefault(Help.prototype.optionDescription.call(this, rest), shown);
}

function buildProgram(io: Io, result: (code?: number) => void, argv: readonly string[], state: RunState): Command {
  const program = new Command('totp-kit')
    .description('One-time passwords for automation: codes, verification and provisioned TOTP keys.')
    .version(VERSION, '-v, --version', 'print the version (also -V)')
    .addOption(new Option('-V').hideHelp())
    .helpOption('-h, --help', 'show help')
    .option('--json', 'print one JSON object instead of text, also for a failure')
    .option(
      '--store <ref>',
      withDefault(
        'the store: file:PATH, aws-sm:PREFIX or postgres:VAR (VAR holds the connection URL)',
        '$TOTP_KIT_STORE',
        'else file:./.totp-kit/store.json',
      ),
    )
    .option('--debug', 'print stack traces of failures')
    .exitOverride()
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true, optionDescription })
    .configureOutput({
      writeOut: (s) => io.out(s),
      // Under --json the refusal is the JSON object: help printed for want of a subcommand is left out.
      writeErr: (s) => {
        if (!state.json) io.err(s);
      },
      outputError: () => {},
    });
  program.on('option:V', () => {
    io.out(`${VERSION}\n`);
    throw new CommanderError(0, 'commander.version', VERSION);
  });
  // Commander shows help as a refusal when a command needs a subcommand; which one is only known here.
  program.on('beforeAllHelp', (context: { error: boolean; command: Command }) => {
    if (context.error) state.helpRefusal = context.command;
  });
  registerCode(program, io, result);
  registerVerify(program, io, result);
  registerExec(program, io, result, argv);
  registerCheck(program, io, result);
  registerKey(program, io, result);
  registerMethod(program, io, result);
  registerDeclarations(program, io, result);
  registerDemo(program, io, result);
  registerCompletion(program, io, result);
  program.addHelpText(
    'after',
    '\nExit codes: 0 done or valid, 1 invalid or refused code, 2 bad input, 3 backend failure.\nSeeds on the command line show in `ps`: prefer --from env:NAME or --from file:PATH.',
  );
  return program;
}

/** A failure, decided once and then printed as text or JSON. */
interface Failure {
  readonly exitCode: number;
  /** Nothing more to print (help or version asked for, or help already printed as the refusal). */
  readonly printed?: boolean;
  readonly code: FailureCode;
  readonly kind: ErrorKind;
  readonly lines: readonly string[];
  readonly problems: readonly Problem[];
  readonly stack?: string | undefined;
}

/** The full name of a command: `totp-kit key`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * The problems of an error as the CLI names them: a core setting under its flag (`digits` as `--digits`),
 * taken from the message line that printed it when there is one line per problem, so JSON and text agree.
 */
function shownProblems(e: TotpKitError, lines: readonly string[]): Problem[] {
  return e.problems.map((p, i) => {
    const suffix = formatProblem(p, '');
    const line = lines.length === e.problems.length ? lines[i] : undefined;
    const setting =
      line?.endsWith(suffix) && line.length > suffix.length ? line.slice(0, -suffix.length) : flagOf(p.setting);
    return p.allowed === undefined
      ? { setting, problem: p.problem }
      : { setting, problem: p.problem, allowed: p.allowed };
  });
}

function describeFailure(e: unknown, state: RunState): Failure {
  const badInput = { exitCode: EXIT_CODES['bad-input'], kind: 'bad-input', code: 'E_BAD_INPUT' } as const;
  if (e instanceof CommanderError) {
    // Help asked for is success; help shown because a subcommand is missing (`totp-kit key`) is not.
    if (COMMANDER_OK.has(e.code)) {
      if (e.exitCode === 0) return { ...badInput, exitCode: EXIT_CODES.ok, printed: true, lines: [], problems: [] };
      const command = state.helpRefusal;
      const names = command ? command.commands.map((c) => c.name()) : [];
      const problem: Problem = {
        setting: 'command',
        problem: `none given after ${command ? commandPath(command) : 'totp-kit'}`,
        allowed: names.join(', '),
      };
      return { ...badInput, printed: !state.json, lines: [formatProblem(problem)], problems: [problem] };
    }
    let message = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    if (USER_TOKEN_ERRORS.has(e.code)) {
      // An unknown command or option may be a seed typed in the wrong place: quote only what is too
      // short to be part of one.
      message = message.replace(/'([^']*)'/, (quoted, token: string) =>
        isSafeToPrint(token.replace(/^-+/, '')) ? quoted : '(not printed: it could be a seed)',
      );
    }
    return { ...badInput, lines: [`${message} (see totp-kit --help)`], problems: [] };
  }
  if (e instanceof TotpKitError) {
    const lines = e.message.split('\n');
    return {
      exitCode: EXIT_CODES[e.kind],
      code: e.code,
      kind: e.kind,
      lines,
      problems: shownProblems(e, lines),
      stack: e.stack,
    };
  }
  return {
    exitCode: EXIT_CODES.backend,
    code: 'E_UNEXPECTED',
    kind: 'backend',
    lines: [
      `unexpected failure: ${errorMessage(e).split('\n')[0]}${state.debug ? '' : ' (run with --debug for details)'}`,
    ],
    problems: [],
    stack: e instanceof Error ? e.stack : undefined,
  };
}

/** The one failure path: prints the failure (text on stderr, or JSON on stdout) and returns the exit code. */
function reportFailure(e: unknown, io: Io, state: RunState): number {
  const failure = describeFailure(e, state);
  if (failure.printed) return failure.exitCode;
  try {
    if (state.json) {
      const { code, kind, lines, problems } = failure;
      const json: JsonFailure = { error: { code, kind, message: lines.join('\n'), problems } };
      io.out(`${JSON.stringify(json)}\n`);
    } else {
      for (const line of failure.lines) io.err(`totp-kit: ${line}\n`);
    }
    if (state.debug && failure.stack) io.err(`${failure.stack}\n`);
  } catch (printing) {
    // The reader went away before the refusal could be written: the exit code still says it.
    if (!isBrokenPipe(printing)) throw printing;
  }
  return failure.exitCode;
}

/** The program `main` runs, with every command, for what reads the command tree (help, completion). */
export function createProgram(io: Io): Command {
  return buildProgram(io, () => {}, [], { json: false, debug: false });
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const state: RunState = {
    json: wantsJsonOutput(argv),
    debug: argv.includes('--debug') || io.env.TOTP_KIT_DEBUG === '1',
  };
  const program = buildProgram(
    io,
    (code = EXIT_CODES.ok) => {
      exitCode = code;
    },
    argv,
    state,
  );
  try {
    if (argv.length === 0) {
      io.err(program.helpInformation());
      return EXIT_CODES['bad-input'];
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    // The reader of stdout went away (`totp-kit … | head -1`): it has what it wanted; end quietly.
    if (isBrokenPipe(e)) return exitCode;
    return reportFailure(e, io, state);
  }
}
