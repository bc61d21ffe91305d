// Runs the CLI in-process through main(argv, io), against the sources: fast, and sees a change to src/ at once.
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** What a run printed and its exit code. */
export interface InProcessRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** The environment, clock and terminal the run sees (no variable of this process leaks in). */
export interface InProcessOptions {
  readonly env?: Record<string, string>;
  /** Unix seconds. */
  readonly now: number;
  /** Whether standard output is a terminal. */
  readonly isTty?: boolean;
}

/** Runs `totp-kit ...argv` in this process and collects what it prints. */
export async function runInProcess(argv: readonly string[], options: InProcessOptions): Promise<InProcessRun> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: { ...options.env },
    now: () => options.now,
    isTty: options.isTty ?? false,
  };
  const status = await main(argv, io);
  return { status, out, err };
}
