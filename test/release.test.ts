// Releases: the tag a maintainer pushes, package.json's version and CHANGELOG.md must agree before the release
// workflow publishes anything (scripts/release-notes.mjs prints the notes it publishes), and CI runs the
// tests on every Node major the package's `engines` admits.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  version: string;
  engines: { node: string };
};

function releaseNotes(tag: string) {
  const result = spawnSync(process.execPath, ['scripts/release-notes.mjs', tag], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('release notes', () => {
  it("prints the CHANGELOG section of the tag naming package.json's version", () => {
    const { status, stdout, stderr } = releaseNotes(`v${pkg.version}`);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('### Added');
    // Only this version's section: not the next heading, not the link references at the end.
    expect(stdout).not.toMatch(/^## /m);
    expect(stdout).not.toMatch(/^\[[^\]]+\]: /m);
  });

  it('refuses a tag that is not the package version, in one line', () => {
    const { status, stdout, stderr } = releaseNotes('v999.0.0');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`release-notes: tag v999.0.0 does not match package.json's version ${pkg.version}\n`);
  });

  it('refuses a tag that is not a semantic version', () => {
    const { status, stderr } = releaseNotes(pkg.version);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `release-notes: tag "${pkg.version}" is not v followed by a semantic version (v1.2.3, v1.3.0-rc.1)\n`,
    );
  });

  it('the CHANGELOG has an Unreleased section and a section for the current version', () => {
    const changelog = readFileSync(`${root}/CHANGELOG.md`, 'utf8');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toContain(`\n## [${pkg.version}]`);
  });
});

describe('Node versions', () => {
  it("CI tests every Node major from engines' oldest to the newest LTS", () => {
    const workflow = readFileSync(`${root}/.github/workflows/ci.yml`, 'utf8');
    const matrix = /^\s+node: \[([^\]]*)\]$/m
      .exec(workflow)?.[1]
      ?.split(',')
      .map((n) => Number(n.trim()));
    expect(matrix).toBeDefined();
    const oldest = Number(/^\^?(\d+)\./.exec(pkg.engines.node)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(20);
    const evenMajors = [];
    for (let major = oldest; major <= Math.max(...(matrix ?? [])); major += 2) evenMajors.push(major);
    expect(matrix).toEqual(evenMajors);
    // The machine running this test is one the package admits.
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major === 20 ? minor >= 19 : major > 22 || (major === 22 && minor >= 12)).toBe(true);
  });
});
