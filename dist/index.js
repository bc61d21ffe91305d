import { createRequire as __totpKitCreateRequire } from 'node:module';
const require = __totpKitCreateRequire(import.meta.url);

// src/action/index.ts
process.stdout.write("::error title=totp-kit::The totp-kit GitHub Action is not released yet; use the totp-kit CLI meanwhile.\n");
process.exitCode = 1;
