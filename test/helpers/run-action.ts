// Runs the bundled GitHub Action (`node dist/index.js`) the way the runner does: a minimal environment, every
// input of action.yml as an `INPUT_<NAME>` variable (the runner's naming: upper case, spaces to '_', hyphens
// kept, so `min-remaining` is `INPUT_MIN-REMAINING`; an input not given gets its action.yml default, else ''),
// and the runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE) in a fresh RUNNER_TEMP.
// The result is what the runner would make of the step: exit code, outputs, summary, registered masks,
// annotations, and a `maskedView` of everything a person could read, masked the way the runner masks it.
// helpers/in-process-action.ts runs the action's sources in the test's process and reads its step with the same
// `readStep`, so most tests need no Node start; this one is for what only a real process shows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Algorithm, Digits } from '../../src/core/settings.js';
import { generateCode } from '../../src/core/totp.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ACTION_ENTRY = join(ROOT, 'dist', 'index.js');
export const CLI_ENTRY = join(ROOT, 'dist', 'cli.js');

/** The Node the runner would use: the action says `node24`, and the `node` devDependency ships one. */
const NODE24 = join(ROOT, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
export const NODE_BIN = existsSync(NODE24) ? NODE24 : process.execPath;

/** The runner's name for an input's environment variable (actions/runner: ToUpperInvariant, ' ' → '_'). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The inputs action.yml declares, with their defaults. Read line by line rather than with a YAML parser, so
 * these helpers keep working whatever else is in the file.
 */
export function declaredInputs(): Map<string, string | undefined> {
  const inputs = new Map<string, string | undefined>();
  let section = '';
  let current: string | undefined;
  for (const line of readFileSync(join(ROOT, 'action.yml'), 'utf8').split(/\r?\n/)) {
    const top = /^([A-Za-z][\w-]*):/.exec(line);
    if (top) {
      section = top[1] as string;
      current = undefined;
      continue;
    }
    if (section !== 'inputs') continue;
    const input = /^ {2}([A-Za-z0-9_][\w -]*):\s*$/.exec(line);
    if (input) {
      current = input[1] as string;
      inputs.set(current, undefined);
      continue;
    }
    const fallback = /^ {4}default:\s*(.*)$/.exec(line);
    if (fallback && current !== undefined) {
      const raw = (fallback[1] as string).trim();
      const unquoted = /^'(.*)'$/.exec(raw)?.[1]?.replace(/''/g, "'") ?? /^"(.*)"$/.exec(raw)?.[1] ?? raw;
      inputs.set(current, unquoted);
    }
  }
  return inputs;
}

export interface ActionRunOptions {
  /** Inputs by their action.yml names (`min-remaining`), as a workflow's `with:` gives them. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** More environment (a step's `env:`, or what earlier steps exported). */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /**
   * Records when the action writes GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, in order with its stdout, through a
   * preloaded module (`node --import … dist/index.js`); see `events`. Off by default: then the command is
   * exactly `node dist/index.js`.
   */
  readonly trace?: boolean;
  readonly timeoutMs?: number;
  /** Keep RUNNER_TEMP after the run (removed by default). */
  readonly keepTemp?: boolean;
}

/** What happened, in order: stdout lines, masks registered, and (when traced) file writes with their time. */
export type ActionEvent =
  | { readonly kind: 'mask'; readonly value: string }
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'output' | 'summary'; readonly atMs: number };

export interface ActionRun {
  readonly exitCode: number | null;
  /** Standard output without the trace lines. */
  readonly stdout: string;
  readonly stderr: string;
  /** Outputs parsed from GITHUB_OUTPUT (`name<<DELIMITER … DELIMITER` or `name=value`). */
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Folders added to PATH for later steps (GITHUB_PATH), in order. */
  readonly paths: readonly string[];
  /** Values of `::add-mask::` commands, unescaped as the runner does, in order. */
  readonly masks: readonly string[];
  /** Messages of `::error::` and `::warning::` commands, unescaped (a message may span lines). */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /**
   * What a person could read: the log (stdout, each line masked with what was registered before it, commands
   * that the runner consumes left out), stderr, the summary, and the outputs other than `code`, with every
   * masked value replaced by `***`.
   */
  readonly maskedView: string;
  readonly events: readonly ActionEvent[];
  /** Epoch milliseconds just before the process started and just after it ended (in-process: on the run's clock). */
  readonly startedAt: number;
  readonly endedAt: number;
  /** Removed after the run unless `keepTemp`. */
  readonly runnerTemp: string;
}

/** Marks a write to GITHUB_OUTPUT or GITHUB_STEP_SUMMARY in standard output (see `trace`), for `events`. */
export const TRACE = '::totp-kit-test-trace::';

/** A preloaded module that reports, on stdout and in order with the action's own lines, each write to the files. */
const TRACER = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const kinds = () => [[process.env.GITHUB_OUTPUT, 'output'], [process.env.GITHUB_STEP_SUMMARY, 'summary']];
const mark = (path) => {
  const hit = kinds().find(([p]) => p && String(path) === p);
  if (hit) process.stdout.write('${TRACE}' + hit[1] + ' ' + Date.now() + '\\n');
};
let inside = false; // appendFileSync calls writeFileSync: one write, one mark
const wrap = (owner, name) => {
  const original = owner[name];
  owner[name] = function (path, ...rest) {
    if (inside) return original.call(this, path, ...rest);
    mark(path);
    inside = true;
    try { return original.call(this, path, ...rest); } finally { inside = false; }
  };
};
wrap(fs, 'appendFileSync');
wrap(fs, 'writeFileSync');
wrap(fs.promises, 'appendFile');
wrap(fs.promises, 'writeFile');
syncBuiltinESMExports();
`;

/** The runner's unescaping of command data (toolkit's escapeData: % → %25, \r → %0D, \n → %0A). */
export function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** Parses GITHUB_OUTPUT: `name<<DELIMITER` … `DELIMITER`, or `name=value`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
      if (i >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`);
      outputs[name] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`GITHUB_OUTPUT: a line that is neither name=value nor name<<DELIMITER: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** Replaces every masked value (longest first, so a value inside another is not left half-masked). */
export function applyMasks(text: string, masks: Iterable<string>): string {
  const sorted = [...new Set(masks)].filter((m) => m !== '').sort((a, b) => b.length - a.length);
  let out = text;
  for (const mask of sorted) out = out.split(mask).join('***');
  return out;
}

const COMMAND = /^::([a-z-]+)(?: [^:]*)?::(.*)$/;

/** The files the runner gives a step, by their variables' names. */
export interface RunnerFiles {
  readonly GITHUB_OUTPUT: string;
  readonly GITHUB_STEP_SUMMARY: string;
  readonly GITHUB_ENV: string;
  readonly GITHUB_STATE: string;
  readonly GITHUB_PATH: string;
}

/** A fresh RUNNER_TEMP with the runner's files in it, empty. */
export function newRunnerTemp(): { runnerTemp: string; files: RunnerFiles } {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'totp-kit-runner-'));
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, 'step_summary'),
    GITHUB_ENV: join(runnerTemp, 'env'),
    GITHUB_STATE: join(runnerTemp, 'state'),
    GITHUB_PATH: join(runnerTemp, 'path'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  return { runnerTemp, files };
}

/**
 * A step's environment as the runner makes it: a minimal base, RUNNER_TEMP and the runner's files, every input
 * of action.yml as `INPUT_<NAME>` (given, else its default, else ''), then the step's own `env`.
 */
export function stepEnvironment(
  runnerTemp: string,
  files: RunnerFiles,
  options: Pick<ActionRunOptions, 'inputs' | 'env'>,
): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, fallback] of declaredInputs()) inputs[inputEnvName(name)] = fallback ?? '';
  for (const [name, value] of Object.entries(options.inputs ?? {})) inputs[inputEnvName(name)] = value;
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...inputs,
    ...options.env,
  };
}

/** Runs the action once. */
export async function runAction(options: ActionRunOptions = {}): Promise<ActionRun> {
  const { runnerTemp, files } = newRunnerTemp();
  const env = stepEnvironment(runnerTemp, files, options);

  const args: string[] = [];
  if (options.trace) {
    const tracer = join(runnerTemp, 'trace.mjs');
    writeFileSync(tracer, TRACER);
    args.push('--import', pathToFileURL(tracer).href);
  }
  args.push(ACTION_ENTRY);

  const startedAt = Date.now();
  const child = spawn(NODE_BIN, args, { cwd: options.cwd ?? runnerTemp, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let rawOut = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    rawOut += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  }).finally(() => clearTimeout(timer));
  const endedAt = Date.now();
  return readStep({ exitCode, rawOut, stderr, files, runnerTemp, startedAt, endedAt, keepTemp: options.keepTemp });
}

/** A finished step as it was left: what it printed, its exit code, its files and when it ran. */
export interface FinishedStep {
  readonly exitCode: number | null;
  /** Standard output as printed (trace lines included, when traced). */
  readonly rawOut: string;
  readonly stderr: string;
  readonly files: RunnerFiles;
  readonly runnerTemp: string;
  readonly startedAt: number;
  readonly endedAt: number;
  /** Keep RUNNER_TEMP (removed by default). */
  readonly keepTemp?: boolean | undefined;
}

/** What the runner makes of a finished step (see `ActionRun`): the commands it consumes, outputs, summary, masks. */
export function readStep(step: FinishedStep): ActionRun {
  const { exitCode, rawOut, stderr, files, runnerTemp, startedAt, endedAt } = step;
  const events: ActionEvent[] = [];
  const masks: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const log: string[] = [];
  const stdoutLines: string[] = [];
  for (const line of rawOut === '' ? [] : rawOut.replace(/\r?\n$/, '').split(/\r?\n/)) {
    if (line.startsWith(TRACE)) {
      const [kind, at] = line.slice(TRACE.length).split(' ') as ['output' | 'summary', string];
      events.push({ kind, atMs: Number(at) });
      continue;
    }
    stdoutLines.push(line);
    const command = COMMAND.exec(line);
    if (command?.[1] === 'add-mask') {
      const value = unescapeData(command[2] as string);
      masks.push(value);
      events.push({ kind: 'mask', value });
      continue; // the runner consumes the command; it never shows up in the log
    }
    events.push({ kind: 'line', text: line });
    if (command?.[1] === 'error') errors.push(unescapeData(command[2] as string));
    if (command?.[1] === 'warning') warnings.push(unescapeData(command[2] as string));
    // The runner masks a line with what was registered before it was printed.
    log.push(applyMasks(command ? `${command[1]}: ${unescapeData(command[2] as string)}` : line, masks));
  }

  const outputs = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  const paths = readFileSync(files.GITHUB_PATH, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '');
  if (!step.keepTemp) rmSync(runnerTemp, { recursive: true, force: true });
  const shown = Object.entries(outputs)
    .filter(([name]) => name !== 'code')
    .map(([name, value]) => `${name}=${value}`);
  const maskedView = [
    ...log,
    applyMasks(stderr, masks),
    applyMasks(summary, masks),
    ...shown.map((o) => applyMasks(o, masks)),
  ].join('\n');

  return {
    exitCode,
    stdout: stdoutLines.length > 0 ? `${stdoutLines.join('\n')}\n` : '',
    stderr,
    outputs,
    summary,
    paths,
    masks,
    errors,
    warnings,
    maskedView,
    events,
    startedAt,
    endedAt,
    runnerTemp,
  };
}

// ---- checking the code of a run against an independent implementation ----------------------------------------

export interface CodeOptions {
  readonly algorithm?: Algorithm;
  readonly digits?: Digits;
  readonly period?: number;
}

/** Whether oathtool (OATH Toolkit) is installed; without it, reference codes come from src/core/totp.ts. */
export const HAS_OATHTOOL = spawnSync('oathtool', ['--version']).status === 0;

let warned = false;

/** The code of `secret` at Unix time `at`: oathtool when installed (independent of totp-kit), else the core's. */
export function referenceCode(secret: Uint8Array, at: number, o: CodeOptions = {}): string {
  const { algorithm = 'SHA1', digits = 6, period = 30 } = o;
  if (!HAS_OATHTOOL) {
    if (!warned) console.warn('oathtool is not installed: independent code checks are SKIPPED (src/core/totp.ts used)');
    warned = true;
    return generateCode({ secret, algorithm, digits, period }, at);
  }
  const args = [`--totp=${algorithm}`, `--digits=${digits}`, `--time-step-size=${period}s`, `--now=@${Math.floor(at)}`];
  const r = spawnSync('oathtool', [...args, Buffer.from(secret).toString('hex')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oathtool failed: ${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Asserts a generate run's outputs: the code is the reference code of the time step that `expires-at` closes,
 * and that step overlaps the run (the step boundary may fall inside it); `expires-at` is on a step boundary;
 * `expires-in` counts down from the time of output; period, digits and algorithm are as expected.
 */
export function expectCodeOfRun(run: ActionRun, secret: Uint8Array, o: CodeOptions = {}): void {
  const { algorithm = 'SHA1', digits = 6, period = 30 } = o;
  const { outputs } = run;
  expect(run.exitCode, `${run.stdout}${run.stderr}`).toBe(0);
  expect(outputs.period).toBe(String(period));
  expect(outputs.digits).toBe(String(digits));
  expect(outputs.algorithm).toBe(algorithm);
  expect(outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  const end = Date.parse(outputs['expires-at'] as string) / 1000;
  expect(end % period, 'expires-at is on a step boundary').toBe(0);
  const stepStart = end - period;
  expect(stepStart * 1000, 'the step of the code began before the run ended').toBeLessThanOrEqual(run.endedAt);
  expect(end * 1000, 'the step of the code ended after the run began').toBeGreaterThan(run.startedAt);
  const left = Number(outputs['expires-in']);
  expect(Number.isInteger(left) && left >= 1 && left <= period, `expires-in ${outputs['expires-in']}`).toBe(true);
  const outputSecond = end - left; // floor(t) at the time of output
  expect(outputSecond).toBeGreaterThanOrEqual(Math.floor(run.startedAt / 1000));
  expect(outputSecond).toBeLessThanOrEqual(Math.floor(run.endedAt / 1000));
  expect(outputs.code).toMatch(new RegExp(`^[0-9]{${digits}}$`));
  expect(outputs.code).toBe(referenceCode(secret, stepStart, { algorithm, digits, period }));
}
