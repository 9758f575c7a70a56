// Shared steps of the README's two commands: install what is missing, build when stale.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules" && !name.startsWith(".")) visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach((e) => visit(path.join(root, e)));
  return newest;
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (!fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) {
    console.log("→ Installing dependencies (npm ci)…");
    run("npm", ["ci", "--no-audit", "--no-fund"], { env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" } });
  }
}

/** next build when there is no build or a source file is newer than it. */
export function ensureBuild({ force = false } = {}) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "lib", "db", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json"];
  if (force || !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestMtime(sources)) {
    console.log("→ Building the app (next build)…");
    run("npx", ["next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" } });
  }
}

/** Debian's Chromium for the browser tests (Playwright cannot download its own here). */
export function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() !== 0) {
    console.error("✗ /usr/bin/chromium is missing. Install it with: sudo apt-get install -y chromium");
    process.exit(1);
  }
  console.log("→ Installing Debian's chromium (apt-get)…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}
