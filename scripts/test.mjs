// `npm test`: every test — types, lint (with the import boundaries), unit tests against real
// servers, the build's first-load JS budget per page, then browser tests.
import { ensureChromium, ensureDependencies, run } from "./lib.mjs";

ensureDependencies();
ensureChromium();
run("npx", ["tsc", "--noEmit", "-p", "."]);
run("npm", ["run", "lint"]);
run("npm", ["run", "test:unit"]);
run("npm", ["run", "test:js-budget"]);
run("npm", ["run", "test:e2e"]);
