/** What the CLI touches of the outside world, passed in so tests and the entry point choose. */
export interface Io {
  /** Writes to standard output (the command's result). */
  out(text: string): void;
  /** Writes to standard error (warnings, waiting notices, refusals). */
  err(text: string): void;
  readonly env: NodeJS.ProcessEnv;
  /** Unix time in seconds, with the fraction. */
  now(): number;
  /** True when standard output is a terminal (colours, live redraws). */
  readonly isTty: boolean;
  /** Writes bytes as they come (a child's output under `exec`); without it they are decoded and passed to out/err. */
  readonly write?: (stream: 'out' | 'err', chunk: Uint8Array) => void;
}

/**
 * The process's own streams, environment and clock. A reader that goes away (`totp-kit … | head`)
 * ends the process quietly instead of with an EPIPE stack trace.
 */
export function processIo(): Io {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    now: () => Date.now() / 1000,
    isTty: Boolean(process.stdout.isTTY),
    write: (stream, chunk) => (stream === 'out' ? process.stdout : process.stderr).write(chunk),
  };
}
