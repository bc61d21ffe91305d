// Runs the action's run() in this process, against the sources (src/action/main.ts), with the same result as a run
// of the bundle (helpers/run-action.ts, whose parsers read it): a change to src/ is seen at once and no Node starts.
// The real @actions/core speaks the runner protocol: for the run, the runner's variables in process.env point at a
// fresh RUNNER_TEMP, standard output and error are captured, and the exit code is what setFailed left in
// process.exitCode. All of it is restored afterwards, even when the run throws; runs take turns, so tests of
// one file may run concurrently. What only a real process shows (masks before the first write, exit codes of a
// process, GITHUB_OUTPUT written by one, the lazily loaded SDK, launchers) stays with runAction.
//
// `events` has the writes to GITHUB_OUTPUT and GITHUB_STEP_SUMMARY in order with the log, as a traced bundle run
// has them: before each line is printed, a file that grew since the line before was written in between.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/action/main.js';
import { fakeClock } from './fake-clock.js';
import {
  type ActionRun,
  type ActionRunOptions,
  newRunnerTemp,
  type RunnerFiles,
  readStep,
  stepEnvironment,
  TRACE,
} from './run-action.js';

export interface InProcessActionOptions extends Pick<ActionRunOptions, 'inputs' | 'env' | 'cwd' | 'keepTemp'> {
  /**
   * The runner's clock: Unix seconds, standing still except that a wait moves it on at once (helpers/fake-clock.ts),
   * or a clock function (with `sleep`, see there). Required: no in-process run reads the wall clock.
   */
  readonly now: number | (() => number);
  /** How a wait for a fresh code is made; with a clock function, one that moves it on. */
  readonly sleep?: (seconds: number) => Promise<void>;
}

/**
 * Variables a step's environment decides: during a run, the process's own of these are hidden, so a developer's
 * AWS_PROFILE or a CI job's GITHUB_OUTPUT cannot reach the run (the AWS SDK and @actions/core read process.env).
 */
const STEP_VARIABLES = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|AWS_|VAULT_|TOTP_KIT_)/;

/**
 * @actions/core remembers the first GITHUB_STEP_SUMMARY it writes to for the life of the process, so every
 * in-process run of a test file gets this one file, emptied before each run.
 */
let sharedSummary: string | undefined;
function summaryFile(): string {
  if (sharedSummary === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'totp-kit-summary-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    sharedSummary = join(dir, 'step_summary');
  }
  writeFileSync(sharedSummary, '');
  return sharedSummary;
}

/** The run in progress: the next one starts when it has restored the process. */
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs the action once, in this process, with inputs as the runner passes them: action.yml's defaults for the
 * rest, except `install-cli`, which is false unless given (launchers are the bundle's business, and the build
 * replaces dist/cli.js now and then).
 */
export function runActionInProcess(options: InProcessActionOptions): Promise<ActionRun> {
  const result = turn.then(() => runOnce(options));
  turn = result.catch(() => undefined);
  return result;
}

async function runOnce(options: InProcessActionOptions): Promise<ActionRun> {
  const { runnerTemp, files: own } = newRunnerTemp();
  const files: RunnerFiles = { ...own, GITHUB_STEP_SUMMARY: summaryFile() };
  const env = stepEnvironment(runnerTemp, files, {
    inputs: { 'install-cli': 'false', ...options.inputs },
    ...(options.env ? { env: options.env } : {}),
  });
  const clock =
    typeof options.now === 'number'
      ? fakeClock(options.now)
      : { now: options.now, ...(options.sleep ? { sleep: options.sleep } : {}) };

  const saved = { ...process.env };
  const cwd = process.cwd();
  const exitCode = process.exitCode;
  const writes = { out: process.stdout.write, err: process.stderr.write };
  let rawOut = '';
  let stderr = '';
  let failed: typeof process.exitCode;
  // The files' sizes when last looked at: a file that grew was written since.
  const sizes = { output: 0, summary: 0 };
  const noteWrites = () => {
    for (const [kind, path] of [
      ['output', files.GITHUB_OUTPUT],
      ['summary', files.GITHUB_STEP_SUMMARY],
    ] as const) {
      const size = statSync(path).size;
      if (size > sizes[kind]) rawOut += `${TRACE}${kind} ${Math.round(clock.now() * 1000)}\n`;
      sizes[kind] = size;
    }
  };
  const startedAt = clock.now() * 1000;
  try {
    for (const name of Object.keys(process.env)) if (STEP_VARIABLES.test(name)) delete process.env[name];
    // As the entry (src/action/index.ts) does before run(): the SDK's Node notice is not part of the step's log.
    Object.assign(process.env, env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    if (options.cwd !== undefined) process.chdir(options.cwd);
    process.exitCode = undefined;
    process.stdout.write = capture((text) => {
      noteWrites();
      rawOut += text;
    });
    process.stderr.write = capture((text) => {
      stderr += text;
    });
    await run({ env, ...clock });
    noteWrites();
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    failed = process.exitCode;
    process.exitCode = exitCode;
    process.chdir(cwd);
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
  return readStep({
    exitCode: Number(failed ?? 0),
    rawOut,
    stderr,
    files,
    runnerTemp,
    startedAt,
    endedAt: clock.now() * 1000,
    keepTemp: options.keepTemp,
  });
}

/** A stand-in for a stream's write that keeps the text and reports it written. */
function capture(keep: (text: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
    keep(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as typeof process.stdout.write;
}
