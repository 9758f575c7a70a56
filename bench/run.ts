// `npm run bench` (started by scripts/bench.mjs with the build and test certificates ready):
// PDF rendering, the send pipeline against bare nodemailer, bulk email through the queue, 50 concurrent sends through the route,
// bounded settings tests and page weight, as ratios within one run. Prints a table and writes
// bench/results.json; exits non-zero only when a correctness check fails.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppServer, signIn, type AppServer } from "./app-server";
import { benchBulk } from "./bulk";
import { benchGraph } from "./graph";
import { benchLoad } from "./load";
import { startBenchMailServer } from "./mail";
import { appPagePatterns, benchPages, fetchPage } from "./pages";
import { benchPdf } from "./pdf";
import { benchPipeline, PIPELINE_LINES } from "./pipeline";
import { meets, Report } from "./report";
import { BENCH_ADMIN, type SeededBusiness } from "./seed";
import { benchSettingsTest } from "./settings-test";

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-bench-"));
const secrets = { APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"), NEXTAUTH_SECRET: randomBytes(32).toString("base64") };
// The in-process pipeline and the app server each get a fresh database of their own.
const pipelineDb = path.join(workDir, "pipeline", "mailroom.db");
const appDb = path.join(workDir, "app", "mailroom.db");
Object.assign(process.env, secrets, { DATABASE_PATH: pipelineDb });

const report = new Report();
const server = await startBenchMailServer();
let app: AppServer | undefined;
const step = (name: string) => console.log(`→ ${name}`);

try {
  step("PDF rendering");
  await benchPdf(report);

  step("send pipeline vs bare nodemailer");
  const { bareMessage, seeded: pipelineBusiness } = await benchPipeline(report, server);

  step("Microsoft Graph send vs bare fetch; refresh + send");
  await benchGraph(report, bareMessage, pipelineBusiness);

  step("bulk email: 1,000 queued invoices vs bare pdfkit + pooled nodemailer");
  await benchBulk(report, server, workDir);

  step("production server (scripts/server.mjs) on a fresh database");
  const startApp = () => startAppServer({ ...secrets, DATABASE_PATH: appDb, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? "" });
  const anonymousOn = (appServer: AppServer) => ({ fetch: (pathname: string) => fetch(`${appServer.url}${pathname}`, { redirect: "manual" }) });
  // The first-run page exists only while there is no user: weigh it on the empty database, then
  // seed with the server stopped and start it again.
  app = await startApp();
  const setupPage = { pattern: "/setup", path: "/setup", client: anonymousOn(app) };
  await benchPages(report, [setupPage]);
  await app.stop();
  app = undefined;
  const seedArgs = JSON.stringify({ smtp: { port: server.starttlsPort, username: server.user, password: server.password }, lines: PIPELINE_LINES });
  const seeded = JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "--import", "./test/fixtures/server-only-hook.mjs", "bench/seed-app-db.ts", seedArgs], {
      env: { ...process.env, DATABASE_PATH: appDb },
      encoding: "utf8",
    }),
  ) as SeededBusiness & { batchId: number };
  app = await startApp();
  const anonymous = anonymousOn(app);
  const admin = await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password);

  step("50 concurrent sends through the route");
  await benchLoad(report, { app, admin, server, documentId: seeded.documentId, databasePath: appDb, bareMessage });

  step("email settings test: refused, silent, unreachable");
  await benchSettingsTest(report, admin, server);

  step("page weight (every page) and response time");
  const firstLink = async (page: string, pattern: RegExp) => {
    const match = pattern.exec((await fetchPage(admin, page)).html);
    if (!match) throw new Error(`no link matching ${pattern} on ${page}`);
    return match[1];
  };
  const invoice = `/documents/sales-invoices/${seeded.documentId}`;
  const guideStep = (await fetchPage(admin, "/guides/gmail")).redirectedTo;
  if (!guideStep) throw new Error("/guides/gmail no longer redirects to its first step: update bench/run.ts");
  const paths: Record<string, string> = {
    "/": "/",
    "/login": "/login",
    "/customers": "/customers",
    "/customers/new": "/customers/new",
    "/customers/[id]": `/customers/${seeded.customerId}`,
    "/suppliers": "/suppliers",
    "/suppliers/new": "/suppliers/new",
    "/suppliers/[id]": `/suppliers/${seeded.supplierId}`,
    "/documents": "/documents",
    "/documents/[type]": "/documents/sales-invoices",
    "/documents/[type]/new": "/documents/sales-invoices/new",
    "/documents/[type]/[id]": invoice,
    "/documents/[type]/[id]/edit": `${invoice}/edit`,
    "/emails": "/emails",
    "/emails/[id]": `/emails/${await firstLink("/emails", /href="\/emails\/(\d+)"/)}`,
    "/emails/batches/[id]": `/emails/batches/${seeded.batchId}`,
    "/guides": "/guides",
    "/guides/[provider]": "/guides/gmail",
    "/guides/[provider]/[step]": guideStep,
    "/settings": "/settings",
    "/settings/email": "/settings/email",
    "/settings/templates": "/settings/templates",
    "/settings/users": "/settings/users",
    "/settings/users/[id]": `/settings/users/${seeded.userId}`,
    "/settings/activity": "/settings/activity",
    "/change-password": "/change-password",
    // Without a token or a sign-in these show their refusal: what a stray visit loads.
    "/reset-password": "/reset-password",
    "/oauth/[provider]/callback": "/oauth/microsoft/callback",
  };
  const anonymousPages = new Set(["/login", "/reset-password"]);
  const timed = new Set(["/login", "/settings/email", "/documents/[type]/[id]"]);
  const pages = appPagePatterns().filter((pattern) => pattern !== setupPage.pattern);
  const unseeded = pages.filter((pattern) => !paths[pattern]);
  if (unseeded.length) throw new Error(`bench/run.ts has no seeded path for: ${unseeded.join(", ")}`);
  await benchPages(
    report,
    pages.map((pattern) => ({ pattern, path: paths[pattern], client: anonymousPages.has(pattern) ? anonymous : admin, timed: timed.has(pattern) })),
  );
} catch (error) {
  report.check("bench ran to the end", false, error instanceof Error ? error.message : String(error));
  if (app) console.error(`the app server said:\n${app.output().slice(-3000)}`);
} finally {
  await app?.stop();
  await server.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

report.print();
// Load average at the end: on a shared machine absolute times drift, the ratios much less.
const machine = {
  cpus: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
};
console.log(
  `\nmachine: ${machine.cpus} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node} (${machine.platform}), load average ${machine.loadAverage1m}`,
);
fs.writeFileSync(
  path.join(import.meta.dirname, "results.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      figures: report.figures.map((f) => ({ ...f, pass: meets(f) })),
      checks: report.checks,
      notMeasured: report.unmeasured,
    },
    null,
    2,
  ) + "\n",
);
console.log("results: bench/results.json");
process.exit(report.failed ? 1 : 0);
