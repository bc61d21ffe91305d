// Where the constructs find the CLI their provisioners run, wherever the bundler puts the code that looks for it:
// the constructs' own bundle (dist/constructs.js), a chunk shared with other entries (dist/chunks/*.js), or the
// source (constructs/cli-path.ts, in tests). Each must name the package's dist/cli.js.
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledCliPath } from '../constructs/cli-path.js';

const PACKAGE = join(sep, 'opt', 'app', 'node_modules', 'totp-kit');
const CLI = join(PACKAGE, 'dist', 'cli.js');
const at = (...parts: string[]) => pathToFileURL(join(PACKAGE, ...parts)).href;

describe('bundledCliPath', () => {
  it('finds dist/cli.js from the bundle dist/constructs.js beside it', () => {
    expect(bundledCliPath(at('dist', 'constructs.js'))).toBe(CLI);
  });

  it('finds dist/cli.js from a chunk in dist/chunks/', () => {
    expect(bundledCliPath(at('dist', 'chunks', 'chunk-7ANTGORB.js'))).toBe(CLI);
  });

  it('finds dist/cli.js from the source constructs/cli-path.ts', () => {
    expect(bundledCliPath(at('constructs', 'cli-path.ts'))).toBe(CLI);
  });

  it('does not take a folder named chunks outside dist/ for the bundle’s', () => {
    expect(bundledCliPath(at('chunks', 'cli-path.ts'))).toBe(CLI);
  });

  it('finds this repository’s dist/cli.js when called from its source', () => {
    expect(bundledCliPath()).toBe(join(process.cwd(), 'dist', 'cli.js'));
  });
});
