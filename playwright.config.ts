import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests drive the production build (`next start`) in Chromium. `scripts/e2e.ts` builds
 * the index and the app first; this file only says how to run the server and the browser.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
/** A second server runs a build of the bundled sample alone, for what the page says on a sample build. */
const samplePort = Number(process.env.E2E_SAMPLE_PORT ?? port + 1000);
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /sample-build\.spec\.ts$/ },
    {
      name: 'sample build',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${samplePort}` },
      testMatch: /sample-build\.spec\.ts$/,
    },
  ],
  webServer: [
    { indexDir: process.env.INDEX_DIR ?? '.index', port },
    { indexDir: process.env.E2E_SAMPLE_INDEX_DIR ?? '.index-e2e-sample', port: samplePort },
  ].map((server) => ({
    command: 'npm start',
    url: `http://127.0.0.1:${server.port}/api/issues`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      INDEX_DIR: server.indexDir,
      PORT: String(server.port),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  })),
});
