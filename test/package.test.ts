// The package as users get it: `npm pack` once, then that tarball installed the ways users install it, each in a
// fresh folder under the system's temporary folder (outside the repository, so nothing resolves through its
// node_modules), removed afterwards. Covered: what the tarball holds and weighs and what its package.json says;
// a project dependency (`npx totp-kit`, the bin, `import` and `require` of the library); TypeScript consumers
// under NodeNext and bundler resolution, without skipLibCheck (which covers with it), and a wrong use refused by the
// compiler;
// a CDKTF app using `totp-kit/constructs` (ESM and CommonJS), synthesized and applied by real Terraform; a
// global install and `npx --package`; the GitHub Action run from a checkout without node_modules, as
// `uses: OWNER/totp-kit@v1` runs it. Codes are checked against oathtool where it is installed (skipped loudly
// where not). Installs use the warm npm cache (--prefer-offline) and run concurrently; the dist/ packed is the
// one in the working tree (the repository commits it and `npm run check-dist` keeps it current), so packing
// runs no scripts.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { expectNoSeed, expectNoSeedInAction, expectNoSeedInDir, logWithoutMaskCommands } from './helpers/leak.js';
import {
  checkoutLike,
  describeRun,
  nodeModulesAbove,
  type Ran,
  REPO,
  run,
  runCheckedOutAction,
  userEnv,
} from './helpers/pack.js';

// Real processes (npm, tsc, terraform, node) on a machine that may be busy: time limits are about hanging only.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

interface PackageJson {
  name: string;
  version: string;
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** What `npm pack --json` says of the tarball it wrote. */
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

interface StoreFile {
  keys?: Record<string, { secret: string }>;
  methods?: Record<string, unknown>;
  enrollments?: Record<string, { secret: string }>;
}

const ROOT_PKG = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as PackageJson;
const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const FIXTURES = join(REPO, 'test', 'fixtures', 'consumer');
const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline'];

/** RFC 6238 appendix B, SHA1: seed "12345678901234567890" (ASCII), time 59, 8 digits. */
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');
const RFC_CODE = '94287082';
/** A seed of this run, for comparisons with oathtool and the leak scans. */
const SEED = randomBytes(20);
const T = 1_800_000_000;

const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;
const HAS_TERRAFORM =
  spawnSync('terraform', ['version'], { env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } }).status === 0;
if (!HAS_OATHTOOL) {
  console.warn('\n*** WARNING: oathtool is not on PATH: package.test.ts compares codes with NOTHING independent ***\n');
}
if (!HAS_TERRAFORM) {
  console.warn('\n*** WARNING: terraform is not on PATH: package.test.ts does NOT apply the consumer stack ***\n');
}

/** oathtool's code of a Base32 seed at a Unix time, or undefined (warned above) where oathtool is missing. */
function oathtool(base32: string, at: number, digits = 6): string | undefined {
  if (!HAS_OATHTOOL) return undefined;
  const r = spawnSync('oathtool', ['--totp', `--digits=${digits}`, `--now=@${at}`, '-b', base32], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`oathtool failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

function expectOk(r: Ran, what: string): void {
  expect(r.code, `${what}\n${describeRun(r)}`).toBe(0);
}

// ---- the folders, the tarball and the installs, started once and shared ------------------------------------

let TMP = '';
let tarball = '';
let packed: Packed;
/** Installs and runs started in beforeAll, concurrently; each test awaits the one it needs. */
let app: Promise<Ran>;
let ts: Promise<Ran>;
let cdk: Promise<Ran>;
let global: Promise<Ran>;
let npxPackage: Promise<Ran>;
let npmCache: Promise<Ran>;
const timings: Record<string, number> = {};

/** A fresh project as `npm init -y` would make it, ESM and private. */
function project(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${name}`, version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  return dir;
}

function npmInstall(dir: string, specs: readonly string[]): Promise<Ran> {
  return run('npm', ['install', ...NPM_QUIET, ...specs], { cwd: dir, env: userEnv(), timeoutMs: 180_000 });
}

/** Awaits an install started in beforeAll, failing with npm's output when it failed. */
async function installed(install: Promise<Ran>, what: string): Promise<Ran> {
  const r = await install;
  expectOk(r, what);
  return r;
}

const timed = <T>(name: string, p: Promise<T>): Promise<T> => {
  const started = Date.now();
  return p.finally(() => {
    timings[name] = Date.now() - started;
  });
};

beforeAll(async () => {
  TMP = mkdtempSync(join(tmpdir(), 'totp-kit-package-'));
  // A node_modules above the temporary folder would let consumers resolve what the package does not ship.
  expect(nodeModulesAbove(TMP), 'node_modules folders above the temporary folder').toEqual([]);
  const packDir = join(TMP, 'pack');
  mkdirSync(packDir);
  const pack = await timed(
    'npm pack',
    run('npm', ['pack', '--pack-destination', packDir, '--json', '--ignore-scripts'], {
      cwd: REPO,
      env: userEnv(),
      timeoutMs: 180_000,
    }),
  );
  expectOk(pack, 'npm pack');
  const [entry] = JSON.parse(pack.stdout) as Packed[];
  if (entry === undefined) throw new Error(`npm pack --json reported no tarball:\n${pack.stdout}`);
  packed = entry;
  tarball = join(packDir, packed.filename);

  // The versions the repository develops against, so the warm cache has them.
  const pinned = (name: string) => {
    const version = ROOT_PKG.devDependencies?.[name];
    if (version === undefined) throw new Error(`${name} is not a devDependency of the repository: no version to pin`);
    return `${name}@${version}`;
  };
  app = timed('install (tarball)', npmInstall(project('app'), [tarball]));
  ts = timed('install (tarball + @types/node)', npmInstall(project('ts'), [tarball, pinned('@types/node')]));
  cdk = timed(
    'install (tarball + cdktf + constructs)',
    npmInstall(project('cdk'), [tarball, pinned('cdktf'), pinned('constructs')]),
  );
  global = timed(
    'install -g',
    run('npm', ['install', '-g', tarball, '--prefix', join(TMP, 'global'), ...NPM_QUIET], {
      cwd: TMP,
      env: userEnv(),
      timeoutMs: 180_000,
    }),
  );
  mkdirSync(join(TMP, 'empty'));
  npxPackage = timed(
    'npx --package',
    run('npx', ['--yes', '--package', tarball, '--', 'totp-kit', '--version'], {
      cwd: join(TMP, 'empty'),
      env: userEnv(),
      timeoutMs: 180_000,
    }),
  );
  npmCache = run('npm', ['config', 'get', 'cache'], { cwd: join(TMP, 'empty'), env: userEnv() });
}, 240_000);

afterAll(async () => {
  if (Object.keys(timings).length > 0) console.log(`package.test.ts timings (ms): ${JSON.stringify(timings)}`);
  // `npx --package TARBALL` installed into the npm cache's _npx folder; that entry names our tarball, gone now.
  const cache = (await npmCache?.catch(() => undefined))?.stdout.trim() || join(homedir(), '.npm');
  const npx = join(cache, '_npx');
  if (tarball !== '' && existsSync(npx)) {
    for (const entry of readdirSync(npx)) {
      const manifest = join(npx, entry, 'package.json');
      if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(tarball)) {
        rmSync(join(npx, entry), { recursive: true, force: true });
      }
    }
  }
  await Promise.allSettled([app, ts, cdk, global, npxPackage]);
  if (TMP !== '') rmSync(TMP, { recursive: true, force: true });
}, 60_000);

// ---- 1. the tarball ------------------------------------------------------------------------------------------

/** What users need, and only that. */
const REQUIRED_FILES = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/cli.js',
  'dist/lib.js',
  'dist/constructs.js',
  'dist/index.js',
  'dist/licenses.txt',
  'types/index.d.ts',
  'types/constructs.d.ts',
];
const CHUNK = /^dist\/chunks\/[^/]+\.js$/;

// Measured when set (2026-12, totp-kit 1.0.0, 31 files): packed 400,645 bytes, unpacked 2,094,913 bytes. The
// limits are ~25% above, so a dependency bundled twice or by mistake fails here, not in a user's install.
const MAX_PACKED_BYTES = 500_000;
const MAX_UNPACKED_BYTES = 2_620_000;

function packedPackageJson(): PackageJson {
  const r = spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tar could not read package/package.json from ${tarball}: ${r.stderr}`);
  return JSON.parse(r.stdout) as PackageJson;
}

describe('the tarball', () => {
  it('holds what users need and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    const missing = REQUIRED_FILES.filter((f) => !files.includes(f));
    expect(missing, `missing from ${packed.filename}`).toEqual([]);
    expect(files.filter((f) => CHUNK.test(f)).length, 'dist/chunks/*.js (the entries import them)').toBeGreaterThan(0);
    const unexpected = files.filter((f) => !REQUIRED_FILES.includes(f) && !CHUNK.test(f));
    expect(unexpected, `files in ${packed.filename} that users do not need`).toEqual([]);
    // The allowlist above already refuses these; named, so a failure says which rule broke.
    const forbidden = [
      /^test\//,
      /fixtures\//,
      /^bench\//,
      /^examples\//,
      /^scripts\//,
      /^src\/.*\.ts$/,
      /^constructs\/.*\.ts$/,
      /(^|\/)\.totp-kit\//,
      /^(?!package\.json$).*\.json$/,
      /(^|\/)\.github\//,
      /(^|\/)\.ci\//,
      /(^|\/)node_modules\//,
    ];
    expect(files.filter((f) => forbidden.some((re) => re.test(f)))).toEqual([]);
  });

  it('stays within its size budget', () => {
    console.log(
      `package.test.ts sizes: ${packed.filename} packed ${packed.size} bytes, unpacked ${packed.unpackedSize} bytes, ${packed.files.length} files`,
    );
    expect(packed.size, 'packed size (bytes)').toBeLessThan(MAX_PACKED_BYTES);
    expect(packed.unpackedSize, 'unpacked size (bytes)').toBeLessThan(MAX_UNPACKED_BYTES);
  });

  it('has a package.json that installs nothing else, states its Node and names what users import', () => {
    const pkg = packedPackageJson();
    expect(pkg.name).toBe('totp-kit');
    expect(pkg.version).toBe(ROOT_PKG.version);
    // Everything is bundled: installing totp-kit installs nothing else.
    expect(pkg.dependencies ?? {}, 'dependencies').toEqual({});
    expect(pkg.optionalDependencies ?? {}, 'optionalDependencies').toEqual({});
    // The `node` package (a Node binary): where it gets installed, its .bin/node shadows the user's Node.
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const) {
      expect(Object.keys(pkg[field] ?? {}), `${field} of the packed package.json`).not.toContain('node');
    }
    expect(pkg.engines?.node, 'engines.node').toMatch(/\d/);
    // The constructs' peers: optional, so installing the library or the CLI pulls none of them in.
    for (const peer of Object.keys(pkg.peerDependencies ?? {})) {
      expect(pkg.peerDependenciesMeta?.[peer]?.optional, `peerDependenciesMeta.${peer}.optional`).toBe(true);
    }
    expect(Object.keys(pkg.peerDependencies ?? {}).sort()).toEqual(['@cdktf/provider-null', 'cdktf', 'constructs']);
    expect(pkg.bin).toEqual({ 'totp-kit': 'dist/cli.js' });
    expect(pkg.exports?.['.']).toEqual({ types: './types/index.d.ts', default: './dist/lib.js' });
    expect(pkg.exports?.['./constructs']).toEqual({
      types: './types/constructs.d.ts',
      default: './dist/constructs.js',
    });
  });
});

// ---- 2. a project dependency ---------------------------------------------------------------------------------

describe('a project dependency (npm install TARBALL)', () => {
  const dir = () => join(TMP, 'app');
  const bin = () => join(dir(), 'node_modules', '.bin', 'totp-kit');

  it('installs the package alone, without warnings about engines or peers', async () => {
    const r = await installed(app, 'npm install TARBALL');
    expect(r.stderr, 'npm install printed').not.toMatch(/EBADENGINE|ERESOLVE|peer dep/i);
    const installedPackages = readdirSync(join(dir(), 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installedPackages, 'what npm install TARBALL put in node_modules').toEqual(['totp-kit']);
  });

  it('npx totp-kit --version prints the version', async () => {
    await installed(app, 'npm install TARBALL');
    const r = await run('npx', ['totp-kit', '--version'], { cwd: dir(), env: userEnv() });
    expectOk(r, 'npx totp-kit --version');
    expect(r.stdout.trim()).toBe(ROOT_PKG.version);
  });

  it('the bin prints the codes oathtool prints, and the RFC 6238 vector', async () => {
    await installed(app, 'npm install TARBALL');
    const env = userEnv({ TOTP_SEED: encodeBase32(SEED), RFC_SEED: encodeBase32(RFC_SEED) });
    const [mine, rfc] = await Promise.all([
      run(bin(), ['code', '--from', 'env:TOTP_SEED', '--at', String(T)], { cwd: dir(), env }),
      run(bin(), ['code', '--from', 'env:RFC_SEED', '--digits', '8', '--at', '59'], { cwd: dir(), env }),
    ]);
    expectNoSeed(`${mine.stdout}${mine.stderr}`, SEED, 'totp-kit code');
    expectOk(mine, 'totp-kit code');
    expectOk(rfc, 'totp-kit code (RFC 6238)');
    expect(rfc.stdout.trim()).toBe(RFC_CODE);
    expect(mine.stdout.trim()).toMatch(/^\d{6}$/);
    const reference = oathtool(encodeBase32(SEED), T);
    if (reference !== undefined) expect(mine.stdout.trim(), 'the code oathtool prints').toBe(reference);
  });

  it('an ES module imports totp-kit and a CommonJS script requires it', async () => {
    await installed(app, 'npm install TARBALL');
    writeFileSync(join(dir(), 'esm.mjs'), readFileSync(join(FIXTURES, 'esm.mjs')));
    writeFileSync(join(dir(), 'cjs.cjs'), readFileSync(join(FIXTURES, 'cjs.cjs')));
    const [esm, cjs] = await Promise.all([
      run(process.execPath, ['esm.mjs'], { cwd: dir(), env: userEnv() }),
      run(process.execPath, ['cjs.cjs'], { cwd: dir(), env: userEnv() }),
    ]);
    expectOk(esm, 'import from totp-kit');
    expect(esm.stdout).toBe(`${RFC_CODE}\nfunction\n`);
    expectOk(cjs, `require('totp-kit') on Node ${process.version}`);
    expect(cjs.stdout).toBe(`${RFC_CODE}\nfunction\n`);
    // Node prints an ExperimentalWarning for require() of ES modules on some versions; it must be the only noise.
    expect(cjs.stderr.replace(/^.*ExperimentalWarning.*\n(.*--trace-warnings.*\n)?/gm, '')).toBe('');
  });

  it('totp-kit/constructs in a project without cdktf fails naming the missing package', async () => {
    await installed(app, 'npm install TARBALL');
    // (The library itself loaded in this project, which has no cdktf: the ESM and CommonJS scripts above.)
    const r = await run(process.execPath, ['--input-type=module', '-e', "await import('totp-kit/constructs');"], {
      cwd: dir(),
      env: userEnv(),
    });
    expect(r.code, describeRun(r)).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot find package '(cdktf|constructs)'/);
  });
});

// ---- 3. TypeScript consumers ---------------------------------------------------------------------------------

interface Variant {
  readonly name: string;
  readonly module: string;
  readonly moduleResolution: string;
  readonly skipLibCheck: boolean;
  /** NodeNext output is run with node; bundler output is for a bundler, so only compiled. */
  readonly emit: boolean;
  /**
   * Also compiles the wrong uses (src/wrong-*.ts), whose errors are the only ones allowed: one compiler run fewer
   * than a program of their own, and each file's errors are told apart by its name.
   */
  readonly wrongUses: boolean;
}

// module ESNext for bundler resolution (`preserve` checks the same declarations the same way; one fewer compile).
// skipLibCheck: false only: it reports everything skipLibCheck: true does (that flag only leaves the declarations
// unchecked) and emits the same output, so a consumer with skipLibCheck compiles whenever these do.
const VARIANTS: readonly Variant[] = [
  {
    name: 'nodenext-skiplibcheck-false',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    skipLibCheck: false,
    emit: true,
    wrongUses: false,
  },
  {
    name: 'bundler-esnext-skiplibcheck-false',
    module: 'ESNext',
    moduleResolution: 'bundler',
    skipLibCheck: false,
    emit: false,
    wrongUses: true,
  },
];

/**
 * Writes tsconfig.NAME.json in `dir` (lib ES2022 only, strict, `types` as given: [] means no @types/node even
 * where it is installed) and compiles it with the repository's TypeScript.
 */
function tsc(
  dir: string,
  name: string,
  types: readonly string[],
  options: Record<string, unknown>,
  include: readonly string[],
): Promise<Ran> {
  const config = { compilerOptions: { target: 'ES2022', lib: ['ES2022'], strict: true, types, ...options }, include };
  writeFileSync(join(dir, `tsconfig.${name}.json`), `${JSON.stringify(config, null, 2)}\n`);
  return run(process.execPath, [TSC, '-p', `tsconfig.${name}.json`, '--pretty', 'false'], {
    cwd: dir,
    env: userEnv(),
    timeoutMs: 120_000,
  });
}

/** tsc's error lines, `FILE(LINE,COL): error TSNNNN: …`. */
const tscErrors = (r: Ran): string[] => `${r.stdout}${r.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));

/** The seeds a file store holds (no store key: they are plain Base32), for the leak scans. */
function storeSeeds(path: string): Uint8Array[] {
  if (!existsSync(path)) return [];
  const store = JSON.parse(readFileSync(path, 'utf8')) as StoreFile;
  return [...Object.values(store.keys ?? {}), ...Object.values(store.enrollments ?? {})].map((r) =>
    decodeBase32(r.secret),
  );
}

/** Copies the consumer program into a project's src/. */
function writeLibraryConsumer(dir: string): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'library.ts'), readFileSync(join(FIXTURES, 'library.ts.txt')));
}

describe('TypeScript consumers', () => {
  // With @types/node (`types: ["node"]`), as a Node.js project has it: types/index.d.ts names Buffer and
  // NodeJS.ProcessEnv (see 'without @types/node' below).
  const dir = () => join(TMP, 'ts');
  let compiled: Promise<Map<string, Ran>>;

  beforeAll(async () => {
    await installed(ts, 'npm install TARBALL @types/node');
    writeLibraryConsumer(dir());
    // Wrong uses, each a compile error a typed API must produce (were the types `any`, these would compile).
    writeFileSync(
      join(dir(), 'src', 'wrong-digits.ts'),
      "import { generateCode } from 'totp-kit';\n\nexport const code = generateCode({ secret: new Uint8Array(20), algorithm: 'SHA1', digits: 7, period: 30 });\n",
    );
    writeFileSync(
      join(dir(), 'src', 'wrong-export.ts'),
      "import { generateCodes } from 'totp-kit';\n\nexport const code = generateCodes;\n",
    );
    compiled = Promise.all(
      VARIANTS.map(async (v) => {
        const options = {
          module: v.module,
          moduleResolution: v.moduleResolution,
          skipLibCheck: v.skipLibCheck,
          ...(v.emit ? { outDir: `out/${v.name}` } : { noEmit: true }),
        };
        const include = v.wrongUses ? ['src/library.ts', 'src/wrong-*.ts'] : ['src/library.ts'];
        return [v.name, await tsc(dir(), v.name, ['node'], options, include)] as const;
      }),
    ).then((entries) => new Map(entries));
    // Marked handled here; each test awaits it and reports its own failure.
    compiled.catch(() => undefined);
  }, 240_000);

  it.each(VARIANTS.map((v) => [v.name, v] as const))('compiles under %s', async (_, v) => {
    const r = (await compiled).get(v.name) as Ran;
    const output = `tsc -p tsconfig.${v.name}.json\n${r.stdout}${r.stderr}`;
    expect(
      tscErrors(r).filter((e) => !e.startsWith('src/wrong-')),
      output,
    ).toEqual([]);
    if (!v.wrongUses) expect(r.code, output).toBe(0);
  });

  it.each(VARIANTS.filter((v) => v.emit).map((v) => [v.name, v] as const))(
    'the %s output runs and prints what the library did',
    async (_, v) => {
      const r = (await compiled).get(v.name) as Ran;
      expectOk(r, `tsc -p tsconfig.${v.name}.json`);
      // Its own working directory: the program creates a key in ./store/totp.json.
      const cwd = join(dir(), `run-${v.name}`);
      mkdirSync(cwd);
      const out = await run(process.execPath, [join(dir(), 'out', v.name, 'library.js')], { cwd, env: userEnv() });
      const seeds = [RFC_SEED, ...storeSeeds(join(cwd, 'store', 'totp.json'))];
      expect(seeds.length, 'seeds: the RFC one and the one in the store the program wrote').toBe(2);
      expectNoSeed(`${out.stdout}${out.stderr}`, seeds, 'the compiled program');
      expectOk(out, 'node library.js');
      expect(JSON.parse(out.stdout)).toEqual({
        rfc6238: RFC_CODE,
        verified: { valid: true, delta: 0 },
        wrong: false,
        url: {
          scheme: 'otpauth://totp/Example:alice%40example.com',
          issuer: 'Example',
          accountName: 'alice@example.com',
        },
        parsedCode: RFC_CODE,
        refusal: { name: 'TotpKitError', kind: 'bad-input', code: 'E_BAD_INPUT', settings: ['digits'] },
        store: {
          keys: ['ci-bot'],
          created: { name: 'ci-bot', digits: 6, hasUrl: true },
          codeLength: 6,
          first: { valid: true },
          replayed: { valid: false, reason: 'used' },
        },
      });
    },
  );

  it('refuses a wrong use at compile time: a digits value the type excludes, a misspelt export', async () => {
    const withWrongUses = VARIANTS.find((v) => v.wrongUses) as Variant;
    const r = (await compiled).get(withWrongUses.name) as Ran;
    const errors = tscErrors(r);
    expect(r.code, 'tsc on the wrong uses').not.toBe(0);
    const codesIn = (file: string) => errors.filter((e) => e.startsWith(`${file}(`)).map((e) => /TS\d+/.exec(e)?.[0]);
    expect(codesIn('src/wrong-digits.ts'), errors.join('\n')).toEqual(['TS2322']);
    expect(codesIn('src/wrong-export.ts'), errors.join('\n')).toEqual(['TS2724']);
    expect(
      errors.filter((e) => !e.startsWith('src/wrong-')),
      'errors elsewhere (the declarations?)',
    ).toEqual([]);
  });

  describe('without @types/node (types: [])', () => {
    // The project of the previous describe without @types/node: the plain `npm install TARBALL` one.
    const bare = () => join(TMP, 'app');
    // Without skipLibCheck only: a project with it compiles whenever this does (see VARIANTS).
    it('compiles without skipLibCheck: the declarations need nothing from @types/node', async () => {
      await installed(app, 'npm install TARBALL');
      writeLibraryConsumer(bare());
      const options = { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, noEmit: true };
      const r = await tsc(bare(), 'no-node-types', [], options, ['src/library.ts']);
      expect(tscErrors(r), `${r.stdout}${r.stderr}`).toEqual([]);
      expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    });
  });
});

// ---- 4. the constructs in a CDKTF app ------------------------------------------------------------------------

interface Provisioner {
  'local-exec': { command: string; interpreter: string[]; working_dir: string; when?: string };
}
interface StackJson {
  resource: { terraform_data?: Record<string, { provisioner?: Provisioner[] }> };
}

describe('totp-kit/constructs in a CDKTF app', () => {
  const dir = () => join(TMP, 'cdk');
  const stackDir = () => join(dir(), 'cdktf.out', 'stacks', 'totp');
  const printed: string[] = [];

  it('compiles (strict, NodeNext), synthesizes terraform_data resources running the installed CLI, no seed', async () => {
    await installed(cdk, 'npm install TARBALL cdktf constructs');
    mkdirSync(join(dir(), 'src'));
    writeFileSync(join(dir(), 'src', 'main.ts'), readFileSync(join(FIXTURES, 'cdktf-app.ts.txt')));
    // types: [] (no @types/node): types/constructs.d.ts needs none, nor does cdktf's.
    const compiled = await tsc(
      dir(),
      'app',
      [],
      { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, outDir: 'out' },
      ['src/main.ts'],
    );
    expect(compiled.code, `tsc -p tsconfig.app.json\n${compiled.stdout}${compiled.stderr}`).toBe(0);
    const synth = await run(process.execPath, ['out/main.js'], { cwd: dir(), env: userEnv() });
    expectOk(synth, 'node out/main.js (the app, as cdktf synth runs it)');
    expect(JSON.parse(synth.stdout)).toEqual({ synthesized: 'totp', key: 'ci-bot' });
    const text = readFileSync(join(stackDir(), 'cdk.tf.json'), 'utf8');
    const stack = JSON.parse(text) as StackJson;
    const resources = stack.resource.terraform_data ?? {};
    expect(
      Object.keys(resources)
        .map((id) => id.replace(/_[0-9A-F]{8}$/, ''))
        .sort(),
    ).toEqual(['Alice', 'Alice_Identity', 'CiBot', 'CiBot_Identity', 'Ops', 'Ops_Identity']);
    const provisioners = Object.values(resources).flatMap((r) => r.provisioner ?? []);
    expect(provisioners.length).toBeGreaterThan(0);
    for (const p of provisioners) {
      const exec = p['local-exec'];
      const [cli] = JSON.parse(exec.command) as string[];
      // The CLI of the installed package, named relative to the project the provisioners run in.
      expect(cli).toBe('node_modules/totp-kit/dist/cli.js');
      expect(exec.interpreter[0]).toBe('node');
      expect(exec.working_dir).toBe('../../..');
    }
    expect(existsSync(join(dir(), 'node_modules', 'totp-kit', 'dist', 'cli.js'))).toBe(true);
    // Nothing of the machine, nor a seed: no seed exists before apply, and the JSON must not ask for one.
    expect(text).not.toContain(TMP);
    expect(text).not.toMatch(/otpauth:|secret=/i);
  });

  it("compiles as a CommonJS app (cdktf init's settings: CommonJS, ES2018) and synthesizes the same JSON", async () => {
    const nodeNext = join(stackDir(), 'cdk.tf.json');
    expect(existsSync(nodeNext), 'the stack synthesized by the NodeNext app (previous test)').toBe(true);
    const expected = readFileSync(nodeNext, 'utf8');
    // A .cts file compiles to .cjs, CommonJS in this ESM project: `require('totp-kit/constructs')` at run time
    // (Node's require of an ES module), node10 resolution at compile time (`typesVersions`, not `exports`).
    writeFileSync(join(dir(), 'src', 'main-cjs.cts'), readFileSync(join(FIXTURES, 'cdktf-app.ts.txt')));
    const options = { target: 'ES2018', lib: ['ES2018'], module: 'CommonJS', skipLibCheck: false, outDir: 'out-cjs' };
    const compiled = await tsc(dir(), 'app-cjs', [], options, ['src/main-cjs.cts']);
    expect(compiled.code, `tsc -p tsconfig.app-cjs.json\n${compiled.stdout}${compiled.stderr}`).toBe(0);
    const synth = await run(process.execPath, ['out-cjs/main-cjs.cjs'], { cwd: dir(), env: userEnv() });
    expectOk(synth, 'node out-cjs/main-cjs.cjs');
    expect(synth.stderr, 'what the CommonJS app printed on stderr').toBe('');
    expect(readFileSync(nodeNext, 'utf8') === expected, 'the same cdk.tf.json as the NodeNext app').toBe(true);
  });

  it.skipIf(!HAS_TERRAFORM)(
    'terraform apply creates the key, the method and the enrollment with the installed CLI',
    async () => {
      expect(existsSync(join(stackDir(), 'cdk.tf.json')), 'the synthesized stack (previous test)').toBe(true);
      const env = userEnv({ TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' });
      const terraform = async (args: string[]) => {
        const r = await run('terraform', ['-chdir=cdktf.out/stacks/totp', ...args, '-no-color', '-input=false'], {
          cwd: dir(),
          env,
          timeoutMs: 120_000,
        });
        printed.push(r.stdout, r.stderr);
        return r;
      };
      const storePath = join(dir(), 'store', 'totp.json');
      const scan = () => {
        const seeds = storeSeeds(storePath);
        if (seeds.length === 0) return;
        expect(seeds.length, 'seeds in the store: the key and the enrollment').toBe(2);
        expectNoSeed(printed.join('\n'), seeds, 'what terraform and the provisioners printed');
        expectNoSeedInDir(join(dir(), 'cdktf.out'), seeds);
        const state = join(dir(), 'terraform.totp.tfstate');
        if (existsSync(state)) expectNoSeed(readFileSync(state, 'utf8'), seeds, 'terraform.totp.tfstate');
      };
      try {
        // The stack's JSON is scanned for seeds only after apply, when seeds exist: failure messages never show one.
        const init = await terraform(['init']);
        expectOk(init, 'terraform init');
        const apply = await terraform(['apply', '-auto-approve']);
        scan();
        expectOk(apply, 'terraform apply');

        const cli = join(dir(), 'node_modules', '.bin', 'totp-kit');
        const store = ['--store', 'file:store/totp.json'];
        const [keys, methods, code] = await Promise.all([
          run(cli, ['key', 'list', ...store], { cwd: dir(), env: userEnv() }),
          run(cli, ['method', 'list', ...store], { cwd: dir(), env: userEnv() }),
          run(cli, ['key', 'code', 'ci-bot', '--at', String(T), ...store], { cwd: dir(), env: userEnv() }),
        ]);
        printed.push(keys.stdout, keys.stderr, methods.stdout, methods.stderr, code.stdout, code.stderr);
        scan();
        expectOk(keys, 'totp-kit key list');
        expect(keys.stdout.trim().split('\n')).toEqual(['ci-bot']);
        expectOk(methods, 'totp-kit method list');
        expect(methods.stdout.trim().split('\n')).toEqual(['ops']);
        const saved = JSON.parse(readFileSync(storePath, 'utf8')) as StoreFile;
        expect(Object.keys(saved.enrollments ?? {})).toEqual(['ops/alice']);
        expectOk(code, 'totp-kit key code ci-bot');
        expect(code.stdout.trim()).toMatch(/^\d{8}$/);
        const seed = saved.keys?.['ci-bot']?.secret;
        const reference = seed === undefined ? undefined : oathtool(seed, T, 8);
        if (reference !== undefined) expect(code.stdout.trim(), "oathtool's code of the stored key").toBe(reference);
      } finally {
        scan();
      }
    },
    180_000,
  );
});

// ---- 5. a global install and npx -----------------------------------------------------------------------------

describe('npm install -g and npx --package', () => {
  it('the globally installed totp-kit prints its version and codes', async () => {
    await installed(global, 'npm install -g TARBALL --prefix GLOBAL');
    const bin = join(TMP, 'global', 'bin', 'totp-kit');
    expect(statSync(bin).mode & 0o111, 'the global bin is executable').not.toBe(0);
    const env = userEnv({ RFC_SEED: encodeBase32(RFC_SEED) });
    const [version, code] = await Promise.all([
      run(bin, ['--version'], { cwd: join(TMP, 'empty'), env }),
      run(bin, ['code', '--from', 'env:RFC_SEED', '--digits', '8', '--at', '59'], { cwd: join(TMP, 'empty'), env }),
    ]);
    expectOk(version, 'totp-kit --version');
    expect(version.stdout.trim()).toBe(ROOT_PKG.version);
    expectOk(code, 'totp-kit code');
    expect(code.stdout.trim()).toBe(RFC_CODE);
  });

  it('npx --package TARBALL -- totp-kit --version, from a folder without package.json', async () => {
    const r = await npxPackage;
    expectOk(r, 'npx --yes --package TARBALL -- totp-kit --version');
    expect(r.stdout.trim()).toBe(ROOT_PKG.version);
  });
});

// ---- 6. the GitHub Action from a checkout of a tag -----------------------------------------------------------

describe('the action as `uses: OWNER/totp-kit@v1` runs it (a checkout, no npm install)', () => {
  const checkout = () => join(TMP, 'checkout');
  let runs: { using?: string | undefined; main?: string | undefined } = {};

  beforeAll(async () => {
    const started = Date.now();
    const files = await checkoutLike(checkout());
    timings['checkout copy'] = Date.now() - started;
    expect(files).toContain('action.yml');
    const yml = readFileSync(join(checkout(), 'action.yml'), 'utf8');
    const block = /^runs:[ \t]*\r?\n((?:[ \t]+.*(?:\r?\n|$))+)/m.exec(yml)?.[1] ?? '';
    runs = {
      using: /^[ \t]+using:[ \t]*['"]?([^'"\s]+)/m.exec(block)?.[1],
      main: /^[ \t]+main:[ \t]*['"]?([^'"\s]+)/m.exec(block)?.[1],
    };
  }, 60_000);

  it('action.yml runs dist/index.js on node24, and the checkout has no node_modules', () => {
    expect(runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(existsSync(join(checkout(), 'node_modules'))).toBe(false);
    expect(nodeModulesAbove(checkout())).toEqual([]);
  });

  it('outputs the code oathtool computes, masked before anything prints it; the CLI works for later steps', async () => {
    const workspace = join(TMP, 'workspace');
    const runnerTemp = join(TMP, 'runner-temp');
    mkdirSync(workspace);
    mkdirSync(runnerTemp);
    const b32 = encodeBase32(SEED);
    const r = await runCheckedOutAction({
      actionDir: checkout(),
      main: runs.main ?? 'dist/index.js',
      inputs: { secret: b32, 'min-remaining': '0' },
      workspace,
      runnerTemp,
    });
    const view = { ...r, stdout: r.ran.stdout, stderr: r.ran.stderr };
    expectNoSeedInAction(view, SEED, 'the action from a checkout');
    const log = `exit ${r.ran.code}\n${logWithoutMaskCommands(r.ran.stdout)}\n${r.ran.stderr}`;
    expect(r.ran.code, log).toBe(0);

    // The seed is masked first, before the action prints anything.
    expect(r.lines[0], 'the first line the action prints').toBe(`::add-mask::${b32}`);
    const { code, step, period } = r.outputs;
    expect(code).toMatch(/^\d{6}$/);
    expect(period).toBe('30');
    const codeMask = r.lines.indexOf(`::add-mask::${code}`);
    expect(codeMask, 'the code is masked').toBeGreaterThanOrEqual(0);
    const shown = r.lines.findIndex((line, i) => i !== codeMask && line.includes(code as string));
    expect(shown === -1 || shown > codeMask, 'no line shows the code before it is masked').toBe(true);
    expect(r.summary, 'the job summary').not.toContain(code);

    const at = Number(step) * 30;
    const reference = oathtool(b32, at);
    if (reference !== undefined) expect(code, `oathtool's code for step ${step}`).toBe(reference);

    // A later step's `totp-kit`, from the folder the action added to PATH.
    expect(r.paths).toHaveLength(1);
    const later = await run('totp-kit', ['--version'], {
      cwd: workspace,
      env: { ...userEnv(), PATH: [...r.paths, process.env.PATH ?? ''].join(delimiter) },
    });
    expectOk(later, 'totp-kit --version in a later step');
    expect(later.stdout.trim()).toBe(ROOT_PKG.version);
  });
});
