/** What a command prints as its result: one JSON object with --json, else text lines; and masks in Actions logs. */
import type { Io } from './io.js';

/** Prints a result: one JSON object with --json, else the text lines. */
export function emit(io: Io, json: boolean, value: unknown, text: string | readonly string[]): void {
  if (json) io.out(`${JSON.stringify(value)}\n`);
  else io.out(`${(typeof text === 'string' ? [text] : text).join('\n')}\n`);
}

/** Prints a record: the object with --json, else one `field: value` line per field. */
export function emitRecord(io: Io, json: boolean, record: object): void {
  emit(
    io,
    json,
    record,
    Object.entries(record).map(([field, value]) => `${field}: ${String(value)}`),
  );
}

/**
 * Masks a value in the GitHub Actions log (`::add-mask::` on stderr, which the runner reads as it reads
 * stdout, so `$(totp-kit code …)` captures the code alone). Nothing happens outside Actions.
 */
export function maskInActions(value: string, io: Io): void {
  if (io.env.GITHUB_ACTIONS === 'true' && value !== '') io.err(`::add-mask::${value}\n`);
}
