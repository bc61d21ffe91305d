// The constructs under the real `terraform` binary (built-in terraform_data: no provider, so `terraform init`
// works offline). Each project is a folder under the repository's .tmp/ holding the app's output, its state
// and its file store; the app (test/fixtures/terraform-app.mjs) is synthesized with the project as working
// directory, as `cdktf synth` does, and Terraform runs in cdktf.out/stacks/totp as `cdktf deploy` does.
// Covered: apply of generated and imported keys, a method and two enrollments (codes against oathtool,
// barcodes written); a re-apply that runs nothing; a plan that names the changed setting; replacements
// create-before-destroy with the seed kept or rotated; destroy; a failed apply (wrong store key) leaving
// state and store consistent and converging once fixed; identical JSON from two folders and "No changes"
// after moving the project; the CLI missing at apply; a PostgreSQL store whose URL only terraform's environment
// holds. Skipped, loudly, where terraform (or, for the last, PostgreSQL) is not installed.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from '../src/core/base32.js';
import { expectNoSeed, expectNoSeedInDir } from './helpers/leak.js';
import { findPostgres, startPostgres } from './helpers/postgres-server.mjs';
import { CLI } from './helpers/run-cli.js';
import { askTerraformVersionOnce } from './helpers/terraform-version-once.js';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const APP_URL = pathToFileURL(join(REPO, 'test', 'fixtures', 'terraform-app.mjs')).href;
let synths = 0;

function found(command: string, args: string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  return r.status === 0 ? r.stdout.split('\n')[0]?.trim() : undefined;
}
const TERRAFORM = askTerraformVersionOnce();
const OATHTOOL = found('oathtool', ['--version']) !== undefined;
const POSTGRES = findPostgres();
if (TERRAFORM === undefined) {
  console.warn('\n*** WARNING: terraform is not on PATH: the real-Terraform tests of the constructs are SKIPPED ***\n');
} else {
  console.log(`constructs-terraform: running against ${TERRAFORM}${OATHTOOL ? ', codes checked with oathtool' : ''}`);
  if ('missing' in POSTGRES) {
    console.warn(`\n*** WARNING: ${POSTGRES.missing}: the PostgreSQL store under real Terraform is SKIPPED ***\n`);
  }
}

// Under the repository, so the app finds cdktf and totp-kit (this repository) through node_modules.
mkdirSync(join(REPO, '.tmp'), { recursive: true });
const ROOT = mkdtempSync(join(REPO, '.tmp', 'terraform-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const GH_SEED = randomBytes(20);
const T = 1_800_000_000;

interface Record_ {
  secret: string;
  generation: string;
  skew: number;
  digits: number;
  maxValidationAttempts: number;
}
interface StoreFile {
  keys: Record<string, Record_>;
  methods: Record<string, Record_>;
  enrollments: Record<string, Record_>;
}

/** A project folder: the app's output, state, store and barcodes. */
class Project {
  /** Everything Terraform and the provisioners printed, for the leak scan. */
  readonly printed: string[] = [];
  constructor(
    public dir: string,
    readonly env: Record<string, string> = {},
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /**
   * Synthesizes the app here with these settings: in this process (a Node start and a cdktf load less per
   * synth), with the project as working directory, as `cdktf synth` runs the app.
   */
  async synth(settings: object = {}): Promise<void> {
    const cwd = process.cwd();
    process.env.TOTP_KIT_TEST_APP = JSON.stringify(settings);
    process.chdir(this.dir);
    try {
      // A query of its own each time: the app synthesizes when it is evaluated.
      await import(/* @vite-ignore */ `${APP_URL}?synth=${++synths}`);
    } finally {
      process.chdir(cwd);
      delete process.env.TOTP_KIT_TEST_APP;
    }
  }

  get stackJson(): string {
    return readFileSync(join(this.dir, 'cdktf.out', 'stacks', 'totp', 'cdk.tf.json'), 'utf8');
  }

  /** Runs terraform in the stack's folder, as `cdktf deploy` does. */
  terraform(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
    const input = ['init', 'plan', 'apply', 'destroy'].includes(args[0] ?? '') ? ['-input=false'] : [];
    const r = spawnSync('terraform', ['-chdir=cdktf.out/stacks/totp', ...args, '-no-color', ...input], {
      cwd: this.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TF_CLI_CONFIG_FILE: '/dev/null',
        CHECKPOINT_DISABLE: '1',
        TF_IN_AUTOMATION: '1',
        GH_SEED: encodeBase32(GH_SEED),
        ...this.env,
        ...env,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    this.printed.push(r.stdout, r.stderr);
    return r;
  }

  init(): void {
    const r = this.terraform(['init']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }

  apply(env: Record<string, string> = {}): string {
    const r = this.terraform(['apply', '-auto-approve'], env);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r.stdout;
  }

  plan(): string {
    const r = this.terraform(['plan']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return r.stdout;
  }

  /** The ids of the resources in the state, by construct (NpmBot, Gh, Ops, alice, bob). */
  ids(): Record<string, string> {
    const r = this.terraform(['show', '-json']);
    const state = JSON.parse(r.stdout) as {
      values?: { root_module?: { resources?: { address: string; values: { id: string } }[] } };
    };
    return Object.fromEntries(
      (state.values?.root_module?.resources ?? []).map((res) => [
        res.address.replace(/^terraform_data\.|_[0-9A-F]{8}$/g, ''),
        res.values.id,
      ]),
    );
  }

  store(): StoreFile {
    return JSON.parse(readFileSync(join(this.dir, '.totp-kit', 'store.json'), 'utf8')) as StoreFile;
  }

  /** Every seed the store holds (unsealed stores), for the leak scan. */
  seeds(): Uint8Array[] {
    const path = join(this.dir, '.totp-kit', 'store.json');
    if (!existsSync(path) || this.env.TOTP_KIT_STORE_KEY !== undefined) return [GH_SEED];
    const s = this.store();
    return [GH_SEED, ...[...Object.values(s.keys), ...Object.values(s.enrollments)].map((r) => decodeBase32(r.secret))];
  }

  /** The totp-kit CLI on this project's store. */
  cli(args: string[]): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, [CLI, ...args, '--store', 'file:.totp-kit/store.json'], {
      cwd: this.dir,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      encoding: 'utf8',
    });
  }
}

const projects: Project[] = [];
function project(name: string, env: Record<string, string> = {}): Project {
  const p = new Project(join(ROOT, name), env);
  projects.push(p);
  return p;
}

// The leak scan: no seed the store held in anything Terraform or a provisioner printed, in the state or in
// the synthesized files.
afterEach(() => {
  for (const p of projects.splice(0)) {
    if (!existsSync(p.dir)) continue;
    const seeds = p.seeds();
    expectNoSeed(p.printed.join('\n'), seeds, 'what terraform and the provisioners printed');
    for (const f of ['terraform.totp.tfstate', 'terraform.totp.tfstate.backup']) {
      const path = join(p.dir, f);
      if (existsSync(path)) expectNoSeed(readFileSync(path, 'utf8'), seeds, f);
    }
    if (existsSync(join(p.dir, 'cdktf.out'))) expectNoSeedInDir(join(p.dir, 'cdktf.out'), seeds);
  }
});

function oathtool(seed: string, args: string[], at: number): string {
  const r = spawnSync('oathtool', [...args, '-b', seed, '--now', `@${at}`], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

const mode = (path: string) => statSync(path).mode & 0o777;
const provisioned = (out: string) => (out.match(/Provisioning with 'local-exec'/g) ?? []).length;

describe.skipIf(TERRAFORM === undefined)('the constructs under real Terraform (terraform_data)', () => {
  it('applies keys, a method and enrollments; a re-apply runs nothing; a change is a readable replacement; destroy empties the store', async () => {
    const p = project('lifecycle');
    await p.synth();
    p.init();
    const first = p.apply();
    expect(provisioned(first)).toBe(5);
    let store = p.store();
    let ids = p.ids();
    expect(Object.keys(store.keys).sort()).toEqual(['gh', 'npm-bot']);
    expect(Object.keys(store.methods)).toEqual(['ops']);
    expect(Object.keys(store.enrollments).sort()).toEqual(['ops/alice', 'ops/bob']);
    // Each record carries the generation of the resource that made it: Terraform's id of the terraform_data.
    expect(store.keys['npm-bot']?.generation).toBe(ids.NpmBot);
    expect(store.keys.gh?.generation).toBe(ids.Gh);
    expect(store.methods.ops?.generation).toBe(ids.Ops);
    expect(store.enrollments['ops/alice']?.generation).toBe(ids.alice);
    expect(store.keys.gh?.secret).toBe(encodeBase32(GH_SEED));
    for (const name of ['npm-bot', 'alice', 'bob']) {
      const file = join(p.dir, 'enroll', `${name}.png`);
      expect(readFileSync(file).subarray(0, 4).toString('latin1'), file).toBe('\x89PNG');
      expect(mode(file), file).toBe(0o600);
    }
    expect(mode(join(p.dir, '.totp-kit', 'store.json'))).toBe(0o600);

    // Codes of the keys and enrollments: what an authenticator app (here oathtool) computes from the seeds.
    if (OATHTOOL) {
      for (const name of ['npm-bot', 'gh']) {
        const code = p.cli(['key', 'code', name, '--at', String(T)]);
        expect(code.status, code.stderr).toBe(0);
        expect(code.stdout.trim()).toBe(oathtool(store.keys[name]?.secret ?? '', ['--totp'], T));
      }
      const aliceCode = oathtool(store.enrollments['ops/alice']?.secret ?? '', ['--totp=SHA256'], T);
      const verified = p.cli(['method', 'verify', 'ops', '--entity', 'alice', '--code', aliceCode, '--at', String(T)]);
      expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    }

    // Nothing changed: Terraform plans nothing and runs no provisioner.
    const again = p.apply();
    expect(again).toMatch(/No changes\./);
    expect(provisioned(again)).toBe(0);

    // skew 1 → 0 and maxValidationAttempts 5 → 3: the plan names each setting; both resources are replaced
    // (create before destroy), and the store updates in place, keeping every seed.
    const npmSeed = store.keys['npm-bot']?.secret;
    const barcode = readFileSync(join(p.dir, 'enroll', 'npm-bot.png'));
    await p.synth({ npmBot: { skew: 0 }, ops: { maxValidationAttempts: 3 } });
    const plan = p.plan();
    expect(plan).toMatch(/~ skew\s+= 1 -> 0/);
    expect(plan).toMatch(/~ maxValidationAttempts\s+= 5 -> 3/);
    expect(plan).toMatch(/# terraform_data\.NpmBot_[0-9A-F]{8} must be replaced/);
    expect(plan).toMatch(/\+\/- create replacement and then destroy/);
    expect(plan).toMatch(/Plan: 2 to add, 0 to change, 2 to destroy\./);
    const before = p.ids();
    const changed = p.apply();
    ids = p.ids();
    expect(ids.NpmBot).not.toBe(before.NpmBot);
    expect(ids.alice).toBe(before.alice);
    // The new resource applied (an update in place); Terraform runs no destroy-time provisioner for the
    // replaced object, and nothing is deleted.
    expect(changed).toContain(`key "npm-bot": updated (generation ${ids.NpmBot})`);
    expect(changed).toMatch(/skew 1 → 0 updates in place/);
    expect(changed).not.toMatch(/: deleted/);
    store = p.store();
    expect(store.keys['npm-bot']).toMatchObject({ secret: npmSeed, skew: 0, generation: ids.NpmBot });
    expect(store.methods.ops).toMatchObject({ maxValidationAttempts: 3, generation: ids.Ops });
    expect(readFileSync(join(p.dir, 'enroll', 'npm-bot.png')).equals(barcode)).toBe(true);
    expect(p.apply()).toMatch(/No changes\./);

    // digits 6 → 8 of a generated key needs a new seed: rotated, with a new barcode.
    await p.synth({ npmBot: { skew: 0, digits: 8 }, ops: { maxValidationAttempts: 3 } });
    expect(p.plan()).toMatch(/\+ digits\s+= 8/);
    const rotated = p.apply();
    expect(rotated).toMatch(/digits 6 → 8 forces a new seed/);
    store = p.store();
    expect(store.keys['npm-bot']).toMatchObject({ digits: 8, generation: p.ids().NpmBot });
    expect(store.keys['npm-bot']?.secret).not.toBe(npmSeed);
    expect(readFileSync(join(p.dir, 'enroll', 'npm-bot.png')).equals(barcode)).toBe(false);
    if (OATHTOOL) {
      const code = p.cli(['key', 'code', 'npm-bot', '--at', String(T)]);
      expect(code.stdout.trim()).toBe(oathtool(store.keys['npm-bot']?.secret ?? '', ['--totp', '--digits=8'], T));
    }
    const seedsBeforeDestroy = p.seeds();

    // destroy: everything the stack declared leaves the store; the state is empty.
    const destroyed = p.terraform(['destroy', '-auto-approve']);
    expect(destroyed.status, destroyed.stdout + destroyed.stderr).toBe(0);
    expect(destroyed.stdout).toMatch(/Destroy complete! Resources: 10 destroyed\./);
    expect(p.store()).toMatchObject({ keys: {}, methods: {}, enrollments: {} });
    expect(p.ids()).toEqual({});
    expectNoSeed(p.printed.join('\n'), seedsBeforeDestroy, 'the whole run');
  }, 240_000);

  it('deletes what an old name held when a key, a method or an enrollment is renamed or moved to another store', async () => {
    const p = project('renames');
    await p.synth();
    p.init();
    p.apply();
    const gh = p.store().keys.gh?.secret;
    // npm-bot → npm-bot-2, ops → ops-v2 (its enrollments move with it), gh into another store.
    await p.synth({
      npmBot: { name: 'npm-bot-2' },
      ops: { methodName: 'ops-v2' },
      entities: ['alice', 'bob'],
      ghStore: '.totp-kit/other.json',
    });
    const plan = p.plan();
    expect(plan).toMatch(/~ name\s+= "npm-bot" -> "npm-bot-2"/);
    expect(plan).toMatch(/-\/\+ destroy and then create replacement/);
    const out = p.apply();
    expect(out).toMatch(/key "npm-bot": deleted/);
    expect(out).toMatch(/MFA method "ops": deleted/);
    expect(out).toMatch(/enrollment of "alice" in MFA method "ops": deleted/);
    const store = p.store();
    expect(Object.keys(store.keys).sort()).toEqual(['npm-bot-2']);
    expect(Object.keys(store.methods)).toEqual(['ops-v2']);
    expect(Object.keys(store.enrollments).sort()).toEqual(['ops-v2/alice', 'ops-v2/bob']);
    const other = JSON.parse(readFileSync(join(p.dir, '.totp-kit', 'other.json'), 'utf8')) as StoreFile;
    expect(other.keys.gh?.secret).toBe(gh);
    expect(p.plan()).toMatch(/No changes\./);
    const destroyed = p.terraform(['destroy', '-auto-approve']);
    expect(destroyed.status, destroyed.stdout + destroyed.stderr).toBe(0);
    expect(p.store()).toMatchObject({ keys: {}, methods: {}, enrollments: {} });
    expect(JSON.parse(readFileSync(join(p.dir, '.totp-kit', 'other.json'), 'utf8'))).toMatchObject({ keys: {} });
  }, 240_000);

  it('shows a key deleted from the store by hand with totp-kit plan --stack, and the -replace it suggests repairs it', async () => {
    const p = project('drift');
    // Without enrollments: two provisioner runs fewer, and the drift is in a key.
    await p.synth({ entities: [] });
    p.init();
    p.apply();
    const stack = ['plan', '--stack', 'cdktf.out/stacks/totp'];
    const settled = spawnSync(process.execPath, [CLI, ...stack], { cwd: p.dir, encoding: 'utf8' });
    expect(settled.status, settled.stderr).toBe(0);
    expect(settled.stdout).toMatch(/No drift/);
    expect(p.cli(['key', 'delete', 'gh']).status).toBe(0);
    // Terraform cannot see it: its state says the resource exists.
    expect(p.plan()).toMatch(/No changes\./);
    const drift = spawnSync(process.execPath, [CLI, ...stack], { cwd: p.dir, encoding: 'utf8' });
    expect(drift.status).toBe(1);
    const address = /-replace=(terraform_data\.Gh_[0-9A-F]{8})/.exec(drift.stdout)?.[1];
    expect(address, drift.stdout).toBeDefined();
    expect(drift.stdout).toMatch(/key "gh": create/);
    const replaced = p.terraform(['apply', '-auto-approve', `-replace=${address}`]);
    expect(replaced.status, replaced.stdout + replaced.stderr).toBe(0);
    expect(p.store().keys.gh?.secret).toBe(encodeBase32(GH_SEED));
    expect(spawnSync(process.execPath, [CLI, ...stack], { cwd: p.dir, encoding: 'utf8' }).status).toBe(0);
  }, 240_000);

  it('leaves state and store consistent when an apply fails (wrong store key), and converges once it is fixed', async () => {
    const key = randomBytes(32).toString('base64');
    const p = project('failed-apply', { TOTP_KIT_STORE_KEY: key });
    // Without enrollments: what fails and is retried is the method.
    await p.synth({ entities: [] });
    p.init();
    p.apply();
    const storePath = join(p.dir, '.totp-kit', 'store.json');
    const sealed = readFileSync(storePath, 'utf8');
    const before = p.ids();

    await p.synth({ entities: [], ops: { maxValidationAttempts: 3 } });
    const failed = p.terraform(['apply', '-auto-approve'], { TOTP_KIT_STORE_KEY: randomBytes(32).toString('base64') });
    expect(failed.status).not.toBe(0);
    // The CLI's one line reaches the user through Terraform's error, with no stack trace.
    expect(failed.stderr.replace(/\s+/g, ' ')).toMatch(/totp-kit: .*TOTP_KIT_STORE_KEY/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    // Nothing was written; the old resource is still there (its destroy never ran), the new one is tainted.
    expect(readFileSync(storePath, 'utf8')).toBe(sealed);
    expect(p.ids().Ops).toBe(before.Ops);
    const retry = p.plan();
    expect(retry).toMatch(/terraform_data\.Ops_[0-9A-F]{8} is tainted, so must be replaced|must be replaced/);

    // Fixed: the next apply replaces it and the store follows; then nothing is left to do.
    p.apply();
    const after = p.ids();
    expect(after.Ops).not.toBe(before.Ops);
    const shown = p.cli(['method', 'get', 'ops', '--json']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ maxValidationAttempts: 3 });
    expect(p.plan()).toMatch(/No changes\./);
  }, 240_000);

  it('synthesizes identical JSON in two folders, and a moved project plans "No changes"', async () => {
    // Two checkouts at different depths, each with totp-kit installed in its node_modules (a link here).
    // Without enrollments: the paths they add are the ones the keys and the method already show.
    const settings = { entities: [], store: { cliPath: 'node_modules/totp-kit/dist/cli.js' } };
    const a = project('checkout-a');
    const b = project(join('deeper', 'folder', 'checkout-b'));
    for (const p of [a, b]) {
      mkdirSync(join(p.dir, 'node_modules'), { recursive: true });
      symlinkSync(REPO, join(p.dir, 'node_modules', 'totp-kit'), 'junction');
      await p.synth(settings);
    }
    expect(a.stackJson).toBe(b.stackJson);
    expect(a.stackJson).not.toContain(REPO);
    expect(a.stackJson).not.toContain(ROOT);

    a.init();
    a.apply();
    // Move the whole project (its state and store go with it), synthesize again where it is now: plan settles.
    const moved = join(ROOT, 'moved', 'elsewhere');
    mkdirSync(join(ROOT, 'moved'), { recursive: true });
    renameSync(a.dir, moved);
    a.dir = moved;
    await a.synth(settings);
    expect(a.stackJson).toBe(b.stackJson);
    expect(a.plan()).toMatch(/No changes\./);
    // And the provisioners still find the CLI and the store there.
    const destroyed = a.terraform(['destroy', '-auto-approve']);
    expect(destroyed.status, destroyed.stdout + destroyed.stderr).toBe(0);
    expect(a.store()).toMatchObject({ keys: {}, methods: {}, enrollments: {} });
  }, 240_000);

  it('says in one line when the CLI is missing at apply, naming cliPath', async () => {
    const p = project('no-cli');
    await p.synth({ store: { cliPath: 'node_modules/totp-kit/dist/cli.js' } });
    p.init();
    const r = p.terraform(['apply', '-auto-approve']);
    expect(r.status).not.toBe(0);
    // Terraform folds long lines of a provisioner's output.
    expect(r.stderr.replace(/\s+/g, ' ')).toContain(
      `totp-kit: cliPath: ${join(p.dir, 'node_modules', 'totp-kit', 'dist', 'cli.js')} does not exist (allowed: the dist/cli.js of the installed totp-kit: run npm install in ${p.dir}, or set the store's cliPath)`,
    );
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |ERR_MODULE_NOT_FOUND/);
    expect(existsSync(join(p.dir, '.totp-kit', 'store.json'))).toBe(false);
  }, 120_000);
});

describe.skipIf(TERRAFORM === undefined || 'missing' in POSTGRES)('a PostgreSQL store under real Terraform', () => {
  it("applies into the server DATABASE_URL names in terraform's environment; no URL or password in the JSON or state", async () => {
    const server = await startPostgres();
    try {
      const p = project('postgres', { DATABASE_URL: server.url });
      // Without enrollments: the key, the imported key and the method show the store at three provisioner runs.
      await p.synth({ entities: [], postgres: { urlVariable: 'DATABASE_URL', schema: 'infra' } });
      p.init();
      expect(provisioned(p.apply())).toBe(3);
      const ids = p.ids();
      const { rows } = await server.query<{ kind: string; id: string; record: Record_ }>(
        'SELECT kind, id, record FROM infra.records ORDER BY kind, id',
      );
      expect(rows.map((r) => [r.kind, r.id, r.record.generation])).toEqual([
        ['key', 'gh', ids.Gh],
        ['key', 'npm-bot', ids.NpmBot],
        ['method', 'ops', ids.Ops],
      ]);
      expect(rows[0]?.record.secret).toBe(encodeBase32(GH_SEED));
      const seeds = [GH_SEED, decodeBase32(rows[1]?.record.secret ?? '')];

      const state = readFileSync(join(p.dir, 'terraform.totp.tfstate'), 'utf8');
      for (const [name, text] of [
        ['the synthesized JSON', p.stackJson],
        ['the state', state],
      ] as const) {
        expect(text, name).toContain('"postgres:DATABASE_URL/infra"');
        for (const secret of [server.url, server.password, 'postgres://']) expect(text, name).not.toContain(secret);
        expectNoSeed(text, seeds, name);
      }
      expect(p.printed.join('\n')).not.toContain(server.password);
      expectNoSeed(p.printed.join('\n'), seeds, 'what terraform and the provisioners printed');
      expect(p.plan()).toMatch(/No changes\./);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
