import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Which Chromium: CHROMIUM_PATH=/path -> that binary; CHROMIUM_PATH=playwright -> Playwright's own
// browser (needs `npx playwright install chromium`); unset -> Debian's /usr/bin/chromium if present,
// else Playwright's own. CI machines here cannot download Playwright's browser, hence Debian's.
const envPath = process.env.CHROMIUM_PATH
const executablePath =
  envPath === 'playwright' ? undefined : envPath || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

// E2E_DEV=1 tests the dev server instead of the production build (slower first load).
// E2E_PORT and E2E_OUT let several engineers run journeys at once on one machine (own server, own
// artifacts): with E2E_DEV=1 nothing is built, so no run overwrites another's dist/.
const DEV = !!process.env.E2E_DEV
const PORT = Number(process.env.E2E_PORT) || (DEV ? 5173 : 4173)
const OUT = process.env.E2E_OUT ?? 'test-results'
// E2E_DIST=<dir> builds into and previews from <dir> instead of dist/, so an engineer can test a
// production build (its Content Security Policy included) without overwriting anyone's dist/.
const DIST = process.env.E2E_DIST
const outDir = DIST ? ` --outDir ${JSON.stringify(DIST)}` : ''
// Vite leaves an outDir outside the project as it is unless told to empty it (no stale chunks).
const buildArgs = DIST ? `${outDir} --emptyOutDir` : ''

export default defineConfig({
  testDir: 'e2e',
  outputDir: OUT,
  timeout: 30_000,
  expect: { timeout: 10_000 }, // 2 cores; the dev server's first load takes ~6 s
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_OUT ? `${OUT}/playwright.json` : 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: executablePath
        ? ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        : [],
    },
  },
  webServer: {
    command: DEV
      ? `npx vite --host 127.0.0.1 --port ${PORT} --strictPort`
      : `npx vite build${buildArgs} && npx vite preview${outDir} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    // Locally an already running server is reused (faster loop); CI always builds fresh.
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
