// What `import 'totp-kit'` costs, in the bundle users get: the entry and the chunks it imports statically hold
// no store code (the file store with its locking library, the AWS store and the AWS SDK, the PostgreSQL store and
// its driver) and no QR library;
// those load only when a store is opened or a barcode drawn. Likewise for the CLI's and the action's start.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every bundle file loaded with `entry` before any of its code runs: its static imports, transitively. */
function staticClosure(entry: string): Map<string, string> {
  const loaded = new Map<string, string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    const text = readFileSync(file, 'utf8');
    loaded.set(file, text);
    // esbuild writes static imports as `import … from "./x.js"` / `import "./x.js"` statements (never `import(`).
    for (const m of text.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?"(\.{1,2}\/[^"]+)";?$/gm)) {
      visit(join(dirname(file), m[1] as string));
    }
  };
  visit(join(dist, entry));
  return loaded;
}

/** Code that must stay behind a dynamic import, by a definition only it has. */
const LAZY: Record<string, RegExp> = {
  'the file store': /\bvar FileStore = class\b|\bclass FileStore\b/,
  'proper-lockfile': /\bELOCKED\b/,
  'the AWS store': /\bvar AwsSecretsManagerStore = class\b|\bclass AwsSecretsManagerStore\b/,
  'the AWS SDK': /\bGetSecretValueCommand = class\b/,
  'the PostgreSQL store': /\bvar PostgresStore = class\b|\bclass PostgresStore\b/,
  'the PostgreSQL driver (pg)': /\bBackendKeyDataMessage = class\b/,
  'the QR library': /\bQR Code\b|\bgetSymbolSize\b/,
};

function eagerlyLoaded(entry: string): string[] {
  const found: string[] = [];
  for (const [file, text] of staticClosure(entry)) {
    for (const [what, pattern] of Object.entries(LAZY)) {
      if (pattern.test(text)) found.push(`${what} (${file.slice(dist.length)})`);
    }
  }
  return found;
}

describe('lazy loading in the bundles', () => {
  it('the markers find what they look for somewhere in dist/ (else this test could not fail)', () => {
    const everything = readdirSync(join(dist, 'chunks'))
      .map((f) => readFileSync(join(dist, 'chunks', f), 'utf8'))
      .join('\n');
    for (const [what, pattern] of Object.entries(LAZY)) {
      expect(pattern.test(everything), `${what} is in no chunk`).toBe(true);
    }
  });

  it("import 'totp-kit' (dist/lib.js) loads no store, AWS, PostgreSQL or QR code", () => {
    expect(eagerlyLoaded('lib.js')).toEqual([]);
  });

  it("import 'totp-kit/constructs' loads no store, AWS, PostgreSQL or QR code", () => {
    expect(eagerlyLoaded('constructs.js')).toEqual([]);
  });

  it('the CLI and the action start without them', () => {
    expect(eagerlyLoaded('cli.js')).toEqual([]);
    expect(eagerlyLoaded('index.js')).toEqual([]);
  });
});
