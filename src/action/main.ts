/**
 * The action: read the inputs, load the key, mask every form of the seed, then either output a fresh
 * code (mode: generate) or check one (mode: verify, stateless or per enrollment in a store). One
 * failure path: `core.setFailed` with one line per problem; a stack trace only in debug logs.
 */
import * as core from '@actions/core';
import { clockMessage, signed } from '../core/clock.js';
import { errorMessage, TotpKitError } from '../core/errors.js';
import { shortSeedWarning } from '../core/seed.js';
import type { CodeSettings } from '../core/settings.js';
import { nowSeconds, tenths } from '../core/time.js';
import { codeLength } from '../core/totp.js';
import { enrollmentRefusal, readEnrollment, validateEnrollment } from '../resources/enrollment.js';
import { freshCode } from '../resources/fresh-code.js';
import { refusalMessage, verifyWithKey } from '../resources/verdicts.js';
import { type LoadedKey, loadKey, type ResolvedKey } from '../sources/load-key.js';
import { decideClock } from '../sources/server-clock.js';
import { openStore, resolveStoreRef } from '../stores/store-ref.js';
import { type ActionInputs, CLOCK_LABELS, DEFAULT_MIN_REMAINING, readInputs } from './inputs.js';
import { installCli } from './install-cli.js';
import { type Masker, masker } from './mask.js';
import { escapeHtml, type SummaryRows, writeFailureSummary, writeSummary } from './summary.js';

/** What a run reads from its surroundings; each defaults to the process's own, as on a runner. */
export interface RunOptions {
  /**
   * The step's environment: the inputs (`INPUT_<NAME>`), the variables sources read (`env:NAME`, VAULT_ADDR,
   * …), RUNNER_TEMP and the runner's files.
   * @defaultValue process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The runner's clock, in Unix seconds.
   * @defaultValue the system clock
   */
  readonly now?: () => number;
  /**
   * Waits the given seconds for a fresh code's step to begin: given with `now`, a wait can move that clock on.
   * @defaultValue a timer
   */
  readonly sleep?: (seconds: number) => Promise<void>;
}

/** One run's surroundings, and the masks it registered. */
interface Step {
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
  readonly sleep?: ((seconds: number) => Promise<void>) | undefined;
  readonly mask: Masker;
}

async function load(step: Step, inputs: ActionInputs): Promise<LoadedKey> {
  const origin =
    inputs.secret !== undefined
      ? { text: inputs.secret, label: 'secret' }
      : { reference: inputs.source as string, label: 'source' };
  const options = {
    ...(inputs.store !== undefined ? { store: inputs.store } : {}),
    storeLabel: 'store',
    ...(inputs.awsRegion !== undefined ? { awsRegion: inputs.awsRegion } : {}),
    awsRegionLabel: 'aws-region',
    vault: { ...inputs.vault, labels: { address: 'vault-address', token: 'vault-token' } },
  };
  const loaded = await loadKey(
    origin,
    { algorithm: inputs.algorithm, digits: inputs.digits, period: inputs.period, encoder: inputs.encoder },
    step.env,
    options,
  );
  step.mask(loaded.secretForms);
  // RFC 4226 R6 asks for at least 128 bits; a shorter seed still works, with the CLI's warning.
  const short = loaded.key.remote ? undefined : shortSeedWarning(loaded.key.secret, loaded.origin);
  if (short !== undefined) core.warning(short);
  return loaded;
}

/** A reference or name in the summary's HTML table, escaped. */
function html(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function settingsRows(loaded: LoadedKey): SummaryRows {
  const { key } = loaded;
  return [
    ['key from', loaded.origin === 'secret' ? 'the secret input' : html(loaded.origin)],
    steam(key)
      ? ['encoder', `Steam Guard (${key.algorithm}, 5 characters, ${key.period} s)`]
      : ['algorithm, digits, period', `${key.algorithm}, ${key.digits}, ${key.period} s`],
  ];
}

function steam(key: ResolvedKey): boolean {
  return !key.remote && key.encoder === 'steam';
}

/** The clock codes are computed with (see `decideClock`), logged: the offset applied (0 for none) and a summary row. */
async function chooseClock(
  step: Step,
  inputs: ActionInputs,
  key: { readonly remote?: { readonly reference: string } | undefined },
): Promise<{ offset: number; row?: [string, string] }> {
  const decision = await decideClock(inputs.clock, CLOCK_LABELS, key.remote?.reference, { now: step.now });
  if (decision.stated !== undefined) {
    core.info(`time-offset: ${decision.stated} s applied to the runner's clock.`);
    return { offset: decision.offset, row: ['clock', `runner's clock ${signed(decision.stated)} s (time-offset)`] };
  }
  if (decision.reading) {
    const { reading } = decision;
    core.info(clockMessage(reading));
    const measured = `${signed(reading.offset, 1)} s`;
    return {
      offset: decision.offset,
      row: [
        'clock',
        `${html(reading.origin)}: ${measured}${reading.applied ? ' (applied)' : ' (within 2 s: not applied)'}`,
      ],
    };
  }
  if (decision.unreadable !== undefined) {
    core.warning(`${decision.unreadable}; codes use the runner's clock`);
    return { offset: 0, row: ['clock', "the runner's (the clock source could not be read)"] };
  }
  return { offset: 0 };
}

async function generate(step: Step, inputs: ActionInputs): Promise<void> {
  const loaded = await load(step, inputs);
  const { key } = loaded;
  // The runner passes the default (5) as if it were given; for a key of period 5 s or less it cannot hold.
  let minRemaining = inputs.minRemaining;
  if (minRemaining >= key.period && minRemaining === DEFAULT_MIN_REMAINING) {
    minRemaining = key.period - 1;
    core.notice(
      `min-remaining: the default ${DEFAULT_MIN_REMAINING} s is not below the key's ${key.period} s period; using ${minRemaining} s`,
    );
  }
  const clock = await chooseClock(step, inputs, key);
  const lease = inputs.lease ? await openStore(resolveStoreRef(inputs.store, step.env, 'store'), step.env) : undefined;
  if (lease?.reference.startsWith('file:')) {
    core.notice(
      `lease: ${lease.reference} is shared only by jobs on this runner; for parallel jobs on other runners use store: postgres:VAR (VAR holding the connection URL)`,
    );
  }
  const issued = await freshCode(key, {
    minRemaining,
    minRemainingLabel: 'min-remaining',
    offset: clock.offset,
    ...(lease ? { lease } : {}),
    now: step.now,
    ...(step.sleep ? { wait: step.sleep } : {}),
    onWait: (message) => core.info(`${message[0]?.toUpperCase()}${message.slice(1)}.`),
  });
  const { code } = issued;
  core.setSecret(code);
  const expiry = new Date(issued.expiresAt * 1000).toISOString();
  core.setOutput('code', code);
  core.setOutput('expires-in', String(issued.remaining));
  core.setOutput('expires-at', expiry);
  core.setOutput('period', String(key.period));
  core.setOutput('digits', String(codeLength(key)));
  core.setOutput('algorithm', key.algorithm);
  core.setOutput('step', String(issued.step));
  core.setOutput('clock-offset', String(clock.offset));
  const what = steam(key) ? 'A 5-character Steam Guard code' : `A ${key.digits}-digit code`;
  core.info(`${what} is in the "code" output (masked); it expires in ${issued.remaining} s, at ${expiry}.`);
  await writeSummary(step.env, 'totp-kit: one-time code', [
    ...settingsRows(loaded),
    ...(clock.row ? [clock.row] : []),
    ['waited for a fresh code', issued.waited > 0 ? `${tenths(issued.waited)} s` : 'no'],
    ...(lease ? ([['lease', `a step no other caller got, in ${html(lease.reference)}`]] as const) : []),
    ['seconds left when output', String(issued.remaining)],
  ]);
}

/** Checks the code against one enrollment in a store: replays and lockouts refused. */
async function verifyEnrollment(step: Step, inputs: ActionInputs, method: string, entity: string): Promise<boolean> {
  const clock = await chooseClock(step, inputs, {});
  const ctx = {
    store: await openStore(resolveStoreRef(inputs.store, step.env, 'store'), step.env),
    now: () => step.now() + clock.offset,
  };
  const enrollment = await readEnrollment(ctx, method, entity);
  const outcome = await validateEnrollment(ctx, method, entity, inputs.code as string);
  const why = outcome.valid ? 'valid' : enrollmentRefusal(outcome, enrollment.digits);
  return verdict(step, inputs, outcome.valid, why, enrollment, [
    ...(clock.row ? [clock.row] : []),
    ['check', `per enrollment: method ${html(method)}, entity ${html(entity)} in ${html(ctx.store.reference)}`],
  ]);
}

/** Checks the code against the key from `secret` or `source` (statelessly, or by Vault for vault-totp:). */
async function verifyKey(step: Step, inputs: ActionInputs): Promise<boolean> {
  const loaded = await load(step, inputs);
  const { key } = loaded;
  const clock = await chooseClock(step, inputs, key);
  const outcome = await verifyWithKey(key, inputs.code, {
    skew: inputs.skew === '0' ? 0 : 1,
    at: step.now() + clock.offset,
  });
  const valid = outcome.valid;
  const why = valid ? 'valid' : refusalMessage(outcome, key.digits);
  return verdict(step, inputs, valid, why, key, [
    ...settingsRows(loaded),
    ...(clock.row ? [clock.row] : []),
    ['check', key.remote ? `by ${html(key.remote.reference)}` : `stateless, skew ${inputs.skew ?? '1'}`],
  ]);
}

/**
 * Sets the outputs, writes the summary, and fails the step on an invalid code unless told not to.
 * @returns false when the step failed.
 */
async function verdict(
  step: Step,
  inputs: ActionInputs,
  valid: boolean,
  why: string,
  settings: CodeSettings & { readonly encoder?: 'steam' | undefined },
  rows: SummaryRows,
): Promise<boolean> {
  core.setOutput('valid', String(valid));
  core.setOutput('period', String(settings.period));
  core.setOutput('digits', String(codeLength(settings)));
  core.setOutput('algorithm', settings.algorithm);
  await writeSummary(step.env, 'totp-kit: code check', [...rows, ['result', valid ? 'valid' : `not valid: ${why}`]]);
  if (valid) core.info('The code is valid.');
  else if (inputs.failOnInvalid) core.setFailed(`code: ${why}`);
  else core.warning(`code: ${why} (fail-on-invalid is false: the step succeeds with valid=false)`);
  return valid || !inputs.failOnInvalid;
}

/** @returns false when the step failed (an invalid code with fail-on-invalid). */
async function verify(step: Step, inputs: ActionInputs): Promise<boolean> {
  if (inputs.method !== undefined) return verifyEnrollment(step, inputs, inputs.method, inputs.entity as string);
  return verifyKey(step, inputs);
}

/**
 * Runs the action. Never throws: every failure becomes `core.setFailed`, and a job summary saying what failed
 * (without seed or code). Without options it reads the process's environment and clock, as on a runner; the
 * runner protocol itself (outputs, masks, PATH, the exit code) is @actions/core's, on this process.
 */
export async function run(options: RunOptions = {}): Promise<void> {
  const step: Step = {
    env: options.env ?? process.env,
    now: options.now ?? nowSeconds,
    sleep: options.sleep,
    mask: masker(),
  };
  try {
    const inputs = readInputs(step.env, step.mask);
    let succeeded = true;
    if (inputs.mode === 'generate') await generate(step, inputs);
    else if (inputs.mode === 'verify') succeeded = await verify(step, inputs);
    // Last, so a step that failed leaves nothing behind (later steps do not run anyway).
    if ((inputs.installCli || inputs.mode === 'install') && succeeded) {
      const dir = await installCli(step.env);
      core.info(
        `The totp-kit CLI is on PATH for later steps (${dir}): e.g. totp-kit exec --from env:NAME -- CMD {code}`,
      );
    }
  } catch (e) {
    if (!(e instanceof TotpKitError) && e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(e instanceof TotpKitError ? e.message : `unexpected failure: ${errorMessage(e).split('\n')[0]}`);
    await writeFailureSummary(step.env, e);
  }
}
