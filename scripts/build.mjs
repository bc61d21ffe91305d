// Builds what the repository commits from the sources: the esbuild bundles in dist/, the declaration files
// in types/ (rolled up by API Extractor, one per package entry), the API reports in etc/ and the API reference
// in docs/api/. With --check, builds into a temporary folder and fails when any of them differs from what is
// committed (so a stale bundle, declaration or reference cannot be committed).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

/** Every folder the build writes (relative to the repository), each replaced as a whole. */
const OUTPUTS = ['dist', 'types', 'etc', 'docs/api'];

/** The package's entries: the module users import, its declarations and the name of its API report. */
const ENTRIES = [
  { specifier: 'totp-kit', name: 'totp-kit', declarations: 'src/index.d.ts', types: 'index.d.ts', report: 'totp-kit' },
  {
    specifier: 'totp-kit/constructs',
    name: 'totp-kit-constructs',
    declarations: 'constructs/index.d.ts',
    types: 'constructs.d.ts',
    report: 'totp-kit-constructs',
  },
];

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

/** @type {import('esbuild').BuildOptions} */
const split = {
  ...common,
  // pg's optional native binding and Cloudflare sockets: never loaded on Node (pg uses its JavaScript client).
  external: ['cdktf', 'constructs', '@cdktf/provider-null', 'pg-native', 'cloudflare:sockets'],
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
  metafile: true,
};

/**
 * The bundles, in two builds into one folder. The CLI, the library and the constructs share one copy of each
 * module. The action is built on its own, because its start-up is what every workflow step pays: in the shared
 * build the code it shares with the CLI sat in chunks cut for both, so it read 7 files (about 160 KB, code only
 * the CLI runs among it); alone it reads its entry and 3 small chunks (about 125 KB), which took about 8 % off
 * the CPU time of its run. Every dependency is bundled (the package installs none), except the constructs'
 * peers, which the user's cdktf app provides. What is loaded only on demand (a store, the AWS SDK, the QR
 * library) lands in its own chunk, so the common paths never parse it. Chunk names carry a hash of their
 * content, so the third-party chunks both builds make (the AWS SDK, the QR library) are one file on disk, and
 * only the action's own lazy chunks (its stores) exist twice, about 100 KB. A process runs one entry, so no
 * module is loaded twice.
 * @param {string} outdir
 */
async function bundles(outdir) {
  const builds = [
    await build({
      ...split,
      entryPoints: { cli: 'src/cli/index.ts', lib: 'src/index.ts', constructs: 'constructs/index.ts' },
      outdir,
      write: false,
    }),
    await build({ ...split, entryPoints: { index: 'src/action/index.ts' }, outdir, write: false }),
  ];
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  for (const file of builds.flatMap((b) => b.outputFiles)) {
    const other = files.get(file.path);
    if (other && !Buffer.from(other).equals(Buffer.from(file.contents))) {
      throw new Error(`build: both builds wrote ${relative(outdir, file.path)}, with different content`);
    }
    files.set(file.path, file.contents);
  }
  for (const [path, contents] of files) {
    await mkdir(dirname(path), { recursive: true });
    // The CLI starts with a hashbang: executable, as esbuild itself writes such files.
    await writeFile(path, contents, { mode: contents[0] === 0x23 && contents[1] === 0x21 ? 0o755 : 0o644 });
  }
  const inputs = new Set(builds.flatMap((b) => Object.keys(b.metafile.inputs)));
  await writeFile(join(outdir, 'licenses.txt'), await licenses([...inputs]));
}

/**
 * The declaration files users compile against, one rolled-up file per entry (types/index.d.ts,
 * types/constructs.d.ts) holding only what the entry exports, so a consumer's compiler never reads our sources
 * or their dependencies' types; the API reports (etc/*.api.md), which show every change to the public API in a
 * diff; and the API reference (docs/api/) generated from the doc comments.
 * @param {string} stage
 */
async function declarations(stage) {
  const emitted = join(stage, '.declarations');
  const model = join(stage, '.model');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json'), '--outDir', emitted], {
    stdio: 'inherit',
  });
  await mkdir(join(stage, 'etc'), { recursive: true });
  const problems = [];
  for (const entry of ENTRIES) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: join(emitted, entry.declarations),
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              lib: ['ES2024'],
              types: ['node'],
              strict: true,
              skipLibCheck: true,
            },
            include: [join(emitted, '**', '*.d.ts')],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry.report,
          reportFolder: join(stage, 'etc'),
          reportTempFolder: join(stage, '.report-temp'),
        },
        docModel: { enabled: true, apiJsonFilePath: join(model, `${entry.report}.api.json`) },
        dtsRollup: { enabled: true, untrimmedFilePath: join(stage, 'types', entry.types) },
        tsdocMetadata: { enabled: false },
        newlineKind: 'lf',
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            // totp-kit has one release level: everything exported is public.
            'ae-missing-release-tag': { logLevel: 'none' },
          },
          tsdocMessageReporting: { default: { logLevel: 'warning' } },
        },
      },
      configObjectFullPath: join(root, 'api-extractor.json'),
      packageJsonFullPath: join(root, 'package.json'),
      packageJson: { ...pkg, name: entry.name },
    });
    const result = Extractor.invoke(config, {
      localBuild: true,
      messageCallback(message) {
        message.handled = true;
        // The reports are always new in the empty build folder; check-dist compares them with etc/.
        if (message.messageId === 'console-api-report-created') return;
        if (message.logLevel === 'warning' || message.logLevel === 'error') {
          const where = message.sourceFilePath
            ? `${relative(emitted, message.sourceFilePath)}:${message.sourceFileLine}: `
            : '';
          problems.push(`${entry.specifier}: ${where}${message.text} (${message.messageId})`);
        }
      },
    });
    if (!result.succeeded && problems.length === 0) problems.push(`${entry.specifier}: API Extractor failed`);
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`build: ${p}`);
    throw new Error(`API Extractor reported ${problems.length} problem(s)`);
  }
  const documenter = join(root, 'node_modules', '@microsoft', 'api-documenter', 'bin', 'api-documenter');
  const reference = join(stage, 'docs', 'api');
  execFileSync(process.execPath, [documenter, 'markdown', '-i', model, '-o', reference], { stdio: 'ignore' });
  // API Documenter writes CRLF line ends (the repository keeps LF), and API Extractor needs a package name per
  // entry, while readers import the constructs as `totp-kit/constructs`.
  for (const file of await readdir(reference)) {
    const text = await readFile(join(reference, file), 'utf8');
    const named = text
      .replaceAll('\r\n', '\n')
      .replaceAll('[totp-kit-constructs](', '[totp-kit/constructs](')
      .replaceAll('## totp-kit-constructs package', '## totp-kit/constructs');
    if (named !== text) await writeFile(join(reference, file), named);
  }
  for (const temp of [emitted, model, join(stage, '.report-temp')]) await rm(temp, { recursive: true, force: true });
}

/** @param {string} stage */
async function buildAll(stage) {
  await bundles(join(stage, 'dist'));
  await declarations(stage);
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
  const header = 'Third-party software bundled in dist/ (the CLI, the action, the library and the constructs).\n';
  const body = entries.map(
    (e) =>
      `${'='.repeat(72)}\n${e.name} (${e.license})\n${'='.repeat(72)}\n${e.text || '(no license file in the package)'}\n`,
  );
  return [header, ...body].join('\n');
}

/** @param {string} dir */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((e) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

if (!check) {
  // Build beside the outputs and swap each in: chunk names carry content hashes, so building over the old dist/
  // would leave stale chunks, and emptying it first would break anyone running dist/ meanwhile.
  const stage = join(root, `.dist-next-${process.pid}`);
  await rm(stage, { recursive: true, force: true });
  try {
    await buildAll(stage);
    for (const output of OUTPUTS) {
      const target = join(root, output);
      const old = join(root, `.dist-old-${process.pid}`);
      await mkdir(dirname(target), { recursive: true });
      await rename(target, old).catch(() => undefined);
      await rename(join(stage, output), target);
      await rm(old, { recursive: true, force: true });
    }
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
} else {
  const temp = await mkdtemp(join(tmpdir(), 'totp-kit-dist-'));
  try {
    await buildAll(temp);
    const problems = [];
    let count = 0;
    for (const output of OUTPUTS) {
      const fresh = await listFiles(join(temp, output));
      const committed = await listFiles(join(root, output));
      count += fresh.length;
      for (const file of fresh) {
        const name = `${output}/${file}`;
        if (!committed.includes(file)) problems.push(`${name} is missing`);
        else if (!(await readFile(join(temp, output, file))).equals(await readFile(join(root, output, file))))
          problems.push(`${name} differs from what the sources build`);
      }
      for (const file of committed)
        if (!fresh.includes(file)) problems.push(`${output}/${file} is not built by the sources`);
    }
    if (problems.length > 0) {
      for (const p of problems) console.error(`check-dist: ${p}`);
      console.error(`check-dist: run \`npm run build\` and commit ${OUTPUTS.join(', ')}`);
      process.exitCode = 1;
    } else {
      console.log(`check-dist: ${OUTPUTS.join(', ')} match the sources (${count} files)`);
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
