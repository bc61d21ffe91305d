// The public API, pinned: what `import … from 'totp-kit'` and `'totp-kit/constructs'` export at run time (a change
// is a deliberate edit of the lists below; the types are pinned by the API reports in etc/), what importing the
// library loads (no store, no store's dependency: `openStore` loads them on demand), and the stable error codes
// (every code the sources throw is one of ERROR_CODES, and every one of ERROR_CODES is thrown somewhere).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/core/error-codes.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('the runtime exports', () => {
  it("of 'totp-kit' (src/index.ts)", async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toEqual([
      'ALGORITHMS',
      'DEFAULTS',
      'DEFAULT_STORE',
      'ERROR_CODES',
      'EXIT_CODES',
      'MAX_LEASE_AHEAD_STEPS',
      'TotpKitError',
      'checkSettings',
      'checkedKeySpec',
      'checkedMethodSpec',
      'createKey',
      'createMethod',
      'decodeBase32',
      'deleteKey',
      'deleteMethod',
      'encodeBase32',
      'enroll',
      'formatOtpauthUrl',
      'freshCode',
      'generateCode',
      'generateSeed',
      'hotp',
      'keyCode',
      'listEnrollments',
      'listKeys',
      'listMethods',
      'openStore',
      'parseOtpauthUrl',
      'parseSeedText',
      'readEnrollment',
      'readKey',
      'readMethod',
      'resolveKey',
      'unenroll',
      'updateMethod',
      'validateEnrollment',
      'validateKey',
      'verifyCode',
    ]);
  });

  it("of 'totp-kit/constructs' (constructs/index.ts)", async () => {
    expect(Object.keys(await import('../constructs/index.js')).sort()).toEqual([
      'TotpEnrollment',
      'TotpKey',
      'TotpMfaMethod',
      'TotpStore',
      'portableLocalBackend',
    ]);
  });
});

/** A module's imports: relative ones as source files, the others (packages, `node:`) as written. */
interface Imports {
  readonly files: string[];
  readonly packages: string[];
}

/**
 * The imports of a source file that load a module when it is evaluated: `import`, `export … from` and bare
 * `import '…'`, but not `import type` / `export type` (erased); with `dynamic`, `import('…')` calls too.
 */
function importsOf(file: string, dynamic: boolean): Imports {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  if (dynamic) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const files: string[] = [];
  const packages: string[] = [];
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) files.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    else packages.push(specifier);
  }
  return { files, packages };
}

/** Every source file and package reached from `entry` by the imports that `importsOf` follows, transitively. */
function reached(entry: string, dynamic = false): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(REPO, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const imports = importsOf(file, dynamic);
    for (const p of imports.packages) packages.add(p);
    pending.push(...imports.files);
  }
  return {
    files: new Set([...files].map((f) => relative(REPO, f).replaceAll('\\', '/'))),
    packages,
  };
}

/**
 * What only a store needs: its modules and their dependencies (the AWS SDK, locking, atomic writes). The SDK's
 * loader (src/stores/aws-sdk.ts) is not one of them: the `aws-sm:` source uses it too, and it loads the SDK on use.
 */
const STORE_MODULES = ['src/stores/file-store.ts', 'src/stores/aws-sm-store.ts'];
const STORE_PACKAGE = /^(proper-lockfile|write-file-atomic|@aws-sdk\/.*)$/;
/** Loaded on demand too: the QR library (for barcodes) and cross-spawn (for `exec`). */
const LAZY_PACKAGE = /^(qrcode|cross-spawn)$/;

describe('what importing the library loads', () => {
  it('src/index.ts reaches no store module and no store dependency by static imports', () => {
    const { files, packages } = reached('src/index.ts');
    // The walk follows what it should: the store references and the resource modules are loaded.
    expect(files).toContain('src/stores/store-ref.ts');
    expect(files).toContain('src/resources/key.ts');
    for (const module of STORE_MODULES) expect(files, module).not.toContain(module);
    expect([...packages].filter((p) => STORE_PACKAGE.test(p) || LAZY_PACKAGE.test(p))).toEqual([]);
  });

  it('does reach them through openStore’s dynamic imports (so the check above can fail)', () => {
    const { files, packages } = reached('src/index.ts', true);
    for (const module of STORE_MODULES) expect(files, module).toContain(module);
    expect([...packages].filter((p) => STORE_PACKAGE.test(p)).sort()).toEqual([
      '@aws-sdk/client-secrets-manager',
      'proper-lockfile',
    ]);
  });

  it('constructs/index.ts (a synth) reaches no store module either', () => {
    const { files, packages } = reached('constructs/index.ts');
    expect(files).toContain('constructs/key.ts');
    for (const module of STORE_MODULES) expect(files, module).not.toContain(module);
    expect([...packages].filter((p) => STORE_PACKAGE.test(p) || LAZY_PACKAGE.test(p))).toEqual([]);
  });
});

/** Every `.ts` file under a folder of the repository. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(folder, f).replaceAll('\\', '/'));
}

describe('ERROR_CODES', () => {
  const sources = [...sourcesUnder('src'), ...sourcesUnder('constructs')].filter(
    (f) => f !== 'src/core/error-codes.ts',
  );
  /** Each quoted `E_…` literal of the sources, with the files it is in. */
  const used = new Map<string, string[]>();
  for (const file of sources) {
    for (const [, , code] of readFileSync(join(REPO, file), 'utf8').matchAll(/(['"`])(E_[A-Z0-9_]+)\1/g)) {
      used.set(code as string, [...(used.get(code as string) ?? []), file]);
    }
  }

  it('holds every error code the sources write, once', () => {
    expect(used.size).toBeGreaterThan(40);
    const unknown = [...used].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code));
    expect(unknown, 'codes missing from src/core/error-codes.ts').toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('holds no code the sources never write', () => {
    expect(ERROR_CODES.filter((code) => !used.has(code))).toEqual([]);
  });
});

describe('the API reference (docs/api/, generated from the doc comments by npm run build)', () => {
  const pages = new Set(readdirSync(join(REPO, 'docs', 'api')));
  const entries = [
    { specifier: 'totp-kit', page: 'totp-kit', module: '../src/index.js' },
    { specifier: 'totp-kit/constructs', page: 'totp-kit-constructs', module: '../constructs/index.js' },
  ];
  for (const { specifier, page, module } of entries) {
    it(`has a page with an example for every runtime export of ${specifier}`, async () => {
      const missing: string[] = [];
      for (const name of Object.keys(await import(module))) {
        // Two exports named alike but for case would share this file and api-documenter would keep only one of
        // them: the page must be this export's own (its heading names it; markdown escapes `_`).
        const file = `${page}.${name.toLowerCase()}.md`;
        const text = pages.has(file) ? readFileSync(join(REPO, 'docs', 'api', file), 'utf8') : '';
        const heading = text.match(/^## (.+)$/m)?.[1]?.replaceAll('\\_', '_');
        const own =
          heading !== undefined && new RegExp(`^${name}(\\(\\))? (function|variable|class)$`).test(heading)
            ? text
            : undefined;
        if (own === undefined) missing.push(`${name}: no page`);
        else if (!/^## Example/m.test(own)) missing.push(`${name}: no example on its page`);
      }
      expect(missing).toEqual([]);
    });
  }
});
