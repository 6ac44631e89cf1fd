import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          environment: 'node',
          // Files of one worker share its loaded modules instead of each loading them anew (the project:
          // 23.6 s of CPU against 82.1 s). A file must leave the process as it found it: environment
          // variables, timers and stubs restored (vi.stubEnv + unstubAllEnvs, …).
          isolate: false,
        },
      },
      {
        test: {
          // The renderer's stores in a DOM, talking to the real services through the preload's bridge shape.
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/unit/renderer/support/installBridge.ts'],
          // As for unit: a worker's files share its modules (and the DOM); the setup file puts every store
          // back to its initial state before each file, and a test clears the localStorage it reads.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/globalSetup.ts'],
          // A hang guard, not a speed check: two lanes on two cores make CLI-heavy tests slow (the slowest took
          // 63 s at load 7); speed is measured by npm run bench.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One PostgreSQL server for the run; files share it, so keep them in one worker at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
