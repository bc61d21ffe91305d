/**
 * The example's stack: its state in the project, a file store, the key of an npm release bot (generated at apply; its barcode is
 * written once to enroll/npm-bot.png) and an MFA method "ops" with two enrollments writing theirs.
 */
import { join } from 'node:path';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import {
  portableLocalBackend,
  TotpEnrollment,
  TotpKey,
  TotpMfaMethod,
  type TotpResourceType,
  TotpStore,
} from 'totp-kit/constructs';

/** Options of the example stack. */
export interface TotpStackOptions {
  /**
   * The folder of the store (`.totp-kit/store.json`) and the barcodes (`enroll/*.png`).
   * @default the working directory of `cdktf synth` (this project)
   */
  readonly dir?: string;
  /**
   * The totp-kit CLI the provisioners run.
   * @default the one in the installed totp-kit package
   */
  readonly cliPath?: string;
  /**
   * `null_resource` for Terraform older than 1.4 (needs the hashicorp/null provider).
   * @default 'terraform_data'
   */
  readonly resourceType?: TotpResourceType;
}

/** A store, an npm bot's key and an MFA method with two enrollments. */
export class TotpStack extends TerraformStack {
  constructor(scope: Construct, id: string, options: TotpStackOptions = {}) {
    super(scope, id);
    // The state stays in the project (terraform.totp.tfstate), named relative to the stack's folder.
    portableLocalBackend(this);
    const dir = options.dir ?? '.';
    const store = TotpStore.file(join(dir, '.totp-kit', 'store.json'), {
      ...(options.cliPath === undefined ? {} : { cliPath: options.cliPath }),
      ...(options.resourceType === undefined ? {} : { resourceType: options.resourceType }),
    });

    new TotpKey(this, 'NpmBot', {
      store,
      name: 'npm-bot',
      generate: { issuer: 'npm', accountName: 'release-bot' },
      digits: 6,
      qrCodeFile: join(dir, 'enroll', 'npm-bot.png'),
    });

    const ops = new TotpMfaMethod(this, 'Ops', {
      store,
      methodName: 'ops',
      issuer: 'Acme',
      algorithm: 'SHA256',
      skew: 1,
      maxValidationAttempts: 5,
    });
    new TotpEnrollment(this, 'Alice', { method: ops, entityId: 'alice', qrCodeFile: join(dir, 'enroll', 'alice.png') });
    new TotpEnrollment(this, 'Bob', { method: ops, entityId: 'bob', qrCodeFile: join(dir, 'enroll', 'bob.png') });
  }
}
