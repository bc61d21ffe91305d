/**
 * Paths in references (`file:PATH` for a seed or a store) are used as written. A shell expands "~" only at the
 * start of a word, so in `--from file:~/seed.txt` it reaches totp-kit unexpanded, and would name a folder
 * called "~" in the working directory: refused with the fix rather than read or created there.
 */
import type { Problem } from './errors.js';

/**
 * The problem of a path that starts with "~" or "~user", or undefined. `scheme` is what precedes the path in
 * the reference (`file:`), for the message.
 */
export function unexpandedTilde(path: string, scheme = 'file:'): Omit<Problem, 'setting'> | undefined {
  const match = /^~([A-Za-z0-9._-]*)(?=[/\\]|$)/.exec(path);
  if (!match) return undefined;
  const rest = path.slice(match[0].length);
  return {
    problem: `${scheme}${path}: "~" is not expanded (a shell expands it only at the start of a word, not after "${scheme}")`,
    allowed: match[1] === '' ? `the full path, e.g. ${scheme}$HOME${rest} in a shell` : 'the full path',
  };
}
