// Builds the committed bundles in dist/ with esbuild. With --check, builds into a temporary folder
// and fails when dist/ differs from what the sources build (so a stale dist/ cannot be committed).
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

// Bundled CommonJS dependencies call require() for Node built-ins and read __filename (write-file-atomic
// names its temporary files with it); an ESM bundle has to provide both.
const requireShim = [
  "import { createRequire as __totpKitCreateRequire } from 'node:module';",
  "import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';",
  'const require = __totpKitCreateRequire(import.meta.url);',
  'const __filename = __totpKitFileURLToPath(import.meta.url);',
].join('\n');

/**
 * @actions/core imports its OIDC helper (and with it @actions/http-client and undici, ~600 KB) at the
 * top level, though only getIDToken uses it, which totp-kit never calls. Declaring those modules free of
 * side effects lets esbuild drop them when nothing uses them, keeping the action's start-up small.
 * @type {import('esbuild').Plugin}
 */
const unusedOidc = {
  name: 'unused-oidc',
  setup(b) {
    b.onResolve({ filter: /^(@actions\/http-client(\/.*)?|\.\/oidc-utils\.js)$/ }, async (args) => {
      if (args.pluginData === 'unused-oidc') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'unused-oidc',
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [unusedOidc],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { __TOTP_KIT_VERSION__: JSON.stringify(pkg.version) },
};

/** @param {string} outdir */
async function buildAll(outdir) {
  // The CLI and the action share chunks; what is loaded only on demand (the AWS SDK, for aws-sm
  // stores and sources) lands in its own chunk, so the common paths never parse it.
  const bundled = await build({
    ...common,
    entryPoints: { cli: 'src/cli/index.ts', index: 'src/action/index.ts' },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: requireShim },
    metafile: true,
  });
  await writeFile(join(outdir, 'licenses.txt'), await licenses(Object.keys(bundled.metafile.inputs)));
  // The library and constructs keep their dependencies external: the package installs them.
  await build({
    ...common,
    entryPoints: { lib: 'src/index.ts', constructs: 'constructs/index.ts' },
    outdir,
    packages: 'external',
    // One copy of the core for both entries, and the stores loaded on demand: a synth never loads them.
    splitting: true,
    chunkNames: 'chunks/lib-[name]-[hash]',
  });
}

/**
 * The licenses of the packages bundled into dist/ (their code ships in the committed files, so their
 * notices must ship too): name, version, license and the package's license text, sorted by name.
 * @param {string[]} inputs
 */
async function licenses(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  const entries = [];
  for (const dir of dirs) {
    const meta = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'));
    const files = (await readdir(join(root, dir))).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
    const texts = [];
    for (const f of files) texts.push((await readFile(join(root, dir, f), 'utf8')).trim());
    entries.push({
      name: `${meta.name}@${meta.version}`,
      license: meta.license ?? 'see text',
      text: texts.join('\n\n'),
    });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header = 'Third-party software bundled in dist/ (dist/cli.js, dist/index.js and dist/chunks/).\n';
  const body = entries.map(
    (e) =>
      `${'='.repeat(72)}\n${e.name} (${e.license})\n${'='.repeat(72)}\n${e.text || '(no license file in the package)'}\n`,
  );
  return [header, ...body].join('\n');
}

/** @param {string} dir */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

if (!check) {
  // Build beside dist/ and swap it in: chunk names carry content hashes, so building over the old dist/
  // would leave stale chunks, and emptying it first would break anyone running dist/ meanwhile.
  const next = join(root, `.dist-next-${process.pid}`);
  await rm(next, { recursive: true, force: true });
  await buildAll(next);
  const old = join(root, `.dist-old-${process.pid}`);
  await rename(join(root, 'dist'), old).catch(() => undefined);
  await rename(next, join(root, 'dist'));
  await rm(old, { recursive: true, force: true });
} else {
  const temp = await mkdtemp(join(tmpdir(), 'totp-kit-dist-'));
  try {
    await buildAll(temp);
    const fresh = await listFiles(temp);
    const committed = await listFiles(join(root, 'dist'));
    const problems = [];
    for (const file of fresh) {
      if (!committed.includes(file)) problems.push(`dist/${file} is missing`);
      else if (!(await readFile(join(temp, file))).equals(await readFile(join(root, 'dist', file))))
        problems.push(`dist/${file} differs from what the sources build`);
    }
    for (const file of committed) if (!fresh.includes(file)) problems.push(`dist/${file} is not built by the sources`);
    if (problems.length > 0) {
      for (const p of problems) console.error(`check-dist: ${p}`);
      console.error('check-dist: run `npm run build` and commit dist/');
      process.exitCode = 1;
    } else {
      console.log(`check-dist: dist/ matches the sources (${fresh.length} files)`);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
