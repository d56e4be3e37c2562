import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Several tests run the real speech engine and real servers; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
