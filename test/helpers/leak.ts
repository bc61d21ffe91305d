// The leak scan: every test file's outputs go through here. It fails a test when any seed of the test shows up,
// in any form a log, a file or an error could carry it: Base32 in any letter case with or without "=" padding,
// hex in either case, base64 and base64url (as Steam keeps its shared_secret) — whole, or any 8 consecutive
// characters of one of those forms. Base64's "+", "/" and "=" are also found written as a URL or JSON writes
// them ("%2B", "%2F", "%3D", "\/"), so a base64 secret cannot slip through a query string or a JSON file.
//
//   expectNoSeed(text, seeds, where)      any text (or Buffer, Error, object) — the basic check
//   expectNoSeedInCli(result, seeds)       stdout and stderr of a CLI run
//   expectNoSeedInAction(run, seeds)       the log (unmasked, without the runner-consumed ::add-mask:: commands),
//                                          stderr, every output but `code`, the summary, errors and warnings
//   expectNoSeedInError(error, seeds)      an error's message, stack, problems and cause
//   expectNoSeedInFile / InDir             a store file written under a store key, synthesized JSON, …
//   leakChecked(fn, seeds)                 wraps a function for `expect(…).toThrow(…)`: what it throws is scanned
//   leakCheckedAsync(promise, seeds)       the same for `await expect(…).rejects…`
//
// `findSeed` is the non-throwing core, so the self-test can show that each form is caught.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { encodeBase32 } from '../../src/core/base32.js';

/** One seed or several: every seed a test handles (its own, a second candidate, a store key's bytes). */
export type Seeds = Uint8Array | readonly Uint8Array[];

/** Characters of one form that, found together, count as a leak. */
export const LEAK_WIDTH = 8;

/** A form a seed could be written in. Case-insensitive forms are compared against upper-cased text. */
export interface SeedForm {
  readonly name: string;
  readonly text: string;
  readonly caseInsensitive: boolean;
}

/** Base32 with "=" padding to a multiple of 8 characters (RFC 4648 §6). */
export function paddedBase32(bytes: Uint8Array): string {
  const b32 = encodeBase32(bytes);
  return b32.padEnd(Math.ceil(b32.length / 8) * 8, '=');
}

/** Every form in which a seed could leak. */
export function seedFormsOf(seed: Uint8Array): SeedForm[] {
  const buf = Buffer.from(seed);
  const forms: SeedForm[] = [
    { name: 'Base32', text: encodeBase32(buf), caseInsensitive: true },
    { name: 'padded Base32', text: paddedBase32(buf), caseInsensitive: true },
    { name: 'hex', text: buf.toString('hex').toUpperCase(), caseInsensitive: true },
    { name: 'base64', text: buf.toString('base64'), caseInsensitive: false },
    { name: 'base64url', text: buf.toString('base64url'), caseInsensitive: false },
  ];
  return forms.filter((f) => f.text.length > 0);
}

/** The forms as plain strings (Base32 in both cases, padded, hex in both cases, base64, base64url). */
export function seedForms(seed: Uint8Array): string[] {
  const out = new Set<string>();
  for (const f of seedFormsOf(seed)) {
    out.add(f.text);
    if (f.caseInsensitive) out.add(f.text.toLowerCase());
  }
  return [...out];
}

function asList(seeds: Seeds): readonly Uint8Array[] {
  return seeds instanceof Uint8Array ? [seeds] : seeds;
}

/** Text from whatever a test holds: strings as they are, Buffers as UTF-8, errors in full, objects as JSON. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (value instanceof Error) return errorText(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Message, stack, the problems of a TotpKitError, other own fields, and the cause, all together. */
function errorText(e: Error, depth = 0): string {
  const parts = [e.name, e.message, e.stack ?? ''];
  for (const [key, value] of Object.entries(e)) {
    if (key === 'cause') continue;
    try {
      parts.push(`${key}=${JSON.stringify(value)}`);
    } catch {
      parts.push(`${key}=${String(value)}`);
    }
  }
  if (e.cause !== undefined && depth < 5) {
    parts.push(e.cause instanceof Error ? errorText(e.cause, depth + 1) : textOf(e.cause));
  }
  return parts.join('\n');
}

/**
 * What of a seed `value` shows, or undefined: e.g. `8 consecutive characters of the hex form of seed 1`.
 * Never returns the seed itself, so a failure message does not leak it either.
 */
export function findSeed(value: unknown, seeds: Seeds): string | undefined {
  const raw = textOf(value);
  if (raw === '') return undefined;
  const unescaped = unescapeBase64Symbols(raw);
  const text = unescaped === raw ? raw : `${raw}\n${unescaped}`;
  const upper = text.toUpperCase();
  const list = asList(seeds);
  for (const [n, seed] of list.entries()) {
    for (const form of seedFormsOf(seed)) {
      const haystack = form.caseInsensitive ? upper : text;
      const needle = form.caseInsensitive ? form.text.toUpperCase() : form.text;
      const width = Math.min(LEAK_WIDTH, needle.length);
      for (let i = 0; i + width <= needle.length; i++) {
        const at = haystack.indexOf(needle.slice(i, i + width));
        if (at >= 0) {
          const which = list.length > 1 ? `seed ${n + 1} of ${list.length}` : 'the seed';
          return `${width} consecutive characters of the ${form.name} form of ${which} (characters ${i + 1}–${i + width} of it, at offset ${at})`;
        }
      }
    }
  }
  return undefined;
}

/** Text with base64's symbols as URLs and JSON escape them ("%2B", "%2F", "%3D", "\/") written plainly. */
export function unescapeBase64Symbols(text: string): string {
  const plain: Record<string, string> = { '%2B': '+', '%2F': '/', '%3D': '=' };
  return text.replace(/%2B|%2F|%3D/gi, (m) => plain[m.toUpperCase()] as string).replaceAll('\\/', '/');
}

/** Fails the test when any form of any of `seeds`, or 8 consecutive characters of one, occurs in `value`. */
export function expectNoSeed(value: unknown, seeds: Seeds, where = 'output'): void {
  const found = findSeed(value, seeds);
  if (found !== undefined) expect.fail(`${where} contains part of a seed: ${found}`);
}

/** stdout and stderr of a CLI run. */
export function expectNoSeedInCli(
  result: { readonly stdout: string; readonly stderr: string },
  seeds: Seeds,
  where = 'the CLI',
): void {
  expectNoSeed(result.stdout, seeds, `${where}: stdout`);
  expectNoSeed(result.stderr, seeds, `${where}: stderr`);
}

/** The parts of an action run (helpers/run-action.ts) a person or a later step could read. */
export interface ActionOutputs {
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly maskedView?: string;
}

/** The runner consumes `::add-mask::` commands (their value is the secret being masked): never shown. */
export function logWithoutMaskCommands(stdout: string): string {
  return stdout
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/**
 * An action run: the log as printed (unmasked: a seed must not depend on masking to stay hidden), stderr,
 * GITHUB_OUTPUT except `code` (the one-time code, masked by design), the job summary, the messages of
 * ::error:: and ::warning:: commands, and the masked view.
 */
export function expectNoSeedInAction(run: ActionOutputs, seeds: Seeds, where = 'the action'): void {
  expectNoSeed(logWithoutMaskCommands(run.stdout), seeds, `${where}: the log (unmasked)`);
  expectNoSeed(run.stderr, seeds, `${where}: stderr`);
  for (const [name, value] of Object.entries(run.outputs)) {
    if (name !== 'code') expectNoSeed(value, seeds, `${where}: output ${name}`);
  }
  expectNoSeed(run.summary, seeds, `${where}: the job summary`);
  expectNoSeed(run.errors.join('\n'), seeds, `${where}: ::error:: messages`);
  expectNoSeed(run.warnings.join('\n'), seeds, `${where}: ::warning:: messages`);
  if (run.maskedView !== undefined) expectNoSeed(run.maskedView, seeds, `${where}: the masked view`);
}

/** An error's message, stack, fields (a TotpKitError's problems) and cause. */
export function expectNoSeedInError(error: unknown, seeds: Seeds, where = 'the error'): void {
  expectNoSeed(error, seeds, where);
}

/** A file (a store written under a store key, a synthesized cdk.tf.json, a Terraform state). */
export function expectNoSeedInFile(path: string, seeds: Seeds, where = path): void {
  expectNoSeed(readFileSync(path), seeds, where);
}

/** Every file under a directory (a cdktf outdir). */
export function expectNoSeedInDir(dir: string, seeds: Seeds): void {
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) expectNoSeedInFile(path, seeds);
  }
}

/**
 * Wraps a function for `expect(leakChecked(() => …, seeds)).toThrow(…)`: whatever it throws is scanned and
 * thrown on unchanged, so the existing assertion still decides about the error. A leak is recorded as a
 * soft failure: a thrown assertion would be swallowed by `toThrow()`.
 */
export function leakChecked<T>(fn: () => T, seeds: Seeds, where = 'the thrown error'): () => T {
  return () => {
    try {
      return fn();
    } catch (e) {
      expect.soft(findSeed(e, seeds), `${where} contains part of a seed`).toBeUndefined();
      throw e;
    }
  };
}

/** `await expect(leakCheckedAsync(promise, seeds)).rejects…`: the rejection is scanned, then passed on. */
export function leakCheckedAsync<T>(promise: Promise<T>, seeds: Seeds, where = 'the rejection'): Promise<T> {
  return promise.catch((e: unknown) => {
    expect.soft(findSeed(e, seeds), `${where} contains part of a seed`).toBeUndefined();
    throw e;
  });
}

/** Runs `fn`, expecting it to throw; scans and returns what it threw. */
export function thrownBy(fn: () => unknown, seeds: Seeds, where = 'the thrown error'): unknown {
  try {
    fn();
  } catch (e) {
    expectNoSeedInError(e, seeds, where);
    return e;
  }
  return expect.fail(`${where}: nothing was thrown`);
}

/** Awaits `promise`, expecting a rejection; scans and returns it. */
export async function rejectionOf(promise: Promise<unknown>, seeds: Seeds, where = 'the rejection'): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    expectNoSeedInError(e, seeds, where);
    return e;
  }
  return expect.fail(`${where}: the promise was fulfilled`);
}
