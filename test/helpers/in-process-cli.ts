// Runs the CLI in-process through main(argv, io), against the sources: fast, and sees a change to src/ at once.
// What only a real process shows (the bin, exit codes of a process, pipes, signals) is in test/bundle-cli.test.ts.
import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** What a run printed and its exit code. */
export interface InProcessRun {
  readonly status: number;
  readonly out: string;
  readonly err: string;
  /** `out` under a process's name, so a test reads the same as one of the bundle (helpers/run-cli.ts). */
  readonly stdout: string;
  /** `err` under a process's name. */
  readonly stderr: string;
}

/** The environment, clock and terminal the run sees (no variable of this process leaks in). */
export interface InProcessOptions {
  readonly env?: Record<string, string>;
  /** Unix seconds, fixed for the run, or a clock returning them. */
  readonly now: number | (() => number);
  /**
   * How the run waits for a step to begin; a real timer when absent. A run that may wait takes both from
   * helpers/fake-clock.ts, so the wait moves its clock on and takes no real time.
   */
  readonly sleep?: (seconds: number) => Promise<void>;
  /** Whether standard output is a terminal. */
  readonly isTty?: boolean;
  /**
   * The working directory of the run (relative paths, the default store `./.totp-kit/store.json`). The CLI
   * resolves them against the process's, so this process changes directory for the run.
   */
  readonly cwd?: string;
  /**
   * What the run reads on standard input (a declaration, `file:-`): the CLI reads the process's, so it is
   * replaced for the run. Give it to every run that reads standard input ('' for an empty one).
   */
  readonly input?: string;
}

/**
 * Runs that change the process's directory or standard input, one after the other. A run without `cwd` or `input`
 * is not held back: run it alongside one with them only if it resolves no relative path and reads no input.
 */
let exclusive: Promise<unknown> = Promise.resolve();

/** Runs `totp-kit ...argv` in this process and collects what it prints. */
export async function runInProcess(argv: readonly string[], options: InProcessOptions): Promise<InProcessRun> {
  let out = '';
  let err = '';
  const { now } = options;
  const io: Io = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env: { ...options.env },
    now: typeof now === 'number' ? () => now : now,
    isTty: options.isTty ?? false,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  let status: number;
  if (options.cwd === undefined && options.input === undefined) {
    status = await main(argv, io);
  } else {
    const run = exclusive.then(() => withProcessState(options, () => main(argv, io)));
    exclusive = run.catch(() => {});
    status = await run;
  }
  return { status, out, err, stdout: out, stderr: err };
}

/** Runs `body` with the process's directory and standard input set as `options` ask, and restores them. */
async function withProcessState<T>(options: InProcessOptions, body: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  const stdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  try {
    if (options.cwd !== undefined) process.chdir(options.cwd);
    if (options.input !== undefined) {
      const input = Readable.from([Buffer.from(options.input)]);
      Object.defineProperty(process, 'stdin', { value: input, configurable: true, enumerable: true });
    }
    return await body();
  } finally {
    process.chdir(cwd);
    if (stdin) Object.defineProperty(process, 'stdin', stdin);
  }
}
