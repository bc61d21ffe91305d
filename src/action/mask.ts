/**
 * Masking: every form a seed could take in a log is registered with the runner before anything can
 * print it. The runner replaces each registered string in every later log line, so forms too short to
 * be a secret (a JSON line such as "{") are skipped: masking them would garble the log and hide nothing.
 */
import * as core from '@actions/core';

/** Shortest string worth masking: shorter ones cannot carry a meaningful part of a seed. */
const MIN_MASK = 4;
/** What this process registered already (the runner needs each string once). */
const seen = new Set<string>();

/** Masks each form and each line of it (the runner masks line by line). Empty strings are never masked. */
export function maskAll(forms: readonly (string | undefined)[]): void {
  for (const form of forms) {
    if (form === undefined) continue;
    for (const piece of [form, ...form.split(/\r?\n/)].map((p) => p.trim())) {
      if (piece.length < MIN_MASK || seen.has(piece) || !/[A-Za-z0-9]/.test(piece)) continue;
      seen.add(piece);
      core.setSecret(piece);
    }
  }
}
