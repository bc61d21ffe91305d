/**
 * The action's inputs (action.yml), read once inside `run()` and checked together: every problem is
 * reported at once, each naming its input. Nothing here is read at import time.
 */
import * as core from '@actions/core';
import { badSettings, type Problem, quote } from '../core/errors.js';
import { checkSettings, parseWholeNumber } from '../core/settings.js';
import { maskAll } from './mask.js';

/** The min-remaining default of action.yml. */
export const DEFAULT_MIN_REMAINING = 5;

/** What the step was asked to do. */
export interface ActionInputs {
  readonly mode: 'generate' | 'verify';
  /** The `secret` input (Base32 or otpauth URL), already masked. */
  readonly secret?: string | undefined;
  readonly source?: string | undefined;
  readonly algorithm?: string | undefined;
  readonly digits?: string | undefined;
  readonly period?: string | undefined;
  readonly minRemaining: number;
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

/** An input's value, or undefined when it is empty (the runner passes unset inputs as ''). */
function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/**
 * Reads and checks the inputs. Credentials (`secret`, `vault-token`, `code`) are masked the moment they
 * are read, before anything could print them.
 * @throws TotpKitError (bad-input) listing every problem.
 */
export function readInputs(): ActionInputs {
  const problems: Problem[] = [];
  // getInput trims: a seed or token with a trailing newline from a secrets file still works.
  const secret = optional('secret');
  const vaultToken = optional('vault-token');
  const code = optional('code');
  maskAll([secret, vaultToken, code]);

  const mode = optional('mode') ?? 'generate';
  if (mode !== 'generate' && mode !== 'verify') {
    problems.push({ setting: 'mode', problem: `${quote(mode)} is not a mode`, allowed: 'generate or verify' });
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
  if (!perEnrollment && secret === undefined && source === undefined) {
    problems.push({
      setting: 'secret',
      problem: 'and source are both empty',
      allowed: 'one of them: secret (Base32 or otpauth URL) or source (a reference such as aws-sm:NAME)',
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
  // The YAML 1.2 core schema's booleans, as the toolkit's getBooleanInput reads them.
  const failOnInvalidText = optional('fail-on-invalid') ?? 'true';
  const failOnInvalid = ['true', 'True', 'TRUE'].includes(failOnInvalidText);
  if (!failOnInvalid && !['false', 'False', 'FALSE'].includes(failOnInvalidText)) {
    problems.push({
      setting: 'fail-on-invalid',
      problem: `${quote(failOnInvalidText)} is not a boolean`,
      allowed: 'true or false',
    });
  }
  if (problems.length > 0) throw badSettings(problems);
  for (const warning of check.warnings) core.warning(warning);

  const awsRegion = optional('aws-region');
  const address = optional('vault-address');
  const namespace = optional('vault-namespace');
  return {
    mode: mode as 'generate' | 'verify',
    secret,
    source,
    ...settings,
    minRemaining: minRemaining as number,
    code,
    store,
    method,
    entity,
    failOnInvalid,
    awsRegion,
    vault: { address, token: vaultToken, namespace },
  };
}
