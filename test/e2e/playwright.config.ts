import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere. Playwright never downloads a browser here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  // scripts/test-e2e.mjs gives each lane a folder of its own (Playwright empties its output folder first).
  outputDir: process.env.E2E_OUTPUT_DIR ? resolve(process.env.E2E_OUTPUT_DIR) : '../../test-results/e2e-artifacts',
  globalSetup: './globalSetup.ts',
  fullyParallel: false,
  workers: 1,
  // A hang guard: the persona specs wait up to 60 s for a reset on a busy machine.
  timeout: 120_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
});
