/** `totp-kit verify`: check a code statelessly (exit 0 valid, 1 invalid). */
import type { Command } from 'commander';
import { badInput, type Problem } from '../../core/errors.js';
import { DEFAULTS } from '../../core/settings.js';
import { refusalMessage, verifyWithKey } from '../../resources/verdicts.js';
import type { Io } from '../io.js';
import { addSeedOptions, loadKeyFromFlags, printWarnings, type SeedFlags, withDefault } from '../seed-options.js';
import {
  AT_FLAGS,
  addClockOptions,
  atHelp,
  atValueProblem,
  type ClockFlags,
  chooseClock,
  clockProblems,
  parseAt,
} from '../timing-options.js';

interface VerifyFlags extends SeedFlags, ClockFlags {
  readonly code?: string;
  readonly skew?: string;
  readonly at?: string;
}

/** Registers `verify` on the program. */
export function registerVerify(program: Command, io: Io, result: (code?: number) => void): void {
  addClockOptions(
    addSeedOptions(program.command('verify').description('check a code against a key (exit 0 valid, 1 invalid)')),
  )
    .requiredOption('--code <code>', 'the code to check (spaces are ignored)')
    .option('--skew <steps>', withDefault('accept codes this many time steps either side: 0 or 1', DEFAULTS.skew))
    .option(AT_FLAGS, atHelp('check at this time instead of now'))
    .action(async (flags: VerifyFlags, command: Command) => {
      const globals = command.optsWithGlobals();
      const json = globals.json === true;
      const store = globals.store as string | undefined;
      const problems: Problem[] = [];
      if (flags.code === undefined || flags.code.trim() === '') {
        problems.push({ setting: '--code', problem: 'is empty', allowed: 'the code to check' });
      }
      const atProblem = flags.at !== undefined ? atValueProblem(flags.at) : undefined;
      if (atProblem) problems.push(atProblem);
      problems.push(...clockProblems(flags, flags.at));
      const { key, settings, warnings } = await loadKeyFromFlags(flags, io, {
        settings: { skew: flags.skew },
        problems,
        ...(store !== undefined ? { store } : {}),
      });
      if (key.remote && (flags.at !== undefined || flags.skew !== undefined)) {
        throw badInput(
          flags.at !== undefined ? '--at' : '--skew',
          `cannot be used with ${key.remote.reference}: its backend checks the code with its own clock and skew`,
          'leave it out',
        );
      }
      printWarnings(warnings, io);
      const clock = flags.at !== undefined ? { offset: 0 } : await chooseClock(flags, key, io);
      const at = flags.at !== undefined ? parseAt(flags.at) : io.now() + clock.offset;
      const outcome = await verifyWithKey(key, flags.code, { at, skew: settings.skew ?? DEFAULTS.skew });
      if (json) {
        // The library's words (`invalid`, `malformed`, `used`), as `key verify` and `method verify` print them.
        const reason = outcome.valid ? {} : { reason: outcome.reason ?? 'invalid' };
        const delta = outcome.delta !== undefined ? { delta: outcome.delta } : {};
        io.out(`${JSON.stringify({ valid: outcome.valid, ...reason, ...delta })}\n`);
      } else {
        io.out(outcome.valid ? 'valid\n' : 'invalid\n');
        // A wrong code gets no reason (nothing to act on); a malformed or reused one does.
        if (outcome.reason === 'malformed' || outcome.reason === 'used') {
          io.err(`totp-kit: ${refusalMessage(outcome, key.digits)}\n`);
        }
      }
      result(outcome.valid ? 0 : 1);
    });
}
