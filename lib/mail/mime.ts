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

// Two costs of nodemailer's tree that buy nothing here, cut on the class MailComposer builds
// with (nodemailer ships a CommonJS and an ES copy). Each is checked to still exist: an update
// that renames them only loses the saving. The unit tests hold the bytes to nodemailer's own.
type MimeNodeInternals = {
  rootNode: MimeNodeInternals;
  baseBoundary: string;
  _normalizeHeaderKey?: (key: unknown) => string;
  createChild?: (contentType: unknown, options?: unknown) => MimeNode;
};
const mimeNodes = Object.getPrototypeOf(new MailComposer({}).compile()) as MimeNodeInternals;
// A header's name goes through three regular expressions at every getHeader and setHeader,
// dozens of times per message, for the same dozen names: each is worked out once.
const normalizeHeaderName = mimeNodes._normalizeHeaderKey;
if (typeof normalizeHeaderName === "function") {
  const names = new Map<string, string>();
  mimeNodes._normalizeHeaderKey = function (key) {
    if (typeof key !== "string") return normalizeHeaderName.call(this, key);
    let name = names.get(key);
    if (name === undefined) {
      name = normalizeHeaderName.call(this, key);
      if (names.size < 100) names.set(key, name);
    }
    return name;
  };
}
// Every part draws 8 random bytes for a boundary base, though boundaries use only the root's.
const createChild = mimeNodes.createChild;
const withBase = (options: object, baseBoundary: string) => ("baseBoundary" in options ? options : { ...options, baseBoundary });
if (typeof createChild === "function") {
  mimeNodes.createChild = function (contentType, options) {
    const base = this.rootNode.baseBoundary;
    if (options && typeof options === "object") return createChild.call(this, contentType, withBase(options, base));
    if (!options && contentType && typeof contentType === "object") return createChild.call(this, withBase(contentType, base));
    return createChild.call(this, contentType, options);
  };
}

// Header values never carry line breaks, whatever got past validation (header injection).
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ").trim();

function messageIdDomain(address: string): string {
  const domain = address.split("@").pop() ?? "";
  return /^[a-z0-9.-]+$/i.test(domain) && domain.includes(".") ? domain.toLowerCase() : "mailroom.local";
}

/** The message as nodemailer's MIME tree (headers encoded, boundaries and Date fixed), not yet serialized. */
export function compileMimeTree(message: OutgoingMessage, { keepBcc = false }: { keepBcc?: boolean } = {}): MimeNode {
  const unique = randomUUID();
  const messageId = message.messageId ?? `<${unique}@${messageIdDomain(message.fromAddress)}>`;
  const composer = new MailComposer({
    // The boundaries' random part: from the pooled UUID source, not 8 fresh random bytes per message.
    baseBoundary: unique.replaceAll("-", ""),
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

/** nodemailer's `wrap(encode(content), 76)`: the lines sliced and joined instead of matched by a regular expression. */
function wrappedBase64(content: string | Buffer): string {
  const encoded = encodeBase64(content);
  const lines: string[] = [];
  for (let from = 0; from < encoded.length; from += 76) lines.push(encoded.slice(from, from + 76));
  return lines.join("\r\n");
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
  out.push(node.buildHeaders() + "\r\n\r\n");
  if (node.content) {
    // buildHeaders has just worked the encoding out and written it into this header.
    const body = encodedBody(node, (node.getHeader("Content-Transfer-Encoding") as string | undefined) || false);
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
  // Encoded parts are all text: one string, encoded once (a Buffer only for raw 7bit or 8bit bytes).
  const raw = out.some(Buffer.isBuffer) ? Buffer.concat(out.map((part) => (typeof part === "string" ? Buffer.from(part) : part))) : Buffer.from(out.join(""));
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
