/** The job summary: what was read from where and what came of it — never the code or the seed. */
import * as core from '@actions/core';

/** Rows of the summary table (label, value). */
export type SummaryRows = readonly (readonly [string, string])[];

/** Writes the summary; a runner without GITHUB_STEP_SUMMARY (a local run) only gets a debug line. */
export async function writeSummary(title: string, rows: SummaryRows): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
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
