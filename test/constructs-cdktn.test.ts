// The constructs under CDK Terrain (cdktn), the maintained continuation of CDKTF (archived 2025-12-10).
// cdktn 0.24 cannot take cdktf-built elements into its stacks (it calls methods they lack), so the
// constructs refuse such a stack with the fix; with the fix — an npm override installing cdktn under the
// name `cdktf` — the example app synthesizes under cdktn exactly as under cdktf.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TerraformOutput, Testing } from 'cdktf';
import { TerraformStack as CdktnStack, Testing as CdktnTesting } from 'cdktn';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TotpKey, TotpStore } from '../constructs/index.js';
import { loadExample } from './fixtures/example.js';

// Real processes (npm, tsc, terraform, node) on a machine that may be busy: time limits are about hanging only.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const TMP = mkdtempSync(join(tmpdir(), 'totp-kit-cdktn-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// module.registerHooks (Node ≥ 22.15) maps `cdktf` for require() and import alike, as the override does.
const HAS_HOOKS = typeof (module as { registerHooks?: unknown }).registerHooks === 'function';
if (!HAS_HOOKS) console.warn(`Node ${process.version} has no module.registerHooks: the cdktn override test is SKIPPED`);

describe('constructs in a cdktn stack', () => {
  it('shows why they cannot mix: cdktn 0.24 fails at synth on an element built with cdktf', () => {
    const stack = new CdktnStack(CdktnTesting.app(), 'mixed');
    new TerraformOutput(stack, 'out', { value: 'x' });
    expect(() => CdktnTesting.synth(stack, true)).toThrow(
      /_resetResolveDiscoveredProviderFeatureUsage is not a function/,
    );
  });

  it('refuses a cdktn stack when loaded with cdktf, saying how to fix it', () => {
    const stack = new CdktnStack(CdktnTesting.app(), 'mixed');
    expect(
      () =>
        new TotpKey(stack, 'Bot', {
          store: TotpStore.file('store.json'),
          name: 'npm-bot',
          generate: { issuer: 'npm', accountName: 'release-bot' },
        }),
    ).toThrow(
      'stack "mixed" is a cdktn stack, but totp-kit\'s constructs were loaded with cdktf, and the two cannot be ' +
        'mixed in one stack. Make "cdktf" resolve to cdktn: in package.json, "overrides": ' +
        '{ "cdktf": "npm:cdktn@<its version>" } (npm; pnpm.overrides or resolutions for pnpm and yarn).',
    );
  });

  it.runIf(HAS_HOOKS)(
    'synthesizes the example in a cdktn app when cdktf resolves to cdktn, as under cdktf, and refuses the same',
    async () => {
      const { TotpStack } = await loadExample();
      // What `npm install` makes of "overrides": { "cdktf": "npm:cdktn@0.24.0" }: cdktn's package under the
      // name cdktf (it bundles its own dependencies), beside the one `constructs` every package shares.
      const asCdktf = join(TMP, 'node_modules', 'cdktf');
      cpSync(join(REPO, 'node_modules', 'cdktn'), asCdktf, { recursive: true });
      symlinkSync(join(REPO, 'node_modules', 'constructs'), join(TMP, 'node_modules', 'constructs'), 'junction');
      const outdir = join(TMP, 'cdktf.out');
      const r = spawnSync(process.execPath, [join(REPO, 'test', 'fixtures', 'cdktn-app.mjs')], {
        cwd: REPO,
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          TOTP_KIT_TEST_CDKTF: join(asCdktf, 'lib', 'index.js'),
          TOTP_KIT_TEST_OUTDIR: outdir,
        },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const child = JSON.parse(r.stdout) as { synth: string; refusal: string; files: string[] };

      expect(JSON.parse(child.synth)).toEqual(JSON.parse(Testing.synth(new TotpStack(Testing.app(), 'totp'), true)));
      expect(Object.keys(JSON.parse(child.synth).resource.terraform_data)).toHaveLength(8);
      expect(child.refusal).toContain('[bad/Bot] digits: "7" is not allowed (allowed: 6 or 8)');
      expect(child.files).toEqual(expect.arrayContaining(['manifest.json', join('stacks', 'totp', 'cdk.tf.json')]));
    },
  );
});
