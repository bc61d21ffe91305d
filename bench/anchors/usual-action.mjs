// The usual hand-rolled TOTP action, as a bench anchor (bench/cold-start.mjs): @actions/core for inputs,
// masking and outputs, a TOTP library (otpauth) for the code, bundled into one ESM file the way
// actions/typescript-action builds its dist/index.js. bench/cold-start.mjs bundles it at bench time.
import * as core from '@actions/core';
import { Secret, TOTP } from 'otpauth';

try {
  const secret = core.getInput('secret', { required: true });
  core.setSecret(secret);
  const totp = new TOTP({
    secret: Secret.fromBase32(secret.replace(/[\s=]/g, '')),
    algorithm: core.getInput('algorithm') || 'SHA1',
    digits: Number(core.getInput('digits') || 6),
    period: Number(core.getInput('period') || 30),
  });
  const code = totp.generate();
  core.setSecret(code);
  core.setOutput('code', code);
  core.info(`The code expires in ${Math.floor(totp.remaining() / 1000)} s.`);
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error));
}
