// Shared mail types; pure, so the browser form can import them too.

/** tls = implicit TLS (SSL/TLS), starttls = required STARTTLS, none = plaintext, never upgrade. */
export type SmtpSecurity = "tls" | "starttls" | "none";

export interface SmtpConfig {
  kind: "smtp";
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string;
  password: string;
  skipTlsVerify: boolean;
}

export interface HttpRelayConfig {
  kind: "http";
  url: string;
}

/** How a business sends: one member per transport kind, each with what its transport needs. */
export type TransportConfig = SmtpConfig | HttpRelayConfig;
export type TransportKind = TransportConfig["kind"];

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Set for an image the HTML shows with src="cid:…": it travels inline, beside the HTML, not as a file to open. */
  contentId?: string;
}

export interface OutgoingMessage {
  fromName: string;
  fromAddress: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** Set by the queue so every attempt at one email carries the same Message-ID; otherwise a fresh one. */
  messageId?: string;
}

/** HTTP uses resolve, connect, tls (https only) and message. */
export const STAGE_NAMES = ["resolve", "connect", "tls", "greeting", "login", "envelope", "message"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageEvent {
  stage: StageName;
  status: "running" | "ok" | "failed" | "skipped";
  ms?: number;
}

export const FAILURE_CODES = [
  "host_not_found",
  "connection_refused",
  "connection_timeout",
  "network_unreachable",
  "greeting_timeout",
  "wrong_tls_mode_use_starttls",
  "wrong_tls_mode_use_tls",
  "starttls_unsupported",
  "cert_self_signed",
  "cert_untrusted",
  "cert_hostname_mismatch",
  "cert_expired",
  "tls_failed",
  "auth_failed",
  "auth_gmail_app_password",
  "auth_yahoo_app_password",
  "auth_microsoft_smtp_auth_disabled",
  "auth_microsoft_unsuccessful",
  "auth_unsupported",
  "sender_refused",
  "recipient_refused",
  "message_too_large",
  "connection_lost",
  "timeout",
  "http_status",
  "http_unreachable",
  "unknown",
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A failed send, structured so callers can both explain it and decide whether retrying may help. */
export interface MailFailure {
  stage: StageName;
  code: FailureCode;
  /** Server reply or error text with secrets redacted, shown under "Details". */
  raw: string;
  /** SMTP reply code, e.g. 535. */
  responseCode?: number;
  /** RFC 3463 enhanced status code from the SMTP reply, e.g. "5.7.8". */
  enhancedCode?: string;
  httpStatus?: number;
  /** Seconds the server asked us to wait before trying again (HTTP Retry-After). */
  retryAfter?: number;
  /** One-click fix for a wrong TLS mode. */
  fix?: { security: SmtpSecurity; port?: number };
  /** Guide slug from providers.ts, e.g. "gmail". */
  providerGuide?: string;
}

export type SendResult =
  | { ok: true; messageId: string; stages: StageEvent[] }
  | { ok: false; failure: MailFailure; stages: StageEvent[] };

export interface SendOptions {
  onStage?: (event: StageEvent) => void;
}

/** One way of sending (SMTP, HTTP relay, …): reports its stages and never throws, failures are results. */
export interface Transport {
  send(message: OutgoingMessage, options?: SendOptions): Promise<SendResult>;
}

/** What the staged settings test streams: each stage as it happens, then the verdict. */
export type DiagnoseEvent =
  | { type: "stage"; event: StageEvent }
  | { type: "result"; result: ({ ok: true; messageId: string } | { ok: false; failure: MailFailure }) & { to: string } };
