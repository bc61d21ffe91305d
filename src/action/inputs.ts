/**
 * The action's inputs (action.yml), read once inside `run()` and checked together: every problem is
 * reported at once, each naming its input. Nothing here is read at import time.
 */
import * as core from '@actions/core';
import { type ClockRequest, clockRequestProblems } from '../core/clock.js';
import { badSettings, type Problem, quote } from '../core/errors.js';
import { checkSettings, parseWholeNumber } from '../core/settings.js';
import { normalizeCode } from '../core/totp.js';
import type { Masker } from './mask.js';

/** The action's names for the clock settings. */
export const CLOCK_LABELS = { clockSource: 'clock-source', timeOffset: 'time-offset', omit: 'leave it empty' } as const;

/** The min-remaining default of action.yml. */
export const DEFAULT_MIN_REMAINING = 5;

/** What the step was asked to do. */
export interface ActionInputs {
  /** `install` only puts the CLI on PATH. */
  readonly mode: 'generate' | 'verify' | 'install';
  /** The `secret` input (Base32 or otpauth URL), already masked. */
  readonly secret?: string | undefined;
  readonly source?: string | undefined;
  readonly algorithm?: string | undefined;
  readonly digits?: string | undefined;
  readonly period?: string | undefined;
  readonly encoder?: string | undefined;
  readonly minRemaining: number;
  /** The `clock-source` and `time-offset` inputs, checked (at most one given). */
  readonly clock: ClockRequest;
  readonly lease: boolean;
  readonly installCli: boolean;
  readonly code?: string | undefined;
  readonly skew?: string | undefined;
  readonly store?: string | undefined;
  readonly method?: string | undefined;
  readonly entity?: string | undefined;
  readonly failOnInvalid: boolean;
  readonly awsRegion?: string | undefined;
  readonly vault: {
    readonly address?: string | undefined;
    readonly token?: string | undefined;
    readonly namespace?: string | undefined;
  };
}

/** Reads an input by its action.yml name: its value, or undefined when it is empty. */
type InputReader = (name: string) => string | undefined;

/**
 * The inputs of `env` as the toolkit's getInput reads them: `INPUT_<NAME>` (upper case, spaces to '_'),
 * trimmed, so a seed or token with a trailing newline from a secrets file still works. The runner passes
 * unset inputs as ''.
 */
function inputReader(env: NodeJS.ProcessEnv): InputReader {
  return (name) => {
    const value = (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    return value === '' ? undefined : value;
  };
}

/** A boolean input as the toolkit's getBooleanInput reads it (YAML 1.2 core schema), or a problem. */
function booleanInput(optional: InputReader, name: string, fallback: boolean, problems: Problem[]): boolean {
  const text = optional(name);
  if (text === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  problems.push({ setting: name, problem: `${quote(text)} is not a boolean`, allowed: 'true or false' });
  return fallback;
}

/**
 * Reads and checks the inputs of `env` (the step's environment, where the runner puts them). Credentials
 * (`secret`, `vault-token`, `code`) are masked the moment they are read, before anything could print them.
 * @throws TotpKitError (bad-input) listing every problem.
 */
export function readInputs(env: NodeJS.ProcessEnv, mask: Masker): ActionInputs {
  const problems: Problem[] = [];
  const optional = inputReader(env);
  const secret = optional('secret');
  const vaultToken = optional('vault-token');
  const code = optional('code');
  // The code is also masked as it is checked (spaces removed; a Steam code in upper case), the form a
  // message or a backend's answer would carry.
  const checked = normalizeCode(code);
  mask([secret, vaultToken, code, checked, checked?.toUpperCase()]);

  const mode = optional('mode') ?? 'generate';
  if (mode !== 'generate' && mode !== 'verify' && mode !== 'install') {
    problems.push({
      setting: 'mode',
      problem: `${quote(mode)} is not a mode`,
      allowed: 'generate or verify, or install (only put the totp-kit CLI on PATH)',
    });
  }
  const source = optional('source');
  const store = optional('store');
  const method = optional('method');
  const entity = optional('entity');
  // A check per enrollment uses the enrollment's own seed: no secret or source then.
  const perEnrollment = mode === 'verify' && method !== undefined;
  if (perEnrollment && (secret !== undefined || source !== undefined)) {
    problems.push({
      setting: secret !== undefined ? 'secret' : 'source',
      problem: 'is not used with method and entity (the enrollment holds the seed)',
      allowed: 'leave it empty',
    });
  }
  if (!perEnrollment && mode !== 'install' && secret === undefined && source === undefined) {
    problems.push({
      setting: 'secret',
      problem: 'and source are both empty',
      allowed: 'one of them: secret (Base32 or otpauth URL) or source (a reference such as aws-sm:NAME)',
    });
  }
  if (mode === 'install' && (secret !== undefined || source !== undefined)) {
    problems.push({
      setting: secret !== undefined ? 'secret' : 'source',
      problem: 'is not used with mode: install (which only puts the CLI on PATH)',
      allowed: 'leave it empty, or use mode: generate',
    });
  }
  if (secret !== undefined && source !== undefined) {
    problems.push({ setting: 'secret', problem: 'and source were both given', allowed: 'exactly one of them' });
  }
  const minRemainingText = optional('min-remaining') ?? String(DEFAULT_MIN_REMAINING);
  const minRemaining = parseWholeNumber(minRemainingText);
  if (minRemaining === undefined) {
    problems.push({
      setting: 'min-remaining',
      problem: `${quote(minRemainingText)} is not a whole number of seconds`,
      allowed: 'whole seconds below the period (default 5)',
    });
  }
  const settings = {
    algorithm: optional('algorithm'),
    digits: optional('digits'),
    period: optional('period'),
    skew: optional('skew'),
  };
  const encoder = optional('encoder');
  const check = checkSettings(settings);
  problems.push(...check.problems);

  if (mode === 'verify') {
    if (code === undefined)
      problems.push({ setting: 'code', problem: 'is empty', allowed: 'the code to verify (mode: verify)' });
    if ((method === undefined) !== (entity === undefined)) {
      problems.push({
        setting: method === undefined ? 'method' : 'entity',
        problem: 'is empty',
        allowed: 'method and entity together, for a stateful check',
      });
    }
  } else {
    for (const [name, value] of [
      ['code', code],
      ['method', method],
      ['entity', entity],
    ] as const) {
      if (value !== undefined)
        problems.push({
          setting: name,
          problem: 'is only used with mode: verify',
          allowed: 'leave it empty, or set mode: verify',
        });
    }
  }
  const failOnInvalid = booleanInput(optional, 'fail-on-invalid', true, problems);
  const installCli = booleanInput(optional, 'install-cli', true, problems);
  const lease = booleanInput(optional, 'lease', false, problems);
  if (lease && mode !== 'generate') {
    problems.push({ setting: 'lease', problem: 'is only used with mode: generate', allowed: 'leave it false' });
  }
  const clock = { clockSource: optional('clock-source'), timeOffset: optional('time-offset') };
  problems.push(...clockRequestProblems(clock, CLOCK_LABELS));
  if (problems.length > 0) throw badSettings(problems);
  for (const warning of check.warnings) core.warning(warning);

  const awsRegion = optional('aws-region');
  const address = optional('vault-address');
  const namespace = optional('vault-namespace');
  return {
    mode: mode as ActionInputs['mode'],
    secret,
    source,
    ...settings,
    encoder,
    minRemaining: minRemaining as number,
    clock,
    lease,
    installCli,
    code,
    store,
    method,
    entity,
    failOnInvalid,
    awsRegion,
    vault: { address, token: vaultToken, namespace },
  };
}
