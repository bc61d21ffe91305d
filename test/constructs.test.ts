// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Terraform's ${…} expressions are the subject here
// The CDKTF constructs (PRODUCT.md "CDKTF constructs"), through real cdktf synthesis: the example app's
// stack (snapshot as a regression net, plus scans that no seed, URL or secret parameter is in anything
// synthesized), the two terraform_data (or null_resource) each construct makes, refusals at synth that list
// every problem of every construct with its path, duplicates, portable paths, and where the provisioners
// find the CLI. What Terraform does with them is test/constructs-terraform.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NullProvider } from '@cdktf/provider-null/lib/provider/index.js';
import { Resource } from '@cdktf/provider-null/lib/resource/index.js';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundledCliPath } from '../constructs/cli-path.js';
import { PROVISIONER_LAUNCHER } from '../constructs/declared.js';
import { TotpEnrollment, TotpKey, type TotpKeyProps, TotpMfaMethod, TotpStore } from '../constructs/index.js';
import { decodeBase32 } from '../src/core/base32.js';
import { loadExample } from './fixtures/example.js';
import { expectNoSeedInDir, expectNoSeedInError } from './helpers/leak.js';
import { askTerraformVersionOnce } from './helpers/terraform-version-once.js';

askTerraformVersionOnce();
// Real processes (terraform, node) on a machine that may be busy: time limits are about hanging only.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
// Relative to the project (the working directory of synth: here the repository).
const CLI = 'dist/cli.js';
const STORE = 'file:.totp-kit/store.json';
const TMP = mkdtempSync(join(tmpdir(), 'totp-kit-constructs-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// The example app's stack, built with the bundle a user installs (dist/constructs.js).
const { TotpStack } = await loadExample();

function stackIn(id = 'test'): TerraformStack {
  return new TerraformStack(Testing.app(), id);
}

interface LocalExec {
  readonly command: string;
  readonly interpreter: string[];
  readonly working_dir: string;
  readonly environment: Record<string, string>;
  readonly when?: string;
}
interface SynthResource {
  readonly triggers_replace?: { declaration: Record<string, unknown>; store: string; aws_region?: string };
  readonly triggers?: Record<string, string>;
  readonly provisioner: { 'local-exec': LocalExec }[];
  readonly lifecycle: { create_before_destroy: boolean };
  readonly depends_on?: string[];
}

/** The resources of one type in a synthesized stack, by construct path (`Bot/Resource`, `Bot/Identity`). */
function resourcesOf(synthesized: string, type = 'terraform_data'): Map<string, SynthResource> {
  const json = JSON.parse(synthesized) as { resource: Record<string, Record<string, SynthResource>> };
  return new Map(
    Object.entries(json.resource[type] ?? {}).map(([id, r]) => {
      const name = id.replace(/_[0-9A-F]{8}$/, '');
      return [name.endsWith('_Identity') ? `${name.slice(0, -'_Identity'.length)}/Identity` : `${name}/Resource`, r];
    }),
  );
}

/** Synthesizes with validations, as `cdktf synth` does, and returns the error message (or fails). */
function refusal(stack: TerraformStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  return expect.fail('synth was expected to fail');
}

/** Every line of a refusal naming a construct: `[path] setting: problem (allowed: …)`. */
function refusalLines(message: string): string[] {
  return message.split('\n').flatMap((l) => (l.trim().startsWith('[') ? [l.trim()] : []));
}

/** Text a seed could hide in: Base32 of 16 or more characters, an otpauth URL, a secret parameter. */
function seedLike(text: string): string[] {
  return [...(text.match(/[A-Z2-7]{16,}/g) ?? []), ...(text.match(/otpauth:\/\/|secret=/gi) ?? [])];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const GENERATED: TotpKeyProps = {
  store: TotpStore.file('.totp-kit/store.json'),
  name: 'npm-bot',
  generate: { issuer: 'npm', accountName: 'release-bot' },
};

describe('the example app', () => {
  it('synthesizes two terraform_data per construct, no provider, Terraform 1.4 or later (snapshot: a regression net)', () => {
    // An outdir under the repository, so the project's place relative to the stack is the same on every machine.
    const outdir = join(REPO, '.tmp', 'constructs-snapshot', 'cdktf.out');
    mkdirSync(outdir, { recursive: true });
    const synthesized = Testing.synth(new TotpStack(Testing.app({ outdir }), 'totp'), true);
    rmSync(join(REPO, '.tmp', 'constructs-snapshot'), { recursive: true, force: true });
    const json = JSON.parse(synthesized);
    expect([...resourcesOf(synthesized).keys()].sort()).toEqual([
      'Alice/Identity',
      'Alice/Resource',
      'Bob/Identity',
      'Bob/Resource',
      'NpmBot/Identity',
      'NpmBot/Resource',
      'Ops/Identity',
      'Ops/Resource',
    ]);
    expect(json.provider).toBeUndefined();
    expect(json.terraform.required_providers).toBeUndefined();
    expect(json.terraform.required_version).toBe('>= 1.4.0');
    expect(synthesized).not.toContain(REPO);
    expect(synthesized).toMatchSnapshot();
  });

  it('holds no seed-like Base32, otpauth URL or secret parameter in anything synthesized', () => {
    const app = new App({ outdir: join(TMP, 'example-out') });
    new TotpStack(app, 'totp');
    app.synth();
    const files = filesUnder(join(TMP, 'example-out'));
    expect(files.map((f) => f.slice(TMP.length))).toContain('/example-out/stacks/totp/cdk.tf.json');
    // Paths are the machine's (a checkout folder could look like Base32): scan what the stack put there.
    const scan = (file: string) => seedLike(readFileSync(file, 'utf8').replaceAll(REPO, '').replaceAll(TMP, ''));
    for (const file of files) expect(scan(file), file).toEqual([]);
    // The scan can fail: it finds a generated seed and a URL.
    expect(seedLike('{"secret":"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"}')).toEqual(['JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP']);
    expect(seedLike('otpauth://totp/a:b?secret=x')).toEqual(['otpauth://', 'secret=']);
  });

  it('keeps each declaration in triggers_replace with its store, and the provisioners that read them from self', () => {
    const synthesized = Testing.synth(new TotpStack(Testing.app(), 'totp'), true);
    const resources = resourcesOf(synthesized);
    const declarations: Record<string, object> = {
      NpmBot: {
        kind: 'key',
        name: 'npm-bot',
        generate: { issuer: 'npm', accountName: 'release-bot' },
        digits: 6,
        qrCodeFile: 'enroll/npm-bot.png',
      },
      Ops: {
        kind: 'method',
        methodName: 'ops',
        issuer: 'Acme',
        algorithm: 'SHA256',
        skew: 1,
        maxValidationAttempts: 5,
      },
      Alice: { kind: 'enrollment', method: 'ops', entityId: 'alice', qrCodeFile: 'enroll/alice.png' },
      Bob: { kind: 'enrollment', method: 'ops', entityId: 'bob', qrCodeFile: 'enroll/bob.png' },
    };
    const environment = {
      TOTP_KIT_STORE: '${self.triggers_replace.store}',
      TOTP_KIT_DECLARATION: '${jsonencode(self.triggers_replace.declaration)}',
    };
    for (const [name, declaration] of Object.entries(declarations)) {
      const main = resources.get(`${name}/Resource`);
      expect(main?.triggers_replace, name).toEqual({ declaration, store: STORE });
      expect(main?.lifecycle).toEqual({ create_before_destroy: true });
      const [apply, destroy] = main?.provisioner.map((p) => p['local-exec']) ?? [];
      expect(apply?.interpreter).toEqual(['node', '-e', PROVISIONER_LAUNCHER]);
      expect(JSON.parse(apply?.command ?? '')).toEqual([
        CLI,
        'apply',
        '--generation',
        '${self.id}',
        '--declaration-env',
        'TOTP_KIT_DECLARATION',
      ]);
      expect(apply?.environment).toEqual(environment);
      expect(apply?.when).toBeUndefined();
      expect(JSON.parse(destroy?.command ?? '')).toEqual([
        CLI,
        'destroy',
        '--generation',
        '${self.id}',
        '--declaration-env',
        'TOTP_KIT_DECLARATION',
      ]);
      expect(destroy?.when).toBe('destroy');
      // The identity: what names the declaration, replaced destroy-first, deleting whatever the name held.
      const identity = resources.get(`${name}/Identity`);
      const named = Object.fromEntries(
        Object.entries(declaration).filter(([k]) => ['kind', 'name', 'methodName', 'method', 'entityId'].includes(k)),
      );
      expect(identity?.triggers_replace, name).toEqual({ declaration: named, store: STORE });
      expect(identity?.lifecycle).toEqual({ create_before_destroy: false });
      expect(identity?.provisioner.map((p) => JSON.parse(p['local-exec'].command))).toEqual([
        [CLI, 'destroy', '--declaration-env', 'TOTP_KIT_DECLARATION'],
      ]);
      expect(identity?.provisioner[0]?.['local-exec'].when).toBe('destroy');
    }
    // Every provisioner runs in the same folder: the project, named relative to the stack's directory.
    const dirs = new Set([...resources.values()].flatMap((r) => r.provisioner.map((p) => p['local-exec'].working_dir)));
    expect(dirs.size).toBe(1);
    // Enrollments after their method; identities after their resource (and an enrollment's before its method's).
    const address = (path: string) => {
      const ids = Object.keys(JSON.parse(synthesized).resource.terraform_data);
      const prefix = path.replace('/Resource', '').replace('/', '_');
      return `terraform_data.${ids.find((k) => k.replace(/_[0-9A-F]{8}$/, '') === prefix)}`;
    };
    expect(resources.get('Alice/Resource')?.depends_on).toEqual([address('Ops/Resource')]);
    expect(resources.get('NpmBot/Resource')?.depends_on).toBeUndefined();
    expect(resources.get('NpmBot/Identity')?.depends_on).toEqual([address('NpmBot/Resource')]);
    expect(resources.get('Alice/Identity')?.depends_on).toEqual([address('Alice/Resource'), address('Ops/Identity')]);
  });

  it('outputs names, issuers, accounts and barcode paths, never a URL or seed', () => {
    const outputs = Object.values<{ value: unknown }>(
      JSON.parse(Testing.synth(new TotpStack(Testing.app(), 'totp'), true)).output,
    ).map((o) => o.value);
    expect(outputs).toEqual(
      expect.arrayContaining([
        { name: 'npm-bot', issuer: 'npm', accountName: 'release-bot', qrCodeFile: 'enroll/npm-bot.png' },
        { methodName: 'ops', issuer: 'Acme' },
        { method: 'ops', entityId: 'alice', issuer: 'Acme', qrCodeFile: 'enroll/alice.png' },
        { method: 'ops', entityId: 'bob', issuer: 'Acme', qrCodeFile: 'enroll/bob.png' },
      ]),
    );
    expect(outputs).toHaveLength(4);
  });

  it('is type-checked by `npm run typecheck`, as `totp-kit/constructs` (the published types), with the strict settings', () => {
    // The root tsconfig includes the example (a misuse of the API fails typecheck, a step of npm test): no second
    // tsc run. Its import resolves, as in a user's project, through node_modules to types/constructs.d.ts, which
    // check-dist keeps equal to the sources. No `paths`: tsx would honour them, and the example's app would run
    // the constructs' sources instead of the bundle.
    const tsconfig = JSON.parse(readFileSync(join(REPO, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { strict: boolean; paths?: unknown };
      include: string[];
    };
    expect(tsconfig.include).toContain('examples/cdktf/*.ts');
    expect(tsconfig.compilerOptions.strict).toBe(true);
    expect(tsconfig.compilerOptions.paths).toBeUndefined();
    expect(existsSync(join(REPO, 'examples', 'cdktf', 'stack.ts'))).toBe(true);
  });
});

describe('refusals at synth', () => {
  it('lists every problem of every construct, each with its construct path, setting and what is allowed', () => {
    const stack = stackIn('bad');
    const store = TotpStore.file(join(TMP, 'store.json'));
    new TotpKey(stack, 'Digits', { ...GENERATED, store, name: 'a', digits: 7, period: 0 });
    new TotpKey(stack, 'Skew', { ...GENERATED, store, name: 'b', skew: 2 });
    new TotpKey(stack, 'Colon', { store, name: 'c', generate: { issuer: 'Acme:Ops', accountName: 'x' } });
    new TotpKey(stack, 'NoIssuer', { store, name: 'd', generate: { accountName: 'x' } as never });
    new TotpKey(stack, 'Both', { ...GENERATED, store, name: 'e', importFrom: 'env:NPM_SEED' });
    new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'Acme', maxValidationAttempts: 0 });
    const message = refusal(stack);
    expect(refusalLines(message)).toEqual([
      '[bad/Digits] digits: "7" is not allowed (allowed: 6 or 8)',
      '[bad/Digits] period: 0 is out of range (allowed: whole seconds from 1 to 4294967295)',
      '[bad/Skew] skew: "2" is not allowed (allowed: 0 or 1)',
      '[bad/Colon] issuer: contains ":" (character 5) (allowed: any text without ":")',
      '[bad/NoIssuer] issuer: is required for a generated key (allowed: any text without ":")',
      '[bad/Both] generate: and importFrom were both given (allowed: exactly one of generate and importFrom)',
      '[bad/Ops] maxValidationAttempts: 0 is out of range (allowed: 1 to 1000)',
    ]);
  });

  it('fails app.synth() the same way and writes no stack', () => {
    const outdir = join(TMP, 'refused-out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bad');
    new TotpKey(stack, 'Digits', { ...GENERATED, digits: 8 as number, period: -30 });
    new TotpMfaMethod(stack, 'Ops', { store: GENERATED.store, methodName: 'ops', issuer: 'a:b', algorithm: 'MD5' });
    expect(() => app.synth()).toThrow(
      /\[bad\/Digits\] period: -30 is out of range[^\n]*\n\s*\[bad\/Ops\] algorithm: "MD5" is not supported[^\n]*\n\s*\[bad\/Ops\] issuer: contains ":" \(character 2\)/,
    );
    expect(existsSync(join(outdir, 'stacks', 'bad', 'cdk.tf.json'))).toBe(false);
  });

  it('refuses a seed or otpauth URL given as importFrom without printing it, before anything is written', () => {
    const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const outdir = join(TMP, 'seed-out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'bad');
    const store = GENERATED.store;
    new TotpKey(stack, 'Pasted', { store, name: 'a', importFrom: seed });
    new TotpKey(stack, 'Url', { store, name: 'b', importFrom: `otpauth://totp/npm:bot?secret=${seed}` });
    new TotpKey(stack, 'Remote', { store, name: 'c', importFrom: 'vault-totp:totp/npm' });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
      expectNoSeedInError(e, decodeBase32(seed), 'the synth refusal (message and stack)');
    }
    expect(refusalLines(message)).toEqual([
      '[bad/Pasted] importFrom: is not a source reference (its value was not printed) (allowed: env:NAME, file:PATH, aws-sm:ID[#FIELD], vault-kv:MOUNT/PATH#FIELD, vault-totp:MOUNT/KEY, store:NAME)',
      '[bad/Url] importFrom: is an otpauth URL, not a source reference (the URL was not printed) (allowed: env:NAME, file:PATH, aws-sm:ID[#FIELD], vault-kv:MOUNT/PATH#FIELD, vault-totp:MOUNT/KEY, store:NAME; pass URLs through env:NAME or file:PATH)',
      '[bad/Remote] importFrom: vault-totp:totp/npm keeps its seed in Vault, so it cannot be used for an import (allowed: a source that holds the seed: env:, file:, aws-sm:, vault-kv:, store:)',
    ]);
    expect(message).not.toContain('JBSWY3DP');
    if (existsSync(outdir)) expectNoSeedInDir(outdir, decodeBase32(seed));
    expect(existsSync(outdir) ? filesUnder(outdir).filter((f) => f.endsWith('.tf.json')) : []).toEqual([]);
  });

  it('refuses two constructs declaring one key, method or enrollment in one store, naming the others', () => {
    const stack = stackIn('dup');
    const store = TotpStore.file(join(TMP, 'dup.json'));
    const other = TotpStore.file(join(TMP, 'other.json'));
    new TotpKey(stack, 'Bot1', { ...GENERATED, store });
    new TotpKey(stack, 'Bot2', { ...GENERATED, store, digits: 8 });
    new TotpKey(stack, 'Elsewhere', { ...GENERATED, store: other });
    const ops = new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'Acme' });
    new TotpMfaMethod(stack, 'Ops2', { store, methodName: 'ops', issuer: 'Acme' });
    new TotpKey(stack, 'KeyNamedOps', { ...GENERATED, store, name: 'ops' });
    new TotpEnrollment(stack, 'Alice', { method: ops, entityId: 'alice' });
    new TotpEnrollment(stack, 'Alice2', { method: ops, entityId: 'alice' });
    new TotpEnrollment(stack, 'Bob', { method: ops, entityId: 'bob' });
    const s = `store file:${join(TMP, 'dup.json')}`;
    expect(refusalLines(refusal(stack))).toEqual([
      `[dup/Bot1] name: "npm-bot" is declared again by dup/Bot2 in ${s} (allowed: one construct per key name and store in a stack)`,
      `[dup/Bot2] name: "npm-bot" is declared again by dup/Bot1 in ${s} (allowed: one construct per key name and store in a stack)`,
      `[dup/Ops] methodName: "ops" is declared again by dup/Ops2 in ${s} (allowed: one construct per MFA method name and store in a stack)`,
      `[dup/Ops2] methodName: "ops" is declared again by dup/Ops in ${s} (allowed: one construct per MFA method name and store in a stack)`,
      `[dup/Alice] entityId: "ops/alice" is declared again by dup/Alice2 in ${s} (allowed: one construct per enrollment and store in a stack)`,
      `[dup/Alice2] entityId: "ops/alice" is declared again by dup/Alice in ${s} (allowed: one construct per enrollment and store in a stack)`,
    ]);
  });

  it('checks the store, and refuses values known only at apply and an enrollment in another stack', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'bad');
    const aws = TotpStore.awsSecretsManager({ prefix: 'totp kit', region: 'eu west' });
    new TotpKey(stack, 'Aws', { ...GENERATED, store: aws });
    new TotpKey(stack, 'Empty', { ...GENERATED, store: TotpStore.file('') });
    const entity = new TerraformVariable(stack, 'entity', { type: 'string' });
    const ops = new TotpMfaMethod(new TerraformStack(app, 'other'), 'Ops', {
      store: GENERATED.store,
      methodName: 'ops',
      issuer: 'Acme',
    });
    new TotpEnrollment(stack, 'Token', { method: ops, entityId: entity.stringValue });
    expect(refusalLines(refusal(stack))).toEqual([
      '[bad/Aws] store: aws-sm: needs a secret name prefix (allowed: aws-sm:PREFIX with letters, digits and /_+=.@-)',
      '[bad/Aws] region: "eu west" is not an AWS region (allowed: a region name such as eu-west-1)',
      '[bad/Empty] store: file: needs a path (allowed: file:PATH, aws-sm:PREFIX or postgres:VAR)',
      '[bad/Token] entityId: is a Terraform token, known only at apply (allowed: a value known at synth)',
      '[bad/Token] method: other/Ops is in another stack (allowed: a TotpMfaMethod of the same stack)',
    ]);
  });

  it('refuses a PostgreSQL store given a URL as urlVariable, or a bad variable or schema, naming the prop and never the URL', () => {
    const url = 'postgres://totp:hunter2-password@db.internal:5432/app';
    const stack = new TerraformStack(Testing.app(), 'pg');
    // Two constructs on the refused store: the duplicate's refusal names the store too, and must not show the URL.
    const asUrlStore = TotpStore.postgres({ urlVariable: url });
    new TotpKey(stack, 'Url', { ...GENERATED, store: asUrlStore });
    new TotpKey(stack, 'Url2', { ...GENERATED, store: asUrlStore });
    new TotpKey(stack, 'Name', { ...GENERATED, name: 'b', store: TotpStore.postgres({ urlVariable: 'DATABASE-URL' }) });
    const badSchema = TotpStore.postgres({ urlVariable: 'DATABASE_URL', schema: 'CI-Totp' });
    new TotpMfaMethod(stack, 'Schema', { store: badSchema, methodName: 'ops', issuer: 'Acme' });
    const message = refusal(stack);
    for (const leak of ['hunter2', 'db.internal', 'postgres://totp']) expect(message).not.toContain(leak);
    const asUrl =
      'urlVariable: postgres: takes the name of an environment variable that holds the connection URL, never the URL itself (allowed: postgres:DATABASE_URL, with DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE in the environment)';
    expect(refusalLines(message)).toEqual([
      `[pg/Url] ${asUrl}`,
      `[pg/Url] name: "npm-bot" is declared again by pg/Url2 in store postgres:(urlVariable refused) (allowed: one construct per key name and store in a stack)`,
      `[pg/Url2] ${asUrl}`,
      `[pg/Url2] name: "npm-bot" is declared again by pg/Url in store postgres:(urlVariable refused) (allowed: one construct per key name and store in a stack)`,
      '[pg/Name] urlVariable: postgres: needs an environment variable name ("DATABASE-URL") (allowed: postgres:VAR (VAR holds the connection URL), postgres: (the PG* variables), either with /SCHEMA)',
      '[pg/Schema] schema: postgres: schema "CI-Totp" is not a schema name (allowed: a schema of lower-case letters, digits and _, starting with a letter or _, at most 63 characters)',
    ]);
  });
});

describe('the resources', () => {
  it('pass an AWS Secrets Manager store and its region through triggers', () => {
    const stack = stackIn();
    const store = TotpStore.awsSecretsManager({ prefix: 'totp/prod', region: 'eu-west-1' });
    new TotpKey(stack, 'Bot', { ...GENERATED, store });
    for (const [path, resource] of resourcesOf(Testing.synth(stack, true))) {
      expect(resource.triggers_replace, path).toMatchObject({ store: 'aws-sm:totp/prod', aws_region: 'eu-west-1' });
      for (const p of resource.provisioner)
        expect(p['local-exec'].environment.AWS_REGION).toBe('${self.triggers_replace.aws_region}');
    }
  });

  it('name only the variable of a PostgreSQL store, never its URL, even with the URL in the environment at synth', () => {
    vi.stubEnv('DATABASE_URL', 'postgres://totp:synth-time-password@db.internal:6543/app');
    vi.stubEnv('PGPASSWORD', 'pg-password-at-synth');
    try {
      const stack = stackIn();
      const store = TotpStore.postgres({ urlVariable: 'DATABASE_URL', schema: 'ci_totp' });
      new TotpKey(stack, 'Bot', { ...GENERATED, store });
      new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'Acme' });
      const synthesized = Testing.synth(stack, true);
      const resources = resourcesOf(synthesized);
      expect([...resources.keys()].sort()).toEqual(['Bot/Identity', 'Bot/Resource', 'Ops/Identity', 'Ops/Resource']);
      for (const [path, resource] of resources) {
        expect(resource.triggers_replace?.store, path).toBe('postgres:DATABASE_URL/ci_totp');
        expect(resource.triggers_replace?.aws_region, path).toBeUndefined();
        // The URL reaches the CLI from terraform's own environment: the provisioners pass only the reference.
        for (const p of resource.provisioner) {
          expect(Object.keys(p['local-exec'].environment).sort(), path).toEqual([
            'TOTP_KIT_DECLARATION',
            'TOTP_KIT_STORE',
          ]);
        }
      }
      for (const leak of ['postgres://', 'synth-time-password', 'db.internal', 'pg-password-at-synth']) {
        expect(synthesized).not.toContain(leak);
      }
    } finally {
      vi.unstubAllEnvs();
    }
    // Without a variable: the PG* variables of terraform's environment; the schema alone, or neither.
    expect(TotpStore.postgres({ schema: 'ops' }).reference).toBe('postgres:/ops');
    expect(TotpStore.postgres().reference).toBe('postgres:');
  });

  it('escape ${ and %{ in user text, so Terraform passes it on literally instead of evaluating it', () => {
    const stack = stackIn();
    new TotpKey(stack, 'Bot', { ...GENERATED, generate: { issuer: 'npm ${var.x} %{if}', accountName: 'bot' } });
    const synthesized = Testing.synth(stack, true);
    expect(resourcesOf(synthesized).get('Bot/Resource')?.triggers_replace?.declaration.generate).toEqual({
      issuer: 'npm $${var.x} %%{if}',
      accountName: 'bot',
    });
    expect(Object.values<{ value: { issuer: string } }>(JSON.parse(synthesized).output)[0]?.value.issuer).toBe(
      'npm $${var.x} %%{if}',
    );
  });

  it('keep relative store, barcode and CLI paths relative to the project, and absolute ones as given', () => {
    const stack = stackIn();
    const rel = TotpStore.file('./state//s.json', { cliPath: 'node_modules/totp-kit/dist/cli.js' });
    new TotpKey(stack, 'Rel', { ...GENERATED, store: rel, qrCodeFile: './qr/bot.png' });
    new TotpKey(stack, 'Abs', {
      ...GENERATED,
      store: TotpStore.file('/srv/s.json', { cliPath: '/opt/totp-kit/dist/cli.js' }),
      qrCodeFile: '/srv/qr.png',
    });
    const resources = resourcesOf(Testing.synth(stack, true));
    const seen = (name: string) => {
      const r = resources.get(`${name}/Resource`);
      return [
        r?.triggers_replace?.store,
        r?.triggers_replace?.declaration.qrCodeFile,
        JSON.parse(r?.provisioner[0]?.['local-exec'].command ?? '[]')[0],
      ];
    };
    expect(seen('Rel')).toEqual(['file:state/s.json', 'qr/bot.png', 'node_modules/totp-kit/dist/cli.js']);
    expect(seen('Abs')).toEqual(['file:/srv/s.json', '/srv/qr.png', '/opt/totp-kit/dist/cli.js']);
  });

  it('are the same JSON whatever the app outdir is called, and name the project relative to the stack', () => {
    const synth = (outdir: string) => {
      mkdirSync(outdir, { recursive: true });
      const app = new App({ outdir });
      new TotpStack(app, 'totp');
      app.synth();
      return readFileSync(join(outdir, 'stacks', 'totp', 'cdk.tf.json'), 'utf8');
    };
    const a = synth(join(REPO, '.tmp', 'constructs-a', 'cdktf.out'));
    const b = synth(join(REPO, '.tmp', 'constructs-b', 'cdktf.out'));
    rmSync(join(REPO, '.tmp', 'constructs-a'), { recursive: true, force: true });
    rmSync(join(REPO, '.tmp', 'constructs-b'), { recursive: true, force: true });
    expect(a).toBe(b);
    const dirs = [...resourcesOf(a).values()].map((r) => r.provisioner[0]?.['local-exec'].working_dir);
    // From .tmp/constructs-a/cdktf.out/stacks/totp back to the repository, where this synth ran.
    expect(new Set(dirs)).toEqual(new Set(['../../../../..']));
    expect(JSON.parse(a).terraform.backend).toEqual({ local: { path: '../../../../../terraform.totp.tfstate' } });
  });

  it('are null_resources with the null provider (added once per stack) where resourceType asks', () => {
    const stack = stackIn();
    new NullProvider(stack, 'mine', {});
    const store = TotpStore.file('s.json', { resourceType: 'null_resource' });
    new TotpKey(stack, 'Bot', { ...GENERATED, store });
    new TotpMfaMethod(stack, 'Ops', { store, methodName: 'ops', issuer: 'Acme', skew: 0 });
    const synthesized = Testing.synth(stack, true);
    const json = JSON.parse(synthesized);
    expect(json.provider).toEqual({ null: [{}] });
    expect(stack.node.findAll().filter((c) => c instanceof NullProvider)).toHaveLength(1);
    expect(json.resource.terraform_data).toBeUndefined();
    expect(json.terraform.required_version).toBeUndefined();
    const resources = resourcesOf(synthesized, Resource.tfResourceType);
    expect([...resources.keys()].sort()).toEqual(['Bot/Identity', 'Bot/Resource', 'Ops/Identity', 'Ops/Resource']);
    // The same provisioners and lifecycle; triggers are strings (a map of strings), the declaration as JSON.
    expect(resources.get('Ops/Resource')?.triggers).toEqual({
      declaration: JSON.stringify({ kind: 'method', methodName: 'ops', issuer: 'Acme', skew: 0 }),
      store: 'file:s.json',
    });
    expect(resources.get('Ops/Identity')?.triggers).toEqual({
      declaration: JSON.stringify({ kind: 'method', methodName: 'ops' }),
      store: 'file:s.json',
    });
    expect(resources.get('Ops/Resource')?.lifecycle).toEqual({ create_before_destroy: true });
    expect(resources.get('Ops/Resource')?.provisioner[0]?.['local-exec'].environment).toEqual({
      TOTP_KIT_STORE: '${self.triggers.store}',
      TOTP_KIT_DECLARATION: '${self.triggers.declaration}',
    });
    // Without a provider of its own, the stack gets one.
    const other = stackIn();
    new TotpKey(other, 'Bot', { ...GENERATED, store });
    expect(JSON.parse(Testing.synth(other, true)).provider).toEqual({ null: [{}] });
  });

  it('refuse an unknown resourceType, and a CLI or store path that is a token, at synth', () => {
    const stack = stackIn('bad');
    const entity = new TerraformVariable(stack, 'cli', { type: 'string' });
    new TotpKey(stack, 'Kind', {
      ...GENERATED,
      store: TotpStore.file('s.json', { resourceType: 'tf_data' as never }),
    });
    new TotpKey(stack, 'Cli', {
      ...GENERATED,
      name: 'b',
      store: TotpStore.file('t.json', { cliPath: entity.stringValue }),
    });
    new TotpKey(stack, 'Path', { ...GENERATED, name: 'c', store: TotpStore.file(entity.stringValue) });
    expect(refusalLines(refusal(stack))).toEqual([
      '[bad/Kind] resourceType: "tf_data" is not a resource type these constructs make (allowed: terraform_data or null_resource)',
      "[bad/Cli] cliPath: is a Terraform token (allowed: the path of totp-kit's dist/cli.js, known at synth)",
      '[bad/Path] store: is a Terraform token, known only at apply (allowed: a reference known at synth)',
    ]);
  });
});

describe('the CLI the provisioners run', () => {
  it('is dist/cli.js next to the bundle, or ../dist/cli.js from the constructs’ source', () => {
    expect(bundledCliPath(pathToFileURL('/opt/app/node_modules/totp-kit/dist/constructs.js').href)).toBe(
      '/opt/app/node_modules/totp-kit/dist/cli.js',
    );
    expect(bundledCliPath(pathToFileURL('/opt/totp-kit/constructs/cli-path.ts').href)).toBe(
      '/opt/totp-kit/dist/cli.js',
    );
    // Relative to the project (the working directory of synth).
    expect(TotpStore.file('x').cliPath).toBe(CLI);
    expect(existsSync(join(process.cwd(), CLI))).toBe(true);
    expect(TotpStore.file('x', { cliPath: './bin//cli.js' }).cliPath).toBe('bin/cli.js');
  });

  it('is found by the bundle dist/constructs.js as the dist/cli.js beside it', async () => {
    const bundle: string = '../dist/constructs.js';
    const { TotpStore: BundledStore } = (await import(bundle)) as { TotpStore: typeof TotpStore };
    expect(BundledStore.file('x').cliPath).toBe(CLI);
  });
});
