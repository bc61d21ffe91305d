import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);

// src/action/index.ts
process.stdout.write(
  "::error title=totp-kit::The totp-kit GitHub Action is not released yet; use the totp-kit CLI meanwhile.\n"
);
process.exitCode = 1;
