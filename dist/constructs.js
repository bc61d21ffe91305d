import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  RESOURCE_TYPES,
  TRIGGERS_ATTRIBUTE,
  declarationProblems,
  identityOf,
  mapStrings,
  terraformLiteral
} from "./chunks/chunk-XCO4YO2K.js";
import {
  resolveStoreRef
} from "./chunks/chunk-NE6X34RG.js";
import {
  postgresSchemaProblem,
  postgresVariableProblem
} from "./chunks/chunk-EE23T2T2.js";
import "./chunks/chunk-HSJDYOVP.js";
import {
  TotpKitError,
  errorMessage,
  formatProblem,
  quote
} from "./chunks/chunk-BYLEH6TO.js";
import "./chunks/chunk-NATS7N6G.js";

// constructs/enrollment.ts
import { TerraformStack as TerraformStack2 } from "cdktf";

// constructs/declared.ts
import { createRequire } from "node:module";
import { DataResource, TerraformOutput, TerraformProvider, TerraformStack, Token as Token2 } from "cdktf";
import { Construct } from "constructs";

// constructs/paths.ts
import { isAbsolute, posix, relative, resolve, sep } from "node:path";
import { App, LocalBackend, Token } from "cdktf";
function slashes(path) {
  return sep === "\\" ? path.replaceAll("\\", "/") : path;
}
function projectPath(path) {
  if (typeof path !== "string" || path === "" || Token.isUnresolved(path) || isAbsolute(path)) return path;
  return posix.normalize(slashes(path));
}
function relativeToProject(absolute, project = process.cwd()) {
  const rel = relative(project, absolute);
  return rel === "" || isAbsolute(rel) ? slashes(absolute) : slashes(rel);
}
function stackDirectory(stack) {
  let outdir = "cdktf.out";
  try {
    outdir = App.of(stack).outdir;
  } catch {
  }
  return resolve(outdir, "stacks", stack.node.id);
}
function projectFromStack(stack, project = process.cwd()) {
  const rel = relative(stackDirectory(stack), project);
  return rel === "" ? "." : slashes(rel);
}
function portableLocalBackend(stack) {
  return new LocalBackend(stack, { path: `${projectFromStack(stack)}/terraform.${stack.node.id}.tfstate` });
}

// constructs/declared.ts
function self(attribute) {
  return `\${self.${attribute}}`;
}
var PROVISIONER_LAUNCHER = [
  'var a=JSON.parse(process.argv[1]),p=require("path").resolve(a[0]);',
  'if(!require("fs").existsSync(p)){',
  'console.error("totp-kit: cliPath: "+p+" does not exist (allowed: the dist/cli.js of the installed totp-kit:',
  ` run npm install in "+process.cwd()+", or set the store's cliPath)");process.exit(2)}`,
  "process.argv=[process.argv[0],p].concat(a.slice(1));",
  'import(require("url").pathToFileURL(p).href).catch(function(e){',
  'console.error("totp-kit: cliPath: "+p+" could not be loaded: "+(e&&e.message));process.exit(2)})'
].join("");
function provisionerCommand(cli, action, guarded) {
  return JSON.stringify([
    terraformLiteral(cli),
    action,
    ...guarded ? ["--generation", self("id")] : [],
    "--declaration-env",
    "TOTP_KIT_DECLARATION"
  ]);
}
var RTTI = /* @__PURE__ */ Symbol.for("jsii.rtti");
function cdkOf(stackClass) {
  for (let c = stackClass; typeof c === "function"; c = Object.getPrototypeOf(c)) {
    const fqn = Object.hasOwn(c, RTTI) ? c[RTTI]?.fqn : void 0;
    if (typeof fqn === "string" && fqn.endsWith(".TerraformStack")) return fqn.slice(0, fqn.indexOf("."));
  }
  return void 0;
}
function checkSameCdk(stack) {
  const ours = cdkOf(TerraformStack);
  const theirs = cdkOf(stack.constructor);
  if (ours === void 0 || theirs === void 0 || ours === theirs) return;
  throw new Error(
    `stack "${stack.node.path}" is a ${theirs} stack, but totp-kit's constructs were loaded with ${ours}, and the two cannot be mixed in one stack. Make "${ours}" resolve to ${theirs}: in package.json, "overrides": { "${ours}": "npm:${theirs}@<its version>" } (npm; pnpm.overrides or resolutions for pnpm and yarn).`
  );
}
function ensureNullProvider(stack, nullProvider) {
  const present = stack.node.findAll().some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "null");
  if (!present) new nullProvider.NullProvider(stack, "TotpKitNullProvider");
}
var TERRAFORM_DATA_MIN_VERSION = ">= 1.4.0";
var versioned = /* @__PURE__ */ new WeakSet();
function requireTerraformData(stack) {
  if (versioned.has(stack)) return;
  versioned.add(stack);
  stack.addOverride("terraform.required_version", TERRAFORM_DATA_MIN_VERSION);
}
function loadNullProvider() {
  const require2 = createRequire(import.meta.url);
  try {
    return {
      provider: require2("@cdktf/provider-null/lib/provider/index.js"),
      resource: require2("@cdktf/provider-null/lib/resource/index.js")
    };
  } catch {
    throw new Error(
      "resourceType: 'null_resource' needs the package @cdktf/provider-null (allowed: install it, or use 'terraform_data' with Terraform 1.4 or later)"
    );
  }
}
function tokenProblems(value, path = "") {
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => tokenProblems(v, path === "" ? k : `${path}.${k}`));
  }
  if (!Token2.isUnresolved(value)) return [];
  return [{ setting: path, problem: "is a Terraform token, known only at apply", allowed: "a value known at synth" }];
}
var TotpDeclaredResource = class _TotpDeclaredResource extends Construct {
  /** The store the resource is declared in. */
  store;
  /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
  declaration;
  /**
   * The `terraform_data` (or `null_resource`) whose provisioners apply the declaration: every setting is
   * in its triggers, and it is replaced create-before-destroy. (Terraform never runs the destroy-time
   * provisioners of the object it replaces: the store-level apply decides what a change means.)
   */
  resource;
  /**
   * The resource holding only what names the declaration in its store (kind, name, store). It is
   * replaced destroy-first when one of those changes — a rename, another store, another method — and its
   * destroy-time provisioner deletes what the old name held; `terraform destroy` deletes through it too.
   */
  identity;
  /** The names and paths of the resource (never a URL or seed). */
  output;
  #name;
  /**
   * @param scope - the construct's parent (a stack)
   * @param id - the construct's id in its parent
   * @param props - what the construct declares
   */
  constructor(scope, id, props) {
    super(scope, id);
    this.store = props.store;
    this.declaration = props.declaration;
    this.#name = props.name;
    const stack = TerraformStack.of(this);
    checkSameCdk(stack);
    const after = props.after;
    this.resource = this.#makeResource(stack, "Resource", props.declaration, {
      apply: true,
      createBeforeDestroy: true,
      dependsOn: after ? [after.resource] : []
    });
    this.identity = this.#makeResource(stack, "Identity", identityOf(props.declaration), {
      apply: false,
      createBeforeDestroy: false,
      dependsOn: [this.resource, ...after ? [after.identity] : []]
    });
    const value = {};
    for (const [k, v] of Object.entries(props.outputs)) if (v !== void 0) value[k] = terraformLiteral(v);
    this.output = new TerraformOutput(this, "Output", { value, description: terraformLiteral(props.description) });
    this.node.addValidation({ validate: () => this.#problems().map((p) => formatProblem(p)) });
  }
  /**
   * One of the construct's two resources. Its triggers hold a declaration (settings as themselves, so
   * `terraform plan` shows `skew = 1 -> 0`), the store and the region; the provisioners read them from
   * `self` (destroy-time provisioners may reference nothing else) and run in the project folder.
   */
  #makeResource(stack, id, declaration, options) {
    const { store } = this;
    const kind = store.resourceType === "null_resource" ? "null_resource" : "terraform_data";
    const triggersName = TRIGGERS_ATTRIBUTE[kind];
    const environment = {
      TOTP_KIT_STORE: self(`${triggersName}.store`),
      TOTP_KIT_DECLARATION: kind === "terraform_data" ? `\${jsonencode(self.triggers_replace.declaration)}` : self("triggers.declaration")
    };
    if (store.region !== void 0) environment.AWS_REGION = self(`${triggersName}.aws_region`);
    const provisioner = (action, guarded) => ({
      type: "local-exec",
      interpreter: ["node", "-e", PROVISIONER_LAUNCHER],
      command: provisionerCommand(store.cliPath, action, guarded),
      workingDir: projectFromStack(stack),
      environment,
      ...action === "destroy" ? { when: "destroy" } : {}
    });
    const common = {
      lifecycle: { createBeforeDestroy: options.createBeforeDestroy },
      // The main resource applies at create and, at destroy, deletes only the generation it made; the
      // identity resource only deletes, whatever the generation: what it names is no longer declared.
      provisioners: options.apply ? [provisioner("apply", true), provisioner("destroy", true)] : [provisioner("destroy", false)],
      ...options.dependsOn.length > 0 ? { dependsOn: options.dependsOn } : {}
    };
    const place = {
      store: terraformLiteral(store.reference),
      ...store.region === void 0 ? {} : { aws_region: terraformLiteral(store.region) }
    };
    if (kind === "terraform_data") {
      requireTerraformData(stack);
      return new DataResource(this, id, {
        triggersReplace: { declaration: mapStrings(declaration, terraformLiteral), ...place },
        ...common
      });
    }
    const nullProvider = loadNullProvider();
    ensureNullProvider(stack, nullProvider.provider);
    return new nullProvider.resource.Resource(this, id, {
      triggers: { declaration: terraformLiteral(JSON.stringify(declaration)), ...place },
      ...common
    });
  }
  #problems() {
    const tokens = tokenProblems(this.declaration);
    const unknown = new Set(tokens.map((p) => p.setting.slice(p.setting.lastIndexOf(".") + 1)));
    return [
      ...this.store.problems(),
      ...tokens,
      ...this.declarationProblems().filter((p) => !unknown.has(p.setting)),
      ...this.#duplicates()
    ];
  }
  /** Other constructs of the stack declaring the same name in the same store. */
  #duplicates() {
    const others = TerraformStack.of(this).node.findAll().filter(
      (c) => c instanceof _TotpDeclaredResource && c !== this && c.#name.what === this.#name.what && c.#name.value === this.#name.value && c.store.identity === this.store.identity
    );
    if (others.length === 0) return [];
    return [
      {
        setting: this.#name.setting,
        problem: `${JSON.stringify(this.#name.value)} is declared again by ${others.map((c) => c.node.path).join(", ")} in store ${this.store.identity}`,
        allowed: `one construct per ${this.#name.what} and store in a stack`
      }
    ];
  }
};

// constructs/enrollment.ts
var TotpEnrollment = class extends TotpDeclaredResource {
  /** The method the entity is enrolled in. */
  method;
  /** The entity's id. */
  entityId;
  /** The barcode file (relative to the project unless given absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { method, entityId } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : projectPath(props.qrCodeFile);
    const declaration = {
      kind: "enrollment",
      method: method.methodName,
      entityId,
      ...qrCodeFile === void 0 ? {} : { qrCodeFile }
    };
    super(scope, id, {
      store: method.store,
      declaration,
      name: { setting: "entityId", value: `${method.methodName}/${entityId}`, what: "enrollment" },
      outputs: { method: method.methodName, entityId, issuer: method.issuer, qrCodeFile },
      description: `enrollment of "${entityId}" in MFA method "${method.methodName}"`,
      after: method
    });
    this.method = method;
    this.entityId = entityId;
    if (qrCodeFile !== void 0) this.qrCodeFile = qrCodeFile;
  }
  /** The problems of the enrollment's declaration, checked at synth (the method's name is its construct's to check). */
  declarationProblems() {
    const problems = declarationProblems(this.declaration).filter((p) => p.setting !== "method");
    if (TerraformStack2.of(this.method) !== TerraformStack2.of(this)) {
      problems.push({
        setting: "method",
        problem: `${this.method.node.path} is in another stack`,
        allowed: "a TotpMfaMethod of the same stack"
      });
    }
    return problems;
  }
};

// constructs/key.ts
var TotpKey = class extends TotpDeclaredResource {
  /** The key's name. */
  name;
  /** The barcode file (relative to the project unless given absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { store, ...settings } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : projectPath(props.qrCodeFile);
    const declaration = {
      kind: "key",
      ...settings,
      ...qrCodeFile === void 0 ? {} : { qrCodeFile }
    };
    const issuer = props.generate?.issuer ?? props.issuer;
    const accountName = props.generate?.accountName ?? props.accountName;
    super(scope, id, {
      store,
      declaration,
      name: { setting: "name", value: props.name, what: "key name" },
      outputs: { name: props.name, issuer, accountName, qrCodeFile },
      description: `TOTP key "${props.name}" (its seed stays in the store)`
    });
    this.name = props.name;
    if (qrCodeFile !== void 0) this.qrCodeFile = qrCodeFile;
  }
  /** The problems of the key's declaration, checked at synth. */
  declarationProblems() {
    return declarationProblems(this.declaration);
  }
};

// constructs/method.ts
var TotpMfaMethod = class extends TotpDeclaredResource {
  /** The method's name. */
  methodName;
  /** The method's issuer. */
  issuer;
  constructor(scope, id, props) {
    const { store, ...settings } = props;
    const declaration = { kind: "method", ...settings };
    super(scope, id, {
      store,
      declaration,
      name: { setting: "methodName", value: props.methodName, what: "MFA method name" },
      outputs: { methodName: props.methodName, issuer: props.issuer },
      description: `MFA method "${props.methodName}"`
    });
    this.methodName = props.methodName;
    this.issuer = props.issuer;
  }
  /** The problems of the method's declaration, checked at synth. */
  declarationProblems() {
    return declarationProblems(this.declaration);
  }
};

// constructs/store.ts
import { Token as Token3 } from "cdktf";

// constructs/cli-path.ts
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function bundledCliPath(moduleUrl = import.meta.url) {
  const dir = dirname(fileURLToPath(moduleUrl));
  if (basename(dir) === "dist") return join(dir, "cli.js");
  if (basename(dir) === "chunks" && basename(dirname(dir)) === "dist") return join(dirname(dir), "cli.js");
  return join(dir, "..", "dist", "cli.js");
}

// constructs/store.ts
var REGION = /^[a-z0-9-]{1,40}$/;
var TotpStore = class _TotpStore {
  /**
   * The embedded file store (one JSON file, mode 0600). A relative path is relative to the project (the
   * folder with cdktf.json, where `cdktf synth` runs), wherever it is checked out: it stays relative in the
   * synthesized JSON, and the provisioners run in the project folder. An absolute path stays as given.
   * Set `TOTP_KIT_STORE_KEY` in the environment of `terraform apply` to seal its seeds; the key never
   * enters the synthesized JSON.
   */
  static file(path, options = {}) {
    return new _TotpStore(`file:${projectPath(path)}`, options);
  }
  /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
  static awsSecretsManager(props) {
    return new _TotpStore(`aws-sm:${props.prefix}`, props, props.region);
  }
  /**
   * PostgreSQL: one row per key, method, enrollment and lease, for state that changes on every verify and
   * lease. The synthesized JSON names only the variable (`postgres:DATABASE_URL`); the URL and its password
   * are read from the environment of `terraform apply`.
   */
  static postgres(props = {}) {
    const variable = props.urlVariable ?? "";
    const schema = props.schema ?? "";
    const problems = [
      Token3.isUnresolved(variable) ? void 0 : postgresVariableProblem(variable, "urlVariable"),
      props.schema === void 0 || Token3.isUnresolved(schema) ? void 0 : postgresSchemaProblem(schema, "schema")
    ].filter((p) => p !== void 0);
    const shown = problems.some((p) => p.setting === "urlVariable") ? "(urlVariable refused)" : variable;
    return new _TotpStore(
      `postgres:${shown}${props.schema === void 0 ? "" : `/${schema}`}`,
      props,
      void 0,
      problems
    );
  }
  /**
   * The store reference the CLI gets as `TOTP_KIT_STORE` (`file:PATH`, relative to the project, `aws-sm:PREFIX`
   * or `postgres:VAR`).
   */
  reference;
  /** The region of an AWS Secrets Manager store, when one was given. */
  region;
  /** The CLI the provisioners run: relative to the project, or absolute when given so. */
  cliPath;
  /** The Terraform resource the constructs of this store synthesize. */
  resourceType;
  /** Problems of the props found as the store was made, each under the prop's name. */
  #propProblems;
  constructor(reference, options, region, problems = []) {
    this.reference = reference;
    this.#propProblems = problems;
    if (region !== void 0) this.region = region;
    this.cliPath = options.cliPath === void 0 ? relativeToProject(bundledCliPath()) : projectPath(options.cliPath);
    this.resourceType = options.resourceType ?? "terraform_data";
  }
  /** What makes two stores the same store: two constructs may not declare one name in it. */
  get identity() {
    return this.region === void 0 ? this.reference : `${this.reference} (region ${this.region})`;
  }
  /** Every problem of this store, each naming its setting (the constructs check them at synth). */
  problems() {
    const problems = [];
    if (this.#propProblems.length > 0) {
      problems.push(...this.#propProblems);
    } else if (Token3.isUnresolved(this.reference)) {
      problems.push({
        setting: "store",
        problem: "is a Terraform token, known only at apply",
        allowed: "a reference known at synth"
      });
    } else {
      try {
        resolveStoreRef(this.reference, {}, "store");
      } catch (e) {
        if (!(e instanceof TotpKitError)) throw e;
        problems.push(...e.problems.length > 0 ? e.problems : [{ setting: "store", problem: errorMessage(e) }]);
      }
    }
    if (this.region !== void 0 && (Token3.isUnresolved(this.region) || !REGION.test(this.region))) {
      problems.push({
        setting: "region",
        problem: `${quote(this.region)} is not an AWS region`,
        allowed: "a region name such as eu-west-1"
      });
    }
    if (typeof this.cliPath !== "string" || this.cliPath === "" || Token3.isUnresolved(this.cliPath)) {
      problems.push({
        setting: "cliPath",
        problem: Token3.isUnresolved(this.cliPath) ? "is a Terraform token" : "is not a file path",
        allowed: "the path of totp-kit's dist/cli.js, known at synth"
      });
    }
    if (!RESOURCE_TYPES.includes(this.resourceType)) {
      problems.push({
        setting: "resourceType",
        problem: `${quote(String(this.resourceType))} is not a resource type these constructs make`,
        allowed: RESOURCE_TYPES.join(" or ")
      });
    }
    return problems;
  }
};
export {
  TotpEnrollment,
  TotpKey,
  TotpMfaMethod,
  TotpStore,
  portableLocalBackend
};
