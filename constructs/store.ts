/**
 * Store references for the constructs: where `terraform apply` (through the CLI) keeps the keys,
 * methods and enrollments a stack declares. The same references as the CLI's `--store`.
 */
import { Token } from 'cdktf';
import { errorMessage, type Problem, quote, TotpKitError } from '../src/core/errors.js';
import { RESOURCE_TYPES, type TotpResourceType } from '../src/resources/stack-format.js';
import { postgresSchemaProblem, postgresVariableProblem } from '../src/stores/postgres-connection.js';
import { resolveStoreRef } from '../src/stores/store-ref.js';
import { bundledCliPath } from './cli-path.js';
import { projectPath, relativeToProject } from './paths.js';

/** The Terraform resource each construct synthesizes (both have the same provisioners and lifecycle). */
export type { TotpResourceType };

/** Options of every store. */
export interface TotpStoreOptions {
  /**
   * The totp-kit CLI the provisioners run with `node`. A relative path is relative to the project (the
   * folder `cdktf synth` runs in), and stays relative in the synthesized JSON. Changing it changes no
   * resource: the provisioners use the CLI of the current configuration.
   * @default the `dist/cli.js` of the installed totp-kit package, next to these constructs (written
   * relative to the project)
   */
  readonly cliPath?: string;
  /**
   * The Terraform resource the constructs of this store synthesize: `terraform_data` (built in, Terraform
   * 1.4 or later) or `null_resource` (the hashicorp/null provider, for older Terraform). Switching
   * replaces every resource of the store; the store keeps every seed.
   * @default 'terraform_data'
   */
  readonly resourceType?: TotpResourceType;
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

/** Props of a PostgreSQL store. Where the server is comes from the environment of `terraform apply`, never from here. */
export interface PostgresStoreProps extends TotpStoreOptions {
  /**
   * The environment variable that holds the connection URL (`postgres://USER:PASSWORD@HOST:PORT/DATABASE`)
   * when `terraform apply` runs, such as `DATABASE_URL`. Only its name is in the synthesized JSON.
   * @default none: libpq's standard variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)
   */
  readonly urlVariable?: string;
  /**
   * The schema the store's tables live in (made on first use): several stores can share one database.
   * Lower-case letters, digits and `_`.
   * @default 'totp_kit'
   */
  readonly schema?: string;
}

const REGION = /^[a-z0-9-]{1,40}$/;

/**
 * A totp-kit store: `TotpStore.file(path)`, `TotpStore.awsSecretsManager({ prefix, region })` or
 * `TotpStore.postgres({ urlVariable })`.
 * Every construct names the store it declares its resource in; its reference travels in the
 * resource's triggers, so moving a resource to another store recreates it there (and deletes it from
 * the old one).
 *
 * @example
 * ```ts
 * import { TotpStore } from 'totp-kit/constructs';
 *
 * const local = TotpStore.file('.totp-kit/store.json');
 * const shared = TotpStore.awsSecretsManager({ prefix: 'ci/totp', region: 'eu-west-1' });
 * const busy = TotpStore.postgres({ urlVariable: 'DATABASE_URL' }); // DATABASE_URL set where terraform applies
 * ```
 */
export class TotpStore {
  /**
   * The embedded file store (one JSON file, mode 0600). A relative path is relative to the project (the
   * folder with cdktf.json, where `cdktf synth` runs), wherever it is checked out: it stays relative in the
   * synthesized JSON, and the provisioners run in the project folder. An absolute path stays as given.
   * Set `TOTP_KIT_STORE_KEY` in the environment of `terraform apply` to seal its seeds; the key never
   * enters the synthesized JSON.
   */
  static file(path: string, options: TotpStoreOptions = {}): TotpStore {
    return new TotpStore(`file:${projectPath(path)}`, options);
  }

  /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
  static awsSecretsManager(props: AwsSecretsManagerStoreProps): TotpStore {
    return new TotpStore(`aws-sm:${props.prefix}`, props, props.region);
  }

  /**
   * PostgreSQL: one row per key, method, enrollment and lease, for state that changes on every verify and
   * lease. The synthesized JSON names only the variable (`postgres:DATABASE_URL`); the URL and its password
   * are read from the environment of `terraform apply`.
   */
  static postgres(props: PostgresStoreProps = {}): TotpStore {
    const variable = props.urlVariable ?? '';
    const schema = props.schema ?? '';
    // Each prop is checked under its own name (a token is left to the reference's check). A rejected variable may
    // be the URL itself, so it stays out of the reference, which triggers and refusals print.
    const problems = [
      Token.isUnresolved(variable) ? undefined : postgresVariableProblem(variable, 'urlVariable'),
      props.schema === undefined || Token.isUnresolved(schema) ? undefined : postgresSchemaProblem(schema, 'schema'),
    ].filter((p) => p !== undefined);
    const shown = problems.some((p) => p.setting === 'urlVariable') ? '(urlVariable refused)' : variable;
    return new TotpStore(
      `postgres:${shown}${props.schema === undefined ? '' : `/${schema}`}`,
      props,
      undefined,
      problems,
    );
  }

  /**
   * The store reference the CLI gets as `TOTP_KIT_STORE` (`file:PATH`, relative to the project, `aws-sm:PREFIX`
   * or `postgres:VAR`).
   */
  readonly reference: string;
  /** The region of an AWS Secrets Manager store, when one was given. */
  readonly region?: string;
  /** The CLI the provisioners run: relative to the project, or absolute when given so. */
  readonly cliPath: string;
  /** The Terraform resource the constructs of this store synthesize. */
  readonly resourceType: TotpResourceType;

  /** Problems of the props found as the store was made, each under the prop's name. */
  readonly #propProblems: readonly Problem[];

  private constructor(reference: string, options: TotpStoreOptions, region?: string, problems: Problem[] = []) {
    this.reference = reference;
    this.#propProblems = problems;
    if (region !== undefined) this.region = region;
    this.cliPath = options.cliPath === undefined ? relativeToProject(bundledCliPath()) : projectPath(options.cliPath);
    this.resourceType = options.resourceType ?? 'terraform_data';
  }

  /** What makes two stores the same store: two constructs may not declare one name in it. */
  get identity(): string {
    return this.region === undefined ? this.reference : `${this.reference} (region ${this.region})`;
  }

  /** Every problem of this store, each naming its setting (the constructs check them at synth). */
  problems(): Problem[] {
    const problems: Problem[] = [];
    if (this.#propProblems.length > 0) {
      problems.push(...this.#propProblems);
    } else if (Token.isUnresolved(this.reference)) {
      problems.push({
        setting: 'store',
        problem: 'is a Terraform token, known only at apply',
        allowed: 'a reference known at synth',
      });
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
    if (typeof this.cliPath !== 'string' || this.cliPath === '' || Token.isUnresolved(this.cliPath)) {
      problems.push({
        setting: 'cliPath',
        problem: Token.isUnresolved(this.cliPath) ? 'is a Terraform token' : 'is not a file path',
        allowed: "the path of totp-kit's dist/cli.js, known at synth",
      });
    }
    if (!RESOURCE_TYPES.includes(this.resourceType)) {
      problems.push({
        setting: 'resourceType',
        problem: `${quote(String(this.resourceType))} is not a resource type these constructs make`,
        allowed: RESOURCE_TYPES.join(' or '),
      });
    }
    return problems;
  }
}
