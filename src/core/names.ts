/** Names of resources: checked the way Vault checks them, so names move between the two unchanged. */
import { badInput, looksLikeSeed, type Problem, quote } from './errors.js';

/** Vault's key name rule: `\w(([\w-.@]+)?\w)?`. */
const RESOURCE_NAME = /^\w(?:[\w.@-]*\w)?$/;
/** Entity ids end up in secret names (aws-sm) and file names: a conservative set, like user names and e-mails. */
const ENTITY_ID = /^[A-Za-z0-9_.@+-]{1,128}$/;
const NAME_RULE = 'letters, digits, "_", "-", ".", "@", starting and ending with a letter, digit or "_" (at most 128)';

/**
 * The problem with a key or method name, or undefined. A name that looks like a seed (one typed in the
 * wrong place: `key create $TOTP_SEED …`) is refused without being quoted: every message and listing
 * would print it otherwise. `store:NAME` refuses such names the same way.
 */
export function nameProblem(setting: string, value: unknown): Problem | undefined {
  if (typeof value !== 'string' || value === '') return { setting, problem: 'is required', allowed: NAME_RULE };
  if (looksLikeSeed(value))
    return { setting, problem: 'looks like a seed, not a name (not printed)', allowed: NAME_RULE };
  if (value.length > 128 || !RESOURCE_NAME.test(value))
    return { setting, problem: `${quote(value)} is not a valid name`, allowed: NAME_RULE };
  return undefined;
}

/** The problem with an entity id, or undefined. */
export function entityProblem(setting: string, value: unknown): Problem | undefined {
  if (typeof value !== 'string' || value === '')
    return { setting, problem: 'is required', allowed: 'letters, digits and _ . @ + -' };
  if (!ENTITY_ID.test(value))
    return {
      setting,
      problem: `${quote(value)} is not a valid entity id`,
      allowed: 'letters, digits and _ . @ + - (at most 128)',
    };
  return undefined;
}

/** Checks a name and throws its problem. */
export function checkName(setting: string, value: unknown): string {
  const problem = nameProblem(setting, value);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed, 'E_BAD_NAME');
  return value as string;
}
