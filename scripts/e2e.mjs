// Browser tests against the production build, a fresh database and the test mail servers.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ensureBuild, root, run } from "./lib.mjs";

ensureBuild();
run("node", ["scripts/certs.mjs"]);

const runDir = path.join(root, "e2e", ".tmp", "run");
fs.rmSync(runDir, { recursive: true, force: true });
fs.mkdirSync(runDir, { recursive: true });

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const port = await freePort();
// The fake Microsoft / Google sign-in and mail APIs the tests start; the app is pointed at them.
const identityPort = await freePort();
const mailApiPort = await freePort();

run("npx", ["playwright", "test", ...process.argv.slice(2)], {
  env: {
    E2E_RUN_DIR: runDir,
    E2E_PORT: String(port),
    E2E_IDENTITY_PORT: String(identityPort),
    E2E_MAIL_API_PORT: String(mailApiPort),
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  },
});
