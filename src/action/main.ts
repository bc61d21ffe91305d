/**
 * The action: read the inputs, load the key, mask every form of the seed, then either output a fresh
 * code (mode: generate) or check one (mode: verify, stateless or per enrollment in a store). One
 * failure path: `core.setFailed` with one line per problem; a stack trace only in debug logs.
 */
import * as core from '@actions/core';
import { errorMessage, TotpKitError } from '../core/errors.js';
import type { CodeSettings } from '../core/settings.js';
import { expiresAt, planFreshCode, remainingSeconds, tenths, waitUntilCurrent } from '../core/time.js';
import { generateCode } from '../core/totp.js';
import { enrollmentRefusal, readEnrollment, validateEnrollment } from '../resources/enrollment.js';
import { type LoadedKey, loadKey, verdictMessage, verifyWithKey } from '../sources/load-key.js';
import { openStore, resolveStoreRef } from '../stores/store-ref.js';
import { type ActionInputs, DEFAULT_MIN_REMAINING, readInputs } from './inputs.js';
import { maskAll } from './mask.js';
import { type SummaryRows, writeSummary } from './summary.js';

async function load(inputs: ActionInputs): Promise<LoadedKey> {
  const origin =
    inputs.secret !== undefined
      ? { text: inputs.secret, label: 'secret' }
      : { reference: inputs.source as string, label: 'source' };
  const options = {
    ...(inputs.store !== undefined ? { store: inputs.store } : {}),
    storeLabel: 'store',
    ...(inputs.awsRegion !== undefined ? { awsRegion: inputs.awsRegion } : {}),
    vault: inputs.vault,
  };
  const loaded = await loadKey(
    origin,
    { algorithm: inputs.algorithm, digits: inputs.digits, period: inputs.period },
    process.env,
    options,
  );
  maskAll(loaded.secretForms);
  return loaded;
}

/** A reference or name in the summary's HTML table, escaped. */
function html(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<code>${escaped}</code>`;
}

function settingsRows(loaded: LoadedKey): SummaryRows {
  const { key } = loaded;
  return [
    ['key from', loaded.origin === 'secret' ? 'the secret input' : html(loaded.origin)],
    ['algorithm, digits, period', `${key.algorithm}, ${key.digits}, ${key.period} s`],
  ];
}

async function generate(inputs: ActionInputs): Promise<void> {
  const loaded = await load(inputs);
  const { key } = loaded;
  const now = Date.now() / 1000;
  // The runner passes the default (5) as if it were given; for a key of period 5 s or less it cannot hold.
  let minRemaining = inputs.minRemaining;
  if (minRemaining >= key.period && minRemaining === DEFAULT_MIN_REMAINING) {
    minRemaining = key.period - 1;
    core.notice(
      `min-remaining: the default ${DEFAULT_MIN_REMAINING} s is not below the key's ${key.period} s period; using ${minRemaining} s`,
    );
  }
  const plan = planFreshCode(now, key.period, minRemaining, 'min-remaining');
  if (plan.waitSeconds > 0) {
    core.info(
      `The current code expires in ${tenths(key.period - (now % key.period))} s (< min-remaining ${minRemaining}); waiting ${tenths(plan.waitSeconds)} s for the next one.`,
    );
    await waitUntilCurrent(plan);
  }
  const t = Math.max(Date.now() / 1000, plan.at);
  const code = key.remote ? await key.remote.code() : generateCode(key, t);
  core.setSecret(code);
  const left = remainingSeconds(t, key.period);
  const expiry = new Date(expiresAt(t, key.period) * 1000).toISOString();
  core.setOutput('code', code);
  core.setOutput('expires-in', String(left));
  core.setOutput('expires-at', expiry);
  core.setOutput('period', String(key.period));
  core.setOutput('digits', String(key.digits));
  core.setOutput('algorithm', key.algorithm);
  core.info(`A ${key.digits}-digit code is in the "code" output (masked); it expires in ${left} s, at ${expiry}.`);
  await writeSummary('totp-kit: one-time code', [
    ...settingsRows(loaded),
    ['waited for a fresh code', plan.waitSeconds > 0 ? `${tenths(plan.waitSeconds)} s` : 'no'],
    ['seconds left when output', String(left)],
  ]);
}

/** Checks the code against one enrollment in a store: replays and lockouts refused. */
async function verifyEnrollment(inputs: ActionInputs, method: string, entity: string): Promise<void> {
  const ctx = {
    store: await openStore(resolveStoreRef(inputs.store, process.env, 'store'), process.env),
    now: () => Date.now() / 1000,
  };
  const enrollment = await readEnrollment(ctx, method, entity);
  const outcome = await validateEnrollment(ctx, method, entity, inputs.code as string);
  const why = outcome.valid ? 'valid' : enrollmentRefusal(outcome, enrollment.digits);
  await verdict(inputs, outcome.valid, why, enrollment, [
    ['check', `per enrollment: method ${html(method)}, entity ${html(entity)} in ${html(ctx.store.reference)}`],
  ]);
}

/** Checks the code against the key from `secret` or `source` (statelessly, or by Vault for vault-totp:). */
async function verifyKey(inputs: ActionInputs): Promise<void> {
  const loaded = await load(inputs);
  const { key } = loaded;
  const outcome = await verifyWithKey(key, inputs.code, { skew: inputs.skew === '0' ? 0 : 1 });
  const valid = outcome.valid;
  const why = valid ? 'valid' : verdictMessage(outcome, key.digits);
  await verdict(inputs, valid, why, key, [
    ...settingsRows(loaded),
    ['check', key.remote ? `by ${html(key.remote.reference)}` : `stateless, skew ${inputs.skew ?? '1'}`],
  ]);
}

/** Sets the outputs, writes the summary, and fails the step on an invalid code unless told not to. */
async function verdict(
  inputs: ActionInputs,
  valid: boolean,
  why: string,
  settings: CodeSettings,
  rows: SummaryRows,
): Promise<void> {
  core.setOutput('valid', String(valid));
  core.setOutput('period', String(settings.period));
  core.setOutput('digits', String(settings.digits));
  core.setOutput('algorithm', settings.algorithm);
  await writeSummary('totp-kit: code check', [...rows, ['result', valid ? 'valid' : `not valid: ${why}`]]);
  if (valid) core.info('The code is valid.');
  else if (inputs.failOnInvalid) core.setFailed(`code: ${why}`);
  else core.warning(`code: ${why} (fail-on-invalid is false: the step succeeds with valid=false)`);
}

async function verify(inputs: ActionInputs): Promise<void> {
  if (inputs.method !== undefined) await verifyEnrollment(inputs, inputs.method, inputs.entity as string);
  else await verifyKey(inputs);
}

/** Runs the action. Never throws: every failure becomes `core.setFailed`. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode === 'generate') await generate(inputs);
    else await verify(inputs);
  } catch (e) {
    if (!(e instanceof TotpKitError) && e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(e instanceof TotpKitError ? e.message : `unexpected failure: ${errorMessage(e).split('\n')[0]}`);
  }
}
