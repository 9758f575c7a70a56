// `npm run test:js-budget` (part of `npm test`): first-load JavaScript of every page of the
// production build, gzip, against the budget. Sizes come from the build's own manifests, so the
// check is deterministic: no server, no timing. Fails naming each page over budget and its size.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild, root } from "./lib.mjs";

export const BUDGET_KB = 150;

/**
 * Pages not yet within the budget (issue 12), each with a ceiling in kB: its size when it was
 * listed, rounded up, plus 2 kB for small changes. Take a page out as soon as it fits; never add one.
 */
const NOT_YET_WITHIN = {
  "/customers": 201,
  "/customers/[id]": 201,
  "/customers/new": 201,
  "/documents/[type]/[id]": 157,
  "/documents/[type]/[id]/edit": 216,
  "/documents/[type]/new": 216,
  "/emails": 156,
  "/emails/[id]": 157,
  "/login": 197,
  "/settings": 200,
  "/settings/email": 204,
  "/settings/templates": 240,
  "/settings/users": 200,
  "/setup": 197,
  "/suppliers": 201,
  "/suppliers/[id]": 201,
  "/suppliers/new": 201,
};

/**
 * Per page: the chunks Next's build lists as its first load (.next/diagnostics, written by
 * `next build`), gzip level 9 as Next's build output used to count. The nomodule polyfills are
 * named apart and not counted: browsers that run modules never download them.
 */
export function firstLoadJs(buildDir = path.join(root, ".next")) {
  const read = (...parts) => JSON.parse(fs.readFileSync(path.join(buildDir, ...parts), "utf8"));
  const gzipBytes = (file) => gzipSync(fs.readFileSync(path.join(buildDir, file)), { level: 9 }).length;
  const kB = (bytes) => Math.round((bytes / 1024) * 10) / 10;
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) sizes.set(file, gzipBytes(file));
    return sizes.get(file);
  };
  const pages = read("diagnostics", "route-bundle-stats.json")
    .filter((route) => !route.route.startsWith("/_"))
    .map((route) => {
      const files = route.firstLoadChunkPaths.map((chunk) => path.relative(buildDir, path.resolve(buildDir, "..", chunk)));
      return { page: route.route, kB: kB(files.reduce((sum, file) => sum + sizeOf(file), 0)), chunks: files.length };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
  if (!pages.length) throw new Error("the build lists no pages: .next/diagnostics/route-bundle-stats.json is empty");
  const polyfills = read("build-manifest.json").polyfillFiles.map((file) => ({ file, kB: kB(sizeOf(file)) }));
  return { pages, polyfills };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild();
  const { pages, polyfills } = firstLoadJs();
  const width = Math.max(...pages.map((p) => p.page.length));
  const ceilingOf = (page) => NOT_YET_WITHIN[page] ?? BUDGET_KB;
  console.log(`First-load JS per page (gzip), budget ${BUDGET_KB} kB:`);
  for (const p of pages) {
    const mark = p.kB > ceilingOf(p.page) ? "✗" : p.kB > BUDGET_KB ? "…" : "✓";
    const note = NOT_YET_WITHIN[p.page] ? `  not yet within budget: may not exceed ${NOT_YET_WITHIN[p.page]} kB` : "";
    console.log(`  ${mark} ${p.page.padEnd(width)}  ${p.kB.toFixed(1).padStart(6)} kB  (${p.chunks} chunks)${note}`);
  }
  console.log(`  not counted: nomodule polyfills ${polyfills.map((p) => `${p.file} ${p.kB} kB`).join(", ")}`);
  const over = pages.filter((p) => p.kB > ceilingOf(p.page));
  const fitted = pages.filter((p) => NOT_YET_WITHIN[p.page] && p.kB <= BUDGET_KB);
  if (over.length) {
    console.error(`\n✗ over the first-load JS budget: ${over.map((p) => `${p.page} ${p.kB} kB (limit ${ceilingOf(p.page)} kB)`).join(", ")}`);
  }
  if (fitted.length) {
    console.error(`\n✗ within budget now, take out of NOT_YET_WITHIN in scripts/js-budget.mjs: ${fitted.map((p) => p.page).join(", ")}`);
  }
  if (over.length || fitted.length) process.exit(1);
}
