import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/out/**'],
    // Property suites run thousands of commands; the defaults are for unit tests.
    testTimeout: 120_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one free, and most files here are CPU-bound.
    maxWorkers: 2,
  },
});
