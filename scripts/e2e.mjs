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

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

run("npx", ["playwright", "test", ...process.argv.slice(2)], {
  env: { E2E_RUN_DIR: runDir, E2E_PORT: String(port), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
});
