// First-load JavaScript (gzip) of three pages as the production build serves them, and how fast
// the server answers them.
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import type { Client } from "./app-server";
import type { Report } from "./report";
import { round, summarize } from "./stats";

const WARM_UP = 5;
const REQUESTS = 50;

/** The chunks a page's HTML loads with <script src>, in order, without repeats. */
function scriptSources(html: string): string[] {
  return [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&")))];
}

async function firstLoadJs(client: Client, html: string): Promise<{ gzipBytes: number; chunks: number }> {
  const sources = scriptSources(html);
  let gzipBytes = 0;
  for (const src of sources) {
    const { pathname, search } = new URL(src, "http://page/");
    const response = await client.fetch(pathname + search);
    if (!response.ok) throw new Error(`page weight: ${src} answered HTTP ${response.status}`);
    // Level 9, as Next's own build output used to count first-load JS.
    gzipBytes += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return { gzipBytes, chunks: sources.length };
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
    const { gzipBytes, chunks } = await firstLoadJs(page.client, html);
    const s = summarize(times);
    const section = `page ${page.path.replace(/\/\d+$/, "/<id>")}`;
    report.figure({ section, name: `${page.name}: first-load JS (gzip)`, value: round(gzipBytes / 1024), unit: "kB", target: { kind: "max", value: 150 }, note: `${chunks} chunks` });
    report.figure({ section, name: `${page.name}: server response median`, value: round(s.median), unit: "ms", note: `n=${s.n}, full body` });
    report.figure({ section, name: `${page.name}: server response p95`, value: round(s.p95), unit: "ms" });
  }
}
