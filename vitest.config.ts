import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/ once before any test (skipped when dist/ is current), so that the real-bin tests run the code under test.
    globalSetup: ['test/global-setup.ts'],
    // Generous kill-timeouts for tests that spawn the real bin or a browser on a busy machine (not performance asserts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // At least two test files at once: most of the suite's time is spent waiting for the processes
    // it spawns (the real bin, LibreOffice, Chromium), and vitest's default (cores − 1) runs one at a
    // time on a two-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
