// Lets the bench load the app's server modules outside Next, as vitest.config.ts does for unit
// tests: "server-only" resolves to an empty module. (The react-server condition would do it too,
// but it also hands next-intl a React without hooks.) Use with: node --import ./bench/server-only-hook.mjs
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
