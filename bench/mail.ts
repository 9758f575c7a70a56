// The bench's SMTP side: the e2e test server (STARTTLS + AUTH) greeting at once, and the bare
// nodemailer baseline the app's send pipeline is compared with.
import nodemailer from "nodemailer";
import { SMTPConnection } from "smtp-server/lib/smtp-connection.js";
import { startMailServer, type MailServer } from "../test/fixtures/mail-server";

/**
 * smtp-server holds every new connection 100 ms before its greeting to catch early talkers, with
 * no option to turn it off. Both sides of the comparison would pay it and it would dwarf the
 * ~7 ms a send really takes, so the bench's server greets at once (same steps, minus the timer).
 */
function greetPromptly(): void {
  const proto = SMTPConnection.prototype;
  if (typeof proto._setListeners !== "function" || typeof proto.connectionReady !== "function" || !/,\s*100\)/.test(proto.init.toString())) {
    throw new Error("smtp-server's connection start-up changed: review bench/mail.ts greetPromptly()");
  }
  proto.init = function init(this: SMTPConnection) {
    this._setListeners(() => this.connectionReady());
  };
}

export async function startBenchMailServer(): Promise<MailServer> {
  greetPromptly();
  return startMailServer();
}

export interface BareMessage {
  fromName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  pdf: { filename: string; content: Buffer };
}

/**
 * The baseline: plain nodemailer, same server, STARTTLS required, AUTH, certificate verified,
 * one fresh connection per message (no pool), like the app's interactive SMTP transport; with
 * `pool`, one connection kept open, like the outbox worker's.
 */
export function bareSender(server: MailServer, { pool = false }: { pool?: boolean } = {}): (message: BareMessage) => Promise<void> {
  const transport = nodemailer.createTransport({
    ...(pool ? { pool: true, maxConnections: 1 } : {}),
    host: "localhost",
    port: server.starttlsPort,
    secure: false,
    requireTLS: true,
    auth: { user: server.user, pass: server.password },
  });
  return async (message) => {
    await transport.sendMail({
      from: { name: message.fromName, address: server.user },
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: [{ filename: message.pdf.filename, contentType: "application/pdf", content: message.pdf.content }],
    });
  };
}
