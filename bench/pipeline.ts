// The app's sendDocumentEmail against the bare way of doing the same: render the same invoice with
// plain pdfkit, then send it with plain nodemailer over a fresh connection, same server and text.
// Interleaved in one run so drift hits all sides alike. The old baseline (bare send of a PDF
// rendered beforehand) is kept as information.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailAttachments, emails } from "@/db/schema";
import { draftDocumentEmail } from "@/lib/documents/email-content";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { sendDocumentEmail, type DocumentEmailRequest } from "@/lib/documents/send-email";
import { onAttemptFinished, startOutboxWorker } from "@/lib/mail/queue/outbox-worker";
import type { MailServer } from "../test/fixtures/mail-server";
import { renderBareInvoice } from "./bare-invoice";
import { bareSender, type BareMessage } from "./mail";
import { benchInvoiceOf } from "./pdf";
import type { Report } from "./report";
import { BENCH_CUSTOMER, seedBusiness, type SeededBusiness } from "./seed";
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
  /** The seeded business and its administrator, reused by the Graph section. */
  seeded: SeededBusiness;
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
  // Ours is the whole path a person waits for: queued, claimed by the worker, sent, recorded sent.
  startOutboxWorker();
  // Each send ends when the worker has recorded its attempt: heard in-process, not polled for.
  const finished = new Map<number, string>();
  const waiting = new Map<number, (status: string) => void>();
  onAttemptFinished((emailId, status) => {
    const waiter = waiting.get(emailId);
    if (!waiter) return void finished.set(emailId, status);
    waiting.delete(emailId);
    waiter(status);
  });
  const attemptOf = (emailId: number) =>
    finished.has(emailId) ? Promise.resolve(finished.get(emailId)!) : new Promise<string>((resolve) => waiting.set(emailId, resolve));
  const ours = async () => {
    const outcome = await sendDocumentEmail(request());
    if (!("emailId" in outcome)) throw new Error(`sendDocumentEmail: ${JSON.stringify(outcome)}`);
    const status = await attemptOf(outcome.emailId);
    finished.delete(outcome.emailId);
    if (status !== "sent") throw new Error(`sendDocumentEmail: ${status}`);
    return outcome.emailId;
  };

  const firstId = await ours();
  const bareMessage = bareTwinOf(firstId);
  const invoice = benchInvoiceOf(bundle);
  const send = bareSender(server);
  const bare = async () => send({ ...bareMessage, pdf: { filename: bareMessage.pdf.filename, content: await renderBareInvoice(invoice) } });
  const bareSendOnly = () => send(bareMessage);
  // The worker sends over a pooled connection: the same bare work over one kept-open connection, for information.
  const sendPooled = bareSender(server, { pool: true });
  const barePooled = async () => sendPooled({ ...bareMessage, pdf: { filename: bareMessage.pdf.filename, content: await renderBareInvoice(invoice) } });
  const sides: { send: () => Promise<unknown>; times: number[] }[] = [
    { send: ours, times: [] },
    { send: bare, times: [] },
    { send: bareSendOnly, times: [] },
    { send: barePooled, times: [] },
  ];
  for (let i = 0; i < WARM_UP; i++) for (const side of sides) await side.send();

  const before = server.messages.length;
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate who goes first, so no side always runs in another's wake (GC, sockets closing).
    for (let k = 0; k < sides.length; k++) {
      const side = sides[(i + k) % sides.length];
      side.times.push((await timed(side.send)).ms);
    }
  }
  const received = server.messages.length - before;
  report.check("send pipeline: every message received", received === sides.length * ROUNDS, `${received} of ${sides.length * ROUNDS}`);

  const [o, b, s, p] = sides.map((side) => summarize(side.times));
  const section = "send vs bare";
  const note = `${PIPELINE_LINES}-line invoice, ${round(bareMessage.pdf.content.length / 1024)} kB PDF, n=${ROUNDS} each`;
  report.figure({ section, name: "sendDocumentEmail: median", value: round(o.median), unit: "ms", note });
  report.figure({ section, name: "sendDocumentEmail: p95", value: round(o.p95), unit: "ms" });
  report.figure({ section, name: "bare pdfkit + nodemailer: median", value: round(b.median), unit: "ms", note: "renders the same invoice, fresh connection" });
  report.figure({ section, name: "bare pdfkit + nodemailer: p95", value: round(b.p95), unit: "ms" });
  report.figure({ section, name: "ours ÷ bare (medians)", value: round(o.median / b.median, 2), unit: "×", target: { kind: "max", value: 1.25 } });
  report.figure({ section, name: "ours ÷ bare (p95s)", value: round(o.p95 / b.p95, 2), unit: "×", target: { kind: "max", value: 1.5 } });
  report.figure({ section, name: "bare send only (PDF rendered beforehand): median", value: round(s.median), unit: "ms", note: "the old baseline, information" });
  report.figure({ section, name: "ours ÷ bare send only (medians)", value: round(o.median / s.median, 2), unit: "×" });
  report.figure({ section, name: "bare pdfkit + pooled nodemailer: median", value: round(p.median), unit: "ms", note: "information: one connection kept open, as the worker's pool" });
  report.figure({ section, name: "ours ÷ bare pooled (medians)", value: round(o.median / p.median, 2), unit: "×" });
  return { bareMessage, bareMedianMs: s.median, seeded };
}
