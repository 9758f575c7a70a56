import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { businesses, emailSettings } from "@/db/schema";
import { open, seal, SecretBoxError } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/secrets";
import { isEmailAddress, parseAddressList } from "@/lib/validation/addresses";
import {
  blankEmailSettings,
  canReuseSavedPassword,
  type EmailSettingsInput,
  type EmailSettingsValues,
  type SavedPasswordOwner,
} from "@/lib/validation/email-settings";
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

/** What the form may see: every field but the password, and whom a saved password belongs to. */
export function emailSettingsForForm(businessId: number): {
  values: EmailSettingsInput;
  savedPassword: SavedPasswordOwner;
  passwordUnreadable: boolean;
  saved: boolean;
} {
  const row = loadEmailSettingsRow(businessId);
  if (!row) return { values: blankEmailSettings, savedPassword: null, passwordUnreadable: false, saved: false };
  const { smtpPasswordSealed: _sealed, businessId: _business, updatedAt: _updated, ...fields } = row;
  const password = readSavedPassword(businessId, row);
  return {
    values: { ...fields, smtpPassword: "" },
    savedPassword: savedPasswordOwner(row, password),
    passwordUnreadable: password === null,
    saved: true,
  };
}

function savedPasswordOwner(row: SettingsRow | undefined, password: string | null | undefined): SavedPasswordOwner {
  return row && password ? { host: row.smtpHost, username: row.smtpUsername } : null;
}

/** Whom the stored password belongs to, for the schema's "blank keeps it" rule. */
export function savedPasswordFor(businessId: number): SavedPasswordOwner {
  const row = loadEmailSettingsRow(businessId);
  return savedPasswordOwner(row, readSavedPassword(businessId, row));
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
    return { config: { kind: "http", url: s.httpUrl }, businessName: name, sender: s.httpReplyTo, copyTo: [], replyTo: [s.httpReplyTo], secrets: [] };
  }
  return {
    config: {
      kind: "smtp",
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

/**
 * The stored password in clear; "" when none is stored, null when it cannot be opened (the
 * encryption key changed or was lost): the admin must type it again.
 */
function readSavedPassword(businessId: number, row: SettingsRow | undefined): string | null {
  if (!row?.smtpPasswordSealed) return "";
  try {
    return open(row.smtpPasswordSealed, encryptionKey(), passwordContext(businessId));
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    console.warn(`[mailroom] the saved SMTP password of business ${businessId} cannot be decrypted (APP_ENCRYPTION_KEY changed?); it must be entered again.`);
    return null;
  }
}

/** The saved settings, or null when they are not complete (or the password cannot be read). */
export function loadMailSetup(businessId: number): MailSetup | null {
  const row = loadEmailSettingsRow(businessId);
  if (!row || !isEmailSettingsComplete(row)) return null;
  const password = row.protocol === "smtp" ? readSavedPassword(businessId, row) : "";
  if (password === null) return null;
  return setupFrom(businessId, row, password);
}

/**
 * The unsaved form's settings, for a test. A blank password means the saved one, and only for
 * the server and username it was saved with (the schema already insists; this is the backstop).
 */
export function mailSetupFromForm(businessId: number, values: EmailSettingsValues): MailSetup {
  const row = loadEmailSettingsRow(businessId);
  const reuse = !values.smtpPassword && canReuseSavedPassword(savedPasswordFor(businessId), values.smtpHost, values.smtpUsername);
  return setupFrom(businessId, values, reuse ? (readSavedPassword(businessId, row) ?? "") : values.smtpPassword);
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
