// The CDKTF example (examples/cdktf) deployed and destroyed by the real command-line tools, as its README
// says: `cdktf deploy --auto-approve`, a second deploy that changes nothing, `cdktf destroy --auto-approve`,
// with cdktf-cli and the real `terraform` (built-in terraform_data: no provider, so it works offline). Then
// the same app under CDK Terrain, in the layout npm makes for `"overrides": { "cdktf": "npm:cdktn@0.24.0" }`
// (cdktn installed under the name cdktf, totp-kit installed from its published files), with cdktn-cli.
// Each CLI runs only on some Nodes: cdktf-cli 0.21 needs a build of its native terminal module (shipped for
// Node 18 to 22), cdktn-cli 0.24 needs Node >=22.19 (its engines; on Node 20 it crashes at start). Where
// one cannot run, its part is skipped with a loud warning and that layout's app is synthesized and applied
// with `terraform` itself instead, as the CLI would. Each project is a copy of the example in a folder
// under the repository's .tmp/, so the root node_modules (where the workspace install puts cdktf-cli,
// cdktn-cli and tsx) are found. The whole file is skipped, loudly, where terraform is not on PATH.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBase32 } from '../src/core/base32.js';
import { expectNoSeed, expectNoSeedInDir, expectNoSeedInFile } from './helpers/leak.js';
import { runCli } from './helpers/run-cli.js';
import { terraformVersionStandIn } from './helpers/terraform-version-once.js';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const BIN = join(REPO, 'node_modules', '.bin');
const EXAMPLE = join(REPO, 'examples', 'cdktf');

// Under the repository (git-ignored .tmp/), so the copies find the root node_modules.
mkdirSync(join(REPO, '.tmp'), { recursive: true });
const ROOT = mkdtempSync(join(REPO, '.tmp', 'cdktf-cli-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const HOME = join(ROOT, 'home');
mkdirSync(HOME);

/**
 * The environment of every run: PATH as `npx` makes it (the repository's node_modules/.bin first, so the
 * `node` the provisioners run is the one a user's `npx cdktf deploy` would get), a home of its own, no
 * telemetry, version check or Terraform CLI configuration, and CI for plain, non-interactive output.
 */
const ENV: Record<string, string> = {
  PATH: [BIN, process.env.PATH ?? ''].join(delimiter),
  HOME,
  CDKTF_HOME: join(HOME, '.cdktf'),
  TF_CLI_CONFIG_FILE: '/dev/null',
  CHECKPOINT_DISABLE: '1',
  DISABLE_VERSION_CHECK: '1',
  CI: '1',
  FORCE_COLOR: '0',
};

/** The first line a command prints, or undefined when it cannot run. */
function firstLine(command: string, args: string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8', env: ENV });
  return r.status === 0 ? r.stdout.split('\n')[0]?.trim() : undefined;
}

const TERRAFORM = firstLine('terraform', ['version']);
const OATHTOOL = firstLine('oathtool', ['--version']) !== undefined;
const NODE = firstLine('node', ['--version']) ?? process.version;

/** The Node a package's `engines` asks for, when it is a plain `>=X.Y.Z`, and whether NODE has it. */
function nodeSatisfies(range: string): boolean {
  const min = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (min === null) return true;
  const have = NODE.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const want = Number(min[i + 1]);
    const got = have[i] ?? 0;
    if (got !== want) return got > want;
  }
  return true;
}

/** Why cdktf-cli cannot run on this Node, or undefined: its native module (a terminal) needs a build for it. */
function cdktfCliWhyNot(): string | undefined {
  const cliDir = join(REPO, 'node_modules', 'cdktf-cli');
  if (!existsSync(cliDir)) return undefined; // not installed: the runs fail, saying so
  const pty = '@cdktf/node-pty-prebuilt-multiarch';
  const probe = `require(require.resolve(${JSON.stringify(pty)}, { paths: [${JSON.stringify(cliDir)}] }))`;
  const r = spawnSync('node', ['-e', probe], { encoding: 'utf8', env: ENV });
  if (r.status === 0) return undefined;
  const error = /^\w*Error: .*$/m.exec(r.stderr)?.[0] ?? `exit ${r.status}`;
  return (
    `cdktf-cli 0.21 cannot start on Node ${NODE}: its native module ${pty} does not load (${error}); it ships ` +
    'builds for Node 18 to 22, and none was built for this Node at install'
  );
}

/** Why cdktn-cli cannot run on this Node, or undefined. */
function cdktnCliWhyNot(): string | undefined {
  const pkg = join(REPO, 'node_modules', 'cdktn-cli', 'package.json');
  if (!existsSync(pkg)) return undefined; // not installed: the runs fail, saying so
  const engines: string = JSON.parse(readFileSync(pkg, 'utf8')).engines?.node ?? '';
  if (nodeSatisfies(engines)) return undefined;
  return (
    `cdktn-cli 0.24 needs Node ${engines} (its engines) and this is Node ${NODE}: its bundled undici calls ` +
    'worker_threads.markAsUncloneable (Node 22.10 and later), so on Node 20 it crashes at start'
  );
}

const WHY_NOT = { cdktf: cdktfCliWhyNot(), cdktn: cdktnCliWhyNot() } as const;

if (TERRAFORM === undefined) {
  console.warn(
    '\n*** WARNING: terraform is not on PATH: the real-CLI tests of the CDKTF example (cdktf deploy, ' +
      'cdktn deploy) are SKIPPED ***\n',
  );
} else {
  for (const [bin, why] of Object.entries(WHY_NOT)) {
    if (why === undefined) continue;
    console.warn(
      `\n*** WARNING: ${bin} deploy/destroy is SKIPPED: ${why}. The ${bin} layout's app is synthesized and ` +
        'applied with terraform itself instead, as the CLI would. ***\n',
    );
  }
  const how = (bin: keyof typeof WHY_NOT) =>
    WHY_NOT[bin] === undefined ? `${bin} deploy/destroy` : `${bin} layout by synth + terraform (${bin}-cli SKIPPED)`;
  console.log(
    `constructs-cdktf-cli: ${how('cdktf')}, ${how('cdktn')}, with ${TERRAFORM} on Node ${NODE}` +
      (OATHTOOL ? '; codes checked with oathtool' : '; oathtool not found: codes checked against RFC 6238 here'),
  );
}

/** What the example's outputs and install are called: not copied. */
function copiedFromExample(src: string): boolean {
  const rel = relative(EXAMPLE, src);
  if (rel === '' || rel.includes('/') || rel.includes('\\')) return true;
  return !(
    ['node_modules', 'cdktf.out', 'enroll', '.totp-kit', '.gen', 'package-lock.json'].includes(rel) ||
    /^terraform\..*\.tfstate/.test(rel) ||
    rel.startsWith('.terraform')
  );
}

/** A copy of the example (its sources, without node_modules and outputs) in ROOT/name. */
function copyExample(name: string): string {
  const dir = join(ROOT, name);
  cpSync(EXAMPLE, dir, { recursive: true, filter: copiedFromExample });
  mkdirSync(join(dir, 'node_modules', '@cdktf'), { recursive: true });
  return dir;
}

/** The example as `npm install` with "totp-kit": "file:../.." lays it out: totp-kit a link to the repository. */
function cdktfProject(): string {
  const dir = copyExample('cdktf');
  const link = join(dir, 'node_modules', 'totp-kit');
  symlinkSync(relative(join(dir, 'node_modules'), REPO), link, 'junction');
  return dir;
}

/**
 * The example as npm installs it with `"overrides": { "cdktf": "npm:cdktn@0.24.0" }`: cdktn's package in
 * node_modules/cdktf, and the packages that import `cdktf` — totp-kit (its published files: its bundle
 * resolves `cdktf` from where it is installed) and @cdktf/provider-null — installed beside it, so each loads
 * cdktn. Their other dependencies (constructs, otpauth, …) resolve, as Node walks up, from the root node_modules.
 */
function cdktnProject(): string {
  const dir = copyExample('cdktn');
  const modules = join(dir, 'node_modules');
  cpSync(join(REPO, 'node_modules', 'cdktn'), join(modules, 'cdktf'), { recursive: true });
  cpSync(join(REPO, 'node_modules', '@cdktf', 'provider-null'), join(modules, '@cdktf', 'provider-null'), {
    recursive: true,
  });
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { files: string[] };
  for (const file of ['package.json', 'LICENSE', ...pkg.files]) {
    if (existsSync(join(REPO, file))) cpSync(join(REPO, file), join(modules, 'totp-kit', file), { recursive: true });
  }
  return dir;
}

/** One run's exit status and everything it printed (stdout and stderr together, as a terminal shows them). */
interface Run {
  readonly status: number | null;
  readonly output: string;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const r: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    env: { ...ENV, ...env },
    encoding: 'utf8',
    timeout: 150_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Runs one after the other until one fails. */
function runAll(steps: ReadonlyArray<readonly [string, string[], string, Record<string, string>?]>): Run {
  let output = '';
  for (const [command, args, cwd, env] of steps) {
    const r = run(command, args, cwd, env);
    output += r.output;
    if (r.status !== 0) return { status: r.status, output };
  }
  return { status: 0, output };
}

/** How a project is deployed and destroyed. */
interface Tool {
  readonly deploy: (dir: string) => Run;
  readonly destroy: (dir: string) => Run;
}

/** `cdktf deploy --auto-approve` and `cdktf destroy --auto-approve` (or cdktn's), as a user runs them. */
function cli(bin: 'cdktf' | 'cdktn'): Tool {
  const path = join(BIN, bin);
  const installed = () => expect(existsSync(path), `${path}: missing (npm ci in the repository root installs it)`);
  return {
    deploy: (dir) => {
      installed().toBe(true);
      return run(path, ['deploy', '--auto-approve', '--no-color'], dir);
    },
    destroy: (dir) => run(path, ['destroy', '--auto-approve', '--no-color'], dir),
  };
}

/**
 * The app's environment here: cdktn's version check of each terraform_data (a terraform start each) answered
 * with what `terraform version` printed once, so it still checks the real version.
 */
const STAND_IN = TERRAFORM === undefined ? undefined : terraformVersionStandIn(TERRAFORM);
const APP_ENV: Record<string, string> = STAND_IN === undefined ? {} : { TERRAFORM_BINARY_NAME: STAND_IN };

/** What `cdktn deploy` does, by hand: the app (cdktf.json's `npx tsx main.ts`), then terraform in the stack. */
const synthThenTerraform: Tool = {
  deploy: (dir) => {
    const stack = join(dir, 'cdktf.out', 'stacks', 'totp');
    return runAll([
      [join(BIN, 'tsx'), ['main.ts'], dir, APP_ENV],
      ['terraform', ['init', '-input=false', '-no-color'], stack],
      ['terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], stack],
    ]);
  },
  destroy: (dir) => {
    const stack = join(dir, 'cdktf.out', 'stacks', 'totp');
    return runAll([
      [join(BIN, 'tsx'), ['main.ts'], dir, APP_ENV],
      ['terraform', ['destroy', '-auto-approve', '-input=false', '-no-color'], stack],
    ]);
  },
};

interface StoreRecord {
  readonly secret?: string;
  readonly generation?: string;
}
interface StoreFile {
  readonly keys: Record<string, StoreRecord>;
  readonly methods: Record<string, StoreRecord>;
  readonly enrollments: Record<string, StoreRecord>;
}

const storePath = (dir: string) => join(dir, '.totp-kit', 'store.json');
const readStore = (dir: string) => JSON.parse(readFileSync(storePath(dir), 'utf8')) as StoreFile;

/** Every seed in the store (none when there is no store yet). */
function seedsIn(dir: string): Uint8Array[] {
  if (!existsSync(storePath(dir))) return [];
  const store = readStore(dir);
  return [store.keys, store.methods, store.enrollments]
    .flatMap((records) => Object.values(records))
    .flatMap((r) => (typeof r.secret === 'string' ? [decodeBase32(r.secret)] : []));
}

/** The generation of every record: what a run that changes nothing leaves as it was. */
function generations(dir: string): Record<string, string | undefined> {
  const store = readStore(dir);
  const out: Record<string, string | undefined> = {};
  for (const [kind, records] of Object.entries(store)) {
    if (typeof records !== 'object' || records === null) continue;
    for (const [name, r] of Object.entries(records as Record<string, StoreRecord>))
      out[`${kind}/${name}`] = r.generation;
  }
  return out;
}

// A fixed instant (2027-01-15 08:00:00 UTC): the code is compared without the clock.
const AT = 1_800_000_000;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** RFC 6238 (SHA-1, 6 digits, 30 s), for a machine without oathtool. */
function referenceCode(seed: Uint8Array, at: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30)));
  const mac = createHmac('sha1', seed).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The code of npm-bot at AT as oathtool computes it from the stored seed (or RFC 6238 here, without it). */
function expectedCode(secret: string): string {
  if (!OATHTOOL) return referenceCode(decodeBase32(secret), AT);
  const r = spawnSync('oathtool', ['--totp', '-b', '--now', `@${AT}`, '-'], { input: secret, encoding: 'utf8' });
  expect(r.status, 'oathtool failed').toBe(0);
  return r.stdout.trim();
}

/** Ends the test when the run failed, showing its output — after checking that output for seeds. */
function expectSucceeded(r: Run, seeds: Uint8Array[], what: string): void {
  expectNoSeed(r.output, seeds, `what ${what} printed`);
  expect(r.status, `${what} failed:\n${r.output.slice(-4000)}`).toBe(0);
}

/** deploy, deploy again, destroy: the same checks for every tool and layout. */
function lifecycle(
  tool: Tool,
  project: () => string,
  expected: { version: string; cliPath: (dir: string) => string },
): void {
  let dir = '';

  it('deploy creates the key, the method and both enrollments, writes the barcodes, and leaks no seed', () => {
    dir = project();
    const r = tool.deploy(dir);
    const seeds = seedsIn(dir);
    expectSucceeded(r, seeds, 'deploy');

    const store = readStore(dir);
    expect(Object.keys(store.keys)).toEqual(['npm-bot']);
    expect(Object.keys(store.methods)).toEqual(['ops']);
    expect(Object.keys(store.enrollments).sort()).toEqual(['ops/alice', 'ops/bob']);
    expect(seeds).toHaveLength(3);

    for (const name of ['npm-bot', 'alice', 'bob']) {
      const png = join(dir, 'enroll', `${name}.png`);
      expect(statSync(png).mode & 0o777, `${name}.png mode`).toBe(0o600);
      expect(readFileSync(png).subarray(0, 8)).toEqual(PNG_MAGIC);
    }

    const code = runCli(['key', 'code', 'npm-bot', '--store', `file:${storePath(dir)}`, '--at', String(AT)]);
    expect(code.status, code.stderr).toBe(0);
    expectNoSeed(code.stdout + code.stderr, seeds, 'key code');
    expect(code.stdout.trim()).toBe(expectedCode(store.keys['npm-bot']?.secret ?? ''));

    // The synthesized JSON names no folder of this machine: the same in every checkout.
    const json = readFileSync(join(dir, 'cdktf.out', 'stacks', 'totp', 'cdk.tf.json'), 'utf8');
    for (const absolute of new Set([REPO, realpathSync(REPO), dir, realpathSync(dir), basename(ROOT)])) {
      expect(json).not.toContain(absolute);
    }
    const stack = JSON.parse(json);
    expect(stack['//'].metadata.version, 'the cdktf (or cdktn) that synthesized it').toBe(expected.version);
    const commands = Object.values(stack.resource.terraform_data).flatMap((resource) =>
      (resource as { provisioner: { 'local-exec': { command: string } }[] }).provisioner.map(
        (p) => JSON.parse(p['local-exec'].command)[0] as string,
      ),
    );
    expect(commands.length, 'the provisioners of the four constructs').toBeGreaterThanOrEqual(4);
    for (const cliPath of commands) expect(cliPath).toBe(expected.cliPath(dir));

    expectNoSeedInDir(join(dir, 'cdktf.out'), seeds);
    expectNoSeedInFile(join(dir, 'terraform.totp.tfstate'), seeds);
  }, 180_000);

  it('deploy again changes nothing', () => {
    const before = generations(dir);
    const r = tool.deploy(dir);
    expectSucceeded(r, seedsIn(dir), 'the second deploy');
    expect(r.output).toContain('No changes.');
    expect(r.output).not.toContain('local-exec');
    expect(generations(dir)).toEqual(before);
  }, 180_000);

  it('destroy deletes everything the stack declared from the store', () => {
    const seeds = seedsIn(dir);
    const r = tool.destroy(dir);
    expectSucceeded(r, seeds, 'destroy');
    const store = readStore(dir);
    expect(store.keys).toEqual({});
    expect(store.methods).toEqual({});
    expect(store.enrollments).toEqual({});
    expectNoSeedInDir(join(dir, 'cdktf.out'), seeds);
    expectNoSeedInFile(join(dir, 'terraform.totp.tfstate'), seeds);
  }, 180_000);
}

/** A layout deployed by its CLI where that runs on this Node, else (loudly) by synth + terraform. */
function layout(
  bin: keyof typeof WHY_NOT,
  project: () => string,
  expected: { version: string; cliPath: (dir: string) => string },
) {
  const why = WHY_NOT[bin];
  if (why === undefined) {
    describe(`${bin}-cli`, () => lifecycle(cli(bin), project, expected));
    return;
  }
  describe.skip(`${bin}-cli: ${why}`, () => lifecycle(cli(bin), project, expected));
  describe(`the app synthesized, then applied with terraform as ${bin} deploy would`, () =>
    lifecycle(synthThenTerraform, project, expected));
}

describe.skipIf(TERRAFORM === undefined)('the CDKTF example with the real CLIs and terraform', () => {
  // totp-kit is the repository (a link, as "file:../.." installs it): its CLI, named relative to the project.
  describe('under cdktf (as the example README runs it)', () =>
    layout('cdktf', cdktfProject, {
      version: '0.21.0',
      cliPath: (dir) => relative(dir, join(REPO, 'dist', 'cli.js')),
    }));
  // totp-kit is installed in the project: its CLI is the copy there.
  describe('under cdktn (cdktf overridden by cdktn 0.24.0)', () =>
    layout('cdktn', cdktnProject, { version: '0.24.0', cliPath: () => 'node_modules/totp-kit/dist/cli.js' }));
});
