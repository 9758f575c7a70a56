// The value lists behind the schema's enum columns and the forms' choices, declared once. Pure
// data: the browser imports them too (through lib/), and db/ may import nothing from lib/.

export const userRoles = ["admin", "staff"] as const;
export type UserRole = (typeof userRoles)[number];

export const mailProtocols = ["smtp", "http", "microsoft", "google"] as const;
export type MailProtocol = (typeof mailProtocols)[number];

/** The protocols that send through a provider's API after signing in with OAuth. */
export const oauthProviders = ["microsoft", "google"] as const satisfies readonly MailProtocol[];
export type OAuthProvider = (typeof oauthProviders)[number];

export const smtpSecurityModes = ["tls", "starttls", "none"] as const;
export type SmtpSecurity = (typeof smtpSecurityModes)[number];

/** What a business that never saved email settings starts with: SMTP on 587 with required STARTTLS. */
export const emailSettingsDefaults = { protocol: "smtp", smtpPort: 587, smtpSecurity: "starttls" } as const satisfies {
  protocol: MailProtocol;
  smtpPort: number;
  smtpSecurity: SmtpSecurity;
};

export const contactKinds = ["customer", "supplier"] as const;
export type ContactKind = (typeof contactKinds)[number];

export const documentTypes = [
  "sales-quotes",
  "sales-invoices",
  "credit-notes",
  "purchase-orders",
  "purchase-invoices",
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const emailStatuses = ["queued", "sending", "sent", "retrying", "failed", "interrupted", "cancelled"] as const;
export type EmailStatus = (typeof emailStatuses)[number];

/** What the activity log records (Settings → Activity). */
export const activityKinds = [
  "sign_in",
  "sign_in_failed",
  "user_added",
  "user_disabled",
  "user_enabled",
  "user_deleted",
  "role_changed",
  "password_reset_sent",
  "password_reset_used",
  "temporary_password_set",
  "password_changed",
  "signed_out_everywhere",
  "email_settings_saved",
  "email_settings_tested",
  "email_connected",
  "email_disconnected",
  "template_saved",
  "template_reset",
] as const;
export type ActivityKind = (typeof activityKinds)[number];
