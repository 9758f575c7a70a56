// Bulk email: 1,000 queued 20-line invoices through the app's queue, worker and pooled SMTP,
// against a bare baseline (pdfkit + one pooled nodemailer connection), then a run against a server
// that drops the connection after every 50th message: nothing lost, nothing twice.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { SERVER_NODE_FLAGS } from "../scripts/server-flags.mjs";
import fs from "node:fs";
import path from "node:path";
import type { MailServer } from "../test/fixtures/mail-server";
import type { Report } from "./report";
import { round } from "./stats";

export const BULK_COUNT = 1_000;
/** Invoices each side sends first, untimed, when the baseline runs. */
export const BULK_WARM_UP = 20;
const DROP_COUNT = 300;

interface BulkRun {
  queuedMs: number;
  sentWhileQueueing: number;
  oursMs: number;
  /** The mean of the baseline's runs before and after ours. */
  bareMs: number;
  bareMsRuns: number[];
  peakRssMb: number;
  sent: number;
  notSent: string[];
}

/** Runs bench/bulk-run.ts in a child process; asynchronously, since the SMTP server it sends to lives in this one. */
async function runBulk(workDir: string, name: string, server: MailServer, count: number, baseline: boolean): Promise<BulkRun> {
  const databasePath = path.join(workDir, name, "mailroom.db");
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const args = JSON.stringify({ smtp: { port: server.starttlsPort, username: server.user, password: server.password }, count, baseline });
  // The app process runs with the flags the app server runs with.
  const { stdout } = await promisify(execFile)(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", "--import", "./test/fixtures/server-only-hook.mjs", "bench/bulk-run.ts", args], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
    // A run that stalls (e.g. the server stops answering) fails the check instead of holding the bench forever.
    timeout: 10 * 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!) as BulkRun;
}

/** Each message once: by recipient (one invoice per customer) and by Message-ID. */
function deliveredOnce(server: MailServer, from: number, count: number) {
  const received = server.messages.slice(from);
  const recipients = new Set(received.map((m) => m.envelope.rcptTo.join(",")));
  const ids = new Set(received.map((m) => m.parsed.messageId));
  return { received: received.length, duplicates: received.length - recipients.size, lost: count - recipients.size, uniqueIds: ids.size };
}

export async function benchBulk(report: Report, server: MailServer, workDir: string): Promise<void> {
  const section = "bulk email";
  server.reset();
  const run = await runBulk(workDir, "bulk", server, BULK_COUNT, true);
  const ours = deliveredOnce(server, 0, BULK_COUNT);
  // Each side's warm-up, the baseline twice and ours once.
  const expected = 2 * BULK_WARM_UP + 3 * BULK_COUNT;
  report.check("bulk: every queued email sent", run.sent === BULK_COUNT, `${run.sent} of ${BULK_COUNT} sent${run.notSent.length ? `; left: ${run.notSent.join(", ")}` : ""}`);
  report.check("bulk: received once each (warm-ups, ours, baseline before and after)", ours.received === expected && ours.uniqueIds === expected, `${ours.received} of ${expected} received, ${ours.uniqueIds} distinct Message-IDs`);
  const oursRate = (BULK_COUNT / run.oursMs) * 1000;
  const bareRate = (BULK_COUNT / run.bareMs) * 1000;
  report.figure({ section, name: `${BULK_COUNT} queued 20-line invoices: queue + drain`, value: round(run.oursMs / 1000, 1), unit: "s", note: `queued in ${round(run.queuedMs / 1000, 1)} s, ${run.sentWhileQueueing} of them already sent by then` });
  report.figure({ section, name: "throughput: ours vs bare pdfkit + pooled nodemailer", value: round(oursRate / bareRate, 2), unit: "×", target: { kind: "min", value: 0.7 }, note: `${round(oursRate)} vs ${round(bareRate)} msg/s; the baseline ran before and after ours: ${run.bareMsRuns.map((ms) => round(ms / 1000, 1)).join(" and ")} s` });
  report.figure({ section, name: "peak RSS of the app process during the run", value: round(run.peakRssMb, 0), unit: "MB", target: { kind: "max", value: 300 } });

  server.reset();
  server.behaviour.dropEvery = 50;
  const dropRun = await runBulk(workDir, "bulk-drops", server, DROP_COUNT, false);
  const dropped = deliveredOnce(server, 0, DROP_COUNT);
  server.reset();
  report.figure({ section, name: `server drops the connection after every 50th message (${DROP_COUNT} emails): duplicates`, value: dropped.duplicates, unit: "", target: { kind: "max", value: 0 } });
  report.figure({ section, name: "…lost", value: dropped.lost, unit: "", target: { kind: "max", value: 0 } });
  report.check("bulk with drops: nothing lost, nothing twice", dropRun.sent === DROP_COUNT && dropped.duplicates === 0 && dropped.lost === 0, `${dropRun.sent} sent, ${dropped.received} received, ${dropped.duplicates} duplicates, ${dropped.lost} lost`);
}
