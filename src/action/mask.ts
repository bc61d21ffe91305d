/**
 * Masking: every form a seed could take in a log is registered with the runner before anything can
 * print it. The runner replaces each registered string in every later log line, so forms too short to
 * be a secret (a JSON line such as "{") are skipped: masking them would garble the log and hide nothing.
 */
import * as core from '@actions/core';

/** Shortest string worth masking: shorter ones cannot carry a meaningful part of a seed. */
const MIN_MASK = 4;

/** Registers each form and each line of it (the runner masks line by line); empty strings are never masked. */
export type Masker = (forms: readonly (string | undefined)[]) => void;

/**
 * A masker for one run. It remembers what it registered, because the runner needs each string once; the
 * memory belongs to the run, not the module, so a second run in the same process masks its own seed again.
 */
export function masker(): Masker {
  const seen = new Set<string>();
  return (forms) => {
    for (const form of forms) {
      if (form === undefined) continue;
      for (const piece of [form, ...form.split(/\r?\n/)].map((p) => p.trim())) {
        if (piece.length < MIN_MASK || seen.has(piece) || !/[A-Za-z0-9]/.test(piece)) continue;
        seen.add(piece);
        core.setSecret(piece);
      }
    }
  };
}
