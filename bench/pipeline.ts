// The app's sendDocumentEmail against bare nodemailer sending the same PDF and text, same server,
// interleaved in one run so drift hits both sides alike.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailAttachments, emails } from "@/db/schema";
import { draftDocumentEmail } from "@/lib/documents/email-content";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { sendDocumentEmail, type DocumentEmailRequest } from "@/lib/documents/send-email";
import type { MailServer } from "../test/fixtures/mail-server";
import { bareSender, type BareMessage } from "./mail";
import type { Report } from "./report";
import { BENCH_CUSTOMER, seedBusiness } from "./seed";
import { round, summarize, timed } from "./stats";

export const PIPELINE_LINES = 20;
const WARM_UP = 5;
const ROUNDS = 40;

/** The bare twin of a sent document email: its recorded subject, bodies and PDF attachment. */
export function bareTwinOf(emailId: number): BareMessage {
  const db = getDb();
  const email = db.select().from(emails).where(eq(emails.id, emailId)).get()!;
  const pdf = db.select().from(emailAttachments).where(eq(emailAttachments.emailId, emailId)).get()!;
  return {
    fromName: email.fromAddress.replace(/ <.*>$/, ""),
    to: email.toAddresses,
    subject: email.subject,
    text: email.bodyText,
    html: email.bodyHtml,
    pdf: { filename: pdf.filename, content: Buffer.from(pdf.content) },
  };
}

export interface PipelineResult {
  /** The bare twin of the invoice email, reused by the load section's baseline. */
  bareMessage: BareMessage;
  bareMedianMs: number;
}

export async function benchPipeline(report: Report, server: MailServer): Promise<PipelineResult> {
  const seeded = await seedBusiness({ port: server.starttlsPort, username: server.user, password: server.password }, PIPELINE_LINES);
  const bundle = loadDocumentBundle(seeded.businessId, seeded.documentId)!;
  const draft = await draftDocumentEmail(bundle, "en");
  const request = (): DocumentEmailRequest => ({
    ...seeded,
    locale: "en",
    to: BENCH_CUSTOMER.email,
    cc: "",
    subject: draft.subject,
    message: draft.message,
    idempotencyKey: randomUUID(),
  });
  const ours = async () => {
    const outcome = await sendDocumentEmail(request());
    if (outcome.status !== "sent") throw new Error(`sendDocumentEmail: ${JSON.stringify(outcome)}`);
    return outcome.emailId;
  };

  const firstId = await ours();
  const bareMessage = bareTwinOf(firstId);
  const bare = bareSender(server);
  for (let i = 0; i < WARM_UP; i++) {
    await ours();
    await bare(bareMessage);
  }

  const before = server.messages.length;
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const sides: { send: () => Promise<unknown>; times: number[] }[] = [
    { send: ours, times: oursMs },
    { send: () => bare(bareMessage), times: bareMs },
  ];
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate who goes first, so neither side always runs in the other's wake (GC, sockets closing).
    for (const side of i % 2 ? [...sides].reverse() : sides) side.times.push((await timed(side.send)).ms);
  }
  const received = server.messages.length - before;
  report.check("send pipeline: every message received", received === 2 * ROUNDS, `${received} of ${2 * ROUNDS}`);

  const o = summarize(oursMs);
  const b = summarize(bareMs);
  const section = "send vs bare";
  const note = `${PIPELINE_LINES}-line invoice, ${round(bareMessage.pdf.content.length / 1024)} kB PDF, n=${ROUNDS} each`;
  report.figure({ section, name: "sendDocumentEmail: median", value: round(o.median), unit: "ms", note });
  report.figure({ section, name: "sendDocumentEmail: p95", value: round(o.p95), unit: "ms" });
  report.figure({ section, name: "bare nodemailer: median", value: round(b.median), unit: "ms" });
  report.figure({ section, name: "bare nodemailer: p95", value: round(b.p95), unit: "ms" });
  report.figure({ section, name: "ratio of medians", value: round(o.median / b.median, 2), unit: "×", target: { kind: "max", value: 1.25 } });
  return { bareMessage, bareMedianMs: b.median };
}
