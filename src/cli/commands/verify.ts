/** `totp-kit verify`: check a code statelessly (exit 0 valid, 1 invalid). */
import type { Command } from 'commander';
import { badInput, type Problem } from '../../core/errors.js';
import { parseUnixSeconds, unixSecondsProblem } from '../../core/time.js';
import { verdictMessage, verifyWithKey } from '../../sources/load-key.js';
import type { Io } from '../io.js';
import { addSeedOptions, printWarnings, readKey, type SeedFlags } from '../seed-options.js';
import { addClockOptions, type ClockFlags, chooseClock, clockProblems } from '../timing-options.js';

interface VerifyFlags extends SeedFlags, ClockFlags {
  readonly code?: string;
  readonly skew?: string;
  readonly at?: string;
}

/** Registers `verify` on the program. */
export function registerVerify(program: Command, io: Io, result: (code: number) => void): void {
  addClockOptions(
    addSeedOptions(program.command('verify').description('check a code against a key (exit 0 valid, 1 invalid)')),
  )
    .requiredOption('--code <code>', 'the code to check (spaces are ignored)')
    .option('--skew <steps>', 'accept codes this many time steps either side: 0 or 1', '1')
    .option('--at <unix-seconds>', 'check at this time instead of now')
    .action(async (flags: VerifyFlags, command: Command) => {
      const globals = command.optsWithGlobals();
      const json = globals.json === true;
      const store = globals.store as string | undefined;
      const problems: Problem[] = [];
      if (flags.code === undefined || flags.code.trim() === '') {
        problems.push({ setting: '--code', problem: 'is empty', allowed: 'the code to check' });
      }
      const atProblem = flags.at !== undefined ? unixSecondsProblem(flags.at, '--at') : undefined;
      if (atProblem) problems.push(atProblem);
      problems.push(...clockProblems(flags, flags.at));
      const { key, settings, warnings } = await readKey(flags, io, {
        settings: { skew: flags.skew },
        problems,
        ...(store !== undefined ? { store } : {}),
      });
      if (key.remote && (flags.at !== undefined || flags.skew !== '1')) {
        throw badInput(
          flags.at !== undefined ? '--at' : '--skew',
          `cannot be used with ${key.remote.reference}: its backend checks the code with its own clock and skew`,
          'leave it out',
        );
      }
      printWarnings(warnings, io);
      const clock = flags.at !== undefined ? { offset: 0 } : await chooseClock(flags, key, io);
      const at = flags.at !== undefined ? parseUnixSeconds(flags.at, '--at') : io.now() + clock.offset;
      const outcome = await verifyWithKey(key, flags.code, { at, skew: settings.skew ?? 1 });
      if (json) {
        const reason = outcome.valid ? {} : { reason: outcome.reason === 'invalid' ? 'no-match' : outcome.reason };
        const delta = outcome.delta !== undefined ? { delta: outcome.delta } : {};
        io.out(`${JSON.stringify({ valid: outcome.valid, ...reason, ...delta })}\n`);
      } else {
        io.out(outcome.valid ? 'valid\n' : 'invalid\n');
        // A wrong code gets no reason (nothing to act on); a malformed or reused one does.
        if (outcome.reason === 'malformed' || outcome.reason === 'used') {
          io.err(`totp-kit: ${verdictMessage(outcome, key.digits)}\n`);
        }
      }
      result(outcome.valid ? 0 : 1);
    });
}
