/** `TotpEnrollment`: one entity's secret for an MFA method, declared in the method's store. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Problem } from '../src/core/errors.js';
import { declarationProblems, type EnrollmentDeclaration } from '../src/resources/declaration.js';
import { TotpDeclaredResource } from './declared.js';
import type { TotpMfaMethod } from './method.js';
import { projectPath } from './paths.js';

/** Props of `TotpEnrollment`. */
export interface TotpEnrollmentProps {
  /**
   * The MFA method to enroll in, from the same stack; the enrollment lives in its store and is applied
   * after it (dependsOn). Changing it enrolls the entity in the other method and unenrolls it here.
   */
  readonly method: TotpMfaMethod;
  /**
   * The entity (user) id: letters, digits and `_ . @ + -` (at most 128); it is the account name
   * authenticator apps show. Changing it enrolls the new entity and unenrolls the old one.
   */
  readonly entityId: string;
  /**
   * Where apply writes the new enrollment's PNG barcode (mode 0600); a relative path is relative to
   * the project (the folder `cdktf synth` runs in) and stays relative in the synthesized JSON. An entity already enrolled keeps its secret and gets no new
   * barcode (destroy the enrollment to replace it). Changing it updates nothing in the store.
   * @default no file: the barcode cannot be shown later
   */
  readonly qrCodeFile?: string;
}

/**
 * An enrollment of an entity in an MFA method, made at `terraform apply` by the bundled CLI. It keeps
 * the algorithm, digits and period it was made with; method changes never replace its seed.
 *
 * @example
 * ```ts
 * import { TerraformStack } from 'cdktf';
 * import type { Construct } from 'constructs';
 * import { TotpEnrollment, TotpMfaMethod, TotpStore } from 'totp-kit/constructs';
 *
 * class Mfa extends TerraformStack {
 *   constructor(scope: Construct, id: string) {
 *     super(scope, id);
 *     const ops = new TotpMfaMethod(this, 'Ops', { store: TotpStore.file('.totp-kit/store.json'), methodName: 'ops', issuer: 'ACME' });
 *     for (const entityId of ['alice', 'bob']) {
 *       new TotpEnrollment(this, entityId, { method: ops, entityId, qrCodeFile: `enroll/${entityId}.png` });
 *     }
 *   }
 * }
 * ```
 */
export class TotpEnrollment extends TotpDeclaredResource<EnrollmentDeclaration> {
  /** The method the entity is enrolled in. */
  readonly method: TotpMfaMethod;
  /** The entity's id. */
  readonly entityId: string;
  /** The barcode file (relative to the project unless given absolute), when one was asked for. */
  readonly qrCodeFile?: string;

  constructor(scope: Construct, id: string, props: TotpEnrollmentProps) {
    const { method, entityId } = props;
    const qrCodeFile = props.qrCodeFile === undefined ? undefined : projectPath(props.qrCodeFile);
    const declaration: EnrollmentDeclaration = {
      kind: 'enrollment',
      method: method.methodName,
      entityId,
      ...(qrCodeFile === undefined ? {} : { qrCodeFile }),
    };
    super(scope, id, {
      store: method.store,
      declaration,
      name: { setting: 'entityId', value: `${method.methodName}/${entityId}`, what: 'enrollment' },
      outputs: { method: method.methodName, entityId, issuer: method.issuer, qrCodeFile },
      description: `enrollment of "${entityId}" in MFA method "${method.methodName}"`,
      after: method,
    });
    this.method = method;
    this.entityId = entityId;
    if (qrCodeFile !== undefined) this.qrCodeFile = qrCodeFile;
  }

  /** The problems of the enrollment's declaration, checked at synth (the method's name is its construct's to check). */
  protected declarationProblems(): Problem[] {
    // The method's name is the method construct's to check; repeating its problems here would list them twice.
    const problems = declarationProblems(this.declaration).filter((p) => p.setting !== 'method');
    if (TerraformStack.of(this.method) !== TerraformStack.of(this)) {
      problems.push({
        setting: 'method',
        problem: `${this.method.node.path} is in another stack`,
        allowed: 'a TotpMfaMethod of the same stack',
      });
    }
    return problems;
  }
}
