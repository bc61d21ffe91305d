import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the bundled binary; give a loaded 2-core machine room.
    testTimeout: 30_000,
  },
});
