// The checks `npm test` runs before the tests — type-check, lint/format, freshness of the generated files — at
// the same time instead of one after another (they read the sources and write nothing they share). Each one's
// output is printed whole, in a fixed order, once all have ended; any failure fails the run.
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'check-dist'];
const npm = process.env.npm_execpath;

function run(script) {
  const [command, args] = npm
    ? [process.execPath, [npm, 'run', '--silent', script]]
    : ['npm', ['run', '--silent', script]];
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: !npm && process.platform === 'win32',
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (e) => resolve({ script, status: 1, output: `${output}${e.message}\n` }));
    child.on('close', (status, signal) => resolve({ script, status: status ?? 1, output, signal }));
  });
}

const started = Date.now();
const results = await Promise.all(CHECKS.map(run));
let failed = 0;
for (const { script, status, output, signal } of results) {
  process.stdout.write(`> npm run ${script}: ${status === 0 ? 'ok' : `FAILED (${signal ?? `exit ${status}`})`}\n`);
  if (output.trim() !== '') process.stdout.write(`${output.trimEnd()}\n`);
  if (status !== 0) failed++;
}
process.stdout.write(
  `${CHECKS.length - failed} of ${CHECKS.length} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
process.exitCode = failed === 0 ? 0 : 1;
