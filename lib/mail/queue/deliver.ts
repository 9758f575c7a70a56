import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOn, setArgument } from "@/db/prepared";
import { emails } from "@/db/schema";
import { addressList, composeOutgoing } from "../compose";
import { recordedAttachments } from "../email-log";
import { loadMailSetup } from "../setup";
import { createTransport } from "../transport";
import type { Claim } from "./claims";
import { pooledSmtpTransport } from "./transports";
import type { DeliveryOutcome } from "./worker";

const domainOf = (address: string) => {
  const domain = address.split("@").pop() ?? "";
  return /^[a-z0-9.-]+\.[a-z0-9-]+$/i.test(domain) ? domain.toLowerCase() : "mailroom.local";
};

const emailStatement = (db: Db) =>
  db
    .select()
    .from(emails)
    .where(eq(emails.id, sql.placeholder("emailId")))
    .prepare();

const sentWithStatement = (db: Db) =>
  db
    .update(emails)
    .set({ protocol: setArgument("protocol"), fromAddress: setArgument("fromAddress"), bccAddresses: setArgument("bccAddresses"), replyTo: setArgument("replyTo") })
    .where(eq(emails.id, sql.placeholder("emailId")))
    .prepare();

/**
 * Sends one claimed email exactly as recorded, with the business's settings as they are now
 * (sender, copy, reply-to and transport), and notes on the row what was actually used. Every
 * attempt carries the same Message-ID, so a receiver can tell a retry from a new email.
 */
export async function deliverQueuedEmail(db: Db, claim: Claim): Promise<DeliveryOutcome> {
  const row = preparedOn(db, emailStatement).get({ emailId: claim.emailId });
  if (!row) return { ok: false, failure: { stage: "message", code: "unknown", raw: "The email no longer exists." } };
  const setup = loadMailSetup(claim.businessId);
  if (!setup) return { ok: false, failure: { stage: "login", code: "unknown", raw: "The email settings are not complete, or the saved password cannot be read." } };
  const attachments = recordedAttachments(db, claim.emailId);
  const message = composeOutgoing(setup, {
    to: addressList(row.toAddresses),
    cc: addressList(row.ccAddresses),
    subject: row.subject,
    text: row.bodyText,
    html: row.bodyHtml,
    attachments,
  });
  message.messageId = `<${createHash("sha256").update(`${row.businessId}:${row.idempotencyKey}`).digest("hex").slice(0, 32)}@${domainOf(setup.sender)}>`;
  preparedOn(db, sentWithStatement).run({
    emailId: claim.emailId,
    protocol: setup.config.kind,
    fromAddress: `${message.fromName} <${message.fromAddress}>`,
    bccAddresses: message.bcc.join(", "),
    replyTo: message.replyTo.join(", "),
  });
  const transport = setup.config.kind === "smtp" ? pooledSmtpTransport(claim.businessId, setup.config) : createTransport(setup.config);
  const result = await transport.send(message);
  return result.ok ? { ok: true, messageId: result.messageId } : { ok: false, failure: result.failure };
}
