// The import graph of src/ and constructs/, read from the sources: layers depend in one direction (core at
// the bottom, the faces on top), nothing imports itself back through a cycle, the core does no I/O, and CLI
// commands share code through modules named for it, never by importing each other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Each folder's layer: a module may import its own layer and those below, never one above. */
const LAYERS: Readonly<Record<string, number>> = {
  'src/core': 0,
  'src/stores': 1,
  'src/sources': 2,
  'src/resources': 3,
  'src/cli': 4,
  'src/action': 4,
  src: 5,
  constructs: 5,
};
/** Modules of node that reach the network, the file system or other processes: none of them in the core. */
const IO_MODULES = /^node:(https?|http2|net|tls|dgram|dns|fs|fs\/promises|child_process|worker_threads)$/;

interface Import {
  readonly from: string;
  /** A source file (relative to the root) for a relative import, else the specifier as written. */
  readonly to: string;
  /** True for `import type` / `export type`: erased at build, no module is loaded. */
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The static imports and re-exports of a file, and its dynamic `import('…')` calls (loaded lazily, still a dependency). */
function importsOf(file: string, text: string): Import[] {
  const found: Import[] = [];
  const statements = /^(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm;
  for (const m of text.matchAll(statements)) {
    const specifier = (m[3] ?? m[4] ?? m[5]) as string;
    const to = specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, '.ts')
      : specifier;
    found.push({ from: file, to, typeOnly: m[2] !== undefined });
  }
  return found;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('constructs')];
const IMPORTS = FILES.flatMap((file) => importsOf(file, readFileSync(join(ROOT, file), 'utf8')));

function layerOf(file: string): number | undefined {
  const folders = Object.keys(LAYERS).sort((a, b) => b.length - a.length);
  const folder = folders.find((f) => file.startsWith(`${f}/`));
  return folder === undefined ? undefined : LAYERS[folder];
}

/** Every cycle of runtime imports, each as the files in order, starting from its smallest file. */
function cyclesOf(edges: readonly Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const cycles = new Map<string, string[]>();
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = path.slice(at);
      const start = cycle.indexOf([...cycle].sort()[0] as string);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(rotated.join(' → '), rotated);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const to of next.get(file) ?? []) visit(to);
    path.pop();
    done.add(file);
  };
  for (const file of next.keys()) visit(file);
  return [...cycles.values()];
}

describe('the import graph', () => {
  it('is read from every source file (a check over nothing would pass)', () => {
    expect(FILES).toContain('src/core/totp.ts');
    expect(IMPORTS.filter((i) => i.from === 'src/cli/commands/key.ts').map((i) => i.to)).toContain(
      'src/resources/key.ts',
    );
  });

  it('has no cycle of runtime imports', () => {
    expect(cyclesOf(IMPORTS).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one, and ignores type-only imports', () => {
    const edge = (from: string, to: string, typeOnly = false): Import => ({ from, to, typeOnly });
    expect(cyclesOf([edge('b', 'c'), edge('c', 'a'), edge('a', 'b'), edge('a', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf([edge('a', 'b'), edge('b', 'a', true)])).toEqual([]);
  });

  it('goes one way: core, stores, sources, resources, then the faces', () => {
    const upward = IMPORTS.filter((i) => {
      const from = layerOf(i.from);
      const to = layerOf(i.to);
      return from !== undefined && to !== undefined && to > from;
    }).map((i) => `${i.from} → ${i.to}`);
    expect(upward).toEqual([]);
  });

  it('keeps the core pure: no network, file system or process modules, nothing from a layer above', () => {
    const core = IMPORTS.filter((i) => i.from.startsWith('src/core/'));
    expect(core.length).toBeGreaterThan(10);
    const crossings = core.filter((i) => IO_MODULES.test(i.to) || (i.to.startsWith('src/') && layerOf(i.to) !== 0));
    expect(crossings.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('has CLI commands that never import another command', () => {
    const commands = IMPORTS.filter(
      (i) => i.from.startsWith('src/cli/commands/') && i.to.startsWith('src/cli/commands/'),
    );
    expect(commands.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('reads every kind of import statement, and tells type-only ones apart', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "export type { D } from './d.js';",
      "import {\n  e,\n  type E,\n} from 'node:fs';",
      "import './f.js';",
      "const g = await import('./g.js');",
    ].join('\n');
    expect(importsOf('src/cli/x.ts', text)).toEqual([
      { from: 'src/cli/x.ts', to: 'src/cli/a.ts', typeOnly: false },
      { from: 'src/cli/x.ts', to: 'src/b.ts', typeOnly: true },
      { from: 'src/cli/x.ts', to: 'src/cli/c.ts', typeOnly: false },
      { from: 'src/cli/x.ts', to: 'src/cli/d.ts', typeOnly: true },
      { from: 'src/cli/x.ts', to: 'node:fs', typeOnly: false },
      { from: 'src/cli/x.ts', to: 'src/cli/f.ts', typeOnly: false },
      { from: 'src/cli/x.ts', to: 'src/cli/g.ts', typeOnly: false },
    ]);
  });
});
