// The value lists behind the schema's enum columns and the forms' choices, declared once. Pure
// data: the browser imports them too (through lib/), and db/ may import nothing from lib/.

export const userRoles = ["admin", "staff"] as const;
export type UserRole = (typeof userRoles)[number];

export const mailProtocols = ["smtp", "http"] as const;
export type MailProtocol = (typeof mailProtocols)[number];

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
