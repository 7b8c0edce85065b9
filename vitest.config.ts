import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/ once before any test, so that the real-bin tests run the code under test.
    globalSetup: ['test/global-setup.ts'],
    // Generous kill-timeouts for tests that spawn the real bin or a browser on a busy machine (not performance asserts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
