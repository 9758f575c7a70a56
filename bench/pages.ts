// First-load JavaScript (gzip) of three pages as the production build serves them, and how fast
// the server answers them.
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { Client } from "./app-server";
import type { Report } from "./report";
import { round, summarize } from "./stats";

const WARM_UP = 5;
const REQUESTS = 50;

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

async function firstLoadJs(client: Client, html: string): Promise<{ gzipBytes: number; chunks: number; noModuleGzipBytes: number }> {
  const { loaded, noModule } = scriptSources(html);
  return { gzipBytes: await gzipBytesOf(client, loaded), chunks: loaded.length, noModuleGzipBytes: await gzipBytesOf(client, noModule) };
}

export async function benchPages(report: Report, pages: { name: string; path: string; client: Client }[]): Promise<void> {
  for (const page of pages) {
    const get = async () => {
      const response = await page.client.fetch(page.path);
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${page.path} answered HTTP ${response.status}`);
      return html;
    };
    let html = "";
    for (let i = 0; i < WARM_UP; i++) html = await get();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await get();
      times.push(performance.now() - start);
    }
    const { gzipBytes, chunks, noModuleGzipBytes } = await firstLoadJs(page.client, html);
    const s = summarize(times);
    const section = `page ${page.path.replace(/\/\d+$/, "/<id>")}`;
    report.figure({ section, name: `${page.name}: first-load JS (gzip)`, value: round(gzipBytes / 1024), unit: "kB", target: { kind: "max", value: 150 }, note: `${chunks} chunks; nomodule polyfills not counted: ${round(noModuleGzipBytes / 1024)} kB` });
    report.figure({ section, name: `${page.name}: server response median`, value: round(s.median), unit: "ms", note: `n=${s.n}, full body` });
    report.figure({ section, name: `${page.name}: server response p95`, value: round(s.p95), unit: "ms" });
  }
}
