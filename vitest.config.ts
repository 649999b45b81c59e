import { defineConfig } from 'vitest/config';

// Generous timeouts: CI machines have 2 cores, and tests that start tsx, discord.js or Bolt
// spend most of their time importing. Assertions, not timeouts, decide what passes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
