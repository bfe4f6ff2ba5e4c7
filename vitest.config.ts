import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{core,server,renderer,electron,fixtures,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
