import { defineConfig } from 'vitest/config';

// Three kinds of test (architecture.md): pure unit tests, integration tests on a
// real PostgreSQL, and browser tests against the real server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Fast feedback first; browser tests last, when nothing else competes for the two cores.
          sequence: { groupOrder: 0 },
          include: ['{apps,packages}/*/src/**/*.unit.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'int',
          sequence: { groupOrder: 1 },
          include: ['{apps,packages}/*/{src,test}/**/*.int.test.ts'],
          exclude: ['**/*.alone.int.test.ts', '**/node_modules/**'],
          globalSetup: ['packages/db/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Load cases (issue 11): they measure the product, so they run last and
          // one file at a time, when no other test file competes for the two cores.
          name: 'alone',
          sequence: { groupOrder: 3 },
          include: ['{apps,packages}/*/{src,test}/**/*.alone.int.test.ts'],
          globalSetup: ['packages/db/test-support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['{apps,packages}/*/{src,test}/**/*.e2e.test.ts'],
          globalSetup: ['packages/db/test-support/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
