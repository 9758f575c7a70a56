// The Microsoft Graph send pipeline (token from the sealed store, MIME built by nodemailer, one
// sendMail POST) against a bare fetch of the same MIME to the same fake Graph, and the cost of a
// send that must refresh its access token first. The identity provider is oauth2-mock-server.
import { createGraphTransport } from "@/lib/mail/graph-transport";
import { buildMimeMessage } from "@/lib/mail/mime";
import { oauthApiConfig } from "@/lib/mail/oauth/api-config";
import { connectionTokenStore } from "@/lib/mail/oauth/connection-store";
import { completeSignIn, startSignIn } from "@/lib/mail/oauth/sign-in";
import type { OutgoingMessage } from "@/lib/mail/types";
import { startFakeIdentity } from "../test/fixtures/identity-provider";
import { startFakeMailApis } from "../test/fixtures/mail-apis";
import { authorizeInBrowser, registeredApps } from "../test/fixtures/oauth-unit";
import type { BareMessage } from "./mail";
import type { Report } from "./report";
import type { SeededBusiness } from "./seed";
import { round, summarize, timed } from "./stats";

const WARM_UP = 5;
// Each send takes a few milliseconds and the machine's speed drifts: many rounds, interleaved.
const ROUNDS = 200;
const REFRESH_ROUNDS = 15;
const HOUR = 3_600_000;

/** Signs the pipeline's business in with Microsoft (its SMTP settings stay as they are) and sends as it. */
export async function benchGraph(report: Report, twin: BareMessage, { businessId, userId }: SeededBusiness): Promise<void> {
  const identity = await startFakeIdentity(registeredApps);
  const apis = await startFakeMailApis(identity);
  Object.assign(process.env, identity.env, apis.env, { NEXTAUTH_URL: "http://mailroom.test:3000" });
  try {
    const app = registeredApps.microsoft;
    const started = startSignIn({ businessId, userId, provider: "microsoft", clientId: app.clientId, clientSecret: app.clientSecret, tenant: "common" });
    if (!started.ok) throw new Error(started.error);
    const signedIn = await completeSignIn({ businessId, userId, provider: "microsoft", ...(await authorizeInBrowser(started.authorizeUrl)) });
    if (!signedIn.ok) throw new Error("Graph bench: sign-in failed");

    // The same invoice email the SMTP pipeline sends, as the Graph transport gets it.
    const message: OutgoingMessage = {
      fromName: twin.fromName,
      fromAddress: app.address,
      to: [twin.to],
      cc: [],
      bcc: [],
      replyTo: [],
      subject: twin.subject,
      text: twin.text,
      html: twin.html,
      attachments: [{ filename: twin.pdf.filename, contentType: "application/pdf", content: twin.pdf.content }],
    };
    const ours = async (now: () => number = Date.now) => {
      const result = await createGraphTransport(oauthApiConfig(businessId, "microsoft", now)).send(message);
      if (!result.ok) throw new Error(`Graph bench: ${result.failure.code}`);
    };
    // The baseline: the MIME already built, the token already in hand, one fetch.
    const body = (await buildMimeMessage(message, { keepBcc: true })).raw.toString("base64");
    const token = connectionTokenStore(businessId, "microsoft").read()!.accessToken!;
    const bare = async () => {
      const response = await fetch(`${apis.graphUrl}/v1.0/me/sendMail`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain" }, body });
      if (response.status !== 202) throw new Error(`Graph bench: bare fetch answered ${response.status}`);
    };

    for (let i = 0; i < WARM_UP; i++) {
      await ours();
      await bare();
    }
    const before = apis.messages.length;
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    const sides = [
      { send: () => ours(), times: oursMs },
      { send: bare, times: bareMs },
    ];
    for (let i = 0; i < ROUNDS; i++) {
      for (const side of i % 2 ? [...sides].reverse() : sides) side.times.push((await timed(side.send)).ms);
    }
    report.check("Graph pipeline: every message received", apis.messages.length - before === 2 * ROUNDS, `${apis.messages.length - before} of ${2 * ROUNDS}`);

    // Each round's clock is an hour further on, so the stored access token has always expired.
    const refreshMs: number[] = [];
    const refreshesBefore = identity.tokenRequests.length;
    for (let i = 1; i <= REFRESH_ROUNDS; i++) refreshMs.push((await timed(() => ours(() => Date.now() + i * HOUR))).ms);
    report.check("Graph pipeline: one refresh per expired token", identity.tokenRequests.length - refreshesBefore === REFRESH_ROUNDS, `${identity.tokenRequests.length - refreshesBefore} refreshes`);

    const o = summarize(oursMs);
    const b = summarize(bareMs);
    const r = summarize(refreshMs);
    const section = "Graph send vs bare fetch";
    const note = `same MIME (${round(body.length / 1024)} kB base64) to the same fake Graph, n=${ROUNDS} each`;
    report.figure({ section, name: "Graph transport: median", value: round(o.median), unit: "ms", note });
    report.figure({ section, name: "Graph transport: p95", value: round(o.p95), unit: "ms" });
    report.figure({ section, name: "bare fetch: median", value: round(b.median), unit: "ms" });
    report.figure({ section, name: "ratio of medians", value: round(o.median / b.median, 2), unit: "×", target: { kind: "max", value: 1.25 } });
    report.figure({ section, name: "refresh + send: median", value: round(r.median), unit: "ms", note: `expired access token, n=${REFRESH_ROUNDS}` });
    report.figure({ section, name: "refresh + send: p95", value: round(r.p95), unit: "ms" });
  } finally {
    await apis.close();
    await identity.close();
  }
}
