// Prints the CHANGELOG.md section of a release tag (`node scripts/release-notes.mjs v1.2.3`), after checking
// that the tag names package.json's version: the release workflow publishes nothing when they disagree.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/**
 * The notes of `tag` from `changelog`, or a one-line reason they cannot be had.
 * @param {string} tag the pushed tag, `v` + a semantic version
 * @param {string} version package.json's version
 * @param {string} changelog CHANGELOG.md's text
 * @returns {{ notes: string } | { problem: string }}
 */
export function releaseNotes(tag, version, changelog) {
  const semver = /^v(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;
  if (!semver.test(tag))
    return { problem: `tag "${tag}" is not v followed by a semantic version (v1.2.3, v1.3.0-rc.1)` };
  if (tag !== `v${version}`) return { problem: `tag ${tag} does not match package.json's version ${version}` };
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start < 0) return { problem: `CHANGELOG.md has no section "## [${version}]"` };
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const notes = lines
    .slice(start + 1, end)
    .filter((line) => !/^\[[^\]]+\]: /.test(line))
    .join('\n')
    .trim();
  if (notes === '') return { problem: `CHANGELOG.md's section "## [${version}]" is empty` };
  return { notes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = new URL('..', import.meta.url);
  const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const changelog = await readFile(new URL('CHANGELOG.md', root), 'utf8');
  const result = releaseNotes(process.argv[2] ?? '', version, changelog);
  if ('problem' in result) {
    console.error(`release-notes: ${result.problem}`);
    process.exitCode = 2;
  } else {
    console.log(result.notes);
  }
}
