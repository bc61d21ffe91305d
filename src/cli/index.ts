#!/usr/bin/env node
/** Entry of `dist/cli.js`: runs the CLI on the process and sets its exit code. */
import { processIo } from './io.js';
import { main } from './main.js';

// On Node 20 the AWS SDK prints a multi-line notice about its future Node support on every run; it is
// addressed to SDK upgraders, not to totp-kit's users, and would break one-line error output. Set here, at
// the process's entry, so the library never changes the environment of the program that imports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await main(process.argv.slice(2), processIo());
