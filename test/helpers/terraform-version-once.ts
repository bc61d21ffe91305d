// cdktf checks the Terraform version at synth once per terraform_data (`terraform version` through a shell:
// about 0.1 s of CPU each), which made those checks most of the CPU of an in-process synthesis. Here the real
// binary is asked once per test file, and cdktf's checks get that same answer from a shell builtin, so each
// check still compares the machine's real version with its constraint.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * What cdktf (or cdktn) may run instead of `terraform` for its version checks (TERRAFORM_BINARY_NAME, or the
 * export it sets): a shell builtin printing `line`, the first line `terraform version` printed. cdktf runs
 * `${name} version` in a shell: `#` makes the shell ignore ` version`. Undefined for a line it cannot quote
 * as it is: then cdktf should ask terraform itself.
 */
export function terraformVersionStandIn(line: string): string | undefined {
  return /^[\w .+-]+$/.test(line) ? `echo '${line}' #` : undefined;
}

/**
 * Asks `terraform version` once and makes cdktf's version checks (in this process) reuse the answer. Returns
 * the first line Terraform printed, or undefined when terraform cannot run (then cdktf is left as it is).
 */
export function askTerraformVersionOnce(): string | undefined {
  const r = spawnSync('terraform', ['version'], {
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
  });
  const line = r.status === 0 ? r.stdout.split('\n')[0]?.trim() : undefined;
  const standIn = line === undefined ? undefined : terraformVersionStandIn(line);
  if (standIn !== undefined) {
    // cdktf reads this export (set from TERRAFORM_BINARY_NAME when it loads) each time it makes a check.
    const util = createRequire(import.meta.url)('cdktf/lib/util.js') as { terraformBinaryName: string };
    util.terraformBinaryName = standIn;
  }
  return line;
}
