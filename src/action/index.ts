/** Entry of `dist/index.js`, the GitHub Action: it only starts the run. */
import { run } from './main.js';

// The AWS SDK's Node 20 support notice is for SDK upgraders and would break one-line output; set at the
// process's entry so the library never changes the environment of the program that imports it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await run();
