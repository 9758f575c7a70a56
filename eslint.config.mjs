// `npm run lint` (also the first step of `npm test`). Beyond typescript-eslint's recommended
// rules, the import boundaries below keep the layering of the README's layout section honest.
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

/** Imports a group of files may not make: each message names the layer rule it enforces. */
function forbidImports(files, patterns) {
  return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
}

export default defineConfig(
  globalIgnores([".next/", "node_modules/", "e2e/.tmp/", "test-results/", "playwright-report/", "next-env.d.ts", "db/migrations/"]),
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a value deliberately left unused (a destructured field dropped on purpose).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  forbidImports(
    ["app/**"],
    [
      { group: ["drizzle-orm", "drizzle-orm/*"], message: "app/ holds routes and forms: read and write through lib/<domain>." },
      { group: ["@/db", "@/db/*", "**/db/*"], message: "app/ holds routes and forms: read and write through lib/<domain>." },
    ],
  ),
  forbidImports(["db/**"], [{ group: ["@/lib", "@/lib/*", "**/lib/*"], message: "db/ imports nothing from lib/: shared enums live in db/enums.ts." }]),
  forbidImports(["lib/mail/**"], [{ group: ["@/lib/documents", "@/lib/documents/*", "**/documents/*"], message: "The mail core knows nothing of documents: lib/documents calls lib/mail." }]),
);
