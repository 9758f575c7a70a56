// `npm run bench`: performance figures as ratios within one run (see bench/run.ts).
import path from "node:path";
import { ensureBuild, root, run } from "./lib.mjs";

ensureBuild();
run("node", ["scripts/certs.mjs"]);
run("node", ["--import", "tsx", "--import", "./test/fixtures/server-only-hook.mjs", "bench/run.ts"], {
  env: { NODE_EXTRA_CA_CERTS: path.join(root, "test", ".tmp", "certs", "ca.pem"), NEXT_TELEMETRY_DISABLED: "1" },
});
