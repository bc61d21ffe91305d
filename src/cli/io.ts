import { nowSeconds } from '../core/time.js';

/** What the CLI touches of the outside world, passed in so tests and the entry point choose. */
export interface Io {
  /**
   * Writes to standard output (the command's result). Throws an error whose `code` is `EPIPE` once the reader
   * has gone (`totp-kit … | head -1`): the command stops there and the CLI ends quietly (see `isBrokenPipe`).
   */
  out(text: string): void;
  /** Writes to standard error (warnings, waiting notices, refusals); dropped once its reader has gone. */
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  /** Unix time in seconds, with the fraction. */
  now(): number;
  /**
   * Waits the given seconds for a code's step to begin (`--min-remaining`, `--lease`, exec's retries); a timer
   * when absent. Given with `now` by tests, so a wait advances their clock instead of taking real time.
   */
  readonly sleep?: (seconds: number) => Promise<void>;
  /** True when standard output is a terminal (colours, live redraws). */
  readonly isTty: boolean;
  /**
   * Writes bytes as they come (a child's output under `exec`); without it they are decoded and passed to out/err.
   * Once a stream's reader has gone, its bytes are dropped (exec still waits for its command).
   */
  readonly write?: (stream: 'out' | 'err', chunk: Uint8Array) => void;
}

/** True for the error of a write whose reader has gone (a closed pipe): not a failure of the command. */
export function isBrokenPipe(e: unknown): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === 'EPIPE';
}

/** The error `out` throws once standard output's reader has gone. */
function brokenPipe(): NodeJS.ErrnoException {
  return Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
}

/**
 * The process's own streams, environment and clock. A reader that goes away (`totp-kit … | head -1`) is no
 * failure: the stream's EPIPE error is taken instead of crashing with a stack trace, later writes to that stream
 * are not made, and the next result written to stdout stops the command (which then exits with the code it has
 * so far, 0 unless it failed) — so `demo --watch | head` ends too, and `exec` keeps waiting for its command.
 */
export function processIo(): Io {
  const gone = { out: false, err: false };
  for (const [name, stream] of [
    ['out', process.stdout],
    ['err', process.stderr],
  ] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      gone[name] = true;
    });
  }
  return {
    out: (text) => {
      if (gone.out) throw brokenPipe();
      process.stdout.write(text);
    },
    err: (text) => {
      if (!gone.err) process.stderr.write(text);
    },
    env: process.env,
    now: nowSeconds,
    isTty: Boolean(process.stdout.isTTY),
    write: (stream, chunk) => {
      if (!gone[stream]) (stream === 'out' ? process.stdout : process.stderr).write(chunk);
    },
  };
}
