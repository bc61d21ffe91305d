/**
 * `totp-kit plan --stack DIR`: drift between a synthesized CDKTF stack and its stores. Terraform cannot
 * see a key deleted from the store by hand, or a setting changed there: its state still records the
 * resource as created. This reads the stack's JSON (`DIR/cdk.tf.json`), finds every resource the
 * totp-kit constructs declared (a `terraform_data`, or a `null_resource`, whose local-exec provisioner
 * runs `totp-kit apply` with `node -e`; a construct's Identity resource, which only deletes, has nothing
 * to plan), and plans each declaration against its store as `totp-kit apply` would at `terraform apply`.
 * A resource that would change is fixed with `terraform apply -replace=ADDRESS`.
 *
 * What the stack carries (constructs/declared.ts writes it): the declaration, the store reference and
 * the AWS region in the resource's triggers (`triggers_replace` of a terraform_data, with the
 * declaration as an object; `triggers` of a null_resource, with the declaration as JSON text), every
 * string escaped for Terraform (`$${` for `${`, `%%{` for `%{`); the provisioners' working_dir names the
 * project folder relative to the stack's folder, and relative paths (a file store) are relative to it.
 * Reading and planning write nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { badInput, badSettings, looksLikeSeed } from '../core/errors.js';
import { resolveStoreRef } from '../stores/store-ref.js';
import type { ResourceContext } from './context.js';
import { type Declaration, declarationProblems } from './declaration.js';
import { type Plan, planDeclaration } from './plan.js';
import { mapStrings, RESOURCE_TYPES, TRIGGERS_ATTRIBUTE, terraformUnescape } from './stack-format.js';

/** One totp-kit resource of a stack, ready to plan. */
export interface StackResource {
  /** The Terraform address: `terraform_data.NpmBot_3B065667`. */
  readonly address: string;
  /** The construct's path (`totp/NpmBot`), when the stack records it. */
  readonly path?: string;
  /** The declaration, its Terraform escapes undone. */
  readonly declaration: Declaration;
  /** The store reference, a relative file path resolved against the project folder. */
  readonly store: string;
  /** The AWS region the resource names (AWS_REGION of its provisioners), when it names one. */
  readonly region?: string;
}

/** What an apply of one resource's declaration would do now. */
export interface StackResourcePlan extends Plan {
  readonly address: string;
  readonly path?: string;
  /**
   * Whether Terraform's state records the resource: false when the stack was never applied (or not with it),
   * absent when the state cannot be read here (a remote backend).
   */
  readonly applied?: boolean;
}

/** The plan of a whole stack. */
export interface StackPlan {
  /** The stack as given (a folder or a .tf.json file). */
  readonly stack: string;
  /** True when any resource would change. */
  readonly drifted: boolean;
  readonly resources: readonly StackResourcePlan[];
}

/** Opens the store of a resource: its reference and, when the resource names one, its AWS region. */
export type StackStoreOpener = (store: string, region: string | undefined) => Promise<ResourceContext>;

/** The synthesized stack's file name in a stack folder. */
export const STACK_FILE = 'cdk.tf.json';

const STACK_ALLOWED = `a stack folder cdktf synth wrote (cdktf.out/stacks/NAME, with ${STACK_FILE}) or a .tf.json file`;
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a stack's JSON is: `DIR/cdk.tf.json`, or DIR itself when it is a file. */
export async function locateStack(
  given: string,
): Promise<{ readonly file: string; readonly folder: string; readonly label: string }> {
  if (given === '') throw badInput('--stack', 'needs a folder', STACK_ALLOWED);
  const kind = await fileKind(given);
  if (kind === 'missing') {
    // A seed pasted where the folder belongs is not printed back.
    throw badInput(looksLikeSeed(given) ? '--stack' : `--stack ${given}`, 'does not exist', STACK_ALLOWED);
  }
  if (kind === 'file') return { file: given, folder: dirname(given), label: `--stack ${given}` };
  const file = join(given, STACK_FILE);
  if ((await fileKind(file)) !== 'file') {
    throw badInput(`--stack ${given}`, `has no ${STACK_FILE}`, `${STACK_ALLOWED}; run cdktf synth first`);
  }
  return { file, folder: given, label: `--stack ${file}` };
}

async function fileKind(path: string): Promise<'missing' | 'file' | 'folder'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
      return 'missing';
    throw badInput(`--stack ${path}`, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

/**
 * Reads a stack (a folder or its .tf.json file): its totp-kit resources, and the folder Terraform runs
 * it in (as given, for messages).
 */
export async function readStack(given: string): Promise<{
  readonly folder: string;
  readonly resources: readonly StackResource[];
  /** The addresses Terraform's local state records; undefined when it cannot be read (a remote backend). */
  readonly applied?: ReadonlySet<string>;
}> {
  const { file, folder, label } = await locateStack(given);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw badInput(label, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`, STACK_ALLOWED);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw badInput(label, 'is not valid JSON', `the ${STACK_FILE} cdktf synth writes`);
  }
  const resources = stackResources(doc, dirname(file), label);
  const applied = await appliedAddresses(doc, dirname(file));
  return { folder, resources, ...(applied !== undefined ? { applied } : {}) };
}

/**
 * The resource addresses Terraform's state records, for a stack with a local backend (cdktf's default: its
 * `path`, relative to the stack folder; Terraform's default `terraform.tfstate` there without one). No state
 * file: nothing applied yet. Undefined for any other backend, or a state this cannot read.
 */
async function appliedAddresses(doc: unknown, stackDir: string): Promise<ReadonlySet<string> | undefined> {
  const terraform = isObject(doc) && isObject(doc.terraform) ? doc.terraform : {};
  const backend = isObject(terraform.backend) ? terraform.backend : undefined;
  if (backend !== undefined && Object.keys(backend).some((k) => k !== 'local')) return undefined;
  const local = backend !== undefined && isObject(backend.local) ? backend.local : {};
  const path = typeof local.path === 'string' ? local.path : 'terraform.tfstate';
  let state: unknown;
  try {
    state = JSON.parse(await readFile(resolve(stackDir, path), 'utf8'));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : undefined;
  }
  if (!isObject(state) || !Array.isArray(state.resources)) return undefined;
  const addresses = new Set<string>();
  for (const r of state.resources) {
    if (!isObject(r) || r.mode !== 'managed' || !Array.isArray(r.instances) || r.instances.length === 0) continue;
    if (r.module === undefined) addresses.add(`${String(r.type)}.${String(r.name)}`);
  }
  return addresses;
}

/**
 * What a provisioner the totp-kit constructs write runs — `node -e LAUNCHER ["cli", "apply" | "destroy", …]`
 * — or undefined for any other provisioner.
 */
function totpKitAction(exec: Json): 'apply' | 'destroy' | undefined {
  const interpreter = exec.interpreter;
  if (!Array.isArray(interpreter) || interpreter[0] !== 'node' || interpreter[1] !== '-e') return undefined;
  if (typeof exec.command !== 'string') return undefined;
  try {
    const argv: unknown = JSON.parse(exec.command);
    return Array.isArray(argv) && (argv[1] === 'apply' || argv[1] === 'destroy') ? argv[1] : undefined;
  } catch {
    return undefined;
  }
}

/** The local-exec blocks of a resource's provisioners (Terraform's JSON allows an object or a list). */
function localExecs(resource: Json): Json[] {
  const provisioners = Array.isArray(resource.provisioner) ? resource.provisioner : [resource.provisioner];
  return provisioners
    .filter(isObject)
    .flatMap((p) => (Array.isArray(p['local-exec']) ? p['local-exec'] : [p['local-exec']]))
    .filter(isObject);
}

/**
 * The totp-kit resources of a synthesized stack's JSON — those whose provisioners run `totp-kit apply` —
 * in the order the stack lists them, each checked:
 * its declaration, its store reference (a relative file path resolved against the project folder, which
 * the provisioners' working_dir names relative to `stackDir`) and its region.
 * @param label names the stack in refusals (`--stack cdktf.out/stacks/totp/cdk.tf.json`).
 * @throws TotpKitError (bad-input) when there is none, or one is malformed.
 */
export function stackResources(doc: unknown, stackDir: string, label = '--stack'): StackResource[] {
  const found: StackResource[] = [];
  const blocks = isObject(doc) && isObject(doc.resource) ? doc.resource : {};
  for (const type of RESOURCE_TYPES) {
    const ofType = blocks[type];
    if (!isObject(ofType)) continue;
    for (const [name, resource] of Object.entries(ofType)) {
      if (!isObject(resource)) continue;
      // The resource whose provisioner applies the declaration. A resource with only a destroy
      // provisioner (a construct's Identity: the declaration's name, no settings) has nothing to plan.
      const execs = localExecs(resource).filter((e) => totpKitAction(e) !== undefined);
      if (!execs.some((e) => totpKitAction(e) === 'apply')) continue;
      found.push(stackResource(`${type}.${name}`, TRIGGERS_ATTRIBUTE[type], resource, execs, stackDir));
    }
  }
  if (found.length === 0) {
    throw badInput(
      label,
      'has no totp-kit resources',
      "a stack with totp-kit's TotpKey, TotpMfaMethod or TotpEnrollment",
    );
  }
  return found;
}

function stackResource(address: string, triggersName: string, resource: Json, execs: Json[], stackDir: string) {
  const malformed = (setting: string, problem: string, allowed: string) =>
    badInput(`${address}: ${setting}`, problem, allowed, 'E_STACK');
  const triggers = resource[triggersName];
  if (!isObject(triggers)) {
    throw malformed(
      triggersName,
      'is missing',
      'the triggers the totp-kit constructs write; synthesize the stack again',
    );
  }
  const where = (field: string) => `${triggersName}.${field}`;

  let declaration: unknown = triggers.declaration;
  if (typeof declaration === 'string') {
    try {
      declaration = JSON.parse(terraformUnescape(declaration));
    } catch {
      throw malformed(where('declaration'), 'is not valid JSON', 'one JSON declaration');
    }
  } else if (isObject(declaration)) {
    declaration = mapStrings(declaration, terraformUnescape);
  } else {
    throw malformed(where('declaration'), 'is missing', 'the declaration the totp-kit constructs write');
  }
  const problems = declarationProblems(declaration);
  if (problems.length > 0) throw badSettings(problems, (setting) => `${address}: ${setting}`);

  if (typeof triggers.store !== 'string') {
    throw malformed(where('store'), 'is missing', 'a store reference: file:PATH or aws-sm:PREFIX');
  }
  const ref = resolveStoreRef(terraformUnescape(triggers.store), {}, `${address}: ${where('store')}`);
  // The provisioners run in the project folder: a relative store path is relative to it.
  const workingDir = execs.map((e) => e.working_dir).find((d) => typeof d === 'string') as string | undefined;
  const project = resolve(stackDir, workingDir ?? '.');
  const store = ref.kind === 'file' && !isAbsolute(ref.path) ? `file:${resolve(project, ref.path)}` : ref.reference;

  const region = triggers.aws_region;
  if (region !== undefined && typeof region !== 'string') {
    throw malformed(where('aws_region'), 'is not a region name', 'a region name such as eu-west-1');
  }
  const meta = isObject(resource['//']) && isObject(resource['//'].metadata) ? resource['//'].metadata : {};
  const path = typeof meta.path === 'string' ? meta.path.replace(/\/Resource$/, '') : undefined;
  return {
    address,
    ...(path !== undefined ? { path } : {}),
    declaration: declaration as Declaration,
    store,
    ...(region !== undefined && region !== '' ? { region: terraformUnescape(region) } : {}),
  };
}

/**
 * Plans every resource of a stack against its store (each store opened once, and in order, so a
 * store failure is reported for the first resource that needs it). Writes nothing.
 */
export async function planStack(
  stack: string,
  resources: readonly StackResource[],
  open: StackStoreOpener,
  applied?: ReadonlySet<string>,
): Promise<StackPlan> {
  const stores = new Map<string, Promise<ResourceContext>>();
  const planned: StackResourcePlan[] = [];
  for (const r of resources) {
    // A region matters to an AWS store only; file stores with and without one are the same store.
    const region = r.store.startsWith('aws-sm:') ? r.region : undefined;
    const key = JSON.stringify([r.store, region ?? null]);
    let ctx = stores.get(key);
    if (!ctx) {
      ctx = open(r.store, region);
      stores.set(key, ctx);
    }
    const plan = await planDeclaration(await ctx, r.declaration);
    planned.push({
      address: r.address,
      ...(r.path !== undefined ? { path: r.path } : {}),
      ...plan,
      ...(applied !== undefined ? { applied: applied.has(r.address) } : {}),
    });
  }
  return { stack, drifted: planned.some((p) => p.action !== 'no-op'), resources: planned };
}

/**
 * The text of a stack plan: one line per resource (`ADDRESS (PATH): key "npm-bot": no-op`), its reasons
 * indented, then what to do. Terraform's state still records a resource changed or deleted in the store
 * as it was created, so a plain `terraform apply` does nothing for it: `-replace=ADDRESS` makes Terraform
 * run its apply again. `folder` is where terraform runs (the stack's folder).
 */
export function stackPlanText(plan: StackPlan, folder: string = plan.stack): string[] {
  const lines: string[] = [];
  for (const r of plan.resources) {
    lines.push(`${r.address}${r.path !== undefined ? ` (${r.path})` : ''}: ${r.resource}: ${r.action}`);
    lines.push(...r.reasons.map((reason) => `  ${reason}`));
  }
  const changing = plan.resources.filter((r) => r.action !== 'no-op');
  if (changing.length === 0) {
    lines.push('No drift: the store holds what the stack declares.');
    return lines;
  }
  const total = plan.resources.length;
  const of = (n: number) => `${n} of ${total} resource${total === 1 ? '' : 's'}`;
  // Never applied: a plain apply creates them (and runs their provisioners). Applied, or not known: Terraform's
  // state records them as created, so only -replace makes it run their apply again.
  const fresh = changing.filter((r) => r.applied === false);
  const drifted = changing.filter((r) => r.applied !== false);
  if (fresh.length > 0) {
    lines.push(
      `${of(fresh.length)} ${fresh.length === 1 ? 'is' : 'are'} not applied yet: run terraform apply in ${folder}`,
    );
  }
  if (drifted.length > 0) {
    lines.push(
      `${of(drifted.length)} would change: ` +
        `run terraform apply ${drifted.map((r) => `-replace=${r.address}`).join(' ')} in ${folder} ` +
        "(Terraform's state cannot see changes made in the store, so a plain terraform apply would not repair them)",
    );
  }
  return lines;
}
