import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __TOTP_KIT_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one worker fewer than the cores: one file at a time on a 2-core runner. The suites
    // that stay slow wait on child processes (terraform, npm, racing CLI processes) part of the time, so one
    // worker more than the cores keeps them busy: on 2 cores, 147 s instead of 168 s with 2 workers.
    maxWorkers: availableParallelism() + 1,
    // A few suites still start real processes (terraform, npm, the bundles); give a loaded machine room.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**', 'constructs/**'],
      reporter: ['text-summary', 'json-summary'],
      reportOnFailure: true,
    },
  },
});
