// Cold start: whole processes, timed hyperfine-style (interleaved, min and median), against `node -e ''` and
// against what a user would write instead of our action (bench/lib/anchors.mjs), all in the same rounds.
// Also the JS a start-up loads: the static import graph of each entry (what Node must read, parse and link
// before the first line runs) and, as a cross-check, the modules a traced run really loaded, built-ins included.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleUsualAction, checkSameCode, LEAN_ACTION, VECTOR } from './lib/anchors.mjs';
import { runOnce, timeCommands } from './lib/proc-timer.mjs';
import { awsEnv, startSecretsManager } from './lib/sm-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** A 20-byte seed (Base32): RFC 6238's test seed, no real secret. */
const SEED = VECTOR.seed;
const KB = 1024;
/** Goal for the JS read on the inline path. */
export const INLINE_BYTES_GOAL = 300 * KB;

/** Relative imports a module makes before it runs: `import … from "./x.js"`, `import "./x.js"`, `export … from`. */
const STATIC_IMPORT = /^[ \t]*(?:import|export)\s*(?:[\w$*\s{},]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gm;

/**
 * The files an entry statically imports, transitively (dynamic `import()` is loaded on use: not counted).
 * @param {string} entry absolute path
 * @returns {Promise<{ file: string, bytes: number }[]>}
 */
export async function staticGraph(entry) {
  const seen = new Map();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    const text = await readFile(file, 'utf8');
    seen.set(file, Buffer.byteLength(text));
    for (const match of text.matchAll(STATIC_IMPORT))
      queue.push(resolve(dirname(file), /** @type {string} */ (match[1])));
  }
  return [...seen].map(([file, bytes]) => ({ file, bytes }));
}

/**
 * Bytes of each bundled package in some files, from esbuild's `// node_modules/PKG/…` and `// src/…` markers
 * (the rest — imports, the require shim, runtime helpers — counts as "other"), largest first.
 * @param {string[]} files
 * @returns {Promise<[string, number][]>}
 */
export async function contributors(files) {
  /** @type {Map<string, number>} */
  const bytes = new Map();
  for (const file of files) {
    let owner = 'other';
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      const marker = /^\/\/ \S*?(?:node_modules\/((?:@[^/]+\/)?[^/]+)|(src)\/)\S*$/.exec(line);
      if (marker) owner = /** @type {string} */ (marker[1] ?? marker[2]);
      bytes.set(owner, (bytes.get(owner) ?? 0) + Buffer.byteLength(line) + 1);
    }
  }
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

/**
 * The chunks that hold the AWS SDK client (esbuild's source comments name its files).
 * @param {string} dist
 * @returns {Promise<Set<string>>}
 */
async function awsSdkChunks(dist) {
  const chunks = new Set();
  for (const name of await readdir(join(dist, 'chunks'))) {
    const file = join(dist, 'chunks', name);
    if (/^\/\/ \S*node_modules\/@aws-sdk\/client-secrets-manager\//m.test(await readFile(file, 'utf8')))
      chunks.add(file);
  }
  if (chunks.size === 0)
    throw new Error('no chunk of dist/ holds @aws-sdk/client-secrets-manager: has the build changed?');
  return chunks;
}

/** Inputs of action.yml with their defaults, as the runner sets them (`INPUT_<NAME>`, upper case, '-' kept). */
async function actionDefaults() {
  const inputs = {};
  let section = '';
  let current;
  for (const line of (await readFile(join(ROOT, 'action.yml'), 'utf8')).split(/\r?\n/)) {
    const top = /^([A-Za-z][\w-]*):/.exec(line);
    if (top) {
      section = /** @type {string} */ (top[1]);
      continue;
    }
    if (section !== 'inputs') continue;
    const input = /^ {2}([A-Za-z0-9_][\w -]*):\s*$/.exec(line);
    if (input) {
      current = `INPUT_${/** @type {string} */ (input[1]).replace(/ /g, '_').toUpperCase()}`;
      inputs[current] = '';
      continue;
    }
    const fallback = /^ {4}default:\s*(.*)$/.exec(line);
    if (fallback && current)
      inputs[current] = /** @type {string} */ (fallback[1]).trim().replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
  }
  return inputs;
}

/**
 * A preload that records every module URL Node loads (Node ≥ 22.15 / 23.5) and the built-in modules it
 * compiled (process.moduleLoadList, any version), and writes both at exit.
 */
const TRACER = `
import * as mod from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
if (typeof mod.registerHooks === 'function') {
  mod.registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
} else loaded.push('unavailable');
process.on('exit', () => {
  const builtins = (process.moduleLoadList ?? []).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  writeFileSync(process.env.TOTP_KIT_BENCH_TRACE, loaded.join('\\n'));
  writeFileSync(process.env.TOTP_KIT_BENCH_TRACE + '.builtins', builtins.join('\\n'));
});
`;

/**
 * @param {{ runs: number, warmup: number, dist?: string }} options `dist`: the bundles to time (default dist/)
 */
export async function coldStart({ runs, warmup, dist = join(ROOT, 'dist') }) {
  const DIST = resolve(dist);
  const temp = await mkdtemp(join(tmpdir(), 'totp-kit-bench-runner-'));
  const sm = await startSecretsManager();
  try {
    // The secret the AWS source reads, created through the loopback server's own API.
    const created = await fetch(sm.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.CreateSecret',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCALBENCH/20240101/us-east-1/secretsmanager/aws4_request',
      },
      body: JSON.stringify({ Name: 'bench/seed', SecretString: SEED }),
    });
    if (!created.ok) throw new Error(`loopback CreateSecret: ${created.status} ${await created.text()}`);

    const files = {
      GITHUB_OUTPUT: join(temp, 'output'),
      GITHUB_STEP_SUMMARY: join(temp, 'step_summary'),
      GITHUB_ENV: join(temp, 'env'),
      GITHUB_STATE: join(temp, 'state'),
    };
    for (const file of Object.values(files)) await writeFile(file, '');
    /** The runner's environment (as test/helpers/run-action.ts builds it), the same for every command. */
    const runner = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_TEMP: temp,
      ...files,
      ...(await actionDefaults()),
      'INPUT_MIN-REMAINING': '0',
      ...awsEnv(sm.endpoint),
    };
    const node = process.execPath;
    const code6 = (/** @type {{ stdout: string }} */ { stdout }) => {
      if (!/^\d{6}\n$/.test(stdout)) throw new Error('expected a 6-digit code on stdout');
    };
    const masked = (/** @type {{ stdout: string }} */ { stdout }) => {
      if (!stdout.includes('::add-mask::')) throw new Error('expected the action to mask its code');
    };
    // The actions a user could run instead, and ours, each given the same runner and seed.
    const actions = [
      {
        id: 'action-inline',
        file: node,
        args: [join(DIST, 'index.js')],
        env: { ...runner, INPUT_SECRET: SEED },
        cwd: temp,
        check: masked,
      },
      { id: 'lean', file: node, args: [LEAN_ACTION], env: { ...runner, INPUT_SECRET: SEED }, cwd: temp, check: masked },
      {
        id: 'usual',
        file: node,
        args: [await bundleUsualAction(join(temp, 'usual-action'))],
        env: { ...runner, INPUT_SECRET: SEED },
        cwd: temp,
        check: masked,
      },
    ];
    await checkSameCode(actions, temp);
    const [ours, ...anchors] = actions;
    const commands = [
      { id: 'floor', file: node, args: ['-e', ''], env: runner },
      /** @type {(typeof actions)[number]} */ (ours),
      {
        id: 'cli-env',
        file: node,
        args: [join(DIST, 'cli.js'), 'code', '--from', 'env:TOTP_BENCH_SEED'],
        env: { ...runner, TOTP_BENCH_SEED: SEED },
        cwd: temp,
        check: code6,
      },
      {
        id: 'action-aws',
        file: node,
        args: [join(DIST, 'index.js')],
        env: { ...runner, INPUT_SOURCE: 'aws-sm:bench/seed' },
        cwd: temp,
        check: masked,
      },
    ];

    // The JS each path loads: static graph (the measure) and a traced run (the cross-check).
    const sdkChunks = await awsSdkChunks(DIST);
    // Probes, timed in the same rounds, that explain the rows: Node plus node:crypto alone (the HMAC of any
    // generator built on it needs it, and so does @actions/core), and the AWS SDK chunk imported alone.
    const sdkProbe = join(temp, 'sdk-probe.mjs');
    await writeFile(
      sdkProbe,
      [...sdkChunks].map((f) => `await import(${JSON.stringify(pathToFileURL(f).href)});`).join('\n'),
    );
    const probes = [
      { id: 'probe-crypto', file: node, args: ['-e', "require('node:crypto')"], env: runner },
      { id: 'probe-sdk', file: node, args: [sdkProbe], env: runner },
      // Ours without its one default extra, the CLI put on PATH (the anchors do nothing of the kind).
      { ...ours, id: 'probe-no-cli', env: { ...ours?.env, 'INPUT_INSTALL-CLI': 'false' } },
    ];
    const tracer = join(temp, 'trace.mjs');
    await writeFile(tracer, TRACER);
    /**
     * Runs a command once with the tracer and V8's GC trace (on stdout, so the output is not checked); its module
     * URLs, the built-ins it compiled and its garbage collections.
     */
    const traced = async (/** @type {(typeof commands)[number]} */ command) => {
      const traceFile = join(temp, `trace-${command.id}.txt`);
      const { stdout } = await runOnce({
        ...command,
        check: undefined,
        args: ['--trace-gc', '--import', pathToFileURL(tracer).href, ...command.args],
        env: { ...command.env, TOTP_KIT_BENCH_TRACE: traceFile },
      });
      const builtins = (await readFile(`${traceFile}.builtins`, 'utf8')).split('\n');
      const gcs = stdout.split('\n').filter((line) => /: (Scavenge|Mark-Compact|Mark-sweep)\b/i.test(line)).length;
      return { trace: await readFile(traceFile, 'utf8'), builtins, gcs };
    };
    // Node's own start-up compiles some built-ins (the tracer itself adds `module` and what it imports): the
    // others are what each entry makes Node load on top.
    const floorTrace = await traced(/** @type {(typeof commands)[number]} */ (commands[0]));
    const bare = new Set(floorTrace.builtins);
    /** @type {Record<string, { staticBytes: number, staticFiles: string[], loadedBytes: number, loadedFiles: string[], sdkLoaded: boolean, sdkStatic: boolean, parts: [string, number][], traced: boolean, builtins: string[], gcs: number }>} */
    const loads = {};
    for (const command of [...commands.slice(1), ...anchors]) {
      const entry = /** @type {string} */ (command.args[0]);
      const graph = await staticGraph(entry);
      const { trace, builtins, gcs } = await traced(command);
      const loaded = (trace === 'unavailable' ? graph.map((g) => pathToFileURL(g.file).href).join('\n') : trace)
        .split('\n')
        .filter((u) => u.startsWith('file:'))
        .map((u) => fileURLToPath(u))
        .filter((f) => f.startsWith(dirname(entry)));
      let loadedBytes = 0;
      for (const f of loaded) loadedBytes += (await stat(f)).size;
      loads[command.id] = {
        staticBytes: graph.reduce((sum, g) => sum + g.bytes, 0),
        staticFiles: graph.map((g) => relative(ROOT, g.file)),
        loadedBytes,
        loadedFiles: loaded.map((f) => relative(ROOT, f)),
        sdkStatic: graph.some((g) => sdkChunks.has(g.file)),
        parts: await contributors(graph.map((g) => g.file)),
        traced: trace !== 'unavailable',
        sdkLoaded: loaded.some((f) => sdkChunks.has(f)),
        builtins: builtins.filter((b) => !bare.has(b) && !b.startsWith('internal/')),
        gcs,
      };
    }

    const before = sm.state.requests.GetSecretValue ?? 0;
    const stats = await timeCommands([...commands, ...anchors, ...probes], { runs, warmup });
    const reads = (sm.state.requests.GetSecretValue ?? 0) - before;
    if (reads !== runs + warmup)
      throw new Error(`action-aws: ${reads} GetSecretValue requests for ${runs + warmup} runs`);
    /** The SDK chunks with what they statically import: what the AWS path parses on top of the inline path. */
    const sdkFiles = new Map();
    for (const chunk of sdkChunks) for (const g of await staticGraph(chunk)) sdkFiles.set(g.file, g.bytes);
    const inline = new Set(loads['action-inline']?.staticFiles.map((f) => join(ROOT, f)));
    /** The files of the anchors, relative to where they live (the usual one is bundled into `temp`). */
    for (const anchor of anchors) {
      const l = loads[anchor.id];
      if (l) l.staticFiles = l.staticFiles.map((f) => basename(f));
    }
    let sdkBytes = 0;
    for (const [file, bytes] of sdkFiles) if (!inline.has(file)) sdkBytes += bytes;
    return {
      stats,
      loads,
      floorGcs: floorTrace.gcs,
      sdkChunks: [...sdkChunks].map((f) => basename(f)),
      sdkBytes,
      runs,
      warmup,
      dist: DIST,
    };
  } finally {
    await sm.close();
    await rm(temp, { recursive: true, force: true });
  }
}
