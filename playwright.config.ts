import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER } from "./tests/e2e/oidc/config";

// Journeys in Debian's Chromium (Playwright cannot download its own browsers on these machines),
// against the production build served by the README's own start command on a separate PGlite database.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  outputDir: ".data/test-results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "npm start",
      url: `${baseURL}/`,
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "pglite:./.data/e2e",
        PORT: String(PORT),
        NEXT_TELEMETRY_DISABLED: "1",
        // Single sign-on against the test identity provider below (tests/e2e/oidc.spec.ts).
        AUTH_OIDC_ISSUER: OIDC_ISSUER,
        AUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
        AUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
      },
    },
    {
      // A real OpenID Connect provider on localhost; the app discovers it on the first SSO sign-in.
      command: "npx tsx tests/e2e/oidc/provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
      // The single sign-on journey runs on http://localhost (see tests/e2e/oidc.spec.ts).
      env: { APP_BASE_URL: `http://localhost:${PORT}` },
    },
  ],
});
