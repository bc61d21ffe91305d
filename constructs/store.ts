/**
 * Store references for the constructs: where `terraform apply` (through the CLI) keeps the keys,
 * methods and enrollments a stack declares. The same references as the CLI's `--store`.
 */
import { isAbsolute, resolve } from 'node:path';
import { Token } from 'cdktf';
import { errorMessage, type Problem, quote, TotpKitError } from '../src/core/errors.js';
import { resolveStoreRef } from '../src/stores/store-ref.js';
import { bundledCliPath } from './cli-path.js';

/** Options of every store. */
export interface TotpStoreOptions {
  /**
   * The totp-kit CLI the provisioners run as `node CLI apply|destroy …` (a relative path is resolved
   * against the working directory at synth). Changing it replaces the null_resources, which is
   * harmless: the new apply finds everything up to date and the old guarded destroy deletes nothing.
   * @default the `dist/cli.js` of the installed totp-kit package, next to these constructs
   */
  readonly cliPath?: string;
}

/** Props of an AWS Secrets Manager store. */
export interface AwsSecretsManagerStoreProps extends TotpStoreOptions {
  /**
   * Secret name prefix: records are `PREFIX/key/NAME`, `PREFIX/method/NAME` and
   * `PREFIX/enrollment/METHOD/ENTITY`. Letters, digits and `/_+=.@-`.
   */
  readonly prefix: string;
  /**
   * AWS region, passed to the CLI as `AWS_REGION`. Credentials always come from the SDK's default
   * chain in the environment `terraform apply` runs in; they are never put in the synthesized JSON.
   * @default the SDK's environment at apply (`AWS_REGION`, the profile)
   */
  readonly region?: string;
}

const REGION = /^[a-z0-9-]{1,40}$/;

/**
 * A totp-kit store: `TotpStore.file(path)` or `TotpStore.awsSecretsManager({ prefix, region })`.
 * Every construct names the store it declares its resource in; its reference travels in the
 * null_resource's triggers, so moving a resource to another store recreates it there (and deletes
 * it from the old one).
 */
export class TotpStore {
  /**
   * The embedded file store (one JSON file, mode 0600). A relative path is resolved at synth against
   * the working directory of `cdktf synth` (the project with cdktf.json), not the stack's directory in
   * cdktf.out where Terraform runs, so the store survives a fresh synth. Set `TOTP_KIT_STORE_KEY` in
   * the environment of `terraform apply` to seal its seeds; the key never enters the synthesized JSON.
   */
  static file(path: string, options: TotpStoreOptions = {}): TotpStore {
    return new TotpStore(`file:${absolute(path)}`, options);
  }

  /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
  static awsSecretsManager(props: AwsSecretsManagerStoreProps): TotpStore {
    return new TotpStore(`aws-sm:${props.prefix}`, props, props.region);
  }

  /** The store reference the CLI gets as `TOTP_KIT_STORE` (`file:/abs/path` or `aws-sm:PREFIX`). */
  readonly reference: string;
  /** The region of an AWS Secrets Manager store, when one was given. */
  readonly region?: string;
  /** The absolute path of the CLI the provisioners run. */
  readonly cliPath: string;

  private constructor(reference: string, options: TotpStoreOptions, region?: string) {
    this.reference = reference;
    if (region !== undefined) this.region = region;
    this.cliPath = options.cliPath === undefined ? bundledCliPath() : absolute(options.cliPath);
  }

  /** What makes two stores the same store: two constructs may not declare one name in it. */
  get identity(): string {
    return this.region === undefined ? this.reference : `${this.reference} (region ${this.region})`;
  }

  /** Every problem of this store, each naming its setting (checked at synth by the constructs). */
  problems(): Problem[] {
    const problems: Problem[] = [];
    if (Token.isUnresolved(this.reference)) {
      problems.push({ setting: 'store', problem: 'is a Terraform token', allowed: 'a reference known at synth' });
    } else {
      try {
        resolveStoreRef(this.reference, {}, 'store');
      } catch (e) {
        if (!(e instanceof TotpKitError)) throw e;
        problems.push(...(e.problems.length > 0 ? e.problems : [{ setting: 'store', problem: errorMessage(e) }]));
      }
    }
    if (this.region !== undefined && (Token.isUnresolved(this.region) || !REGION.test(this.region))) {
      problems.push({
        setting: 'region',
        problem: `${quote(this.region)} is not an AWS region`,
        allowed: 'a region name such as eu-west-1',
      });
    }
    if (this.cliPath === '' || Token.isUnresolved(this.cliPath)) {
      problems.push({ setting: 'cliPath', problem: 'is not a file path', allowed: 'the path of dist/cli.js' });
    }
    return problems;
  }
}

/** Resolves a relative path against the working directory; leaves empty strings and tokens to validation. */
export function absolute(path: string): string {
  if (typeof path !== 'string' || path === '' || Token.isUnresolved(path) || isAbsolute(path)) return path;
  return resolve(path);
}
