import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  activityKinds,
  contactKinds,
  documentTypes,
  emailSettingsDefaults,
  emailStatuses,
  mailProtocols,
  oauthProviders,
  smtpSecurityModes,
  userRoles,
} from "./enums";

export * from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const businesses = sqliteTable("businesses", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  address: text("address").notNull().default(""),
  email: text("email").notNull().default(""),
  phone: text("phone").notNull().default(""),
  /** ISO 4217 code; amounts stay exact decimal strings and are formatted with it only when shown. */
  currency: text("currency").notNull().default("EUR"),
  taxId: text("tax_id").notNull().default(""),
  /** Percent as a decimal string ("21"), or "" for none: what each new document line starts with. */
  defaultTaxRate: text("default_tax_rate").notNull().default(""),
  createdAt: createdAt(),
});

/** Kept apart from businesses so the image is only read when a document is printed or emailed. */
export const businessLogos = sqliteTable("business_logos", {
  businessId: integer("business_id")
    .primaryKey()
    .references(() => businesses.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  content: blob("content", { mode: "buffer" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: userRoles }).notNull(),
    locale: text("locale"),
    /** Bumped on sign-out: session tokens carry it, so older tokens stop working at once. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Set while an admin has disabled the user: no sign-in, no session; their history stays. */
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    /** A temporary password set by an admin: the user must choose their own before anything else. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

/** Emailed password-reset links: only a hash of the token is kept; single use, 1 hour. */
export const passwordResetTokens = sqliteTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/** What admins see under Settings → Activity: who did what, when, from where; never a secret. */
export const activityLog = sqliteTable(
  "activity_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for a failed sign-in on an address that is no account. */
    businessId: integer("business_id").references(() => businesses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: activityKinds }).notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who, as they were named then (the account may be deleted later). */
    actorLabel: text("actor_label").notNull().default(""),
    /** What it was about: a user's email, a document type, the settings' protocol. */
    subject: text("subject").notNull().default(""),
    ipAddress: text("ip_address").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("activity_log_business_created").on(t.businessId, t.createdAt)],
);

/** Counters behind sign-in throttling; key is "account:<email>" or "ip:<address>". */
export const signInFailures = sqliteTable("sign_in_failures", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: integer("window_started_at").notNull(),
  lockedUntil: integer("locked_until"),
});

/** One row per business. The SMTP password is only ever stored sealed by lib/crypto. */
export const emailSettings = sqliteTable("email_settings", {
  businessId: integer("business_id")
    .primaryKey()
    .references(() => businesses.id, { onDelete: "cascade" }),
  protocol: text("protocol", { enum: mailProtocols }).notNull().default(emailSettingsDefaults.protocol),
  smtpHost: text("smtp_host").notNull().default(""),
  smtpPort: integer("smtp_port").notNull().default(emailSettingsDefaults.smtpPort),
  smtpSecurity: text("smtp_security", { enum: smtpSecurityModes }).notNull().default(emailSettingsDefaults.smtpSecurity),
  smtpUsername: text("smtp_username").notNull().default(""),
  /** Sender address when the username is not an email address; empty otherwise. */
  smtpEmail: text("smtp_email").notNull().default(""),
  smtpPasswordSealed: text("smtp_password_sealed"),
  copyEnabled: integer("copy_enabled", { mode: "boolean" }).notNull().default(false),
  copyAddress: text("copy_address").notNull().default(""),
  replyToEnabled: integer("reply_to_enabled", { mode: "boolean" }).notNull().default(false),
  replyToAddresses: text("reply_to_addresses").notNull().default(""),
  skipTlsVerify: integer("skip_tls_verify", { mode: "boolean" }).notNull().default(false),
  httpUrl: text("http_url").notNull().default(""),
  httpReplyTo: text("http_reply_to").notNull().default(""),
  /** Emails per minute the queue may send with these settings; null = the provider's published limit. */
  sendRatePerMinute: integer("send_rate_per_minute"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/**
 * A mailbox signed in with Microsoft or Google, one per business and provider. Tokens and the
 * client secret are only ever stored sealed by lib/crypto.
 */
export const mailOauthConnections = sqliteTable(
  "mail_oauth_connections",
  {
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: oauthProviders }).notNull(),
    clientId: text("client_id").notNull(),
    /** Null when the server-wide registration (MAILROOM_*_CLIENT_SECRET) was used. */
    clientSecretSealed: text("client_secret_sealed"),
    tenant: text("tenant").notNull().default("common"),
    address: text("address").notNull().default(""),
    refreshTokenSealed: text("refresh_token_sealed"),
    accessTokenSealed: text("access_token_sealed"),
    accessTokenExpiresAt: integer("access_token_expires_at"),
    connectedAt: integer("connected_at", { mode: "timestamp_ms" }),
    connectedByUserId: integer("connected_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Set when a refresh was refused with invalid_grant: the UI says "Reconnect". */
    reconnectNeededAt: integer("reconnect_needed_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.provider] })],
);

/** Sign-ins in progress: single-use, bound to the admin who started them, 10 minutes. */
export const oauthStates = sqliteTable("oauth_states", {
  /** SHA-256 of the state sent to the provider; the state itself is never stored. */
  stateHash: text("state_hash").primaryKey(),
  businessId: integer("business_id")
    .notNull()
    .references(() => businesses.id, { onDelete: "cascade" }),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  provider: text("provider", { enum: oauthProviders }).notNull(),
  codeVerifierSealed: text("code_verifier_sealed").notNull(),
  clientId: text("client_id").notNull(),
  /** The secret typed in the unsaved form; null means the saved or server-wide one. */
  clientSecretSealed: text("client_secret_sealed"),
  tenant: text("tenant").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: contactKinds }).notNull(),
    name: text("name").notNull(),
    /** Comma-separated list of addresses, as typed and validated. */
    emails: text("emails").notNull().default(""),
    address: text("address").notNull().default(""),
    taxId: text("tax_id").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("contacts_business_kind").on(t.businessId, t.kind)],
);

/** Money and quantities are decimal strings: arithmetic happens in lib/documents/totals, exactly (BigInt). */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    type: text("type", { enum: documentTypes }).notNull(),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "restrict" }),
    reference: text("reference").notNull(),
    issueDate: text("issue_date").notNull(),
    dueDate: text("due_date"),
    notes: text("notes").notNull().default(""),
    subtotal: text("subtotal").notNull().default("0.00"),
    taxTotal: text("tax_total").notNull().default("0.00"),
    total: text("total").notNull().default("0.00"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("documents_reference_unique").on(t.businessId, t.type, t.reference)],
);

export const documentLines = sqliteTable(
  "document_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: text("quantity").notNull(),
    unitPrice: text("unit_price").notNull(),
    taxRate: text("tax_rate").notNull(),
  },
  (t) => [index("document_lines_document").on(t.documentId)],
);

export const emailTemplates = sqliteTable(
  "email_templates",
  {
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    documentType: text("document_type", { enum: documentTypes }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.businessId, t.documentType] })],
);

/** One "Email selected" submission: its emails point here, so progress survives reloads and restarts. */
export const emailBatches = sqliteTable(
  "email_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    documentType: text("document_type", { enum: documentTypes }).notNull(),
    /** JSON list of the documents left out for lack of an address: [{ documentId, reference, contactName }]. */
    skipped: text("skipped").notNull().default("[]"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_batches_idempotency_unique").on(t.businessId, t.idempotencyKey)],
);

/** The durable outbox and sent log: a row exists before the message leaves. */
export const emails = sqliteTable(
  "emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    businessId: integer("business_id")
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    documentId: integer("document_id").references(() => documents.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key").notNull(),
    protocol: text("protocol", { enum: mailProtocols }).notNull(),
    fromAddress: text("from_address").notNull(),
    toAddresses: text("to_addresses").notNull(),
    ccAddresses: text("cc_addresses").notNull().default(""),
    bccAddresses: text("bcc_addresses").notNull().default(""),
    replyTo: text("reply_to").notNull().default(""),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: text("status", { enum: emailStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    batchId: integer("batch_id").references(() => emailBatches.id, { onDelete: "set null" }),
    /** When a queued or retrying email is due (app clock, ms). */
    nextAttemptAt: integer("next_attempt_at"),
    /** While sending: until when the claim holds (database clock, ms); an expired lease means the sender died. */
    leaseExpiresAt: integer("lease_expires_at"),
    /** Identifies the current attempt: only its holder may record the result. */
    attemptToken: text("attempt_token"),
    messageId: text("message_id"),
    /** JSON of the diagnosis (lib/mail) for failed sends; never contains secrets. */
    failure: text("failure"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("emails_idempotency_unique").on(t.businessId, t.idempotencyKey),
    index("emails_document").on(t.documentId),
    index("emails_created").on(t.businessId, t.createdAt),
    index("emails_due").on(t.status, t.nextAttemptAt),
    index("emails_batch").on(t.batchId),
  ],
);

/** Every attempt at sending an email and how it ended, for the log ("retried twice, then sent"). */
export const emailAttempts = sqliteTable(
  "email_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    emailId: integer("email_id")
      .notNull()
      .references(() => emails.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    outcome: text("outcome", { enum: ["sent", "retrying", "failed", "interrupted"] }),
    /** JSON of the failure, as in emails.failure. */
    failure: text("failure"),
  },
  (t) => [uniqueIndex("email_attempts_number").on(t.emailId, t.number)],
);

export const emailAttachments = sqliteTable(
  "email_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    emailId: integer("email_id")
      .notNull()
      .references(() => emails.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    content: blob("content", { mode: "buffer" }).notNull(),
    /** Set for an image the HTML shows inline (src="cid:…"), so a retry sends it the same way. */
    contentId: text("content_id"),
  },
  // Every send reads its email's attachments: without it, each read scans every attachment ever queued.
  (t) => [index("email_attachments_email").on(t.emailId)],
);
