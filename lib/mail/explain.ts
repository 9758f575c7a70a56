// Error → plain diagnosis. Pure: takes real Node / nodemailer errors and server replies, returns a MailFailure.
import { providerForHost } from "./providers";
import { FAILURE_CODES } from "./types";
import type { FailureCode, MailFailure, SmtpSecurity, StageName } from "./types";

export interface SmtpErrorContext {
  /** The stage that was running when the error happened. */
  stage: StageName;
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Values that must never reach `raw` (see smtpSecrets). */
  secrets?: string[];
}

export interface HttpErrorContext {
  stage: StageName;
  url: string;
  secrets?: string[];
}

/** The shape of the errors Node, undici and nodemailer hand us; every field optional. */
interface ErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  errno?: number | string;
  response?: string;
  responseCode?: number;
  command?: string;
  timeoutType?: string;
  name?: string;
  reason?: string;
  cause?: unknown;
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "EAI_FAIL", "EDNS", "ENODATA"]);
const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL", "ENETDOWN", "EHOSTDOWN"]);
const LOST_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED", "ECONNECTION", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const CERT_CODES: Record<string, FailureCode> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "cert_self_signed",
  SELF_SIGNED_CERT_IN_CHAIN: "cert_self_signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "cert_untrusted",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "cert_untrusted",
  UNABLE_TO_GET_ISSUER_CERT: "cert_untrusted",
  CERT_UNTRUSTED: "cert_untrusted",
  CERT_SIGNATURE_FAILURE: "cert_untrusted",
  CERT_REVOKED: "cert_untrusted",
  INVALID_CA: "cert_untrusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "cert_hostname_mismatch",
  HOSTNAME_MISMATCH: "cert_hostname_mismatch",
  CERT_HAS_EXPIRED: "cert_expired",
  CERT_NOT_YET_VALID: "cert_expired",
};
/** Handshake errors that mean the peer is not speaking TLS at all. */
const NOT_TLS_CODES = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST", "ERR_SSL_UNKNOWN_PROTOCOL"]);
const CERT_MESSAGES: Array<[RegExp, FailureCode]> = [
  [/self[- ]signed certificate/i, "cert_self_signed"],
  [/does not match certificate's altnames|hostname\/ip does not match/i, "cert_hostname_mismatch"],
  [/certificate has expired|certificate is not yet valid/i, "cert_expired"],
  [/unable to (verify the first|get (local )?issuer) certificate|certificate (not trusted|signature failure)/i, "cert_untrusted"],
];

// Every authentication failure code starts with "auth_"; derived so the list lives once, in types.ts.
const AUTH_CODES = new Set<FailureCode>(FAILURE_CODES.filter((code) => code.startsWith("auth_")));

/** Every code an error carries: its own, nodemailer's originalCode, and those of its causes. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current as ErrorLike;
    for (const code of [e.code, e.originalCode]) if (typeof code === "string" && !codes.includes(code)) codes.push(code);
    current = e.cause;
  }
  return codes;
}

function errorMessages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current as ErrorLike;
    if (e.message && !parts.includes(e.message)) parts.push(e.message);
    if (e.reason && !parts.includes(e.reason)) parts.push(e.reason);
    current = e.cause;
  }
  if (typeof error === "string") parts.push(error);
  return parts.join(" — ");
}

/** The forms a password can take on the wire: itself, base64 (AUTH LOGIN) and the AUTH PLAIN blob. */
export function smtpSecrets(username: string, password: string): string[] {
  if (!password) return [];
  const b64 = (value: string) => Buffer.from(value, "utf8").toString("base64");
  return [password, b64(password), b64(`\u0000${username}\u0000${password}`), b64(`${username}\u0000${username}\u0000${password}`)];
}

/** Replaces every occurrence of each secret (longest first) with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join("[redacted]");
  }
  return result;
}

function rawText(error: unknown, secrets: readonly string[] = []): string {
  const e = (error && typeof error === "object" ? error : {}) as ErrorLike;
  const codes = errorCodes(error);
  let text = e.response?.trim() || errorMessages(error) || String(error);
  const missing = codes.filter((code) => !text.includes(code));
  if (missing.length) text += ` [${missing.join(", ")}]`;
  return redactSecrets(text, secrets).slice(0, 2000);
}

function certCode(codes: string[], text: string): FailureCode | undefined {
  for (const code of codes) if (CERT_CODES[code]) return CERT_CODES[code];
  for (const [pattern, code] of CERT_MESSAGES) if (pattern.test(text)) return code;
  return undefined;
}

/** True when the error is about the server's certificate (not trusted, wrong name, expired). */
export function isCertificateError(error: unknown): boolean {
  return certCode(errorCodes(error), errorMessages(error)) !== undefined;
}

/** True when a TLS handshake failed because the other side is not speaking TLS (or hung up on it). */
export function looksLikeNotTls(error: unknown): boolean {
  const codes = errorCodes(error);
  if (codes.some((code) => NOT_TLS_CODES.has(code) || code === "ECONNRESET" || code === "EPIPE")) return true;
  return /wrong version number|packet length too long|http request|unknown protocol|socket disconnected before secure TLS connection/i.test(
    errorMessages(error),
  );
}

function authCode(text: string, host: string, responseCode: number | undefined): FailureCode {
  const provider = providerForHost(host)?.slug;
  if (/5\.7\.139|\b5\.7\.30\b|SmtpClientAuthentication is disabled|basic authentication is (disabled|not supported)/i.test(text)) {
    // Personal Microsoft accounts lost password sign-in for good: only signing in with Microsoft works.
    return provider === "outlook" ? "auth_outlook_basic_auth_disabled" : "auth_microsoft_smtp_auth_disabled";
  }
  if (/Application-specific password required|support\.google\.com|BadCredentials|InvalidSecondFactor|Username and Password not accepted/i.test(text)) {
    return "auth_gmail_app_password";
  }
  if (provider === "gmail" && (responseCode === 535 || responseCode === 534 || /\b5\.7\.[89]\b/.test(text))) return "auth_gmail_app_password";
  if (provider === "yahoo") return "auth_yahoo_app_password";
  if (/Authentication unsuccessful/i.test(text) || provider === "microsoft365" || provider === "outlook") {
    return "auth_microsoft_unsuccessful";
  }
  if (responseCode === 502 || responseCode === 504 || /unrecognized authentication|authentication (mechanism|type)? ?not (supported|enabled|available)|AUTH not (supported|available)/i.test(text)) {
    return "auth_unsupported";
  }
  return "auth_failed";
}

/**
 * An error a stage has already diagnosed itself (e.g. after probing the port for the other TLS
 * mode): the stage and code are settled, the decoration below still applies.
 */
export class DiagnosedError extends Error {
  constructor(
    readonly stage: StageName,
    readonly code: FailureCode,
    /** What actually went wrong: its text becomes the failure's raw details. */
    readonly original: unknown,
    readonly details: Pick<MailFailure, "httpStatus" | "retryAfter"> = {},
  ) {
    super(code);
  }
}

const ENHANCED_CODE = /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/;

/** The one place a diagnosis is decorated: redacted details, reply codes, the one-click fix and the provider's guide. */
function build(stage: StageName, code: FailureCode, error: unknown, context: { host?: string; secrets?: string[] }): MailFailure {
  if (error instanceof DiagnosedError) return { ...build(error.stage, error.code, error.original, context), ...error.details };
  const e = (error && typeof error === "object" ? error : {}) as ErrorLike;
  const failure: MailFailure = { stage, code, raw: rawText(error, context.secrets) };
  if (typeof e.responseCode === "number") failure.responseCode = e.responseCode;
  const enhanced = e.response?.trim().match(ENHANCED_CODE)?.[1];
  if (enhanced) failure.enhancedCode = enhanced;
  if (code === "wrong_tls_mode_use_starttls") failure.fix = { security: "starttls" };
  if (code === "wrong_tls_mode_use_tls") failure.fix = { security: "tls" };
  if (AUTH_CODES.has(code) && context.host) {
    const guide = providerForHost(context.host)?.slug;
    if (guide) failure.providerGuide = guide;
  }
  return failure;
}

/**
 * Classifies an error from any stage of an SMTP send. The returned stage may differ from
 * context.stage: a certificate error during STARTTLS belongs to "tls", an envelope error to "envelope".
 */
export function classifySmtpError(error: unknown, context: SmtpErrorContext): MailFailure {
  const e = (error && typeof error === "object" ? error : {}) as ErrorLike;
  const codes = errorCodes(error);
  const text = `${e.response ?? ""} ${errorMessages(error)}`;
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const command = (e.command ?? "").toUpperCase();
  const at = (stage: StageName, code: FailureCode) => build(stage, code, error, context);

  if (error instanceof DiagnosedError) return at(error.stage, error.code);
  if (context.stage === "resolve" || codes.some((code) => DNS_CODES.has(code))) return at("resolve", "host_not_found");
  if (codes.includes("ECONNREFUSED")) return at("connect", "connection_refused");
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) return at("connect", "network_unreachable");

  const cert = certCode(codes, text);
  if (cert) return at("tls", cert);

  const timedOut = codes.includes("ETIMEDOUT") || e.timeoutType !== undefined || e.name === "TimeoutError";
  if (timedOut) {
    if (context.stage === "connect" || e.timeoutType === "CONNECT_TIMEOUT") return at("connect", "connection_timeout");
    if (e.timeoutType === "GREETING_TIMEOUT" || context.stage === "greeting") return at("greeting", "greeting_timeout");
    if (e.timeoutType === "UPGRADE_TIMEOUT") return at("tls", "timeout");
    if (context.stage === "tls") return at("tls", "greeting_timeout");
    return at(context.stage, "timeout");
  }

  // Plaintext server asks for STARTTLS first (Gmail: "530 5.7.0 Must issue a STARTTLS command first").
  if ((responseCode === 530 || responseCode === 538) && /STARTTLS/i.test(text) && context.security !== "tls") {
    return at(context.stage === "greeting" ? "greeting" : "login", "wrong_tls_mode_use_starttls");
  }

  if (command === "STARTTLS" && responseCode !== undefined) return at("tls", "starttls_unsupported");
  if (codes.some((code) => NOT_TLS_CODES.has(code)) || /wrong version number/i.test(text)) {
    return at("tls", context.security === "tls" ? "wrong_tls_mode_use_starttls" : "tls_failed");
  }
  if (codes.includes("ETLS") || codes.some((code) => code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_"))) {
    return at("tls", "tls_failed");
  }

  if (codes.includes("EAUTH") || codes.includes("ENOAUTH") || command.startsWith("AUTH") || context.stage === "login") {
    if (responseCode !== undefined || codes.includes("EAUTH")) return at("login", authCode(text, context.host, responseCode));
  }

  const tooLarge = responseCode === 552 && !/5\.2\.2|mailbox (is )?full|quota/i.test(text);
  if (tooLarge || /\b5\.3\.4\b|message size|size (limit|exceed)|exceeds (fixed )?maximum message size|too (big|large)/i.test(text)) {
    return at(context.stage === "message" || codes.includes("EMESSAGE") && command !== "MAIL FROM" ? "message" : "envelope", "message_too_large");
  }
  if (/send as this sender|Sender address rejected|not owned by user|\b5\.7\.60\b|sender (address )?(is )?(not allowed|refused|denied|rejected)/i.test(text) || command.startsWith("MAIL")) {
    if (responseCode !== undefined && responseCode >= 400) {
      return at(codes.includes("EMESSAGE") || context.stage === "message" ? "message" : "envelope", "sender_refused");
    }
  }
  if (command.startsWith("RCPT") || /recipients were rejected|Recipient address rejected/i.test(text)) {
    if (responseCode !== undefined && responseCode >= 400) return at("envelope", "recipient_refused");
  }

  if (codes.some((code) => LOST_CODES.has(code)) || /connection closed|socket hang up|Server terminates connection/i.test(text)) {
    return at(context.stage, "connection_lost");
  }
  return at(context.stage, "unknown");
}

/** Classifies a failed HTTP relay request (fetch throws TypeError "fetch failed" with the real error in `cause`). */
export function classifyHttpError(error: unknown, context: HttpErrorContext): MailFailure {
  const e = (error && typeof error === "object" ? error : {}) as ErrorLike;
  const codes = errorCodes(error);
  const text = errorMessages(error);
  const at = (stage: StageName, code: FailureCode) => build(stage, code, error, context);

  if (error instanceof DiagnosedError) return at(error.stage, error.code);
  if (context.stage === "resolve" || codes.some((code) => DNS_CODES.has(code))) return at("resolve", "host_not_found");
  if (codes.includes("ECONNREFUSED")) return at("connect", "connection_refused");
  if (codes.some((code) => UNREACHABLE_CODES.has(code))) return at("connect", "network_unreachable");
  if (codes.includes("UND_ERR_CONNECT_TIMEOUT")) return at("connect", "connection_timeout");
  const cert = certCode(codes, text);
  if (cert) return at("tls", cert);
  if (codes.some((code) => code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_"))) return at("tls", "tls_failed");
  if (e.name === "TimeoutError" || e.name === "AbortError" || codes.includes("ETIMEDOUT") || codes.includes("UND_ERR_HEADERS_TIMEOUT")) {
    return at(context.stage, "timeout");
  }
  return at(context.stage, "http_unreachable");
}
