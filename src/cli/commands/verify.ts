/** `totp-kit verify`: check a code statelessly (exit 0 valid, 1 invalid). */
import type { Command } from 'commander';
import { badInput, type Problem } from '../../core/errors.js';
import { parseUnixSeconds, unixSecondsProblem } from '../../core/time.js';
import { normalizeCode, type Verification, verifyCode } from '../../core/totp.js';
import type { RemoteCodeSource } from '../../sources/index.js';
import type { Io } from '../io.js';
import { addSeedOptions, printWarnings, readKey, type SeedFlags } from '../seed-options.js';

interface VerifyFlags extends SeedFlags {
  readonly code?: string;
  readonly skew?: string;
  readonly at?: string;
}

/** A remote backend's verdict, for a well-formed code (a malformed one is invalid without asking). */
async function verifyRemotely(remote: RemoteCodeSource, input: string, digits: number): Promise<Verification> {
  const code = normalizeCode(input) ?? '';
  if (code.length !== digits || !/^[0-9]+$/.test(code)) return { valid: false, code };
  return { valid: (await remote.validate(code)).valid, code };
}

/** Registers `verify` on the program. */
export function registerVerify(program: Command, io: Io, result: (code: number) => void): void {
  addSeedOptions(program.command('verify').description('check a code against a key (exit 0 valid, 1 invalid)'))
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
      const { key, settings, warnings } = await readKey(flags, io, {
        settings: { skew: flags.skew },
        problems,
        ...(store !== undefined ? { store } : {}),
      });
      const at = flags.at !== undefined ? parseUnixSeconds(flags.at, '--at') : io.now();
      if (key.remote && (flags.at !== undefined || flags.skew !== '1')) {
        throw badInput(
          flags.at !== undefined ? '--at' : '--skew',
          `cannot be used with ${key.remote.reference}: its backend checks the code with its own clock and skew`,
          'leave it out',
        );
      }
      printWarnings(warnings, io);
      const outcome: Verification = key.remote
        ? await verifyRemotely(key.remote, flags.code ?? '', key.digits)
        : verifyCode(key, flags.code, { at, skew: settings.skew ?? 1 });
      const wellFormed = outcome.code !== undefined && new RegExp(`^[0-9]{${key.digits}}$`).test(outcome.code);
      if (json) {
        const reason = outcome.valid ? {} : { reason: wellFormed ? 'no-match' : 'malformed' };
        io.out(
          `${JSON.stringify({ valid: outcome.valid, ...reason, ...(outcome.valid ? { delta: outcome.delta } : {}) })}\n`,
        );
      } else {
        io.out(outcome.valid ? 'valid\n' : 'invalid\n');
        if (!wellFormed) io.err(`totp-kit: the code must be ${key.digits} digits 0-9 (spaces are ignored)\n`);
      }
      result(outcome.valid ? 0 : 1);
    });
}
