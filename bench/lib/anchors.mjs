// The cold-start anchors: what a user would write instead of our action. The lean one (bench/anchors/
// lean-action.mjs) runs as it is; the usual one (bench/anchors/usual-action.mjs) is bundled here, at bench time,
// into a temporary folder, the way actions/typescript-action builds its dist/index.js (one ESM file with
// everything in it, beside a package.json saying "type": "module"), so no bundle of it is committed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runOnce } from './proc-timer.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LEAN_ACTION = join(ROOT, 'bench', 'anchors', 'lean-action.mjs');
const USUAL_SOURCE = join(ROOT, 'bench', 'anchors', 'usual-action.mjs');

/**
 * RFC 6238's SHA1 test vector: the seed "12345678901234567890" (Base32 below, the bench's seed) at Unix time
 * 1111111109 gives 07081804; its last six digits are the code every action must output.
 */
export const VECTOR = { seed: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', at: 1_111_111_109, code: '081804' };

/**
 * Bundles the usual action into `dir` and returns the path of its index.js. typescript-action bundles with
 * Rollup, whose CommonJS plugin turns the `require` calls of @actions/core's dependencies (undici, tunnel) into
 * imports; esbuild keeps them as calls, so an esbuild ESM bundle defines `require` first, as
 * aws-actions/configure-aws-credentials does. Nothing is tree-shaken by hand: what @actions/core imports, the
 * bundle holds.
 * @param {string} dir
 */
export async function bundleUsualAction(dir) {
  await mkdir(dir, { recursive: true });
  const outfile = join(dir, 'index.js');
  await build({
    entryPoints: [USUAL_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
  });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  return outfile;
}

/**
 * The outputs a step wrote to its GITHUB_OUTPUT file, in either form the runner reads: `name=value` or
 * `name<<DELIMITER` … `DELIMITER` (what @actions/core writes).
 * @param {string} text
 * @returns {Map<string, string>}
 */
export function readOutputs(text) {
  const outputs = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = /** @type {string} */ (lines[i]);
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(/** @type {string} */ (heredoc[2]), i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${heredoc[1]}`);
      outputs.set(heredoc[1], lines.slice(i + 1, end).join('\n'));
      i = end;
      continue;
    }
    const simple = /^([^=]+)=(.*)$/.exec(line);
    if (simple) outputs.set(simple[1], simple[2]);
  }
  return outputs;
}

/**
 * Runs each action once with its clock fixed at the test vector's time (a preload replaces `Date.now`) and checks
 * that it masks and outputs the vector's code, so the anchors and ours are timed doing the same work.
 * @param {import('./proc-timer.mjs').Command[]} actions each with the runner's environment and INPUT_SECRET
 * @param {string} temp a folder for their GITHUB_OUTPUT files
 */
export async function checkSameCode(actions, temp) {
  const fixed = `data:text/javascript,Date.now=()=>${VECTOR.at * 1000}`;
  for (const action of actions) {
    const output = join(temp, `check-${action.id}-output`);
    await writeFile(output, '');
    const { stdout } = await runOnce({
      ...action,
      args: ['--import', fixed, ...action.args],
      env: { ...action.env, INPUT_SECRET: VECTOR.seed, GITHUB_OUTPUT: output },
    });
    const code = readOutputs(await readFile(output, 'utf8')).get('code');
    if (code !== VECTOR.code)
      throw new Error(`${action.id}: output code ${code ?? '(none)'}, expected the RFC 6238 code`);
    if (!stdout.includes(`::add-mask::${VECTOR.code}\n`)) throw new Error(`${action.id}: the code was not masked`);
  }
}
