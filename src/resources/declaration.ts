/**
 * Declarations: what the constructs declare and `totp-kit plan|apply|destroy` act on. One JSON object
 * per resource, `kind` first: `key` (a KeySpec), `method` (a MethodSpec) or `enrollment` (method and
 * entityId). Checking one returns every problem at once, each naming the setting.
 */
import { badSettings, looksLikeSeed, type Problem, quote } from '../core/errors.js';
import { enrollmentProblems } from './enrollment.js';
import { type KeySpec, keySpecProblems } from './key.js';
import { METHOD_SETTINGS, type MethodSpec, methodSpecProblems } from './method.js';

/**
 * A key as `totp-kit apply` takes it: a key spec, `kind: 'key'`, and `qrCodeFile`, where apply writes the
 * barcode of a generated, exported key.
 */
export type KeyDeclaration = { readonly kind: 'key'; readonly qrCodeFile?: string } & KeySpec;
/** An MFA method as `totp-kit apply` takes it: a method spec and `kind: 'method'`. */
export type MethodDeclaration = { readonly kind: 'method' } & MethodSpec;
/** An enrollment as `totp-kit apply` takes it. */
export interface EnrollmentDeclaration {
  /** Always `enrollment`. */
  readonly kind: 'enrollment';
  /** The MFA method's name. */
  readonly method: unknown;
  /** The entity's id. */
  readonly entityId: unknown;
  /** Where apply writes the new enrollment's PNG barcode. */
  readonly qrCodeFile?: string;
}
/** Any declaration: the JSON object `totp-kit plan`, `apply` and `destroy` take, one per resource. */
export type Declaration = KeyDeclaration | MethodDeclaration | EnrollmentDeclaration;

const FIELDS: Readonly<Record<Declaration['kind'], readonly string[]>> = {
  key: [
    'kind',
    'name',
    'generate',
    'importFrom',
    'issuer',
    'accountName',
    'algorithm',
    'digits',
    'period',
    'skew',
    'qrSize',
    'exported',
    'qrCodeFile',
  ],
  method: ['kind', 'methodName', ...METHOD_SETTINGS],
  enrollment: ['kind', 'method', 'entityId', 'qrCodeFile'],
};

/** Every problem of a declaration (unknown fields included, so a typo is not silently ignored). */
export function declarationProblems(value: unknown): Problem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        setting: 'declaration',
        problem: 'is not a JSON object',
        allowed: '{"kind": "key" | "method" | "enrollment", …}',
      },
    ];
  }
  const decl = value as { kind?: unknown } & Record<string, unknown>;
  if (decl.kind !== 'key' && decl.kind !== 'method' && decl.kind !== 'enrollment') {
    return [
      {
        setting: 'kind',
        problem: decl.kind === undefined ? 'is required' : `${quote(decl.kind)} is not a kind`,
        allowed: 'key, method or enrollment',
      },
    ];
  }
  const problems: Problem[] = [];
  for (const field of Object.keys(decl)) {
    if (FIELDS[decl.kind].includes(field)) continue;
    // A seed pasted as a field name (`{"kind": "key", "JBSW…": 1}`) is not printed back.
    problems.push({
      setting: looksLikeSeed(field) ? 'a field named like a seed (not printed)' : field,
      problem: `is not a setting of a ${decl.kind}`,
      allowed: FIELDS[decl.kind].join(', '),
    });
  }
  if (decl.qrCodeFile !== undefined && (typeof decl.qrCodeFile !== 'string' || decl.qrCodeFile === '')) {
    problems.push({ setting: 'qrCodeFile', problem: 'is not a file path', allowed: 'a path for the PNG barcode' });
  }
  if (decl.kind === 'key') {
    problems.push(...keySpecProblems(decl as unknown as KeySpec));
    // Only a generated, exported key has a barcode to write: anything else would silently write nothing.
    if (decl.qrCodeFile !== undefined && (decl.generate === undefined || decl.exported === false)) {
      problems.push({
        setting: 'qrCodeFile',
        problem:
          decl.generate === undefined
            ? 'is given for an imported key, which has no barcode to hand out'
            : 'is given for a key that is not exported',
        allowed: 'qrCodeFile only with generate (and exported not false)',
      });
    }
  }
  if (decl.kind === 'method') problems.push(...methodSpecProblems(decl as unknown as MethodSpec));
  if (decl.kind === 'enrollment') problems.push(...enrollmentProblems(decl.method, decl.entityId));
  return problems;
}

/**
 * Checks a declaration.
 * @throws TotpKitError (bad-input) listing every problem.
 */
export function checkDeclaration(value: unknown): Declaration {
  const problems = declarationProblems(value);
  if (problems.length > 0) throw badSettings(problems);
  return value as Declaration;
}

/** The fields that name a declaration's resource in its store. */
export const IDENTITY_FIELDS: Readonly<Record<Declaration['kind'], readonly string[]>> = {
  key: ['kind', 'name'],
  method: ['kind', 'methodName'],
  enrollment: ['kind', 'method', 'entityId'],
};

/**
 * A declaration cut down to what names its resource (`{kind, name}`): what a destroy needs. The constructs
 * keep it in a resource of its own, replaced (destroy first) only when the name or store changes.
 */
export function identityOf(decl: Declaration): Declaration {
  const fields = IDENTITY_FIELDS[decl.kind];
  return Object.fromEntries(Object.entries(decl).filter(([k]) => fields.includes(k))) as unknown as Declaration;
}

/**
 * Checks what names a declaration's resource, and nothing else: a destroy needs only the name, so a
 * declaration cut down by identityOf (or one whose settings are no longer valid) can still be destroyed.
 * @throws TotpKitError (bad-input) listing every problem of the kind and name.
 */
export function checkIdentity(value: unknown): Declaration {
  const problems = declarationProblems(value);
  const kind = (value as { kind?: unknown } | null)?.kind;
  const fields: readonly string[] =
    kind === 'key' || kind === 'method' || kind === 'enrollment' ? IDENTITY_FIELDS[kind] : ['kind'];
  const naming = problems.filter((p) => p.setting === 'declaration' || fields.includes(p.setting));
  if (naming.length > 0) throw badSettings(naming);
  return value as Declaration;
}

/** The resource a declaration names, for messages: `key "npm-bot"`. */
export function describeDeclaration(decl: Declaration): string {
  if (decl.kind === 'key') return `key "${String(decl.name)}"`;
  if (decl.kind === 'method') return `MFA method "${String(decl.methodName)}"`;
  return `enrollment of "${String(decl.entityId)}" in MFA method "${String(decl.method)}"`;
}
