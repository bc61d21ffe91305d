#!/usr/bin/env node
/** Entry of `dist/cli.js`: runs the CLI on the process and sets its exit code. */
import { processIo } from './io.js';
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), processIo());
