// `npm run app`: install, build and start Mailroom on the embedded SQLite default.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild, ensureDependencies, root } from "./lib.mjs";
import { SERVER_NODE_FLAGS } from "./server-flags.mjs";

// .env (see .env.example) first, so PORT and NEXTAUTH_URL there are honoured; the shell still wins.
const envFile = path.join(root, ".env");
if (fs.existsSync(envFile)) process.loadEnvFile(envFile);

ensureDependencies();
ensureBuild();

const port = process.env.PORT || "3000";
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { NEXTAUTH_URL: `http://localhost:${port}`, NEXT_TELEMETRY_DISABLED: "1", ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
