import {
  declarationProblems,
  resolveStoreRef
} from "./chunks/lib-chunk-5ATX7R3F.js";
import "./chunks/lib-chunk-QP22SURQ.js";
import {
  TotpKitError,
  errorMessage,
  formatProblem,
  quote
} from "./chunks/lib-chunk-JW2HY5J3.js";

// constructs/cli-path.ts
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function bundledCliPath(moduleUrl = import.meta.url) {
  const dir = dirname(fileURLToPath(moduleUrl));
  return basename(dir) === "dist" ? join(dir, "cli.js") : join(dir, "..", "dist", "cli.js");
}

// constructs/declared.ts
import { NullProvider } from "@cdktf/provider-null/lib/provider/index.js";
import { Resource } from "@cdktf/provider-null/lib/resource/index.js";
import { TerraformOutput, TerraformProvider, TerraformStack, Token } from "cdktf";
import { Construct } from "constructs";
var ENVIRONMENT = {
  TOTP_KIT_CLI: "cli",
  TOTP_KIT_STORE: "store",
  TOTP_KIT_DECLARATION: "declaration"
};
function self(attribute) {
  return `\${self.${attribute}}`;
}
function provisionerCommand(action) {
  return `node "$TOTP_KIT_CLI" ${action} --generation "${self("id")}" --declaration-env TOTP_KIT_DECLARATION`;
}
function terraformLiteral(text) {
  return text.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");
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
function ensureNullProvider(stack) {
  const present = stack.node.findAll().some((c) => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "null");
  if (!present) new NullProvider(stack, "TotpKitNullProvider");
}
function tokenProblems(value, path = "") {
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => tokenProblems(v, path === "" ? k : `${path}.${k}`));
  }
  if (!Token.isUnresolved(value)) return [];
  return [{ setting: path, problem: "is a Terraform token, known only at apply", allowed: "a value known at synth" }];
}
var TotpDeclaredResource = class _TotpDeclaredResource extends Construct {
  /** The store the resource is declared in. */
  store;
  /** The declaration `totp-kit apply` receives (no seed: an imported key names its source). */
  declaration;
  /** The null_resource whose provisioners apply and destroy the declaration. */
  resource;
  /** The names and paths of the resource (never a URL or seed). */
  output;
  #name;
  constructor(scope, id, props) {
    super(scope, id);
    this.store = props.store;
    this.declaration = props.declaration;
    this.#name = props.name;
    const stack = TerraformStack.of(this);
    checkSameCdk(stack);
    ensureNullProvider(stack);
    const triggers = {
      declaration: terraformLiteral(JSON.stringify(props.declaration)),
      store: terraformLiteral(props.store.reference),
      cli: terraformLiteral(props.store.cliPath)
    };
    const environment = {};
    for (const [variable, trigger] of Object.entries(ENVIRONMENT)) environment[variable] = self(`triggers.${trigger}`);
    if (props.store.region !== void 0) {
      triggers.aws_region = terraformLiteral(props.store.region);
      environment.AWS_REGION = self("triggers.aws_region");
    }
    this.resource = new Resource(this, "Resource", {
      triggers,
      lifecycle: { createBeforeDestroy: true },
      provisioners: [
        { type: "local-exec", command: provisionerCommand("apply"), environment },
        // Destroy-time provisioners may only reference self: everything destroy needs is in the triggers.
        { type: "local-exec", when: "destroy", command: provisionerCommand("destroy"), environment }
      ],
      ...props.dependsOn ? { dependsOn: [...props.dependsOn] } : {}
    });
    const value = {};
    for (const [k, v] of Object.entries(props.outputs)) if (v !== void 0) value[k] = terraformLiteral(v);
    this.output = new TerraformOutput(this, "Output", { value, description: terraformLiteral(props.description) });
    this.node.addValidation({ validate: () => this.#problems().map((p) => formatProblem(p)) });
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
import { TerraformStack as TerraformStack2 } from "cdktf";

// constructs/store.ts
import { isAbsolute, resolve } from "node:path";
import { Token as Token2 } from "cdktf";
var REGION = /^[a-z0-9-]{1,40}$/;
var TotpStore = class _TotpStore {
  /**
   * The embedded file store (one JSON file, mode 0600). A relative path is resolved at synth against
   * the working directory of `cdktf synth` (the project with cdktf.json), not the stack's directory in
   * cdktf.out where Terraform runs, so the store survives a fresh synth. Set `TOTP_KIT_STORE_KEY` in
   * the environment of `terraform apply` to seal its seeds; the key never enters the synthesized JSON.
   */
  static file(path, options = {}) {
    return new _TotpStore(`file:${absolute(path)}`, options);
  }
  /** AWS Secrets Manager: one secret per key, method and enrollment under `prefix`. */
  static awsSecretsManager(props) {
    return new _TotpStore(`aws-sm:${props.prefix}`, props, props.region);
  }
  /** The store reference the CLI gets as `TOTP_KIT_STORE` (`file:/abs/path` or `aws-sm:PREFIX`). */
  reference;
  /** The region of an AWS Secrets Manager store, when one was given. */
  region;
  /** The absolute path of the CLI the provisioners run. */
  cliPath;
  constructor(reference, options, region) {
    this.reference = reference;
    if (region !== void 0) this.region = region;
    this.cliPath = options.cliPath === void 0 ? bundledCliPath() : absolute(options.cliPath);
  }
  /** What makes two stores the same store: two constructs may not declare one name in it. */
  get identity() {
    return this.region === void 0 ? this.reference : `${this.reference} (region ${this.region})`;
  }
  /** Every problem of this store, each naming its setting (checked at synth by the constructs). */
  problems() {
    const problems = [];
    if (Token2.isUnresolved(this.reference)) {
      problems.push({ setting: "store", problem: "is a Terraform token", allowed: "a reference known at synth" });
    } else {
      try {
        resolveStoreRef(this.reference, {}, "store");
      } catch (e) {
        if (!(e instanceof TotpKitError)) throw e;
        problems.push(...e.problems.length > 0 ? e.problems : [{ setting: "store", problem: errorMessage(e) }]);
      }
    }
    if (this.region !== void 0 && (Token2.isUnresolved(this.region) || !REGION.test(this.region))) {
      problems.push({
        setting: "region",
        problem: `${quote(this.region)} is not an AWS region`,
        allowed: "a region name such as eu-west-1"
      });
    }
    if (this.cliPath === "" || Token2.isUnresolved(this.cliPath)) {
      problems.push({ setting: "cliPath", problem: "is not a file path", allowed: "the path of dist/cli.js" });
    }
    return problems;
  }
};
function absolute(path) {
  if (typeof path !== "string" || path === "" || Token2.isUnresolved(path) || isAbsolute(path)) return path;
  return resolve(path);
}

// constructs/enrollment.ts
var TotpEnrollment = class extends TotpDeclaredResource {
  /** The method the entity is enrolled in. */
  method;
  /** The entity's id. */
  entityId;
  /** The barcode file (absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { method, entityId } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : absolute(props.qrCodeFile);
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
      dependsOn: [method.resource]
    });
    this.method = method;
    this.entityId = entityId;
    if (qrCodeFile !== void 0) this.qrCodeFile = qrCodeFile;
  }
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
  /** The barcode file (absolute), when one was asked for. */
  qrCodeFile;
  constructor(scope, id, props) {
    const { store, ...settings } = props;
    const qrCodeFile = props.qrCodeFile === void 0 ? void 0 : absolute(props.qrCodeFile);
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
  declarationProblems() {
    return declarationProblems(this.declaration);
  }
};
export {
  TotpDeclaredResource,
  TotpEnrollment,
  TotpKey,
  TotpMfaMethod,
  TotpStore,
  bundledCliPath
};
