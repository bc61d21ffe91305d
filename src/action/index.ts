/**
 * Entry of `dist/index.js`, the GitHub Action. Until the action lands (see README, "Coming"), it fails
 * the step with one clear error rather than doing something half-done with a seed.
 */
process.stdout.write(
  '::error title=totp-kit::The totp-kit GitHub Action is not released yet; use the totp-kit CLI meanwhile.\n',
);
process.exitCode = 1;
