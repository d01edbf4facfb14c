import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The compiled-code cache belongs to the user's runs; its own test points it at a temporary folder.
    env: { MIGRATE_OPENAI_NO_CACHE: '1' },
  },
});
