import "server-only";
import { randomUUID } from "node:crypto";
import { encode as encodeBase64 } from "nodemailer/lib/base64";
import MailComposer from "nodemailer/lib/mail-composer";
import type MimeNode from "nodemailer/lib/mime-node";
import { encode as encodeQp, wrap as wrapQp } from "nodemailer/lib/qp";
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

/** The message as nodemailer's MIME tree (headers encoded, boundaries and Date fixed), not yet serialized. */
export function compileMimeTree(message: OutgoingMessage, { keepBcc = false }: { keepBcc?: boolean } = {}): MimeNode {
  const messageId = message.messageId ?? `<${randomUUID()}@${messageIdDomain(message.fromAddress)}>`;
  const composer = new MailComposer({
    from: { name: oneLine(message.fromName), address: oneLine(message.fromAddress) },
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
  return node;
}

// What MimeNode keeps to itself that would make its stream differ from a plain walk of the tree.
type StreamedParts = { _raw?: unknown; _transforms?: unknown[]; _processFuncs?: unknown[] };
const QP_SLICE_BYTES = 64 * 1024;

/** nodemailer's `wrap(encode(content), 76)`, copied line by line into one buffer instead of through a regular expression. */
function wrappedBase64(content: string | Buffer): Buffer {
  const encoded = Buffer.from(encodeBase64(content), "latin1");
  const out = Buffer.allocUnsafe(encoded.length + 2 * Math.max(Math.ceil(encoded.length / 76) - 1, 0));
  let to = 0;
  for (let from = 0; from < encoded.length; from += 76) {
    if (from) to = out.writeUInt16BE(0x0d0a, to);
    to += encoded.copy(out, to, from, from + 76);
  }
  return out;
}

/** A node's body as nodemailer's encoders stream it, or null when only its streams can tell. */
function encodedBody(node: MimeNode, transferEncoding: string | false): string | Buffer | null {
  const { content } = node;
  if (typeof content !== "string" && !Buffer.isBuffer(content)) return null;
  if (transferEncoding === "base64") return wrappedBase64(content);
  if (transferEncoding === "quoted-printable") {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    // Binary parts are encoded byte by byte, and long bodies in slices: left to the stream.
    if (!/^text\//i.test(node.contentType ?? "") || bytes.length > QP_SLICE_BYTES) return null;
    // The stream holds trailing blanks back until its input ends, then wraps them onto the last line.
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
    const leading = wrapQp(encodeQp(bytes.subarray(0, end)), 76);
    const lastLine = leading.lastIndexOf("\n") + 1;
    return leading.slice(0, lastLine) + wrapQp(leading.slice(lastLine) + encodeQp(bytes.subarray(end)), 76);
  }
  return content;
}

function serialize(node: MimeNode, out: (string | Buffer)[]): boolean {
  const own = node as unknown as StreamedParts;
  if (own._raw || own._transforms?.length || own._processFuncs?.length || node.newline) return false;
  const transferEncoding = node.getTransferEncoding();
  out.push(node.buildHeaders() + "\r\n\r\n");
  if (node.content) {
    const body = encodedBody(node, transferEncoding);
    if (body === null) return false;
    out.push(body);
  }
  if (!node.multipart) return true;
  for (const [i, child] of node.childNodes.entries()) {
    out.push(`${i ? "\r\n" : ""}--${node.boundary}\r\n`);
    if (!serialize(child, out)) return false;
  }
  out.push(`\r\n--${node.boundary}--\r\n`);
  return true;
}

/**
 * The bytes nodemailer's `build()` streams for this tree, written in one synchronous walk with
 * nodemailer's own headers and encoders: its stream takes a dozen event-loop turns per message,
 * most of a send's cost of its own. Null for what only the stream handles (raw or streamed
 * content, transforms, binary or long quoted-printable); the unit tests hold the two byte for byte.
 */
export function serializeMimeTree(node: MimeNode): Buffer | null {
  const out: (string | Buffer)[] = [];
  if (!serialize(node, out)) return null;
  const raw = Buffer.concat(out.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
  // As the stream's last step does: the message ends with a line break.
  const last = raw[raw.length - 1];
  return last === 0x0a ? raw : Buffer.concat([raw, Buffer.from(last === 0x0d ? "\n" : "\r\n")]);
}

/**
 * Builds the one MIME message used for test and real sends: From "Name <address>", To, Cc,
 * Reply-To; Bcc only in the envelope, unless `keepBcc` (Graph and Gmail read the recipients from
 * the headers and remove Bcc before delivery).
 */
export async function buildMimeMessage(message: OutgoingMessage, options: { keepBcc?: boolean } = {}): Promise<MimeMessage> {
  const node = compileMimeTree(message, options);
  const raw = serializeMimeTree(node) ?? (await node.build());
  return {
    raw,
    // Only SMTP reads the envelope; the APIs take the recipients from the headers.
    get envelope() {
      const envelope = node.getEnvelope();
      return { from: envelope.from || oneLine(message.fromAddress), to: [...new Set(envelope.to)] };
    },
    messageId: node.messageId(),
  };
}
