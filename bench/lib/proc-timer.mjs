// A hyperfine-style timer for whole processes: every command runs `runs` times, the commands interleaved
// round by round (so drift on a shared machine hits all of them alike), after `warmup` untimed rounds.
// Children are spawned asynchronously, so a server in this process (the loopback Secrets Manager) keeps
// answering while they run. Each run's exit code is checked: a failing command is an error, not a number.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * @typedef {object} Command
 * @property {string} id
 * @property {string} file executable
 * @property {string[]} args
 * @property {Record<string, string>} [env]
 * @property {string} [cwd]
 * @property {(out: { stdout: string, stderr: string }) => void} [check] throws when the output is wrong
 */

/**
 * Runs one process; resolves with its wall time in ms (spawn to exit) and its output.
 * @param {Command} command
 * @returns {Promise<{ ms: number, stdout: string, stderr: string }>}
 */
export function runOnce(command) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const started = performance.now();
    const child = spawn(command.file, command.args, {
      env: command.env ?? {},
      cwd: command.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    let ms = 0;
    child.once('exit', () => {
      ms = performance.now() - started;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${command.id}: exit ${code ?? signal}\n${stdout}${stderr}`));
        return;
      }
      try {
        command.check?.({ stdout, stderr });
      } catch (e) {
        reject(new Error(`${command.id}: ${e instanceof Error ? e.message : e}\n${stdout}${stderr}`));
        return;
      }
      resolve({ ms, stdout, stderr });
    });
  });
}

/** @param {number[]} values */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] ?? Number.NaN;
  return s.length % 2 ? hi : ((s[mid - 1] ?? Number.NaN) + hi) / 2;
}

/**
 * Times commands interleaved. The order within a round rotates, so no command always runs first.
 * @param {Command[]} commands
 * @param {{ runs: number, warmup?: number }} options
 * @returns {Promise<Map<string, { samples: number[], min: number, median: number, mean: number }>>}
 */
export async function timeCommands(commands, { runs, warmup = 3 }) {
  /** @type {Map<string, number[]>} */
  const samples = new Map(commands.map((c) => [c.id, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let i = 0; i < commands.length; i++) {
      const command = /** @type {Command} */ (commands[(i + round) % commands.length]);
      const { ms } = await runOnce(command);
      if (round >= warmup) samples.get(command.id)?.push(ms);
    }
  }
  const stats = new Map();
  for (const [id, list] of samples) {
    stats.set(id, {
      samples: list,
      min: Math.min(...list),
      median: median(list),
      mean: list.reduce((a, b) => a + b, 0) / list.length,
    });
  }
  return stats;
}
