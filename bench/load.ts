// 50 document emails requested at once through the real route, then the same 50 sent one after
// another by bare nodemailer: latency, throughput and whether everything arrived and was logged.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import type { MailServer } from "../test/fixtures/mail-server";
import type { AppServer, Client } from "./app-server";
import { bareSender, type BareMessage } from "./mail";
import type { Report } from "./report";
import { BENCH_CUSTOMER } from "./seed";
import { round, summarize, timed } from "./stats";

const CONCURRENT = 50;
const WARM_UP = 3;

interface Attempt {
  key: string;
  status: number;
  body: string;
  ms: number;
}

export async function benchLoad(
  report: Report,
  { app, admin, server, documentId, databasePath, bareMessage }: {
    app: AppServer;
    admin: Client;
    server: MailServer;
    documentId: number;
    databasePath: string;
    bareMessage: BareMessage;
  },
): Promise<void> {
  const send = async (key: string): Promise<Attempt> => {
    const start = performance.now();
    const response = await admin.fetch(`/api/documents/${documentId}/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ to: BENCH_CUSTOMER.email, cc: "", subject: bareMessage.subject, message: bareMessage.text, idempotencyKey: key }),
    });
    const body = await response.text();
    return { key, status: response.status, body, ms: performance.now() - start };
  };

  const db = new Database(databasePath, { readonly: true });
  for (let i = 0; i < WARM_UP; i++) {
    const warm = await send(randomUUID());
    if (warm.status !== 200) throw new Error(`warm-up send failed: HTTP ${warm.status} ${warm.body}`);
  }
  // The route answers once an email is queued: wait until the worker has sent the warm-ups (and
  // anything seeded), or a late one would be counted as one of the 50.
  const pending = () => (db.prepare("select count(*) as n from emails where status in ('queued', 'sending', 'retrying')").get() as { n: number }).n;
  for (const deadline = Date.now() + 30_000; pending() > 0; ) {
    if (Date.now() > deadline) throw new Error(`${pending()} emails still waiting to be sent 30 s after the warm-up`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const before = server.messages.length;
  const keys = Array.from({ length: CONCURRENT }, () => randomUUID());
  const placeholders = keys.map(() => "?").join(",");
  const sentCount = () => (db.prepare(`select count(*) as n from emails where status = 'sent' and idempotency_key in (${placeholders})`).get(...keys) as { n: number }).n;
  // Done means recorded sent by the worker, not just queued by the route.
  const { ms: wallMs, value: attempts } = await timed(async () => {
    const answers = await Promise.all(keys.map(send));
    for (const deadline = Date.now() + 30_000; sentCount() < CONCURRENT && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 2));
    return answers;
  });
  const received = await server.waitForMessages(before + CONCURRENT, 10_000).then(
    (all) => all.length - before,
    () => server.messages.length - before,
  );
  const sent = sentCount();
  db.close();

  const serverErrors = attempts.filter((a) => a.status >= 500);
  const notSent = attempts.filter((a) => a.status !== 200 || !["queued", "sending", "sent"].includes((JSON.parse(a.body) as { status?: string }).status ?? ""));
  const locked = /database is locked/i.test(app.output()) || attempts.some((a) => /database is locked/i.test(a.body));
  report.check(`load: ${CONCURRENT} received by the SMTP server`, received === CONCURRENT, `${received} of ${CONCURRENT}`);
  report.check(`load: ${CONCURRENT} rows in emails with status sent`, sent === CONCURRENT, `${sent} of ${CONCURRENT}`);
  report.check("load: every request answered 200 queued", notSent.length === 0, notSent.length ? `${notSent.length} not: ${[...new Set(notSent.map((a) => `${a.status} ${a.body.slice(0, 80)}`))].join(" | ")}` : "all 200 queued");
  report.check("load: no 5xx, no \"database is locked\"", serverErrors.length === 0 && !locked, `${serverErrors.length} × 5xx, locked: ${locked ? "yes" : "no"}`);

  const bare = bareSender(server);
  const { ms: bareWallMs } = await timed(async () => {
    for (let i = 0; i < CONCURRENT; i++) await bare(bareMessage);
  });

  const latency = summarize(attempts.map((a) => a.ms));
  const ours = (CONCURRENT * 1000) / wallMs;
  const baseline = (CONCURRENT * 1000) / bareWallMs;
  const section = `load (${CONCURRENT} at once)`;
  report.figure({ section, name: "route latency: median", value: round(latency.median), unit: "ms" });
  report.figure({ section, name: "route latency: p95", value: round(latency.p95), unit: "ms" });
  report.figure({ section, name: "route throughput", value: round(ours), unit: "msg/s", note: `all ${CONCURRENT} done in ${round(wallMs)} ms` });
  report.figure({ section, name: "bare sequential throughput", value: round(baseline), unit: "msg/s", note: `${CONCURRENT} in ${round(bareWallMs)} ms` });
  report.figure({ section, name: "route / bare throughput", value: round(ours / baseline, 2), unit: "×" });
}
