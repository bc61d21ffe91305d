/**
 * The CLI's program: commander parses, each command calls the core, and one failure path turns every
 * error into one line per problem on stderr and the exit code of PRODUCT.md. Stack traces only with
 * `--debug` (or TOTP_KIT_DEBUG=1).
 */
import { Command, CommanderError } from 'commander';
import { EXIT_CODES, errorMessage, TotpKitError } from '../core/errors.js';
import { registerCheck } from './commands/check.js';
import { registerCode } from './commands/code.js';
import { registerDeclarations } from './commands/declare.js';
import { registerDemo } from './commands/demo.js';
import { registerExec } from './commands/exec.js';
import { registerKey } from './commands/key.js';
import { registerMethod } from './commands/method.js';
import { registerVerify } from './commands/verify.js';
import type { Io } from './io.js';

/** The package version, put in by the bundler (and by the test config), so no package.json is bundled. */
declare const __TOTP_KIT_VERSION__: string;
const VERSION = typeof __TOTP_KIT_VERSION__ === 'string' ? __TOTP_KIT_VERSION__ : '0.0.0-dev';

/** Commander's refusals that quote what the user typed. */
const USER_TOKEN_ERRORS = new Set(['commander.unknownCommand', 'commander.unknownOption']);

/** Commander's outcomes that are not failures. */
const COMMANDER_OK = new Set(['commander.helpDisplayed', 'commander.help', 'commander.version']);

function buildProgram(io: Io, result: (code: number) => void, argv: readonly string[]): Command {
  const program = new Command('totp-kit')
    .description('One-time passwords for automation: codes, verification and provisioned TOTP keys.')
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--json', 'print one JSON object instead of text')
    .option(
      '--store <ref>',
      'the store: file:PATH or aws-sm:PREFIX (default: $TOTP_KIT_STORE, else file:./.totp-kit/store.json)',
    )
    .option('--debug', 'print stack traces of failures')
    .exitOverride()
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => {},
    });
  registerCode(program, io, result);
  registerVerify(program, io, result);
  registerExec(program, io, result, argv);
  registerCheck(program, io, result);
  registerKey(program, io, result);
  registerMethod(program, io, result);
  registerDeclarations(program, io, result);
  registerDemo(program, io, result);
  program.addHelpText(
    'after',
    '\nExit codes: 0 done or valid, 1 invalid or refused code, 2 bad input, 3 backend failure.\nSeeds on the command line show in `ps`: prefer --from env:NAME or --from file:PATH.',
  );
  return program;
}

function reportFailure(e: unknown, io: Io, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Help asked for is success; help shown because a subcommand is missing (`totp-kit key`) is not.
    if (COMMANDER_OK.has(e.code)) return e.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES['bad-input'];
    let message = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    if (USER_TOKEN_ERRORS.has(e.code)) {
      // An unknown command or option may be a seed typed in the wrong place: quote only what is too
      // short to be part of one.
      message = message.replace(/'([^']*)'/, (quoted, token: string) =>
        token.replace(/^-+/, '').length <= 7 ? quoted : '(not printed: it could be a seed)',
      );
    }
    io.err(`totp-kit: ${message} (see totp-kit --help)\n`);
    return EXIT_CODES['bad-input'];
  }
  if (e instanceof TotpKitError) {
    for (const line of e.message.split('\n')) io.err(`totp-kit: ${line}\n`);
    if (debug && e.stack) io.err(`${e.stack}\n`);
    return EXIT_CODES[e.kind];
  }
  io.err(
    `totp-kit: unexpected failure: ${errorMessage(e).split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
  return EXIT_CODES.backend;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    argv,
  );
  const debug = argv.includes('--debug') || io.env.TOTP_KIT_DEBUG === '1';
  try {
    if (argv.length === 0) {
      io.err(program.helpInformation());
      return EXIT_CODES['bad-input'];
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    return reportFailure(e, io, debug);
  }
}
