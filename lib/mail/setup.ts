import "server-only";
import { isEmailAddress } from "@/lib/validation/addresses";
import type { EmailSettingsValues } from "@/lib/validation/email-settings";
import { canReuseSavedPassword } from "@/lib/validation/email-settings-rules";
import { addressList } from "./compose";
import { oauthApiConfig } from "./oauth/api-config";
import { readEmailSettings, savedPasswordOwner, type EmailSettingsFields, type StoredEmailSettings } from "./settings-store";
import type { TransportConfig } from "./types";

/** Everything a send needs, resolved from settings: transport, sender, copy and reply-to rules. */
export interface MailSetup {
  config: TransportConfig;
  businessName: string;
  sender: string;
  copyTo: string[];
  replyTo: string[];
}

type SetupFields = Omit<EmailSettingsFields, "smtpPort"> & { smtpPort: number };

/** The sender address: the username when it is one, otherwise the extra Email address field. */
export function senderAddress(s: Pick<EmailSettingsFields, "smtpUsername" | "smtpEmail">): string {
  return isEmailAddress(s.smtpUsername) ? s.smtpUsername : s.smtpEmail;
}

/** The one place that decides whether documents can be emailed (spec §2). */
export function isEmailSettingsComplete({ fields: s, passwordSaved, connection }: Pick<StoredEmailSettings, "fields" | "passwordSaved" | "connection">): boolean {
  if (!s) return false;
  switch (s.protocol) {
    case "http":
      return Boolean(s.httpUrl && s.httpReplyTo);
    case "smtp":
      return Boolean(s.smtpHost && s.smtpPort && s.smtpUsername && senderAddress(s) && passwordSaved);
    case "microsoft":
    case "google":
      // A connection a refresh was refused for stays complete: the send explains it, with Reconnect.
      return Boolean(connection(s.protocol)?.connected);
  }
}

export function emailSettingsCompleteFor(businessId: number): boolean {
  return isEmailSettingsComplete(readEmailSettings(businessId));
}

/** The sign-in provider whose refresh was refused (invalid_grant), when the business sends through it. */
export function reconnectNeededFor(businessId: number): "microsoft" | "google" | null {
  const stored = readEmailSettings(businessId);
  const protocol = stored.fields?.protocol;
  return (protocol === "microsoft" || protocol === "google") && stored.connection(protocol)?.reconnectNeeded ? protocol : null;
}

/** Settings → transport config and sender; a new transport kind adds one case here. */
function buildMailSetup(s: SetupFields, password: string, stored: Pick<StoredEmailSettings, "businessId" | "businessName">): MailSetup {
  const { businessName } = stored;
  const copyTo = s.copyEnabled ? addressList(s.copyAddress) : [];
  const replyTo = s.replyToEnabled ? addressList(s.replyToAddresses) : [];
  switch (s.protocol) {
    case "http":
      return { config: { kind: "http", url: s.httpUrl }, businessName, sender: s.httpReplyTo, copyTo: [], replyTo: [s.httpReplyTo] };
    case "smtp":
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
        businessName,
        sender: senderAddress(s),
        copyTo,
        replyTo,
      };
    case "microsoft":
    case "google": {
      // The connected mailbox is the sender; not connected, the token stage says so.
      const config = oauthApiConfig(stored.businessId, s.protocol);
      return { config, businessName, sender: config.address, copyTo, replyTo };
    }
  }
}

/** The saved settings, or null when they are not complete (or the password cannot be read). */
export function loadMailSetup(businessId: number): MailSetup | null {
  const stored = readEmailSettings(businessId);
  if (!stored.fields || !isEmailSettingsComplete(stored)) return null;
  const password = stored.fields.protocol === "smtp" ? stored.password() : "";
  if (password === null) return null;
  return buildMailSetup(stored.fields, password, stored);
}

/**
 * The unsaved form's settings, for a test. A blank password means the saved one, and only for
 * the destination it was saved with (the schema already insists; this is the backstop).
 */
export function mailSetupFromForm(stored: StoredEmailSettings, values: EmailSettingsValues): MailSetup {
  const reuse = !values.smtpPassword && canReuseSavedPassword(savedPasswordOwner(stored), values);
  return buildMailSetup(values, reuse ? (stored.password() ?? "") : values.smtpPassword, stored);
}
