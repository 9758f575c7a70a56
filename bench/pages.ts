// First-load JavaScript (gzip) of every page under app/ as the production build serves it, with
// dynamic segments filled from the seeded database, and how fast the server answers three of them.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { Client } from "./app-server";
import type { Report } from "./report";
import { round, summarize } from "./stats";

const WARM_UP = 5;
const REQUESTS = 50;

/** Every page route under app/ as a URL pattern ("/documents/[type]/[id]"): route groups and private folders left out. */
export function appPagePatterns(appDir = path.join(process.cwd(), "app")): string[] {
  const patterns: string[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith("_")) {
        visit(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        patterns.push("/" + segments.join("/"));
      }
    }
  };
  visit(appDir, []);
  return patterns.sort();
}

/**
 * The chunks a page's HTML loads with <script src>, in order, without repeats. A `nomodule`
 * script (Next's legacy polyfills) is listed apart: browsers that run modules, which are all
 * the browsers Next 16 supports, never download it.
 */
function scriptSources(html: string): { loaded: string[]; noModule: string[] } {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => ({
    src: m[1].replace(/&amp;/g, "&"),
    noModule: /\bnomodule\b/i.test(m[0]),
  }));
  const unique = (list: typeof tags) => [...new Set(list.map((t) => t.src))];
  return { loaded: unique(tags.filter((t) => !t.noModule)), noModule: unique(tags.filter((t) => t.noModule)) };
}

async function gzipBytesOf(client: Client, sources: string[]): Promise<number> {
  let gzipBytes = 0;
  for (const src of sources) {
    const { pathname, search } = new URL(src, "http://page/");
    const response = await client.fetch(pathname + search);
    if (!response.ok) throw new Error(`page weight: ${src} answered HTTP ${response.status}`);
    // Level 9, as Next's own build output used to count first-load JS.
    gzipBytes += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return gzipBytes;
}

/** A page's HTML; a page that only redirects (a guide sends you to its first step) is followed once. */
export async function fetchPage(client: Client, pathname: string): Promise<{ html: string; redirectedTo?: string }> {
  let response = await client.fetch(pathname);
  let redirectedTo: string | undefined;
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400 && location) {
    await response.arrayBuffer();
    redirectedTo = new URL(location, "http://page/").pathname;
    response = await client.fetch(redirectedTo);
  }
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${pathname} answered HTTP ${response.status}`);
  return { html, redirectedTo };
}

export interface BenchPage {
  /** The route pattern under app/, as appPagePatterns() lists it. */
  pattern: string;
  path: string;
  client: Client;
  /** Also time the server's answer (n=50). */
  timed?: boolean;
}

export async function benchPages(report: Report, pages: BenchPage[]): Promise<void> {
  for (const page of pages) {
    const { html, redirectedTo } = await fetchPage(page.client, page.path);
    const { loaded, noModule } = scriptSources(html);
    const gzipBytes = await gzipBytesOf(page.client, loaded);
    const noModuleGzipBytes = await gzipBytesOf(page.client, noModule);
    const section = "first-load JS (gzip)";
    report.figure({
      section,
      name: page.pattern,
      value: round(gzipBytes / 1024),
      unit: "kB",
      target: { kind: "max", value: 150 },
      note: `${redirectedTo ? `redirects to ${redirectedTo}; ` : ""}${loaded.length} chunks; nomodule polyfills not counted: ${noModule.map((src) => path.basename(src)).join(", ") || "none"} (${round(noModuleGzipBytes / 1024)} kB)`,
    });
    if (!page.timed) continue;
    for (let i = 0; i < WARM_UP; i++) await fetchPage(page.client, page.path);
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await fetchPage(page.client, page.path);
      times.push(performance.now() - start);
    }
    const s = summarize(times);
    report.figure({ section: "server response", name: `${page.pattern}: median`, value: round(s.median), unit: "ms", note: `n=${s.n}, full body` });
    report.figure({ section: "server response", name: `${page.pattern}: p95`, value: round(s.p95), unit: "ms" });
  }
}
