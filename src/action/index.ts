/** Entry of `dist/index.js`, the GitHub Action: it only starts the run. */
import { run } from './main.js';

await run();
