/**
 * `aws-sm:ID[#FIELD]`: a seed in AWS Secrets Manager, by name or ARN. A SecretString holds Base32, an
 * otpauth URL or a JSON object (`#FIELD` picks the field); a SecretBinary holds the raw key bytes.
 * Region, endpoint and credentials come from the SDK's usual environment (what
 * aws-actions/configure-aws-credentials exports), or `region` when given. The SDK is loaded on read.
 */
import type { GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import { encodeBase32 } from '../core/base32.js';
import { badInput, TotpKitError } from '../core/errors.js';
import { parseSeedText, type SeedText, type SeedTextOptions } from '../core/seed-text.js';
import { describeAwsError, loadSecretsManager } from '../stores/aws-sdk.js';
import type { SeedSource } from './source.js';

/** Secret names (letters, digits, /_+=.@-) or ARNs. */
const SECRET_ID = /^(arn:[A-Za-z0-9-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/;

/**
 * A source reading one secret from AWS Secrets Manager when read. `options.regionLabel` is what the face
 * calls its region setting (the action's `aws-region`), named in the error when no region is configured;
 * `options.env` gives the SDK's settings (see `clientSettings`; default: the process's environment).
 */
export function awsSmSource(
  rest: string,
  label: string,
  options: { readonly region?: string; readonly regionLabel?: string; readonly env?: NodeJS.ProcessEnv } = {},
  text: SeedTextOptions = {},
): SeedSource {
  const hash = rest.indexOf('#');
  const id = hash >= 0 ? rest.slice(0, hash) : rest;
  const field = hash >= 0 ? rest.slice(hash + 1) : undefined;
  if (!SECRET_ID.test(id)) {
    throw badInput(
      label,
      'aws-sm: needs a secret name or ARN',
      'aws-sm:NAME, aws-sm:ARN, optionally #FIELD',
      'E_SOURCE_REF',
    );
  }
  if (field === '') throw badInput(label, 'has an empty #FIELD', 'aws-sm:ID#FIELD with a field name', 'E_SOURCE_REF');
  const reference = `aws-sm:${rest}`;
  return {
    reference,
    async read(): Promise<SeedText> {
      const { sdk, client } = await loadSecretsManager(reference, options.env ?? process.env, options.region);
      let output: GetSecretValueCommandOutput;
      try {
        output = await client.send(new sdk.GetSecretValueCommand({ SecretId: id }));
      } catch (e) {
        throw new TotpKitError(
          'backend',
          'E_SOURCE_BACKEND',
          `${reference}: GetSecretValue failed: ${describeAwsError(e, options.regionLabel)}`,
        );
      } finally {
        client.destroy();
      }
      const value = output;
      if (typeof value.SecretString === 'string') {
        if (value.SecretString.trim() === '')
          throw badInput(reference, 'is empty', 'a Base32 seed, an otpauth URL or a JSON object', 'E_SOURCE_EMPTY');
        return parseSeedText(value.SecretString, reference, field, text);
      }
      if (value.SecretBinary instanceof Uint8Array && value.SecretBinary.length > 0) {
        if (field !== undefined)
          throw badInput(
            reference,
            'is a binary secret, which has no fields',
            `aws-sm:${id} without #FIELD`,
            'E_SOURCE_REF',
          );
        const secret = Buffer.from(value.SecretBinary);
        return {
          secret,
          explicit: {},
          fromUrl: false,
          secretForms: [secret.toString('base64'), secret.toString('hex'), encodeBase32(secret)],
        };
      }
      throw badInput(
        reference,
        'holds neither a SecretString nor a SecretBinary',
        'a secret with a value',
        'E_SOURCE_EMPTY',
      );
    },
  };
}
