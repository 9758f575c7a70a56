// `npm run test:js-budget` (part of `npm test`): first-load JavaScript of every page of the
// production build, gzip, against the budget. Sizes come from the build's own manifests, so the
// check is deterministic: no server, no timing. Fails naming each page over budget and its size.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild, root } from "./lib.mjs";

export const BUDGET_KB = 150;

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

/** One line per page over budget: which page, how big, and by how much. */
export function budgetFailures(pages) {
  const kB = (n) => `${n.toFixed(1)} kB`;
  return pages.filter((p) => p.kB > BUDGET_KB).map((p) => `${p.page} is ${kB(p.kB)}, ${kB(p.kB - BUDGET_KB)} over the ${BUDGET_KB} kB budget`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild();
  const { pages, polyfills } = firstLoadJs();
  const width = Math.max(...pages.map((p) => p.page.length));
  console.log(`First-load JS per page (gzip), budget ${BUDGET_KB} kB:`);
  for (const p of pages) {
    console.log(`  ${p.kB <= BUDGET_KB ? "✓" : "✗"} ${p.page.padEnd(width)}  ${p.kB.toFixed(1).padStart(6)} kB  (${p.chunks} chunks)`);
  }
  console.log(`  not counted: nomodule polyfills ${polyfills.map((p) => `${p.file} ${p.kB} kB`).join(", ")}`);
  const failures = budgetFailures(pages);
  if (failures.length) {
    console.error(`\n✗ first-load JS over budget:\n${failures.map((line) => `  - ${line}`).join("\n")}`);
    console.error("  Shrink what the page loads first (zod/mini in browser schemas, no react-hook-form on plain forms, load rare dialogs on demand).");
    process.exit(1);
  }
}
