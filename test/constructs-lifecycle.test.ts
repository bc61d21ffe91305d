// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} expressions are the subject here
// What `terraform apply` does with the constructs' null_resources (PRODUCT.md "CDKTF constructs",
// "Resources and their lifecycle"). No terraform binary can be installed here, so `SimulatedTerraform`
// plays its part for null_resources: it reads the synthesized cdk.tf.json, plans against its state
// (create; replace when triggers change; forget a removed resource), gives each new instance a random
// numeric id as the null provider does, and runs the local-exec provisioners as Terraform does — `/bin/sh
// -c COMMAND` in the stack's directory, the provisioner's environment added, `${self.id}` and
// `${self.triggers.*}` substituted, create_before_destroy order (new instances first, then the deposed
// ones' destroy-time provisioners) — against a temporary file store, with the bundled CLI.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TotpEnrollment, TotpKey, type TotpKeyProps, TotpMfaMethod, TotpStore } from '../constructs/index.js';
import { decodeBase32 } from '../src/core/base32.js';
import { loadExample } from './fixtures/example.js';
import { expectNoSeed, expectNoSeedInDir } from './helpers/leak.js';

interface LocalExec {
  readonly command: string;
  readonly environment?: Readonly<Record<string, string>>;
  readonly when?: 'create' | 'destroy';
}
interface NullResourceConfig {
  readonly triggers?: Readonly<Record<string, string>>;
  readonly provisioner?: readonly { readonly 'local-exec': LocalExec }[];
  readonly depends_on?: readonly string[];
  readonly lifecycle?: { readonly create_before_destroy?: boolean };
}
type Config = ReadonlyMap<string, NullResourceConfig>;
interface Instance {
  readonly id: string;
  readonly triggers: Readonly<Record<string, string>>;
}
/** One provisioner run: which resource, create or destroy, with which id, and what the CLI printed. */
interface Run {
  readonly address: string;
  readonly when: 'create' | 'destroy';
  readonly id: string;
  readonly stdout: string;
}

/**
 * A Terraform string template: `$${` and `%%{` are escapes; `${self.id}` and `${self.triggers.NAME}` are
 * the only expressions the constructs use (destroy-time provisioners may reference nothing else).
 */
function evaluate(template: string, self?: Instance): string {
  return template.replace(/\$\$\{|%%\{|%\{|\$\{([^}]*)\}/g, (match, expression: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    const trigger = /^self\.triggers\.(\w+)$/.exec(expression ?? '')?.[1];
    if (self && expression === 'self.id') return self.id;
    if (self && trigger !== undefined && self.triggers[trigger] !== undefined) return self.triggers[trigger];
    throw new Error(`the simulation does not evaluate ${match} in ${JSON.stringify(template)}`);
  });
}

/** Terraform's part for null_resources with local-exec provisioners. */
class SimulatedTerraform {
  readonly state = new Map<string, Instance>();
  runs: Run[] = [];
  /** For the leak scan: everything every provisioner printed, and every seed the store held after one ran. */
  readonly printed: string[] = [];
  readonly seeds = new Map<string, Uint8Array>();

  constructor(private readonly workingDirectory: string) {}

  /** `terraform apply`: creates what is new, replaces what changed, forgets what was removed. */
  apply(config: Config): void {
    this.runs = [];
    const deposed: [string, Instance][] = [];
    const destroyFirst = (address: string) => config.get(address)?.lifecycle?.create_before_destroy !== true;
    for (const address of order(config)) {
      const resource = config.get(address) as NullResourceConfig;
      const triggers = Object.fromEntries(Object.entries(resource.triggers ?? {}).map(([k, v]) => [k, evaluate(v)]));
      const current = this.state.get(address);
      if (current && JSON.stringify(current.triggers) === JSON.stringify(triggers)) continue;
      if (current && destroyFirst(address)) this.#provision(config, address, 'destroy', current);
      else if (current) deposed.push([address, current]);
      // The null provider's id: a random non-negative 63-bit integer, in decimal.
      const created = { id: BigInt.asUintN(63, randomBytes(8).readBigUInt64BE()).toString(), triggers };
      this.state.set(address, created);
      this.#provision(config, address, 'create', created);
    }
    for (const [address, old] of deposed.reverse()) this.#provision(config, address, 'destroy', old);
    // A resource block removed from the configuration takes its destroy-time provisioners with it.
    for (const address of [...this.state.keys()]) if (!config.has(address)) this.state.delete(address);
  }

  /** `terraform destroy`: dependents first. */
  destroy(config: Config): void {
    this.runs = [];
    for (const address of order(config).reverse()) {
      const current = this.state.get(address);
      if (!current) continue;
      this.#provision(config, address, 'destroy', current);
      this.state.delete(address);
    }
  }

  #provision(config: Config, address: string, when: 'create' | 'destroy', self: Instance): void {
    for (const { 'local-exec': exec } of config.get(address)?.provisioner ?? []) {
      if ((exec.when ?? 'create') !== when) continue;
      const environment = Object.fromEntries(
        Object.entries(exec.environment ?? {}).map(([k, v]) => [k, evaluate(v, self)]),
      );
      const r = spawnSync('/bin/sh', ['-c', evaluate(exec.command, self)], {
        cwd: this.workingDirectory,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...environment },
        encoding: 'utf8',
        timeout: 60_000,
      });
      this.printed.push(r.stdout, r.stderr);
      this.#rememberSeeds(environment.TOTP_KIT_STORE);
      if (r.status !== 0) throw new Error(`${address} ${when} provisioner failed (${r.status}): ${r.stderr}`);
      this.runs.push({ address, when, id: self.id, stdout: r.stdout });
    }
  }

  #rememberSeeds(store: string | undefined): void {
    for (const seed of storeSeeds(store)) this.seeds.set(seed, decodeBase32(seed));
  }
}

/** Store files these tests use hold seeds as Base32 (no store key). */
function storeSeeds(reference: string | undefined): string[] {
  const path = reference?.replace(/^file:/, '');
  if (path === undefined || !existsSync(path)) return [];
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { keys?: object; enrollments?: object };
  return [...Object.values(doc.keys ?? {}), ...Object.values(doc.enrollments ?? {})].flatMap((r) =>
    typeof (r as { secret?: unknown }).secret === 'string' ? [(r as { secret: string }).secret] : [],
  );
}

/** Addresses in dependency order (depends_on first). */
function order(config: Config): string[] {
  const done: string[] = [];
  const visit = (address: string) => {
    if (done.includes(address)) return;
    for (const dependency of config.get(address)?.depends_on ?? []) visit(dependency);
    done.push(address);
  };
  for (const address of [...config.keys()].sort()) visit(address);
  return done;
}

/** Synthesizes the stack "totp" with `app.synth()` (validations included) and reads its cdk.tf.json. */
function synthesize(outdir: string, build: (app: App) => TerraformStack): Config {
  const app = new App({ outdir });
  build(app);
  app.synth();
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'totp', 'cdk.tf.json'), 'utf8'));
  return new Map(
    Object.entries<NullResourceConfig>(json.resource.null_resource).map(([name, r]) => [`null_resource.${name}`, r]),
  );
}

interface StoreFile {
  keys: Record<string, { secret: string; generation: string; skew: number; digits: number; issuer: string }>;
  methods: Record<string, { generation: string; maxValidationAttempts: number }>;
  enrollments: Record<string, { secret: string; generation: string }>;
}

const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-constructs-lifecycle-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let dir = '';
let outdir = '';
let terraform: SimulatedTerraform;
beforeEach(() => {
  dir = mkdtempSync(join(ROOT, 'run-'));
  outdir = join(dir, 'cdktf.out');
  terraform = new SimulatedTerraform(join(outdir, 'stacks', 'totp'));
});
// The leak scan of every test file: no seed the store held at any point in the synthesized files, the state,
// or anything a provisioner printed (stdout and stderr).
afterEach(() => {
  const seeds = [...terraform.seeds.values()];
  expectNoSeed(terraform.printed.join('\n'), seeds, 'what the provisioners printed');
  expectNoSeed(JSON.stringify([...terraform.state]), seeds, 'the Terraform state');
  if (existsSync(outdir)) expectNoSeedInDir(outdir, seeds);
});

const readStore = (): StoreFile => JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8'));
const id = (name: string) => {
  const address = [...terraform.state.keys()].find((a) => a.startsWith(`null_resource.${name}_`));
  return terraform.state.get(address ?? '')?.id;
};
const runs = () => terraform.runs.map((r) => `${r.when} ${r.address.replace(/^null_resource\.|_[0-9A-F]{8}$/g, '')}`);
const mode = (path: string) => statSync(path).mode & 0o777;

/** The shape of the example app, with the npm bot's settings, the method and its entities open to change. */
function declare(
  npmBot: Partial<TotpKeyProps> = {},
  maxValidationAttempts = 5,
  entities = ['alice', 'bob'],
  methodName = 'ops',
) {
  return (app: App) => {
    const stack = new TerraformStack(app, 'totp');
    const store = TotpStore.file(join(dir, 'store.json'));
    new TotpKey(stack, 'NpmBot', {
      store,
      name: 'npm-bot',
      generate: { issuer: 'npm', accountName: 'release-bot' },
      qrCodeFile: join(dir, 'enroll', 'npm-bot.png'),
      ...npmBot,
    });
    const ops = new TotpMfaMethod(stack, 'Ops', { store, methodName, issuer: 'Acme', maxValidationAttempts });
    for (const entityId of entities) {
      const qrCodeFile = join(dir, 'enroll', `${entityId}.png`);
      new TotpEnrollment(stack, entityId[0]?.toUpperCase() + entityId.slice(1), { method: ops, entityId, qrCodeFile });
    }
    return stack;
  };
}

// local-exec runs `sh -c` on Linux and macOS; the constructs do not support Windows (whose local-exec shell is cmd).
describe.skipIf(process.platform === 'win32')(
  'terraform apply and destroy of the constructs (simulated Terraform, real CLI and store)',
  () => {
    it('creates, updates in place, replaces with a new seed, and destroys, leaving the store as declared', () => {
      // Create: every resource applied once, the method before its enrollments. (Terraform runs independent
      // resources in parallel; the simulation runs them one at a time, dependencies first.)
      const created = synthesize(outdir, declare());
      terraform.apply(created);
      expect(runs()).toEqual(['create Ops', 'create Alice', 'create Bob', 'create NpmBot']);
      let store = readStore();
      expect(Object.keys(store.keys)).toEqual(['npm-bot']);
      expect(store.keys['npm-bot']).toMatchObject({ generation: id('NpmBot'), skew: 1, digits: 6 });
      expect(store.methods.ops).toMatchObject({ generation: id('Ops'), maxValidationAttempts: 5 });
      expect(Object.keys(store.enrollments).sort()).toEqual(['ops/alice', 'ops/bob']);
      expect(store.enrollments['ops/alice']?.generation).toBe(id('Alice'));
      for (const name of ['npm-bot', 'alice', 'bob']) {
        const file = join(dir, 'enroll', `${name}.png`);
        expect(readFileSync(file).subarray(0, 4).toString('latin1'), file).toBe('\x89PNG');
        expect(mode(file), file).toBe(0o600);
      }
      const seeds = [store.keys['npm-bot'], ...Object.values(store.enrollments)].map((r) => r?.secret ?? '');
      const visible = JSON.stringify([[...created], [...terraform.state], terraform.runs]);
      for (const seed of seeds) expectNoSeed(visible, decodeBase32(seed), 'the configuration, state or apply output');
      const seed = store.keys['npm-bot']?.secret;
      const barcode = readFileSync(join(dir, 'enroll', 'npm-bot.png'));

      // skew and maxValidationAttempts: both null_resources are replaced (new apply, then the old one's
      // guarded destroy); the store updates in place and keeps every seed; the enrollments are untouched.
      const oldBot = id('NpmBot');
      const oldOps = id('Ops');
      const oldAlice = id('Alice');
      terraform.apply(synthesize(outdir, declare({ skew: 0 }, 3)));
      expect(runs()).toEqual(['create Ops', 'create NpmBot', 'destroy NpmBot', 'destroy Ops']);
      expect(terraform.runs.map((r) => r.id)).toEqual([id('Ops'), id('NpmBot'), oldBot, oldOps]);
      expect(terraform.runs.map((r) => r.stdout.split('\n')[0])).toEqual([
        `MFA method "ops": updated (generation ${id('Ops')})`,
        `key "npm-bot": updated (generation ${id('NpmBot')})`,
        `key "npm-bot": kept, it is not generation ${oldBot} (replaced since, or already gone)`,
        `MFA method "ops": kept, it is not generation ${oldOps} (replaced since, or already gone)`,
      ]);
      store = readStore();
      expect(store.keys['npm-bot']).toMatchObject({ secret: seed, skew: 0, digits: 6, generation: id('NpmBot') });
      expect(store.methods.ops).toMatchObject({ maxValidationAttempts: 3, generation: id('Ops') });
      expect(id('Alice')).toBe(oldAlice);
      expect(store.enrollments['ops/alice']?.generation).toBe(oldAlice);
      expect(readFileSync(join(dir, 'enroll', 'npm-bot.png')).equals(barcode)).toBe(true);

      // digits 6 → 8 needs a new seed: the new apply replaces the key, the old guarded destroy deletes nothing,
      // and exactly the new generation is left, with its new barcode.
      const previous = id('NpmBot');
      terraform.apply(synthesize(outdir, declare({ skew: 0, digits: 8 }, 3)));
      expect(runs()).toEqual(['create NpmBot', 'destroy NpmBot']);
      expect(terraform.runs.map((r) => r.stdout)).toEqual([
        `key "npm-bot": replaced (generation ${id('NpmBot')})\n  digits 6 → 8 forces a new seed\n` +
          `  barcode written to ${join(dir, 'enroll', 'npm-bot.png')}\n`,
        `key "npm-bot": kept, it is not generation ${previous} (replaced since, or already gone)\n`,
      ]);
      store = readStore();
      expect(Object.keys(store.keys)).toEqual(['npm-bot']);
      expect(store.keys['npm-bot']).toMatchObject({ digits: 8, skew: 0, generation: id('NpmBot') });
      expect(store.keys['npm-bot']?.secret).not.toBe(seed);
      expect(readFileSync(join(dir, 'enroll', 'npm-bot.png')).equals(barcode)).toBe(false);

      // destroy: the enrollments before their method; the store is left empty.
      terraform.destroy(synthesize(outdir, declare({ skew: 0, digits: 8 }, 3)));
      expect(runs()).toEqual(['destroy NpmBot', 'destroy Bob', 'destroy Alice', 'destroy Ops']);
      expect(terraform.runs.every((r) => r.stdout.endsWith(': deleted\n'))).toBe(true);
      expect(readStore()).toMatchObject({ keys: {}, methods: {}, enrollments: {} });
      expect(terraform.state.size).toBe(0);
    });

    it('leaves the store alone when a construct is removed from the code (Terraform drops its destroy provisioner)', () => {
      terraform.apply(synthesize(outdir, declare()));
      terraform.apply(synthesize(outdir, declare({}, 5, ['alice'])));
      expect(runs()).toEqual([]);
      expect(Object.keys(readStore().enrollments).sort()).toEqual(['ops/alice', 'ops/bob']);
    });

    it('moves enrollments to a renamed method, deleting the old enrollments before the old method', () => {
      terraform.apply(synthesize(outdir, declare()));
      terraform.apply(synthesize(outdir, declare({}, 5, ['alice', 'bob'], 'ops-v2')));
      expect(runs()).toEqual([
        'create Ops',
        'create Alice',
        'create Bob',
        'destroy Bob',
        'destroy Alice',
        'destroy Ops',
      ]);
      const store = readStore();
      expect(Object.keys(store.methods)).toEqual(['ops-v2']);
      expect(Object.keys(store.enrollments).sort()).toEqual(['ops-v2/alice', 'ops-v2/bob']);
    });

    it('passes user text containing ${ and %{ to the store literally', () => {
      terraform.apply(
        synthesize(outdir, declare({ generate: { issuer: 'npm ${var.team} %{if}', accountName: 'release-bot' } })),
      );
      expect(readStore().keys['npm-bot']?.issuer).toBe('npm ${var.team} %{if}');
    });

    it('applies and destroys the example app as a user would deploy it', async () => {
      const { TotpStack } = await loadExample();
      const example = synthesize(outdir, (app) => new TotpStack(app, 'totp', { dir }));
      terraform.apply(example);
      expect(runs()).toEqual(['create Ops', 'create Alice', 'create Bob', 'create NpmBot']);
      const store = JSON.parse(readFileSync(join(dir, '.totp-kit', 'store.json'), 'utf8')) as StoreFile;
      expect(Object.keys(store.keys)).toEqual(['npm-bot']);
      expect(Object.keys(store.methods)).toEqual(['ops']);
      expect(Object.keys(store.enrollments).sort()).toEqual(['ops/alice', 'ops/bob']);
      for (const name of ['npm-bot', 'alice', 'bob']) expect(mode(join(dir, 'enroll', `${name}.png`))).toBe(0o600);
      terraform.destroy(example);
      expect(JSON.parse(readFileSync(join(dir, '.totp-kit', 'store.json'), 'utf8'))).toMatchObject({
        keys: {},
        methods: {},
        enrollments: {},
      });
    });
  },
);
