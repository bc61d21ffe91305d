import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  METHOD_SETTINGS,
  enrollmentProblems,
  keySpecProblems,
  methodSpecProblems
} from "./chunk-NE6X34RG.js";
import {
  badSettings,
  looksLikeSeed,
  quote
} from "./chunk-BYLEH6TO.js";

// src/resources/declaration.ts
var FIELDS = {
  key: [
    "kind",
    "name",
    "generate",
    "importFrom",
    "issuer",
    "accountName",
    "algorithm",
    "digits",
    "period",
    "skew",
    "qrSize",
    "exported",
    "qrCodeFile"
  ],
  method: ["kind", "methodName", ...METHOD_SETTINGS],
  enrollment: ["kind", "method", "entityId", "qrCodeFile"]
};
function declarationProblems(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [
      {
        setting: "declaration",
        problem: "is not a JSON object",
        allowed: '{"kind": "key" | "method" | "enrollment", \u2026}'
      }
    ];
  }
  const decl = value;
  if (decl.kind !== "key" && decl.kind !== "method" && decl.kind !== "enrollment") {
    return [
      {
        setting: "kind",
        problem: decl.kind === void 0 ? "is required" : `${quote(decl.kind)} is not a kind`,
        allowed: "key, method or enrollment"
      }
    ];
  }
  const problems = [];
  for (const field of Object.keys(decl)) {
    if (FIELDS[decl.kind].includes(field)) continue;
    problems.push({
      setting: looksLikeSeed(field) ? "a field named like a seed (not printed)" : field,
      problem: `is not a setting of a ${decl.kind}`,
      allowed: FIELDS[decl.kind].join(", ")
    });
  }
  if (decl.qrCodeFile !== void 0 && (typeof decl.qrCodeFile !== "string" || decl.qrCodeFile === "")) {
    problems.push({ setting: "qrCodeFile", problem: "is not a file path", allowed: "a path for the PNG barcode" });
  }
  if (decl.kind === "key") {
    problems.push(...keySpecProblems(decl));
    if (decl.qrCodeFile !== void 0 && (decl.generate === void 0 || decl.exported === false)) {
      problems.push({
        setting: "qrCodeFile",
        problem: decl.generate === void 0 ? "is given for an imported key, which has no barcode to hand out" : "is given for a key that is not exported",
        allowed: "qrCodeFile only with generate (and exported not false)"
      });
    }
  }
  if (decl.kind === "method") problems.push(...methodSpecProblems(decl));
  if (decl.kind === "enrollment") problems.push(...enrollmentProblems(decl.method, decl.entityId));
  return problems;
}
function checkDeclaration(value) {
  const problems = declarationProblems(value);
  if (problems.length > 0) throw badSettings(problems);
  return value;
}
var IDENTITY_FIELDS = {
  key: ["kind", "name"],
  method: ["kind", "methodName"],
  enrollment: ["kind", "method", "entityId"]
};
function identityOf(decl) {
  const fields = IDENTITY_FIELDS[decl.kind];
  return Object.fromEntries(Object.entries(decl).filter(([k]) => fields.includes(k)));
}
function checkIdentity(value) {
  const problems = declarationProblems(value);
  const kind = value?.kind;
  const fields = kind === "key" || kind === "method" || kind === "enrollment" ? IDENTITY_FIELDS[kind] : ["kind"];
  const naming = problems.filter((p) => p.setting === "declaration" || fields.includes(p.setting));
  if (naming.length > 0) throw badSettings(naming);
  return value;
}
function describeDeclaration(decl) {
  if (decl.kind === "key") return `key "${String(decl.name)}"`;
  if (decl.kind === "method") return `MFA method "${String(decl.methodName)}"`;
  return `enrollment of "${String(decl.entityId)}" in MFA method "${String(decl.method)}"`;
}

// src/resources/stack-format.ts
var RESOURCE_TYPES = ["terraform_data", "null_resource"];
var TRIGGERS_ATTRIBUTE = {
  terraform_data: "triggers_replace",
  null_resource: "triggers"
};
function terraformLiteral(text) {
  return text.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");
}
function terraformUnescape(text) {
  return text.replaceAll("$${", () => "${").replaceAll("%%{", () => "%{");
}
function mapStrings(value, map) {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  }
  return value;
}

export {
  declarationProblems,
  checkDeclaration,
  identityOf,
  checkIdentity,
  describeDeclaration,
  RESOURCE_TYPES,
  TRIGGERS_ATTRIBUTE,
  terraformLiteral,
  terraformUnescape,
  mapStrings
};
