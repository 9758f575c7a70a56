import "server-only";
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type { OutgoingMessage } from "./types";

export interface MimeMessage {
  /** The RFC 5322 message as sent in DATA. Bcc is not in it unless asked for. */
  raw: Buffer;
  /** SMTP envelope: the sender and every To, Cc and Bcc recipient. */
  envelope: { from: string; to: string[] };
  messageId: string;
}

// Header values never carry line breaks, whatever got past validation (header injection).
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

function messageIdDomain(address: string): string {
  const domain = address.split("@").pop() ?? "";
  return /^[a-z0-9.-]+$/i.test(domain) && domain.includes(".") ? domain.toLowerCase() : "mailroom.local";
}

/**
 * Builds the one MIME message used for test and real sends: From "Name <address>", To, Cc,
 * Reply-To; Bcc only in the envelope, unless `keepBcc` (Graph and Gmail read the recipients from
 * the headers and remove Bcc before delivery).
 */
export async function buildMimeMessage(message: OutgoingMessage, { keepBcc = false }: { keepBcc?: boolean } = {}): Promise<MimeMessage> {
  const messageId = message.messageId ?? `<${randomUUID()}@${messageIdDomain(message.fromAddress)}>`;
  const fromAddress = oneLine(message.fromAddress);
  const composer = new MailComposer({
    from: { name: oneLine(message.fromName), address: fromAddress },
    to: message.to.map(oneLine),
    cc: message.cc.length ? message.cc.map(oneLine) : undefined,
    bcc: message.bcc.length ? message.bcc.map(oneLine) : undefined,
    replyTo: message.replyTo.length ? message.replyTo.map(oneLine) : undefined,
    subject: oneLine(message.subject),
    messageId,
    text: message.text,
    html: message.html || undefined,
    attachments: message.attachments.map((attachment) => ({
      filename: oneLine(attachment.filename),
      contentType: oneLine(attachment.contentType),
      content: attachment.content,
      // With a cid, nodemailer puts the image in a multipart/related part beside the HTML, disposition inline.
      ...(attachment.contentId ? { cid: oneLine(attachment.contentId) } : {}),
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const node = composer.compile();
  node.keepBcc = keepBcc;
  const envelope = node.getEnvelope();
  const raw = await node.build();
  return {
    raw,
    envelope: { from: envelope.from || fromAddress, to: [...new Set(envelope.to)] },
    messageId: node.messageId(),
  };
}
