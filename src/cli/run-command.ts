/**
 * Runs a command for `exec`: no shell (cross-spawn finds `npm.cmd` and quotes for cmd.exe on Windows),
 * standard input inherited, its output streamed through as it comes while the last part is kept to match
 * `--retry-on` against, and Ctrl-C / SIGTERM passed on to it.
 */
import { constants } from 'node:os';
import { type Io, isBrokenPipe } from './io.js';

/** How much of the command's latest output is kept for `--retry-on` (characters). */
export const OUTPUT_TAIL = 64 * 1024;
/**
 * How long output may still come after the command exited. A process it left running (a build daemon,
 * an agent) keeps its output pipes open; exec then stops reading rather than wait for it.
 */
export const OUTPUT_GRACE_MS = 2_000;

/** How a command ended. */
export interface RunOutcome {
  /** Its exit code; 128 + the signal's number when a signal ended it; 127 / 126 when it could not start. */
  readonly exitCode: number;
  /** The signal that ended it, if one did. */
  readonly signal?: NodeJS.Signals;
  /** Why it could not start (`command not found`), when it could not. */
  readonly startError?: string;
  /** The end of what it wrote to stdout and stderr, in the order it came. */
  readonly tail: string;
}

const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs `command args…` with `env`, streaming its output to `io`. Never rejects. */
export async function runCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io,
): Promise<RunOutcome> {
  // Loaded here: only `exec` needs it, and every other command starts faster without it.
  const { default: spawn } = await import('cross-spawn');
  return new Promise((resolve) => {
    let tail = '';
    const decoders = { out: new TextDecoder(), err: new TextDecoder() };
    // A stream whose reader has gone (`exec … | head -1`) is no longer passed on; the command is still read
    // to its end (for --retry-on) and waited for, so it is never left running on its own.
    const gone = { out: false, err: false };
    const keep = (stream: 'out' | 'err', chunk: Buffer) => {
      const text = decoders[stream].decode(chunk, { stream: true });
      tail = (tail + text).slice(-OUTPUT_TAIL);
      if (gone[stream]) return;
      try {
        if (io.write) io.write(stream, chunk);
        else if (stream === 'out') io.out(text);
        else io.err(text);
      } catch (e) {
        if (!isBrokenPipe(e)) throw e;
        gone[stream] = true;
      }
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, [...args], { env, stdio: ['inherit', 'pipe', 'pipe'], windowsHide: true });
    } catch (e) {
      resolve({ exitCode: 126, startError: (e as NodeJS.ErrnoException).code ?? 'cannot be started', tail });
      return;
    }
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    let settled = false;
    const done = (outcome: RunOutcome) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(outcome);
    };
    child.stdout?.on('data', (chunk: Buffer) => keep('out', chunk));
    child.stderr?.on('data', (chunk: Buffer) => keep('err', chunk));
    child.on('error', (e: NodeJS.ErrnoException) => {
      const notFound = e.code === 'ENOENT';
      done({
        exitCode: notFound ? 127 : 126,
        startError: notFound ? 'command not found' : `cannot be started (${e.code ?? 'unknown error'})`,
        tail,
      });
    });
    const ended = (code: number | null, signal: NodeJS.Signals | null) => {
      if (signal) {
        const number = (constants.signals as Record<string, number>)[signal] ?? 0;
        done({ exitCode: 128 + number, signal, tail });
      } else {
        done({ exitCode: code ?? 1, tail });
      }
    };
    child.on('close', ended);
    child.on('exit', (code, signal) => {
      const timer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        ended(code, signal);
      }, OUTPUT_GRACE_MS);
      timer.unref();
    });
  });
}
