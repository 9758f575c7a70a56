import { parseAddressList } from "@/lib/validation/addresses";
import type { MailSetup } from "./setup";
import type { MailAttachment, OutgoingMessage } from "./types";

/** What a caller says: recipients and content. The setup adds the sender, copy and reply-to. */
export interface MailContent {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** The addresses of a comma-separated list already validated (settings, recorded emails); [] when unreadable. */
export function addressList(value: string): string[] {
  const parsed = parseAddressList(value);
  return parsed.ok ? parsed.addresses : [];
}

/** The one builder of outgoing messages, for the settings test and real sends alike. */
export function composeOutgoing(setup: MailSetup, content: MailContent): OutgoingMessage {
  return {
    fromName: setup.businessName,
    fromAddress: setup.sender,
    to: content.to,
    cc: content.cc ?? [],
    bcc: setup.copyTo,
    replyTo: setup.replyTo,
    subject: content.subject,
    text: content.text,
    html: content.html,
    attachments: content.attachments ?? [],
  };
}

/** The HTML as a mail client shows it: each src="cid:…" image replaced by the image itself (previews, the email log). */
export function htmlWithInlineImages(html: string, attachments: readonly MailAttachment[]): string {
  return attachments.reduce(
    (shown, image) =>
      image.contentId ? shown.replaceAll(`src="cid:${image.contentId}"`, `src="data:${image.contentType};base64,${image.content.toString("base64")}"`) : shown,
    html,
  );
}
