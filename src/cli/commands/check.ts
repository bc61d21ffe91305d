/**
 * `totp-kit check (seed flags)`: what a person needs to compare a seed with their authenticator app,
 * without the seed: its fingerprint, its settings, and the codes of the previous, current and next steps
 * with their times. A wrong secret matches none; a wrong clock matches a neighbour; wrong settings show.
 */
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import type { Problem } from '../../core/errors.js';
import { codeLength, describeCodes, generateCode } from '../../core/totp.js';
import type { ResolvedKey } from '../../sources/load-key.js';
import type { Io } from '../io.js';
import { maskInActions } from '../output.js';
import { addSeedOptions, loadKeyFromFlags, printWarnings, type SeedFlags } from '../seed-options.js';
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

/** The flags of `check`. */
export interface CheckFlags extends SeedFlags, ClockFlags {
  readonly at?: string;
}

/** The first 8 hex digits of the SHA-256 of the key bytes: tells two seeds apart, reveals nothing usable. */
export function fingerprint(secret: Uint8Array): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 8);
}

/** One step's code with its validity. */
interface StepCode {
  readonly which: 'previous' | 'current' | 'next';
  readonly step: number;
  readonly code: string;
  readonly from: string;
  readonly until: string;
}

/** Registers `check` on the program. */
export function registerCheck(program: Command, io: Io, result: (code?: number) => void): void {
  addClockOptions(
    addSeedOptions(
      program
        .command('check')
        .description(
          "show a seed's fingerprint, settings and the previous, current and next codes, to compare with an authenticator app (never the seed)",
        ),
    ),
  )
    .option(AT_FLAGS, atHelp('show the codes around this time instead of now'))
    .addHelpText(
      'after',
      [
        '',
        "Compare the codes with your authenticator app's current code:",
        '  "current" matches          the seed and settings are right; look at the service or the clock',
        '  "previous" or "next" does  the clocks differ by about a period: try --clock-source URL',
        '  none does                  another secret, or other algorithm/digits/period than the app uses',
        'The fingerprint (SHA-256 of the key bytes, first 8 hex digits) tells whether two places hold the same seed.',
      ].join('\n'),
    )
    .action(async (flags: CheckFlags, command: Command) => {
      const globals = command.optsWithGlobals();
      await check(flags, io, globals.json === true, globals.store as string | undefined);
      result();
    });
}

function settingsLine(key: ResolvedKey): string {
  return `${describeCodes(key)} period`;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

async function check(flags: CheckFlags, io: Io, json: boolean, store: string | undefined): Promise<void> {
  const problems: Problem[] = [...clockProblems(flags, flags.at)];
  const atIssue = flags.at !== undefined ? atValueProblem(flags.at) : undefined;
  if (atIssue) problems.push(atIssue);
  const loaded = await loadKeyFromFlags(flags, io, { problems, ...(store !== undefined ? { store } : {}) });
  const { key } = loaded;
  printWarnings(loaded.warnings, io);
  const source = flags.from ?? (flags.url !== undefined ? '--url' : '--secret');
  if (key.remote) {
    // The seed stays in the backend: no fingerprint, and only the code it computes now.
    const code = await key.remote.code();
    maskInActions(code, io);
    const now = io.now();
    const step = Math.floor(now / key.period);
    const current: StepCode = {
      which: 'current',
      step,
      code,
      from: iso(step * key.period),
      until: iso((step + 1) * key.period),
    };
    if (json) {
      io.out(
        `${JSON.stringify({ source, fingerprint: null, algorithm: key.algorithm, digits: key.digits, period: key.period, codes: [current] })}\n`,
      );
    } else {
      io.out(
        `${[
          `source:       ${source} (the seed stays in the backend: no fingerprint, only its current code)`,
          `settings:     ${settingsLine(key)}`,
          `current:      ${code}  ${current.from} to ${current.until}`,
        ].join('\n')}\n`,
      );
    }
    return;
  }
  const clock = flags.at !== undefined ? { offset: 0 } : await chooseClock(flags, key, io);
  const t = flags.at !== undefined ? parseAt(flags.at) : io.now() + clock.offset;
  const step = Math.floor(t / key.period);
  const codes: StepCode[] = (['previous', 'current', 'next'] as const)
    .map((which, i) => ({ which, step: step - 1 + i }))
    .filter(({ step }) => step >= 0)
    .map(({ which, step }) => ({
      which,
      step,
      code: generateCode(key, step * key.period),
      from: iso(step * key.period),
      until: iso((step + 1) * key.period),
    }));
  for (const { code } of codes) maskInActions(code, io);
  const print = fingerprint(key.secret);
  const left = (step + 1) * key.period - Math.floor(t);
  if (json) {
    io.out(
      `${JSON.stringify({
        source,
        fingerprint: print,
        algorithm: key.algorithm,
        digits: codeLength(key),
        period: key.period,
        ...(key.encoder !== undefined ? { encoder: key.encoder } : {}),
        ...(key.issuer ? { issuer: key.issuer } : {}),
        ...(key.accountName ? { accountName: key.accountName } : {}),
        clockOffset: clock.offset,
        at: iso(Math.floor(t)),
        codes,
      })}\n`,
    );
    return;
  }
  const who = [key.issuer, key.accountName].filter((part) => part !== undefined && part !== '').join(': ');
  const lines = [
    `source:       ${source}`,
    ...(who !== '' ? [`for:          ${who}`] : []),
    `fingerprint:  ${print} (SHA-256 of the key bytes, first 8 hex digits)`,
    `settings:     ${settingsLine(key)}`,
    `time:         ${iso(Math.floor(t))}${clock.offset !== 0 ? ` (this machine's clock ${clock.offset > 0 ? '+' : ''}${clock.offset} s)` : ''}`,
    ...codes.map(
      (c) =>
        `${`${c.which}:`.padEnd(14)}${c.code}  ${c.from} to ${c.until}${c.which === 'current' ? ` (${left} s left)` : ''}`,
    ),
  ];
  io.out(`${lines.join('\n')}\n`);
}
