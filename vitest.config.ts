import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,electron,renderer,e2e}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'e2e/specs/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
