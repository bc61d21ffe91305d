/**
 * Paths in the synthesized JSON. Nothing there may depend on where the project is checked out or who
 * synthesizes it: relative paths a user gives (a file store, a barcode file, the CLI) stay relative to the
 * project — the folder `cdktf synth` runs in, with cdktf.json — and the provisioners run in that folder,
 * named relative to the stack's directory (`cdktf.out/stacks/NAME`, where Terraform runs). Absolute paths
 * stay as given.
 */
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { App, LocalBackend, type TerraformStack, Token } from 'cdktf';

/** A path with `/` separators (Windows accepts them; the JSON is then the same on every OS). */
function slashes(path: string): string {
  return sep === '\\' ? path.replaceAll('\\', '/') : path;
}

/**
 * A path as the synthesized JSON carries it: a relative path normalized (`./a//b` → `a/b`) and kept
 * relative to the project; absolute paths, empty strings and tokens as given (validation names the last two).
 */
export function projectPath(path: string): string {
  if (typeof path !== 'string' || path === '' || Token.isUnresolved(path) || isAbsolute(path)) return path;
  return posix.normalize(slashes(path));
}

/** An absolute path (of this machine) as a path relative to the project, unless it is on another drive. */
export function relativeToProject(absolute: string, project = process.cwd()): string {
  const rel = relative(project, absolute);
  return rel === '' || isAbsolute(rel) ? slashes(absolute) : slashes(rel);
}

/** The folder Terraform runs the stack in: `<app outdir>/stacks/<stack id>`, as cdktf's manifest names it. */
export function stackDirectory(stack: TerraformStack): string {
  let outdir = 'cdktf.out';
  try {
    outdir = App.of(stack).outdir;
  } catch {
    // A stack outside an App (some test harnesses): cdktf's default output folder.
  }
  return resolve(outdir, 'stacks', stack.node.id);
}

/** The project folder (the working directory of synth) relative to the stack's directory: `../..` usually. */
export function projectFromStack(stack: TerraformStack, project = process.cwd()): string {
  const rel = relative(stackDirectory(stack), project);
  return rel === '' ? '.' : slashes(rel);
}

/**
 * The local backend cdktf adds by default (the state in `terraform.STACK.tfstate` in the project), named
 * relative to the stack's directory instead of by this machine's absolute path, so the stack's JSON is the
 * same in every checkout and a moved project still finds its state. Call it in the stack's constructor, in
 * place of configuring a backend (a remote backend needs none of this).
 *
 * @param stack - the stack whose state to keep in the project
 * @returns the backend
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { portableLocalBackend } from 'totp-kit/constructs';
 *
 * class Totp extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     portableLocalBackend(this); // state in ./terraform.totp.tfstate for a stack "totp"
 *   }
 * }
 * ```
 */
export function portableLocalBackend(stack: TerraformStack): LocalBackend {
  return new LocalBackend(stack, { path: `${projectFromStack(stack)}/terraform.${stack.node.id}.tfstate` });
}
