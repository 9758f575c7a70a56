import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, emailSettings } from "@/db/schema";
import { open, seal } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/secrets";
import { isEmailAddress, parseAddressList } from "@/lib/validation/addresses";
import { blankEmailSettings, type EmailSettingsInput, type EmailSettingsValues } from "@/lib/validation/email-settings";
import type { MailAttachment, OutgoingMessage, TransportConfig } from "./types";

type SettingsRow = typeof emailSettings.$inferSelect;

const passwordContext = (businessId: number) => `email-settings:${businessId}:smtp-password`;

/** The sender address: the username when it is one, otherwise the extra Email address field. */
export function senderAddress(s: Pick<SettingsRow, "smtpUsername" | "smtpEmail">): string {
  return isEmailAddress(s.smtpUsername) ? s.smtpUsername : s.smtpEmail;
}

/** The one place that decides whether documents can be emailed (spec §2). */
export function isEmailSettingsComplete(row: SettingsRow | undefined): boolean {
  if (!row) return false;
  if (row.protocol === "http") return Boolean(row.httpUrl && row.httpReplyTo);
  return Boolean(row.smtpHost && row.smtpPort && row.smtpUsername && senderAddress(row) && row.smtpPasswordSealed);
}

export function loadEmailSettingsRow(businessId: number): SettingsRow | undefined {
  return getDb().select().from(emailSettings).where(eq(emailSettings.businessId, businessId)).get();
}

export function emailSettingsCompleteFor(businessId: number): boolean {
  return isEmailSettingsComplete(loadEmailSettingsRow(businessId));
}

/** What the form may see: every field but the password, which is only "is one saved?". */
export function emailSettingsForForm(businessId: number): { values: EmailSettingsInput; hasSavedPassword: boolean; saved: boolean } {
  const row = loadEmailSettingsRow(businessId);
  if (!row) return { values: blankEmailSettings, hasSavedPassword: false, saved: false };
  return {
    values: {
      protocol: row.protocol,
      smtpHost: row.smtpHost,
      smtpPort: row.smtpPort,
      smtpSecurity: row.smtpSecurity,
      smtpUsername: row.smtpUsername,
      smtpEmail: row.smtpEmail,
      smtpPassword: "",
      copyEnabled: row.copyEnabled,
      copyAddress: row.copyAddress,
      replyToEnabled: row.replyToEnabled,
      replyToAddresses: row.replyToAddresses,
      skipTlsVerify: row.skipTlsVerify,
      httpUrl: row.httpUrl,
      httpReplyTo: row.httpReplyTo,
    },
    hasSavedPassword: Boolean(row.smtpPasswordSealed),
    saved: true,
  };
}

export function hasSavedPassword(businessId: number): boolean {
  return Boolean(loadEmailSettingsRow(businessId)?.smtpPasswordSealed);
}

/** Stores validated values; a blank password keeps the sealed one already stored. */
export function saveEmailSettings(businessId: number, values: EmailSettingsValues): void {
  const { smtpPassword, ...fields } = values;
  const sealed = smtpPassword ? seal(smtpPassword, encryptionKey(), passwordContext(businessId)) : undefined;
  const row = { ...fields, ...(sealed ? { smtpPasswordSealed: sealed } : {}), updatedAt: new Date() };
  getDb()
    .insert(emailSettings)
    .values({ businessId, ...row })
    .onConflictDoUpdate({ target: emailSettings.businessId, set: row })
    .run();
}

/** Everything a send needs, resolved from settings: transport, sender, copy and reply-to rules. */
export interface MailSetup {
  config: TransportConfig;
  businessName: string;
  sender: string;
  copyTo: string[];
  replyTo: string[];
  /** Secrets to keep out of anything shown or stored (the password). */
  secrets: string[];
}

function list(value: string): string[] {
  const parsed = parseAddressList(value);
  return parsed.ok ? parsed.addresses : [];
}

function businessName(businessId: number): string {
  return getDb().select({ name: businesses.name }).from(businesses).where(eq(businesses.id, businessId)).get()?.name ?? "";
}

function setupFrom(
  businessId: number,
  s: Omit<EmailSettingsValues, "smtpPassword" | "smtpPort"> & { smtpPort: number },
  password: string,
): MailSetup {
  const name = businessName(businessId);
  if (s.protocol === "http") {
    return { config: { protocol: "http", url: s.httpUrl }, businessName: name, sender: s.httpReplyTo, copyTo: [], replyTo: [s.httpReplyTo], secrets: [] };
  }
  return {
    config: {
      protocol: "smtp",
      host: s.smtpHost,
      port: s.smtpPort,
      security: s.smtpSecurity,
      username: s.smtpUsername,
      password,
      skipTlsVerify: s.skipTlsVerify,
    },
    businessName: name,
    sender: senderAddress(s),
    copyTo: s.copyEnabled ? list(s.copyAddress) : [],
    replyTo: s.replyToEnabled ? list(s.replyToAddresses) : [],
    secrets: password ? [password] : [],
  };
}

function savedPassword(businessId: number, row: SettingsRow | undefined): string {
  return row?.smtpPasswordSealed ? open(row.smtpPasswordSealed, encryptionKey(), passwordContext(businessId)) : "";
}

/** The saved settings, or null when they are not complete. */
export function loadMailSetup(businessId: number): MailSetup | null {
  const row = loadEmailSettingsRow(businessId);
  if (!row || !isEmailSettingsComplete(row)) return null;
  return setupFrom(businessId, row, savedPassword(businessId, row));
}

/** The unsaved form's settings, for a test; a blank password means the saved one. */
export function mailSetupFromForm(businessId: number, values: EmailSettingsValues): MailSetup {
  const password = values.smtpPassword || savedPassword(businessId, loadEmailSettingsRow(businessId));
  return setupFrom(businessId, values, password);
}

/** The one builder of outgoing messages, for tests and document emails alike. */
export function composeOutgoing(
  setup: MailSetup,
  content: { to: string[]; cc?: string[]; subject: string; text: string; html: string; attachments?: MailAttachment[] },
): OutgoingMessage {
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
