// Every ```console block in the docs runs, and prints what the page shows (see test/helpers/doc-examples.ts for
// the rules). `UPDATE_DOCS=1 npx vitest run test/docs-examples.test.ts` rewrites the shown output from the runs,
// so the codes, fingerprints and JSON in the docs are the program's own.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { decodeBase32 } from '../src/core/base32.js';
import {
  consoleCommands,
  outputMatches,
  readPage,
  runConsoleCommands,
  withPrintedOutput,
  writePage,
} from './helpers/doc-examples.js';
import { expectNoSeed } from './helpers/leak.js';

// Real processes (npm, tsc, terraform, node) on a machine that may be busy: time limits are about hanging only.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const PAGES = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(docs)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const UPDATE = process.env.UPDATE_DOCS === '1';

describe('runnable examples in the docs', () => {
  it('there are some (a page without any would make the tests below pass vacuously)', () => {
    const total = PAGES.reduce((n, page) => n + consoleCommands(readPage(page)).length, 0);
    expect(total).toBeGreaterThan(10);
  });

  for (const page of PAGES) {
    const commands = consoleCommands(readPage(page));
    if (commands.length === 0) continue;
    it(`${page}: ${commands.length} commands print what the page shows`, () => {
      const runs = runConsoleCommands(commands);
      if (UPDATE) writePage(page, withPrintedOutput(readPage(page), commands, runs));
      const differences = commands.flatMap((c, i) => {
        const printed = runs[i]?.printed ?? [];
        return outputMatches(c.shown, printed)
          ? []
          : [`${page}:${c.line}: $ ${c.command}\n--- shown\n${c.shown.join('\n')}\n+++ printed\n${printed.join('\n')}`];
      });
      expect(differences.join('\n\n')).toBe('');
      // The seeds the page sets (Base32 in its commands) never come back in what the commands print.
      const seeds = [...new Set(commands.flatMap((c) => c.command.match(/\b[A-Z2-7]{16,}\b/g) ?? []))].map((b) =>
        decodeBase32(b),
      );
      runs.forEach((run, i) => {
        expectNoSeed(run.printed.join('\n'), seeds, `${page}:${commands[i]?.line}`);
      });
    });
  }
});
