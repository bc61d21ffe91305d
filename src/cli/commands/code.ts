/** `totp-kit code`: print the current code, waiting for the next one when too little time is left. */
import type { Command } from 'commander';
import { badInput, type Problem, quote } from '../../core/errors.js';
import { parseWholeNumber } from '../../core/settings.js';
import {
  expiresAt,
  parseUnixSeconds,
  planFreshCode,
  remainingSeconds,
  tenths,
  unixSecondsProblem,
  waitUntilCurrent,
} from '../../core/time.js';
import { generateCode } from '../../core/totp.js';
import type { Io } from '../io.js';
import { addSeedOptions, printWarnings, readKey, type SeedFlags } from '../seed-options.js';

/** The flags of `code`. */
export interface CodeFlags extends SeedFlags {
  readonly at?: string;
  readonly minRemaining?: string;
}

/** Registers `code` on the program. */
export function registerCode(program: Command, io: Io, result: (code: number) => void): void {
  addSeedOptions(program.command('code').description('print the current code of a key'))
    .option('--at <unix-seconds>', 'compute the code at this time instead of now')
    .option('--min-remaining <seconds>', 'if the code expires sooner than this, wait for the next one', '0')
    .addHelpText(
      'after',
      '\nExamples:\n  TOTP_SEED=… totp-kit code --from env:TOTP_SEED\n  npm publish --otp "$(totp-kit code --from file:/run/secrets/npm-otp --min-remaining 5)"',
    )
    .action(async (flags: CodeFlags, command: Command) => {
      const globals = command.optsWithGlobals();
      await printCode(flags, io, globals.json === true, globals.store as string | undefined);
      result(0);
    });
}

/**
 * Prints the code the seed flags describe (shared by `code` and `key code`): every flag problem at once,
 * then the code, after waiting for the next step when fewer than --min-remaining seconds are left.
 */
export async function printCode(flags: CodeFlags, io: Io, json: boolean, store: string | undefined): Promise<void> {
  const problems: Problem[] = [];
  const minRemaining = parseWholeNumber(flags.minRemaining);
  if (minRemaining === undefined) {
    const negative = String(flags.minRemaining).trim().startsWith('-');
    problems.push({
      setting: '--min-remaining',
      problem: `${quote(flags.minRemaining)} ${negative ? 'is negative' : 'is not a whole number of seconds'}`,
      allowed: 'whole seconds below the period',
    });
  }
  const atProblem = flags.at !== undefined ? unixSecondsProblem(flags.at, '--at') : undefined;
  if (atProblem) problems.push(atProblem);
  const { key, warnings } = await readKey(flags, io, { problems, ...(store !== undefined ? { store } : {}) });
  const fixed = flags.at !== undefined ? parseUnixSeconds(flags.at, '--at') : undefined;
  if (fixed !== undefined && key.remote) {
    throw badInput(
      '--at',
      `cannot be used with ${key.remote.reference}: its backend computes the code for now`,
      'leave --at out',
    );
  }
  let t = fixed ?? io.now();
  const plan = planFreshCode(t, key.period, minRemaining as number, '--min-remaining');
  printWarnings(warnings, io);
  if (plan.waitSeconds > 0 && fixed === undefined) {
    const left = tenths(key.period - (t % key.period));
    io.err(
      `totp-kit: the current code expires in ${left} s (< --min-remaining ${minRemaining}); waiting ${tenths(plan.waitSeconds)} s for the next one\n`,
    );
    await waitUntilCurrent(plan);
    t = Math.max(io.now(), plan.at);
  } else {
    t = plan.at;
  }
  const code = key.remote ? await key.remote.code() : generateCode(key, t);
  if (json) {
    const result = {
      code,
      period: key.period,
      digits: key.digits,
      algorithm: key.algorithm,
      remaining: remainingSeconds(t, key.period),
      expiresAt: new Date(expiresAt(t, key.period) * 1000).toISOString(),
    };
    io.out(`${JSON.stringify(result)}\n`);
  } else {
    io.out(`${code}\n`);
  }
}
