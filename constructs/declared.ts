/**
 * What the three constructs share. Each builds a declaration — the JSON that `totp-kit plan|apply|destroy`
 * take, checked at synth with the same schema the CLI uses — and a null_resource carrying it in its
 * triggers, whose local-exec provisioners run the bundled CLI: `apply` at create, a destroy guarded by
 * the resource's id at destroy.
 *
 * Every setting is in the triggers, so any change replaces the null_resource: provisioners only run at
 * create, and a replacement is the only way a change reaches the store at all. The store-level apply
 * then decides what the change means — nothing, an update in place (the seed kept), or a new seed — and
 * create_before_destroy plus the generation guard make the old resource's destroy a no-op.
 */
import { NullProvider } from '@cdktf/provider-null/lib/provider/index.js';
import { Resource } from '@cdktf/provider-null/lib/resource/index.js';
import { type ITerraformDependable, TerraformOutput, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { formatProblem, type Problem } from '../src/core/errors.js';
import type { Declaration } from '../src/resources/declaration.js';
import type { TotpStore } from './store.js';

/** What a construct's resource is called in its store: two constructs of one stack may not share it. */
export interface DeclaredName {
  /** The prop that holds the name (`name`, `methodName`, `entityId`). */
  readonly setting: string;
  /** The name as the store knows it (`npm-bot`, `ops/alice`). */
  readonly value: string;
  /** What it names, for the refusal (`key name`). */
  readonly what: string;
}

/** What a construct hands to its base. */
export interface DeclaredResourceProps<D extends Declaration = Declaration> {
  readonly store: TotpStore;
  readonly declaration: D;
  readonly name: DeclaredName;
  /** The construct's TerraformOutput value: names and paths only, never a URL or seed. */
  readonly outputs: Readonly<Record<string, string | undefined>>;
  readonly description: string;
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** The environment variables the provisioners pass to the CLI, all read from the resource's triggers. */
const ENVIRONMENT = {
  TOTP_KIT_CLI: 'cli',
  TOTP_KIT_STORE: 'store',
  TOTP_KIT_DECLARATION: 'declaration',
} as const;

/** A Terraform `${self.…}` expression. */
function self(attribute: string): string {
  return `$\{self.${attribute}}`;
}

/**
 * The provisioner command. No user data is in its text — the CLI path, store and declaration arrive as
 * environment variables — so it is the same, and safe, in any POSIX shell (Linux, macOS).
 */
function provisionerCommand(action: 'apply' | 'destroy'): string {
  return `node "$TOTP_KIT_CLI" ${action} --generation "${self('id')}" --declaration-env TOTP_KIT_DECLARATION`;
}

/**
 * Escapes text for a Terraform string, where `${` starts an interpolation and `%{` a directive: user
 * text (an issuer, a path) must reach the provisioner literally, never be evaluated by Terraform.
 */
function terraformLiteral(text: string): string {
  // A function, not a string: in a replacement string `$$` means one `$`.
  return text.replaceAll('${', () => '$${').replaceAll('%{', () => '%%{');
}

const RTTI = Symbol.for('jsii.rtti');

/** The CDK a stack class comes from (`cdktf`, `cdktn`), read from the jsii type info on it or a base class. */
function cdkOf(stackClass: unknown): string | undefined {
  for (let c = stackClass; typeof c === 'function'; c = Object.getPrototypeOf(c)) {
    const fqn = Object.hasOwn(c, RTTI) ? (c as unknown as Record<symbol, { fqn?: unknown }>)[RTTI]?.fqn : undefined;
    if (typeof fqn === 'string' && fqn.endsWith('.TerraformStack')) return fqn.slice(0, fqn.indexOf('.'));
  }
  return undefined;
}

/**
 * Refuses a stack of another CDK than the one these constructs were loaded with: cdktn 0.24 calls
 * methods on every element that cdktf's elements lack, so the mix would fail at synth with a TypeError.
 */
function checkSameCdk(stack: TerraformStack): void {
  const ours = cdkOf(TerraformStack);
  const theirs = cdkOf(stack.constructor);
  if (ours === undefined || theirs === undefined || ours === theirs) return;
  throw new Error(
    `stack "${stack.node.path}" is a ${theirs} stack, but totp-kit's constructs were loaded with ${ours}, and the two cannot ` +
      `be mixed in one stack. Make "${ours}" resolve to ${theirs}: in package.json, "overrides": ` +
      `{ "${ours}": "npm:${theirs}@<its version>" } (npm; pnpm.overrides or resolutions for pnpm and yarn).`,
  );
}

/** Adds the null provider to the stack unless it has one. */
function ensureNullProvider(stack: TerraformStack): void {
  const present = stack.node
    .findAll()
    .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'null');
  if (!present) new NullProvider(stack, 'TotpKitNullProvider');
}

/** Settings whose value is a Terraform token: unknown at synth, so they cannot be checked. */
function tokenProblems(value: unknown, path = ''): Problem[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => tokenProblems(v, path === '' ? k : `${path}.${k}`));
  }
  if (!Token.isUnresolved(value)) return [];
  return [{ setting: path, problem: 'is a Terraform token, known only at apply', allowed: 'a value known at synth' }];
}

/**
 * The base of `TotpKey`, `TotpMfaMethod` and `TotpEnrollment`: a declaration in a store, checked at
 * synth, and the null_resource that applies it at `terraform apply`.
 */
export abstract class TotpDeclaredResource<D extends Declaration = Declaration> extends Construct {
  /** The store the resource is declared in. */
  readonly store: TotpStore;
  /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
  readonly declaration: D;
  /** The null_resource whose provisioners apply and destroy the declaration. */
  readonly resource: Resource;
  /** The names and paths of the resource (never a URL or seed). */
  readonly output: TerraformOutput;
  readonly #name: DeclaredName;

  protected constructor(scope: Construct, id: string, props: DeclaredResourceProps<D>) {
    super(scope, id);
    this.store = props.store;
    this.declaration = props.declaration;
    this.#name = props.name;
    const stack = TerraformStack.of(this);
    checkSameCdk(stack);
    ensureNullProvider(stack);

    const triggers: Record<string, string> = {
      declaration: terraformLiteral(JSON.stringify(props.declaration)),
      store: terraformLiteral(props.store.reference),
      cli: terraformLiteral(props.store.cliPath),
    };
    const environment: Record<string, string> = {};
    for (const [variable, trigger] of Object.entries(ENVIRONMENT)) environment[variable] = self(`triggers.${trigger}`);
    if (props.store.region !== undefined) {
      triggers.aws_region = terraformLiteral(props.store.region);
      environment.AWS_REGION = self('triggers.aws_region');
    }
    this.resource = new Resource(this, 'Resource', {
      triggers,
      lifecycle: { createBeforeDestroy: true },
      provisioners: [
        { type: 'local-exec', command: provisionerCommand('apply'), environment },
        // Destroy-time provisioners may only reference self: everything destroy needs is in the triggers.
        { type: 'local-exec', when: 'destroy', command: provisionerCommand('destroy'), environment },
      ],
      ...(props.dependsOn ? { dependsOn: [...props.dependsOn] } : {}),
    });

    const value: Record<string, string> = {};
    for (const [k, v] of Object.entries(props.outputs)) if (v !== undefined) value[k] = terraformLiteral(v);
    this.output = new TerraformOutput(this, 'Output', { value, description: terraformLiteral(props.description) });

    this.node.addValidation({ validate: () => this.#problems().map((p) => formatProblem(p)) });
  }

  /** The problems of the declaration: the schema's, and any a construct adds. */
  protected abstract declarationProblems(): Problem[];

  #problems(): Problem[] {
    const tokens = tokenProblems(this.declaration);
    // The schema would only say that a token is not a valid value: leave those settings to the token problem.
    const unknown = new Set(tokens.map((p) => p.setting.slice(p.setting.lastIndexOf('.') + 1)));
    return [
      ...this.store.problems(),
      ...tokens,
      ...this.declarationProblems().filter((p) => !unknown.has(p.setting)),
      ...this.#duplicates(),
    ];
  }

  /** Other constructs of the stack declaring the same name in the same store. */
  #duplicates(): Problem[] {
    const others = TerraformStack.of(this)
      .node.findAll()
      .filter(
        (c): c is TotpDeclaredResource =>
          c instanceof TotpDeclaredResource &&
          c !== this &&
          c.#name.what === this.#name.what &&
          c.#name.value === this.#name.value &&
          c.store.identity === this.store.identity,
      );
    if (others.length === 0) return [];
    return [
      {
        setting: this.#name.setting,
        problem: `${JSON.stringify(this.#name.value)} is declared again by ${others.map((c) => c.node.path).join(', ')} in store ${this.store.identity}`,
        allowed: `one construct per ${this.#name.what} and store in a stack`,
      },
    ];
  }
}
