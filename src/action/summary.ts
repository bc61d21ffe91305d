/** The job summary: what was read from where and what came of it — never the code or the seed. */
import * as core from '@actions/core';
import { errorMessage, TotpKitError } from '../core/errors.js';

/** Rows of the summary table (label, value). Values are HTML: escape text with `escapeHtml`. */
export type SummaryRows = readonly (readonly [string, string])[];

/** Text for a summary cell: the summary is HTML, and a message may hold `<`, `&` or quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Writes the summary; a runner without GITHUB_STEP_SUMMARY in the step's environment `env` (a local run) only
 * gets a debug line. The toolkit writes to the file that process.env names (and keeps that path for the life
 * of the process): the runner sets both alike, and so must an in-process test.
 */
export async function writeSummary(env: NodeJS.ProcessEnv, title: string, rows: SummaryRows): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug('no GITHUB_STEP_SUMMARY: job summary skipped');
    return;
  }
  await core.summary
    .addHeading(title, 3)
    .addTable([
      [
        { data: 'what', header: true },
        { data: 'value', header: true },
      ],
      ...rows.map(([label, value]) => [label, value]),
    ])
    .write();
}

/**
 * The summary of a failed step: each problem of a `TotpKitError`, one row each (their messages never hold seed
 * material), or for any other failure only that it was unexpected (its message, which may quote anything, stays
 * in the log). A summary that cannot be written is a warning: the step has failed already.
 */
export async function writeFailureSummary(env: NodeJS.ProcessEnv, error: unknown): Promise<void> {
  const problems =
    error instanceof TotpKitError ? error.message.split('\n') : ['unexpected failure (its first line is in the log)'];
  try {
    await writeSummary(env, 'totp-kit: the step failed', [
      ['result', 'failed'],
      ...problems.map((line): [string, string] => ['problem', escapeHtml(line)]),
    ]);
  } catch (e) {
    core.warning(`the job summary could not be written: ${errorMessage(e).split('\n')[0]}`);
  }
}
