/** `file:PATH`: a file holding Base32 or an otpauth URL (`file:/dev/stdin` or `file:-` reads standard input). */
import { open } from 'node:fs/promises';
import { badInput } from '../core/errors.js';
import { unexpandedTilde } from '../core/file-path.js';
import { MAX_SEED_TEXT, parseSeedText, type SeedTextOptions } from '../core/seed-text.js';
import type { SeedSource } from './source.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
  EISDIR: 'is a directory',
  ENOTDIR: 'has a path through something that is not a directory',
  ELOOP: 'has a symbolic link loop',
};

/** Reads at most `limit` + 1 bytes of a stream. */
async function readStreamCapped(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}

/**
 * Reads at most `limit` + 1 bytes, so a huge or endless file is refused without being read whole.
 * `/dev/stdin` is read as the process's standard input, which may be a socket that cannot be opened
 * by path (Node's child processes get one).
 */
async function readCapped(path: string, limit: number): Promise<Buffer> {
  if (path === '/dev/stdin' || path === '-') return readStreamCapped(process.stdin, limit);
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(Math.min(16 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a small text file (a seed, a declaration), refusing a missing, unreadable, empty or oversized
 * one with one line naming `label`. Local paths are the user's input: failures are bad input (exit 2).
 */
export async function readSmallFile(
  path: string,
  label: string,
  what = 'a Base32 seed or an otpauth URL',
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readCapped(path, MAX_SEED_TEXT);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw badInput(
      label,
      REASONS[code] ?? `cannot be read (${code || 'unknown error'})`,
      `a readable file holding ${what}`,
      'E_SOURCE_NOT_FOUND',
    );
  }
  if (bytes.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is too large (more than ${MAX_SEED_TEXT} bytes)`,
      `at most ${MAX_SEED_TEXT} bytes`,
      'E_SEED_TOO_LONG',
    );
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw badInput(label, 'is empty', what, 'E_SOURCE_EMPTY');
  return text;
}

/** Reads standard input like `readSmallFile`. */
export async function readSmallStdin(label: string, what = 'one JSON declaration'): Promise<string> {
  return readSmallFile('-', label, what);
}

/** A source reading a file when read. A path starting with "~" is refused: nothing expanded it. */
export function fileSource(path: string, label = 'source', text: SeedTextOptions = {}): SeedSource {
  const reference = `file:${path}`;
  if (path === '') throw badInput(label, 'file: needs a path', 'file:PATH');
  const tilde = unexpandedTilde(path);
  if (tilde) throw badInput(label, tilde.problem, tilde.allowed, 'E_SOURCE_REF');
  return {
    reference,
    read: async () => parseSeedText(await readSmallFile(path, reference), reference, undefined, text),
  };
}
