import path from "node:path";
import { defineConfig } from "@playwright/test";
// Loaded by the runner and by every worker: specs seed through lib/, whose modules import "server-only".
import "./test/fixtures/server-only-hook.mjs";
import { oauthEnvironment } from "./test/fixtures/oauth-e2e";
import { SERVER_NODE_FLAGS } from "./scripts/server-flags.mjs";

// scripts/e2e.mjs prepares a fresh run folder (database, generated keys) and a free port.
const port = Number(process.env.E2E_PORT ?? 3100);
const runDir = process.env.E2E_RUN_DIR ?? path.resolve("e2e/.tmp/run");
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // One app server and one database: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "e2e/.tmp/results",
  use: {
    baseURL,
    trace: "retain-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "first-run", testMatch: /first-run\.setup\.ts/ },
    { name: "app", dependencies: ["first-run"], testMatch: /\.spec\.ts/ },
  ],
  webServer: {
    command: ["node", ...SERVER_NODE_FLAGS, "scripts/server.mjs"].join(" "),
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_PATH: path.join(runDir, "mailroom.db"),
      NEXTAUTH_URL: baseURL,
      NODE_EXTRA_CA_CERTS: path.resolve("test/.tmp/certs/ca.pem"),
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ...oauthEnvironment(),
    },
  },
});
