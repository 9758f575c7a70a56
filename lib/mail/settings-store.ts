import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedOn } from "@/db/prepared";
import { businesses, emailSettings } from "@/db/schema";
import { open, seal, SecretBoxError } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/secrets";
import { closePooledTransports } from "./queue/transports";
import { connectionSummary, type ConnectionSummary } from "./oauth/connection-store";
import { oauthProviders, type OAuthProvider } from "./oauth/providers";
import { blankEmailSettings, type EmailSettingsInput, type EmailSettingsValues } from "@/lib/validation/email-settings";
import type { SavedPasswordOwner } from "@/lib/validation/email-settings-rules";

type SettingsRow = typeof emailSettings.$inferSelect;

/** The stored settings without the sealed password. */
export type EmailSettingsFields = Omit<SettingsRow, "smtpPasswordSealed" | "businessId" | "updatedAt">;

export interface StoredEmailSettings {
  businessId: number;
  /** null until the settings are first saved. */
  fields: EmailSettingsFields | null;
  passwordSaved: boolean;
  /** The name emails go out under. */
  businessName: string;
  /**
   * The saved password in clear, opened on first use and kept for this read: "" when none is
   * saved, null when it cannot be opened (the encryption key changed or was lost).
   */
  password(): string | null;
  /** The Microsoft or Google sign-in of this business, read when asked for; null when there is none. */
  connection(provider: OAuthProvider): ConnectionSummary | null;
}

const passwordContext = (businessId: number) => `email-settings:${businessId}:smtp-password`;

function openPassword(businessId: number, sealed: string | null): string | null {
  if (!sealed) return "";
  try {
    return open(sealed, encryptionKey(), passwordContext(businessId));
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    console.warn(`[mailroom] the saved SMTP password of business ${businessId} cannot be decrypted (APP_ENCRYPTION_KEY changed?); it must be entered again.`);
    return null;
  }
}

const settingsStatement = (db: Db) =>
  db
    .select({ businessName: businesses.name, row: emailSettings })
    .from(businesses)
    .leftJoin(emailSettings, eq(emailSettings.businessId, businesses.id))
    .where(eq(businesses.id, sql.placeholder("businessId")))
    .prepare();

/** One read of a business's email settings (the worker's, per email); the password is opened at most once, and only when asked for. */
export function readEmailSettings(businessId: number): StoredEmailSettings {
  const found = preparedOn(getDb(), settingsStatement).get({ businessId });
  const { smtpPasswordSealed: sealed = null, businessId: _business, updatedAt: _updated, ...fields } = found?.row ?? {};
  let password: string | null | undefined;
  return {
    businessId,
    fields: found?.row ? (fields as EmailSettingsFields) : null,
    passwordSaved: Boolean(sealed),
    businessName: found?.businessName ?? "",
    password: () => (password === undefined ? (password = openPassword(businessId, sealed)) : password),
    connection: (provider) => connectionSummary(businessId, provider),
  };
}

/** Whom the stored password belongs to, for the schema's "blank keeps it" rule; null when there is none to reuse. */
export function savedPasswordOwner(stored: StoredEmailSettings): SavedPasswordOwner {
  const f = stored.fields;
  return f && stored.password()
    ? { host: f.smtpHost, port: f.smtpPort, security: f.smtpSecurity, skipTlsVerify: f.skipTlsVerify, username: f.smtpUsername }
    : null;
}

/** The providers a mailbox is signed in with, for the schema's "sign in first" rule. */
export function connectedProviders(stored: StoredEmailSettings): OAuthProvider[] {
  return oauthProviders.filter((provider) => stored.connection(provider)?.connected);
}

/** What the email settings schema needs to know about what is stored. */
export function emailSettingsSchemaContext(stored: StoredEmailSettings) {
  return { savedPassword: savedPasswordOwner(stored), connected: connectedProviders(stored) };
}

/** What the form may see: every field but the password, and whom a saved password belongs to. */
export function emailSettingsForForm(businessId: number): {
  values: EmailSettingsInput;
  savedPassword: SavedPasswordOwner;
  passwordUnreadable: boolean;
  saved: boolean;
} {
  const stored = readEmailSettings(businessId);
  if (!stored.fields) return { values: blankEmailSettings, savedPassword: null, passwordUnreadable: false, saved: false };
  return {
    values: { ...stored.fields, smtpPassword: "" },
    savedPassword: savedPasswordOwner(stored),
    passwordUnreadable: stored.password() === null,
    saved: true,
  };
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
  // Connections opened with the old settings are closed: the next email uses the new ones.
  closePooledTransports(businessId);
}
