// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} escapes are the subject here
// `totp-kit plan --stack DIR`: drift between a synthesized CDKTF stack and its stores. Stacks come from the real
// constructs (synthesized into a temporary folder, with absolute store paths) or are written by hand in the
// format they write (a relative store path resolved against the provisioners' working_dir, the null_resource
// form, Terraform escapes). The module and the CLI are tested in-process; the CLI with an AWS store through the
// bundled dist/cli.js, whose AWS SDK reads its endpoint and credentials from the process's environment.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROVISIONER_LAUNCHER } from '../constructs/declared.js';
import { TotpEnrollment, TotpKey, TotpMfaMethod, TotpStore } from '../constructs/index.js';
import { decodeBase32 } from '../src/core/base32.js';
import { TotpKitError } from '../src/core/errors.js';
import type { ResourceContext } from '../src/resources/context.js';
import type { Declaration } from '../src/resources/declaration.js';
import { applyDeclaration } from '../src/resources/plan.js';
import { terraformLiteral, terraformUnescape } from '../src/resources/stack-format.js';
import { planStack, readStack, type StackPlan, stackPlanText, stackResources } from '../src/resources/stack-plan.js';
import { openStore, resolveStoreRef } from '../src/stores/store-ref.js';
import { type InProcessOptions, type InProcessRun, runInProcess } from './helpers/in-process-cli.js';
import { expectNoSeedInCli } from './helpers/leak.js';
import { type CliResult, runCliAsync } from './helpers/run-cli.js';
import { startSecretsManagerServer } from './helpers/secrets-manager-server.js';
import { askTerraformVersionOnce } from './helpers/terraform-version-once.js';

askTerraformVersionOnce();

/** A fixed clock: planning never depends on the time. */
const T = 1_700_000_010;
const ROOT = mkdtempSync(join(tmpdir(), 'totp-kit-stack-plan-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

let dir = '';
let storePath = '';
/** Every CLI run of the test, scanned for the store's seeds afterwards. */
let runs: (CliResult | InProcessRun)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(ROOT, 'case-'));
  storePath = join(dir, 'store.json');
  runs = [];
});
afterEach(() => {
  const seeds = seedsIn(storePath);
  for (const run of runs) expectNoSeedInCli(run, seeds);
});

/** The seeds of a file store (no store key in these tests: Base32). */
function seedsIn(path: string): Uint8Array[] {
  if (!existsSync(path)) return [];
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  return [doc.keys, doc.enrollments].flatMap((section) =>
    Object.values(section ?? {}).map((r) => decodeBase32((r as { secret: string }).secret)),
  );
}

/** Runs `totp-kit …args` in-process at T. */
async function cli(args: readonly string[], options: Omit<InProcessOptions, 'now'> = {}): Promise<InProcessRun> {
  const result = await runInProcess(args, { ...options, now: T });
  runs.push(result);
  return result;
}

/** A refusal: exit 2, one line on stderr, nothing on stdout, no stack trace. */
function refused(result: InProcessRun): string {
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
  expect(result.status, result.stderr).toBe(2);
  return result.stderr.trimEnd();
}

async function context(store: string): Promise<ResourceContext> {
  return { store: await openStore(resolveStoreRef(store, {})), now: () => T };
}

/** Applies declarations in order, as the provisioners would (a method before its enrollments). */
async function applyAll(store: string, declarations: readonly Declaration[]): Promise<void> {
  const ctx = await context(store);
  for (const d of declarations) await applyDeclaration(ctx, d, { generation: 'generation-1' });
}

/** Plans a stack folder in-process, each store opened with the test's clock; counts the stores opened. */
async function plan(stackDir: string): Promise<StackPlan & { opened: string[] }> {
  const opened: string[] = [];
  const { resources } = await readStack(stackDir);
  const planned = await planStack(stackDir, resources, (store, region) => {
    opened.push(region === undefined ? store : `${store} (${region})`);
    return context(store);
  });
  return { ...planned, opened };
}

/** The example: a generated key, an MFA method and an enrollment in it, all in `store`. */
function declare(stack: TerraformStack, store: TotpStore) {
  const key = new TotpKey(stack, 'NpmBot', {
    store,
    name: 'npm-bot',
    generate: { issuer: 'npm ${registry}', accountName: 'release-bot %{x}' },
  });
  const method = new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'Acme' });
  const alice = new TotpEnrollment(stack, 'Alice', { method, entityId: 'alice' });
  return { key, method, alice, all: [key.declaration, method.declaration, alice.declaration] };
}

/** Synthesizes a stack `totp` into `outdir` with the real constructs; returns its folder. */
function synth<T>(outdir: string, build: (stack: TerraformStack) => T): { stackDir: string; built: T } {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'totp');
  // The state beside the synth folder (cdktf's default would be the working directory: the repository).
  new LocalBackend(stack, { path: join(dirname(outdir), 'terraform.totp.tfstate') });
  const built = build(stack);
  app.synth();
  return { stackDir: join(outdir, 'stacks', 'totp'), built };
}

function stackJson(stackDir: string): { resource: Record<string, Record<string, Record<string, unknown>>> } {
  return JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
}

/**
 * Writes the Terraform state an apply of the stack leaves (format 4: a managed resource with one instance per
 * address), so `plan --stack` sees its resources as applied.
 */
function recordApplied(stackDir: string): void {
  const doc = stackJson(stackDir) as unknown as {
    terraform: { backend: { local: { path: string } } };
    resource: Record<string, Record<string, unknown>>;
  };
  const resources = Object.entries(doc.resource).flatMap(([type, byName]) =>
    Object.keys(byName).map((name) => ({ mode: 'managed', type, name, instances: [{ attributes: {} }] })),
  );
  const path = resolve(stackDir, doc.terraform.backend.local.path);
  writeFileSync(path, JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, resources }));
}

/** The address of the resource a construct path (`totp/NpmBot`) synthesized. */
function addressOf(stackDir: string, path: string): string {
  for (const [type, resources] of Object.entries(stackJson(stackDir).resource)) {
    for (const [name, resource] of Object.entries(resources)) {
      const meta = (resource['//'] as { metadata: { path: string } }).metadata;
      if (meta.path === `${path}/Resource`) return `${type}.${name}`;
    }
  }
  return expect.fail(`no resource at ${path}`);
}

/** One totp-kit provisioner as the constructs write it. */
function provisioner(action: 'apply' | 'destroy', workingDir: string, environment: Record<string, string>) {
  return {
    'local-exec': {
      command: JSON.stringify(['dist/cli.js', action, '--generation', '${self.id}', '--declaration-env', 'X']),
      environment,
      interpreter: ['node', '-e', PROVISIONER_LAUNCHER],
      working_dir: workingDir,
      ...(action === 'destroy' ? { when: 'destroy' } : {}),
    },
  };
}

function writeStack(stackDir: string, doc: unknown): void {
  mkdirSync(stackDir, { recursive: true });
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
}

describe('planning a synthesized stack (in-process)', () => {
  it('finds every resource the constructs declared, with its address, path, declaration and store', async () => {
    const { stackDir, built } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    const { resources } = await readStack(stackDir);
    expect(resources).toEqual([
      {
        address: addressOf(stackDir, 'totp/Alice'),
        path: 'totp/Alice',
        declaration: built.alice.declaration,
        store: `file:${storePath}`,
      },
      {
        address: addressOf(stackDir, 'totp/NpmBot'),
        path: 'totp/NpmBot',
        declaration: built.key.declaration,
        store: `file:${storePath}`,
      },
      {
        address: addressOf(stackDir, 'totp/Ops'),
        path: 'totp/Ops',
        declaration: built.method.declaration,
        store: `file:${storePath}`,
      },
    ]);
    // The stack holds the user's text escaped for Terraform; the declaration planned is the user's text.
    const keyResource =
      stackJson(stackDir).resource.terraform_data?.[addressOf(stackDir, 'totp/NpmBot').split('.')[1] as string];
    expect(keyResource?.triggers_replace).toMatchObject({
      declaration: { generate: { issuer: 'npm $${registry}', accountName: 'release-bot %%{x}' } },
    });
    expect(resources[1]?.declaration).toMatchObject({
      generate: { issuer: 'npm ${registry}', accountName: 'release-bot %{x}' },
    });
  });

  it('plans create before any apply, writing nothing; no-op once applied; one store opened once', async () => {
    const { stackDir, built } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    const before = await plan(stackDir);
    expect(before.drifted).toBe(true);
    expect(before.resources.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    expect(readdirSync(dir)).toEqual(['cdktf.out']); // no store file, no lock

    await applyAll(`file:${storePath}`, built.all);
    const after = await plan(stackDir);
    expect(after).toEqual({
      stack: stackDir,
      drifted: false,
      opened: [`file:${storePath}`],
      resources: [
        {
          address: addressOf(stackDir, 'totp/Alice'),
          path: 'totp/Alice',
          resource: 'enrollment of "alice" in MFA method "ops"',
          action: 'no-op',
          changes: [],
          reasons: [],
        },
        {
          address: addressOf(stackDir, 'totp/NpmBot'),
          path: 'totp/NpmBot',
          resource: 'key "npm-bot"',
          action: 'no-op',
          changes: [],
          reasons: [],
        },
        {
          address: addressOf(stackDir, 'totp/Ops'),
          path: 'totp/Ops',
          resource: 'MFA method "ops"',
          action: 'no-op',
          changes: [],
          reasons: [],
        },
      ],
    });
    expect(stackPlanText(after).at(-1)).toBe('No drift: the store holds what the stack declares.');
  });

  it('shows settings changed in the store by hand as update or replace, with reasons', async () => {
    const { stackDir, built } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    await applyAll(`file:${storePath}`, built.all);
    const doc = JSON.parse(readFileSync(storePath, 'utf8'));
    doc.keys['npm-bot'].digits = 8; // forces a new seed
    doc.methods.ops.skew = 0; // in place
    writeFileSync(storePath, JSON.stringify(doc));

    const planned = await plan(stackDir);
    expect(planned.drifted).toBe(true);
    const byPath = Object.fromEntries(planned.resources.map((r) => [r.path, r]));
    expect(byPath['totp/NpmBot']).toMatchObject({
      action: 'replace',
      changes: [{ setting: 'digits', from: 8, to: 6, forcesReplacement: true }],
      reasons: ['digits 8 → 6 forces a new seed'],
    });
    expect(byPath['totp/Ops']).toMatchObject({
      action: 'update',
      changes: [{ setting: 'skew', from: 0, to: 1, forcesReplacement: false }],
      reasons: ['skew 0 → 1 updates in place'],
    });
    expect(byPath['totp/Alice']?.action).toBe('no-op');
    const keyAddress = addressOf(stackDir, 'totp/NpmBot');
    const opsAddress = addressOf(stackDir, 'totp/Ops');
    expect(stackPlanText(planned, 'cdktf.out/stacks/totp')).toEqual([
      `${addressOf(stackDir, 'totp/Alice')} (totp/Alice): enrollment of "alice" in MFA method "ops": no-op`,
      `${keyAddress} (totp/NpmBot): key "npm-bot": replace`,
      '  digits 8 → 6 forces a new seed',
      `${opsAddress} (totp/Ops): MFA method "ops": update`,
      '  skew 0 → 1 updates in place',
      `2 of 3 resources would change: run terraform apply -replace=${keyAddress} -replace=${opsAddress} in cdktf.out/stacks/totp ` +
        "(Terraform's state cannot see changes made in the store, so a plain terraform apply would not repair them)",
    ]);
  });

  it('plans each resource against its own store, opening each store once', async () => {
    const other = join(dir, 'other.json');
    const { stackDir } = synth(join(dir, 'cdktf.out'), (stack) => {
      const a = TotpStore.file(storePath);
      const b = TotpStore.file(other, { resourceType: 'null_resource' });
      const generate = { issuer: 'npm', accountName: 'bot' };
      return [
        new TotpKey(stack, 'A1', { store: a, name: 'one', generate }),
        new TotpKey(stack, 'A2', { store: a, name: 'two', generate }),
        new TotpKey(stack, 'B1', { store: b, name: 'one', generate }),
        new TotpKey(stack, 'B2', { store: b, name: 'two', generate }),
      ];
    });
    const { resources } = await readStack(stackDir);
    expect(resources.map((r) => r.address.split('.')[0])).toEqual([
      'terraform_data',
      'terraform_data',
      'null_resource',
      'null_resource',
    ]);
    await applyAll(
      `file:${storePath}`,
      resources.slice(0, 2).map((r) => r.declaration),
    );
    await applyAll(
      `file:${other}`,
      resources.slice(2).map((r) => r.declaration),
    );

    const clean = await plan(stackDir);
    expect(clean.drifted).toBe(false);
    expect(clean.opened).toEqual([`file:${storePath}`, `file:${other}`]);

    expect((await cli(['key', 'delete', 'two', '--store', `file:${other}`])).status).toBe(0);
    const drifted = await plan(stackDir);
    expect(drifted.resources.map((r) => [r.path, r.action])).toEqual([
      ['totp/A1', 'no-op'],
      ['totp/A2', 'no-op'],
      ['totp/B1', 'no-op'],
      ['totp/B2', 'create'],
    ]);
    expect(drifted.resources[3]?.address).toMatch(/^null_resource\.B2_[0-9A-F]{8}$/);
  });

  it('reads the region of an AWS store and passes it only for that store', async () => {
    const stackDir = join(dir, 'stack');
    const env = (ref: string) => ({ TOTP_KIT_STORE: ref });
    writeStack(stackDir, {
      resource: {
        terraform_data: {
          Aws_1: {
            provisioner: [provisioner('apply', '.', env('x')), provisioner('destroy', '.', env('x'))],
            triggers_replace: {
              declaration: { kind: 'method', methodName: 'ops', issuer: 'Acme' },
              store: 'aws-sm:totp-kit',
              aws_region: 'eu-west-1',
            },
          },
          File_1: {
            provisioner: [provisioner('apply', '.', env('x'))],
            triggers_replace: {
              declaration: { kind: 'method', methodName: 'ops', issuer: 'Acme' },
              store: `file:${storePath}`,
              aws_region: 'eu-west-1',
            },
          },
        },
      },
    });
    const { resources } = await readStack(stackDir);
    expect(resources).toMatchObject([
      { address: 'terraform_data.Aws_1', store: 'aws-sm:totp-kit', region: 'eu-west-1' },
      { address: 'terraform_data.File_1', store: `file:${storePath}`, region: 'eu-west-1' },
    ]);
    const opened: [string, string | undefined][] = [];
    await planStack(stackDir, resources, async (store, region) => {
      opened.push([store, region]);
      return context(`file:${storePath}`);
    });
    expect(opened).toEqual([
      ['aws-sm:totp-kit', 'eu-west-1'],
      [`file:${storePath}`, undefined],
    ]);
  });

  it('undoes the Terraform escapes of user text: $${ is ${ and %%{ is %{', () => {
    expect(terraformUnescape('a $${b} %%{c} $$${d} $x {y}')).toBe('a ${b} %{c} $${d} $x {y}');
    // The inverse of what the constructs write.
    for (const text of ['npm ${var.x} %{if}', '$${already}', 'plain', '$$ %% { }']) {
      expect(terraformUnescape(terraformLiteral(text))).toBe(text);
    }
  });

  it('refuses a stack without totp-kit resources, and a malformed one, naming the resource', () => {
    const noTotp = { resource: { terraform_data: { Other: { input: 'x' } } } };
    expect(() => stackResources(noTotp, dir, '--stack s')).toThrow(
      "--stack s: has no totp-kit resources (allowed: a stack with totp-kit's TotpKey, TotpMfaMethod or TotpEnrollment)",
    );
    expect(() => stackResources([], dir, '--stack s')).toThrow('has no totp-kit resources');
    const execs = [provisioner('apply', '.', {})];
    const bad = (triggers: unknown) => {
      try {
        stackResources({ resource: { null_resource: { R: { provisioner: execs, triggers } } } }, dir);
      } catch (e) {
        expect(e).toBeInstanceOf(TotpKitError);
        expect((e as TotpKitError).kind).toBe('bad-input');
        return (e as Error).message;
      }
      return expect.fail('expected a refusal');
    };
    expect(bad(undefined)).toMatch(/^null_resource\.R: triggers: is missing/);
    expect(bad({ store: `file:${storePath}`, declaration: '{not json' })).toBe(
      'null_resource.R: triggers.declaration: is not valid JSON (allowed: one JSON declaration)',
    );
    expect(
      bad({ store: `file:${storePath}`, declaration: '{"kind":"key","name":"x","generate":{},"digits":7}' }),
    ).toMatch(/^null_resource\.R: digits: /);
    expect(bad({ declaration: '{"kind":"method","methodName":"m","issuer":"i"}' })).toMatch(
      /^null_resource\.R: triggers\.store: is missing/,
    );
    expect(bad({ store: 'vault:x', declaration: '{"kind":"method","methodName":"m","issuer":"i"}' })).toMatch(
      /^null_resource\.R: triggers\.store: vault: is not a known store scheme/,
    );
  });

  it('plans only resources whose provisioner runs totp-kit apply with node -e', () => {
    const triggers = { store: `file:${storePath}`, declaration: '{"kind":"method","methodName":"m","issuer":"i"}' };
    const other = (exec: Record<string, unknown>) => ({ provisioner: [{ 'local-exec': exec }], triggers });
    const doc = {
      resource: {
        null_resource: {
          Shell: other({ command: '["x","apply"]' }),
          Python: other({ command: '["x","apply"]', interpreter: ['python', '-c', 'x'] }),
          NotCli: other({ command: '["x","list"]', interpreter: ['node', '-e', 'x'] }),
          NotJson: other({ command: 'node x apply', interpreter: ['node', '-e', 'x'] }),
          // A construct's Identity resource: it names the declaration for a destroy, with no settings to plan.
          Identity: other({ command: '["x","destroy","--declaration-env","X"]', interpreter: ['node', '-e', 'x'] }),
          Ours: {
            provisioner: [
              { 'local-exec': { command: '["x","apply"]', interpreter: ['node', '-e', 'x'] } },
              { 'local-exec': { command: '["x","destroy"]', interpreter: ['node', '-e', 'x'], when: 'destroy' } },
            ],
            triggers,
          },
        },
      },
    };
    expect(stackResources(doc, dir).map((r) => r.address)).toEqual(['null_resource.Ours']);
  });
});

describe('totp-kit plan --stack', () => {
  it('says to run terraform apply for a stack never applied (no state yet)', async () => {
    const { stackDir } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    const result = await cli(['plan', '--stack', stackDir]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      `3 of 3 resources are not applied yet: run terraform apply in ${stackDir}`,
    );
    expect(result.status).toBe(1);
    const json = JSON.parse((await cli(['plan', '--stack', stackDir, '--json'])).stdout) as StackPlan;
    expect(json.resources.map((r) => [r.action, r.applied])).toEqual([
      ['create', false],
      ['create', false],
      ['create', false],
    ]);
  });

  it('exits 0 when the store holds what the stack declares, 1 with -replace advice after a key is deleted by hand', async () => {
    const { stackDir, built } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    await applyAll(`file:${storePath}`, built.all);
    recordApplied(stackDir);
    const key = addressOf(stackDir, 'totp/NpmBot');
    const ops = addressOf(stackDir, 'totp/Ops');
    const alice = addressOf(stackDir, 'totp/Alice');

    const clean = await cli(['plan', '--stack', stackDir]);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toBe(
      [
        `${alice} (totp/Alice): enrollment of "alice" in MFA method "ops": no-op`,
        `${key} (totp/NpmBot): key "npm-bot": no-op`,
        `${ops} (totp/Ops): MFA method "ops": no-op`,
        'No drift: the store holds what the stack declares.',
        '',
      ].join('\n'),
    );
    expect(clean.status).toBe(0);

    expect((await cli(['key', 'delete', 'npm-bot', '--store', `file:${storePath}`])).status).toBe(0);
    const drift = await cli(['plan', '--stack', stackDir]);
    expect(drift.stderr).toBe('');
    expect(drift.stdout).toBe(
      [
        `${alice} (totp/Alice): enrollment of "alice" in MFA method "ops": no-op`,
        `${key} (totp/NpmBot): key "npm-bot": create`,
        '  does not exist yet',
        `${ops} (totp/Ops): MFA method "ops": no-op`,
        `1 of 3 resources would change: run terraform apply -replace=${key} in ${stackDir} ` +
          "(Terraform's state cannot see changes made in the store, so a plain terraform apply would not repair them)",
        '',
      ].join('\n'),
    );
    expect(drift.status).toBe(1);

    const json = await cli(['plan', '--stack', join(stackDir, 'cdk.tf.json'), '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      stack: join(stackDir, 'cdk.tf.json'),
      drifted: true,
      resources: [
        {
          address: alice,
          path: 'totp/Alice',
          resource: 'enrollment of "alice" in MFA method "ops"',
          action: 'no-op',
          changes: [],
          reasons: [],
          applied: true,
        },
        {
          address: key,
          path: 'totp/NpmBot',
          resource: 'key "npm-bot"',
          action: 'create',
          changes: [],
          reasons: ['does not exist yet'],
          applied: true,
        },
        {
          address: ops,
          path: 'totp/Ops',
          resource: 'MFA method "ops"',
          action: 'no-op',
          changes: [],
          reasons: [],
          applied: true,
        },
      ],
    });
    // A .tf.json file names its folder as the place to run terraform.
    expect((await cli(['plan', '--stack', join(stackDir, 'cdk.tf.json')])).stdout).toContain(
      `-replace=${key} in ${stackDir} (`,
    );
  });

  it('shows an MFA method changed by hand as an update', async () => {
    const { stackDir, built } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    await applyAll(`file:${storePath}`, built.all);
    recordApplied(stackDir);
    const store = `file:${storePath}`;
    expect((await cli(['method', 'update', 'ops', '--period', '60', '--store', store])).status).toBe(0);
    const result = await cli(['plan', '--stack', stackDir]);
    expect(result.stdout).toContain(`${addressOf(stackDir, 'totp/Ops')} (totp/Ops): MFA method "ops": update\n`);
    expect(result.stdout).toContain('  period 60 → 30 updates in place\n');
    expect(result.stdout).toContain(
      `1 of 3 resources would change: run terraform apply -replace=${addressOf(stackDir, 'totp/Ops')} in`,
    );
    expect(result.status).toBe(1);
  });

  it('resolves a relative store path against the project folder the provisioners run in, wherever it is run', async () => {
    // What `cdktf synth` in `project` writes: the store relative to the project, the provisioners run in
    // `../../..` from the stack's folder. (Synthesized here with the real constructs, then given that
    // working_dir: a synth in the test's own folder would name the repository.)
    const project = join(dir, 'project');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const { stackDir: synthesized, built } = synth(join(dir, 'synth'), (stack) =>
      declare(stack, TotpStore.file('.totp-kit/store.json')),
    );
    const doc = stackJson(synthesized);
    for (const resource of Object.values(doc.resource.terraform_data ?? {})) {
      for (const p of resource.provisioner as { 'local-exec': { working_dir: string } }[]) {
        p['local-exec'].working_dir = '../../..';
      }
      expect(resource.triggers_replace).toMatchObject({ store: 'file:.totp-kit/store.json' });
    }
    const stackDir = join(project, 'cdktf.out', 'stacks', 'totp');
    writeStack(stackDir, doc);

    // terraform apply: the provisioners run the CLI in the project folder with the stack's store.
    for (const declaration of built.all) {
      const applied = await cli(['apply', '--generation', 'g1', '--declaration-env', 'TOTP_KIT_DECLARATION'], {
        cwd: project,
        env: { TOTP_KIT_STORE: 'file:.totp-kit/store.json', TOTP_KIT_DECLARATION: JSON.stringify(declaration) },
      });
      expect(applied.status, applied.stderr).toBe(0);
    }
    storePath = join(project, '.totp-kit', 'store.json'); // scanned for seeds after the test

    const clean = await cli(['plan', '--stack', 'project/cdktf.out/stacks/totp'], { cwd: dir });
    expect(clean.stdout.trimEnd().split('\n').at(-1)).toBe('No drift: the store holds what the stack declares.');
    expect(clean.status).toBe(0);
    // TOTP_KIT_STORE is the store of single-declaration commands: the stack names its own.
    const fromElsewhere = await cli(['plan', '--stack', stackDir], {
      cwd: elsewhere,
      env: { TOTP_KIT_STORE: 'file:x.json' },
    });
    expect(fromElsewhere.status, fromElsewhere.stdout).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);

    expect((await cli(['key', 'delete', 'npm-bot'], { cwd: project })).status).toBe(0);
    const drift = await cli(['plan', '--stack', stackDir], { cwd: elsewhere });
    expect(drift.stdout).toContain(`${addressOf(stackDir, 'totp/NpmBot')} (totp/NpmBot): key "npm-bot": create\n`);
    expect(drift.status).toBe(1);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('reads the null_resource form (the declaration as JSON text) and undoes Terraform escapes', async () => {
    const project = join(dir, 'project');
    const stackDir = join(project, 'cdktf.out', 'stacks', 'legacy');
    const declarations = {
      Key_1: {
        kind: 'key',
        name: 'esc',
        generate: { issuer: 'Acme ${env}', accountName: 'bot %{x}' },
        qrCodeFile: 'barcodes/esc.png',
      },
      Key_2: { kind: 'key', name: 'imported', importFrom: 'file:seeds/imported.txt', issuer: 'GitHub', digits: 6 },
    };
    // As the constructs escape user text (a function: in a replacement string `$$` means one `$`).
    const tfEscape = (text: string) => text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
    const environment = {
      TOTP_KIT_STORE: '${self.triggers.store}',
      TOTP_KIT_DECLARATION: '${self.triggers.declaration}',
    };
    writeStack(stackDir, {
      provider: { null: [{}] },
      resource: {
        null_resource: Object.fromEntries(
          Object.entries(declarations).map(([name, declaration]) => [
            name,
            {
              '//': { metadata: { path: `legacy/${name}/Resource`, uniqueId: name } },
              lifecycle: { create_before_destroy: true },
              provisioner: [
                provisioner('apply', '../../..', environment),
                provisioner('destroy', '../../..', environment),
              ],
              triggers: {
                declaration: tfEscape(JSON.stringify(declaration)),
                store: tfEscape('file:state/${dir}/store.json'),
              },
            },
          ]),
        ),
      },
    });
    const written = readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8');
    for (const escaped of ['Acme $${env}', 'bot %%{x}', 'file:state/$${dir}/store.json'])
      expect(written).toContain(escaped);
    mkdirSync(join(project, 'seeds'));
    writeFileSync(join(project, 'seeds', 'imported.txt'), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n');
    const store = 'file:state/${dir}/store.json';
    for (const declaration of Object.values(declarations)) {
      const applied = await cli(['apply', '--declaration', JSON.stringify(declaration), '--store', store], {
        cwd: project,
      });
      expect(applied.status, applied.stderr).toBe(0);
    }
    storePath = join(project, 'state', '${dir}', 'store.json');
    expect(existsSync(storePath)).toBe(true);

    const clean = await cli(['plan', '--stack', stackDir]);
    expect(clean.stdout).toBe(
      [
        'null_resource.Key_1 (legacy/Key_1): key "esc": no-op',
        'null_resource.Key_2 (legacy/Key_2): key "imported": no-op',
        'No drift: the store holds what the stack declares.',
        '',
      ].join('\n'),
    );
    expect(clean.status).toBe(0);
  });

  it('works with an AWS Secrets Manager store, in the region the stack names', async () => {
    const server = await startSecretsManagerServer();
    try {
      const stackDir = join(dir, 'aws');
      const stack = (triggers: Record<string, unknown>) =>
        writeStack(stackDir, {
          resource: {
            terraform_data: {
              Ops_1: {
                provisioner: [provisioner('apply', '.', {}), provisioner('destroy', '.', {})],
                triggers_replace: {
                  declaration: { kind: 'method', methodName: 'ops', issuer: 'Acme' },
                  store: 'aws-sm:totp-kit',
                  ...triggers,
                },
              },
            },
          },
        });
      // No AWS_REGION in the environment: only the stack's aws_region says where the store is.
      const env = {
        AWS_ENDPOINT_URL_SECRETS_MANAGER: server.endpoint,
        AWS_ACCESS_KEY_ID: 'AKIDSTACKPLAN',
        AWS_SECRET_ACCESS_KEY: 'stack-plan-secret',
        AWS_CONFIG_FILE: '/nonexistent/aws-config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
        AWS_EC2_METADATA_DISABLED: 'true',
      };
      stack({ aws_region: 'eu-west-1' });
      const planned = await runCliAsync(['plan', '--stack', stackDir], { env });
      expect(planned.stderr).toBe('');
      expect(planned.stdout).toContain('terraform_data.Ops_1: MFA method "ops": create\n  does not exist yet\n');
      expect(planned.status).toBe(1);

      stack({});
      const noRegion = await runCliAsync(['plan', '--stack', stackDir], { env });
      expect(noRegion.stdout).toBe('');
      expect(noRegion.stderr).toMatch(/^totp-kit: store aws-sm:totp-kit: .*no AWS region configured/);
      expect(noRegion.status).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('exits 3 when a store cannot be read', async () => {
    const { stackDir } = synth(join(dir, 'cdktf.out'), (stack) => declare(stack, TotpStore.file(storePath)));
    writeFileSync(storePath, '{ truncated');
    const result = await cli(['plan', '--stack', stackDir]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `totp-kit: store file:${storePath}: is not valid JSON (corrupt or truncated); it was left untouched (restore it from a backup; moving ${storePath} aside starts an empty store, without its keys and enrollments)\n`,
    );
    expect(result.status).toBe(3);
    storePath = '';
  });

  it('refuses bad input in one line with exit 2', async () => {
    const allowed =
      '(allowed: a stack folder cdktf synth wrote (cdktf.out/stacks/NAME, with cdk.tf.json) or a .tf.json file';
    const missing = join(dir, 'nope');
    expect(refused(await cli(['plan', '--stack', missing]))).toBe(
      `totp-kit: --stack ${missing}: does not exist ${allowed})`,
    );

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(refused(await cli(['plan', '--stack', empty]))).toBe(
      `totp-kit: --stack ${empty}: has no cdk.tf.json ${allowed}; run cdktf synth first)`,
    );

    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'cdk.tf.json'), '{"resource": ');
    expect(refused(await cli(['plan', '--stack', broken]))).toBe(
      `totp-kit: --stack ${join(broken, 'cdk.tf.json')}: is not valid JSON (allowed: the cdk.tf.json cdktf synth writes)`,
    );

    const other = join(dir, 'other');
    writeStack(other, { resource: { terraform_data: { Plain: { input: 'x' } } } });
    expect(refused(await cli(['plan', '--stack', other]))).toBe(
      `totp-kit: --stack ${join(other, 'cdk.tf.json')}: has no totp-kit resources (allowed: a stack with totp-kit's TotpKey, TotpMfaMethod or TotpEnrollment)`,
    );

    const declaration = '{"kind":"method","methodName":"ops","issuer":"Acme"}';
    expect(refused(await cli(['plan', '--stack', other, '--declaration', declaration]))).toBe(
      'totp-kit: --stack: cannot be combined with --declaration (allowed: --stack DIR alone, or one declaration: one of --declaration JSON, --file PATH, --declaration-env NAME, or standard input)',
    );
    expect(refused(await cli(['plan', '--stack', other, '--declaration-env', 'X']))).toMatch(
      /^totp-kit: --stack: cannot be combined with --declaration-env \(/,
    );
    expect(refused(await cli(['plan', '--stack', other, '--store', `file:${storePath}`]))).toBe(
      'totp-kit: --stack: cannot be combined with --store (allowed: --stack DIR alone: each resource names its store)',
    );
    expect(refused(await cli(['plan', '--stack', '']))).toMatch(/^totp-kit: --stack: needs a folder \(/);
    expect(existsSync(storePath)).toBe(false);
  });

  it('is in plan --help', async () => {
    const help = await cli(['plan', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--stack <dir>');
    expect(help.stdout).toContain('terraform apply -replace=ADDRESS');
  });
});
