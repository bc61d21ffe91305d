/**
 * What the three constructs share. Each builds a declaration — the JSON that `totp-kit plan|apply|destroy`
 * take, checked at synth with the same schema the CLI uses — and a `terraform_data` (or, where asked, a
 * `null_resource`) carrying it in its triggers, whose local-exec provisioners run the CLI: `apply` at
 * create, a destroy guarded by the resource's id at destroy.
 *
 * Every setting is in the triggers, so any change replaces the resource: provisioners only run at create,
 * and a replacement is the only way a change reaches the store at all. The store-level apply then decides
 * what the change means — nothing, an update in place (the seed kept), or a new seed — and
 * create_before_destroy plus the generation guard make the old resource's destroy a no-op.
 *
 * The provisioners involve no shell: Terraform runs `node -e LAUNCHER COMMAND` directly (the same on
 * Linux, macOS and Windows, whose local-exec shells differ), where COMMAND is the CLI's argv as JSON, and
 * they run in the project folder (named relative to the stack's directory), so the relative paths in the
 * triggers mean the same in every checkout.
 */
import { createRequire } from 'node:module';
import { DataResource, TerraformOutput, TerraformProvider, type TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { formatProblem, type Problem } from '../src/core/errors.js';
import { type Declaration, identityOf } from '../src/resources/declaration.js';
import { mapStrings, TRIGGERS_ATTRIBUTE, terraformLiteral } from '../src/resources/stack-format.js';
import { projectFromStack } from './paths.js';
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

/** What `TotpKey`, `TotpMfaMethod` and `TotpEnrollment` hand to their base. */
export interface DeclaredResourceProps<D extends Declaration = Declaration> {
  /** The store the resource is declared in. */
  readonly store: TotpStore;
  /** The declaration `totp-kit apply` receives. */
  readonly declaration: D;
  /** What the resource is called in its store. */
  readonly name: DeclaredName;
  /** The construct's TerraformOutput value: names and paths only, never a URL or seed. */
  readonly outputs: Readonly<Record<string, string | undefined>>;
  /** The TerraformOutput's description. */
  readonly description: string;
  /** A construct applied before this one and destroyed after it (an enrollment's method). */
  readonly after?: TotpDeclaredResource;
}

/** A Terraform `${self.…}` expression. */
function self(attribute: string): string {
  return `$\{self.${attribute}}`;
}

/**
 * What the provisioners run before the CLI, as `node -e LAUNCHER COMMAND`: COMMAND is the CLI's path and
 * arguments as a JSON array. It says in one line when the CLI is not there (instead of Node's stack trace),
 * then runs it in this process. No `${` or `%{` in it: Terraform would read them as expressions.
 */
export const PROVISIONER_LAUNCHER = [
  'var a=JSON.parse(process.argv[1]),p=require("path").resolve(a[0]);',
  'if(!require("fs").existsSync(p)){',
  'console.error("totp-kit: cliPath: "+p+" does not exist (allowed: the dist/cli.js of the installed totp-kit:',
  ' run npm install in "+process.cwd()+", or set the store\'s cliPath)");process.exit(2)}',
  'process.argv=[process.argv[0],p].concat(a.slice(1));',
  'import(require("url").pathToFileURL(p).href).catch(function(e){',
  'console.error("totp-kit: cliPath: "+p+" could not be loaded: "+(e&&e.message));process.exit(2)})',
].join('');

/** The provisioner's COMMAND: the CLI and its arguments, as JSON; `guarded`: only this resource's generation. */
function provisionerCommand(cli: string, action: 'apply' | 'destroy', guarded: boolean): string {
  return JSON.stringify([
    terraformLiteral(cli),
    action,
    ...(guarded ? ['--generation', self('id')] : []),
    '--declaration-env',
    'TOTP_KIT_DECLARATION',
  ]);
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
function ensureNullProvider(stack: TerraformStack, nullProvider: NullProviderModule): void {
  const present = stack.node
    .findAll()
    .some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === 'null');
  if (!present) new nullProvider.NullProvider(stack, 'TotpKitNullProvider');
}

/** The oldest Terraform with `terraform_data`: older ones say so at init instead of failing at plan. */
export const TERRAFORM_DATA_MIN_VERSION = '>= 1.4.0';

const versioned = new WeakSet<TerraformStack>();

/** Asks for Terraform 1.4 or later in a stack with `terraform_data` (once; a later override of the user's wins). */
function requireTerraformData(stack: TerraformStack): void {
  if (versioned.has(stack)) return;
  versioned.add(stack);
  stack.addOverride('terraform.required_version', TERRAFORM_DATA_MIN_VERSION);
}

interface NullProviderModule {
  readonly NullProvider: new (scope: Construct, id: string) => TerraformProvider;
}
interface NullResourceModule {
  readonly Resource: new (
    scope: Construct,
    id: string,
    config: { triggers: Record<string, string> } & Record<string, unknown>,
  ) => TerraformResource;
}

/**
 * @cdktf/provider-null, loaded only for `resourceType: 'null_resource'`: an app using terraform_data needs
 * neither the package nor the provider.
 */
function loadNullProvider(): { provider: NullProviderModule; resource: NullResourceModule } {
  const require = createRequire(import.meta.url);
  try {
    return {
      provider: require('@cdktf/provider-null/lib/provider/index.js') as NullProviderModule,
      resource: require('@cdktf/provider-null/lib/resource/index.js') as NullResourceModule,
    };
  } catch {
    throw new Error(
      "resourceType: 'null_resource' needs the package @cdktf/provider-null (allowed: install it, or use 'terraform_data' with Terraform 1.4 or later)",
    );
  }
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
 * What `TotpKey`, `TotpMfaMethod` and `TotpEnrollment` share: a declaration in a store, checked at synth,
 * and the resources that apply it at `terraform apply`. `totp-kit/constructs` exports it as a type only: use
 * its members through those three constructs.
 */
export abstract class TotpDeclaredResource<D extends Declaration = Declaration> extends Construct {
  /** The store the resource is declared in. */
  readonly store: TotpStore;
  /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
  readonly declaration: D;
  /**
   * The `terraform_data` (or `null_resource`) whose provisioners apply the declaration: every setting is
   * in its triggers, and it is replaced create-before-destroy. (Terraform never runs the destroy-time
   * provisioners of the object it replaces: the store-level apply decides what a change means.)
   */
  readonly resource: TerraformResource;
  /**
   * The resource holding only what names the declaration in its store (kind, name, store). It is
   * replaced destroy-first when one of those changes — a rename, another store, another method — and its
   * destroy-time provisioner deletes what the old name held; `terraform destroy` deletes through it too.
   */
  readonly identity: TerraformResource;
  /** The names and paths of the resource (never a URL or seed). */
  readonly output: TerraformOutput;
  readonly #name: DeclaredName;

  /**
   * @param scope - the construct's parent (a stack)
   * @param id - the construct's id in its parent
   * @param props - what the construct declares
   */
  protected constructor(scope: Construct, id: string, props: DeclaredResourceProps<D>) {
    super(scope, id);
    this.store = props.store;
    this.declaration = props.declaration;
    this.#name = props.name;
    const stack = TerraformStack.of(this);
    checkSameCdk(stack);
    const after = props.after;
    this.resource = this.#makeResource(stack, 'Resource', props.declaration, {
      apply: true,
      createBeforeDestroy: true,
      dependsOn: after ? [after.resource] : [],
    });
    this.identity = this.#makeResource(stack, 'Identity', identityOf(props.declaration), {
      apply: false,
      createBeforeDestroy: false,
      dependsOn: [this.resource, ...(after ? [after.identity] : [])],
    });

    const value: Record<string, string> = {};
    for (const [k, v] of Object.entries(props.outputs)) if (v !== undefined) value[k] = terraformLiteral(v);
    this.output = new TerraformOutput(this, 'Output', { value, description: terraformLiteral(props.description) });

    this.node.addValidation({ validate: () => this.#problems().map((p) => formatProblem(p)) });
  }

  /**
   * One of the construct's two resources. Its triggers hold a declaration (settings as themselves, so
   * `terraform plan` shows `skew = 1 -> 0`), the store and the region; the provisioners read them from
   * `self` (destroy-time provisioners may reference nothing else) and run in the project folder.
   */
  #makeResource(
    stack: TerraformStack,
    id: string,
    declaration: Declaration,
    options: {
      readonly apply: boolean;
      readonly createBeforeDestroy: boolean;
      readonly dependsOn: TerraformResource[];
    },
  ): TerraformResource {
    const { store } = this;
    const kind = store.resourceType === 'null_resource' ? 'null_resource' : 'terraform_data';
    const triggersName = TRIGGERS_ATTRIBUTE[kind];
    const environment: Record<string, string> = {
      TOTP_KIT_STORE: self(`${triggersName}.store`),
      TOTP_KIT_DECLARATION:
        kind === 'terraform_data' ? `$\{jsonencode(self.triggers_replace.declaration)}` : self('triggers.declaration'),
    };
    if (store.region !== undefined) environment.AWS_REGION = self(`${triggersName}.aws_region`);
    const provisioner = (action: 'apply' | 'destroy', guarded: boolean) => ({
      type: 'local-exec' as const,
      interpreter: ['node', '-e', PROVISIONER_LAUNCHER],
      command: provisionerCommand(store.cliPath, action, guarded),
      workingDir: projectFromStack(stack),
      environment,
      ...(action === 'destroy' ? { when: 'destroy' as const } : {}),
    });
    const common = {
      lifecycle: { createBeforeDestroy: options.createBeforeDestroy },
      // The main resource applies at create and, at destroy, deletes only the generation it made; the
      // identity resource only deletes, whatever the generation: what it names is no longer declared.
      provisioners: options.apply
        ? [provisioner('apply', true), provisioner('destroy', true)]
        : [provisioner('destroy', false)],
      ...(options.dependsOn.length > 0 ? { dependsOn: options.dependsOn } : {}),
    };
    const place = {
      store: terraformLiteral(store.reference),
      ...(store.region === undefined ? {} : { aws_region: terraformLiteral(store.region) }),
    };
    if (kind === 'terraform_data') {
      requireTerraformData(stack);
      return new DataResource(this, id, {
        triggersReplace: { declaration: mapStrings(declaration, terraformLiteral), ...place },
        ...common,
      });
    }
    const nullProvider = loadNullProvider();
    ensureNullProvider(stack, nullProvider.provider);
    return new nullProvider.resource.Resource(this, id, {
      triggers: { declaration: terraformLiteral(JSON.stringify(declaration)), ...place },
      ...common,
    });
  }

  /** The problems of the declaration, checked at synth: the schema's, and any the construct adds. */
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
