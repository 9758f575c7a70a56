// Shared mail types; pure, so the browser form can import them too.
import type { AccessTokenSource } from "./oauth/access-token";

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

/** Microsoft Graph or the Gmail API, signed in with OAuth: the access token comes from the connection. */
export interface OAuthApiConfig {
  kind: "microsoft" | "google";
  /** Graph or Gmail API base URL. */
  apiUrl: string;
  /** The connected mailbox; the account stage checks the token still belongs to it. */
  address: string;
  /** Shown with AADSTS50011 / redirect_uri_mismatch. */
  redirectUri: string;
  accessToken: AccessTokenSource;
}

/** How a business sends: one member per transport kind, each with what its transport needs. */
export type TransportConfig = SmtpConfig | HttpRelayConfig | OAuthApiConfig;
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

/** HTTP uses resolve, connect, tls (https only) and message; Microsoft and Google use token, account and message. */
export const STAGE_NAMES = ["resolve", "connect", "tls", "greeting", "login", "envelope", "token", "account", "message"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageEvent {
  stage: StageName;
  status: "running" | "ok" | "failed" | "skipped";
  ms?: number;
}

/** Sign-in failures no retry fixes: a person must act (reconnect, fix the registration, grant consent). */
export const SIGN_IN_ACTION_CODES = [
  "oauth_microsoft_grant_expired",
  "oauth_google_grant_revoked",
  "oauth_secret_id_not_value",
  "oauth_secret_expired",
  "oauth_redirect_mismatch",
  "oauth_tenant_required",
  "oauth_consent_required",
  "oauth_access_denied",
  "oauth_invalid_client",
  "oauth_no_refresh_token",
  "oauth_no_address",
  "oauth_not_connected",
] as const;

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
  "auth_outlook_basic_auth_disabled",
  "auth_unsupported",
  "sender_refused",
  "recipient_refused",
  "message_too_large",
  "connection_lost",
  "timeout",
  "http_status",
  "http_unreachable",
  ...SIGN_IN_ACTION_CODES,
  "oauth_failed",
  "graph_access_denied",
  "graph_mailbox_not_enabled",
  "gmail_insufficient_permissions",
  "api_unauthorized",
  "api_rate_limited",
  "api_message_too_large",
  "api_account_changed",
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
  /** No automatic retry can fix it: a person must act first. */
  permanent?: boolean;
  /** The redirect URI to register (a redirect URI mismatch). */
  redirectUri?: string;
  /** The size limit in MB that a message went over. */
  limitMb?: number;
  /** The sign-in must be renewed: the diagnosis offers "Reconnect" for this provider. */
  reconnect?: "microsoft" | "google";
}

export type SendResult =
  | { ok: true; messageId: string; stages: StageEvent[] }
  | { ok: false; failure: MailFailure; stages: StageEvent[] };

export interface SendOptions {
  onStage?: (event: StageEvent) => void;
  /** Settings test: refresh the token even if it is fresh, and check whom it belongs to. */
  verifyAccount?: boolean;
}

/** One way of sending (SMTP, HTTP relay, …): reports its stages and never throws, failures are results. */
export interface Transport {
  send(message: OutgoingMessage, options?: SendOptions): Promise<SendResult>;
}

/** What the staged settings test streams: each stage as it happens, then the verdict. */
export type DiagnoseEvent =
  | { type: "stage"; event: StageEvent }
  | { type: "result"; result: ({ ok: true; messageId: string } | { ok: false; failure: MailFailure }) & { to: string } };
