/** `env:NAME`: an environment variable holding Base32 or an otpauth URL. */
import { badInput } from '../core/errors.js';
import { parseSeedText, type SeedTextOptions } from '../core/seed-text.js';
import type { SeedSource } from './source.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A source reading variable `name` of the environment the face was given, when read. */
export function envSource(
  name: string,
  env: NodeJS.ProcessEnv,
  label = 'source',
  text: SeedTextOptions = {},
): SeedSource {
  const reference = `env:${name}`;
  if (!NAME.test(name)) {
    throw badInput(
      label,
      name === '' ? 'env: needs a variable name' : 'env: has an invalid variable name',
      'env:NAME with letters, digits and "_", not starting with a digit',
    );
  }
  return {
    reference,
    async read() {
      const value = env[name];
      if (value === undefined)
        throw badInput(
          reference,
          'is not set',
          'a variable holding a Base32 seed or an otpauth URL',
          'E_SOURCE_NOT_FOUND',
        );
      if (value.trim() === '')
        throw badInput(reference, 'is empty', 'a Base32 seed or an otpauth URL', 'E_SOURCE_EMPTY');
      return parseSeedText(value, reference, undefined, text);
    },
  };
}
