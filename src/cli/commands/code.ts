/** `totp-kit code`: print the current code, waiting for the next one when too little time is left. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { type CodeFlags, printCode } from '../print-code.js';
import { addSeedOptions } from '../seed-options.js';
import { AT_FLAGS, addClockOptions, atHelp } from '../timing-options.js';

/** Registers `code` on the program. */
export function registerCode(program: Command, io: Io, result: (code?: number) => void): void {
  addClockOptions(addSeedOptions(program.command('code').description('print the current code of a key')))
    .option(AT_FLAGS, atHelp('compute the code at this time instead of now'))
    .option('--min-remaining <seconds>', 'if the code expires sooner than this, wait for the next one', '0')
    .option(
      '--lease',
      'hand out a time step no other caller got for this key (recorded in the store), so parallel jobs never send one code twice',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  TOTP_SEED=… totp-kit code --from env:TOTP_SEED\n  npm publish --otp "$(totp-kit code --from file:/run/secrets/npm-otp --min-remaining 5)"\n  totp-kit code --from env:TOTP_SEED --clock-source https://registry.npmjs.org --lease --store aws-sm:ci/totp',
    )
    .action(async (flags: CodeFlags, command: Command) => {
      const globals = command.optsWithGlobals();
      await printCode(flags, io, globals.json === true, globals.store as string | undefined);
      result();
    });
}
