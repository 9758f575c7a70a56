import { describe, expect, it } from "vitest";
import { classifyHttpError, classifySmtpError, DiagnosedError, redactSecrets, smtpSecrets } from "./explain";
import type { SmtpErrorContext } from "./explain";
import { FAILURE_CODES } from "./types";

// Shapes of the errors nodemailer's SMTPConnection hands back: code, response, responseCode, command.
const smtpError = (code: string, response: string, command: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${command} failed: ${response}`), { code, response, responseCode: Number(response.slice(0, 3)), command, ...extra });
const nodeError = (code: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });
const at = (stage: SmtpErrorContext["stage"], host = "mail.acme.test", security: SmtpErrorContext["security"] = "starttls"): SmtpErrorContext => ({
  stage,
  host,
  port: security === "tls" ? 465 : 587,
  security,
});

describe("authentication replies from real providers", () => {
  it.each([
    {
      reply: "535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-ab1c2d3e4f5sm1234567.12 - gsmtp",
      host: "smtp.gmail.com",
      code: "auth_gmail_app_password",
      guide: "gmail",
    },
    {
      reply: "534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp",
      host: "smtp.gmail.com",
      code: "auth_gmail_app_password",
      guide: "gmail",
    },
    { reply: "535 5.7.0 (#AUTH005) Too many bad auth attempts.", host: "smtp.mail.yahoo.com", code: "auth_yahoo_app_password", guide: "yahoo" },
    { reply: "535 5.7.0 Authentication failed", host: "smtp.mail.yahoo.com", code: "auth_yahoo_app_password", guide: "yahoo" },
    { reply: "535 5.7.0 Authentication failed", host: "mail.acme.test", code: "auth_failed", guide: undefined },
    {
      reply: "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]",
      host: "smtp.office365.com",
      code: "auth_microsoft_smtp_auth_disabled",
      guide: "microsoft365",
    },
    {
      reply: "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com]",
      host: "smtp-mail.outlook.com",
      code: "auth_outlook_basic_auth_disabled",
      guide: "outlook",
    },
    {
      reply: "535 5.7.30 Basic authentication is not supported for Client Submission.",
      host: "smtp.office365.com",
      code: "auth_microsoft_smtp_auth_disabled",
      guide: "microsoft365",
    },
    {
      reply: "535 5.7.3 Authentication unsuccessful [DM6PR11CA0042.namprd11.prod.outlook.com]",
      host: "smtp.office365.com",
      code: "auth_microsoft_unsuccessful",
      guide: "microsoft365",
    },
    { reply: "535 5.7.8 Error: authentication failed: authentication failure", host: "mail.acme.test", code: "auth_failed", guide: undefined },
    { reply: "504 5.5.4 Unrecognized authentication type", host: "mail.acme.test", code: "auth_unsupported", guide: undefined },
  ])("$host: $reply → $code", ({ reply, host, code, guide }) => {
    const failure = classifySmtpError(smtpError("EAUTH", reply, "AUTH PLAIN"), at("login", host));
    expect(failure).toMatchObject({ stage: "login", code, responseCode: Number(reply.slice(0, 3)) });
    expect(failure.providerGuide).toBe(guide);
    expect(failure.raw).toContain(reply.split("\n")[0]);
  });

  it("a plaintext server that wants STARTTLS before AUTH suggests STARTTLS", () => {
    const failure = classifySmtpError(smtpError("EAUTH", "530 5.7.0 Must issue a STARTTLS command first. - gsmtp", "AUTH PLAIN"), at("login", "smtp.gmail.com", "none"));
    expect(failure).toMatchObject({ code: "wrong_tls_mode_use_starttls", fix: { security: "starttls" } });
  });
});

describe("failures carry what a retry decision needs", () => {
  it("keeps the reply code and the enhanced status code of a multi-line reply", () => {
    const failure = classifySmtpError(
      smtpError("EAUTH", "534-5.7.9 Application-specific password required.\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor", "AUTH PLAIN"),
      at("login", "smtp.gmail.com"),
    );
    expect(failure).toMatchObject({ responseCode: 534, enhancedCode: "5.7.9" });
  });

  it("a diagnosis a stage made itself keeps its stage and code and still gets the fix, guide and redaction", () => {
    const original = new Error("The server did not offer AUTH after EHLO: 250-mail.example secret-pass-123");
    const failure = classifySmtpError(new DiagnosedError("login", "auth_unsupported", original), {
      ...at("greeting", "smtp.office365.com"),
      secrets: ["secret-pass-123"],
    });
    expect(failure).toMatchObject({ stage: "login", code: "auth_unsupported", providerGuide: "microsoft365" });
    expect(failure.raw).toContain("did not offer AUTH");
    expect(failure.raw).not.toContain("secret-pass-123");
  });
});

describe("envelope and message replies", () => {
  it.each([
    { error: smtpError("EENVELOPE", "553 5.7.1 <boss@acme.test>: Sender address rejected: not owned by user owner@acme.test", "MAIL FROM"), stage: "envelope", code: "sender_refused" },
    { error: smtpError("EENVELOPE", "550 5.7.60 SMTP; Client does not have permissions to send as this sender", "MAIL FROM"), stage: "envelope", code: "sender_refused" },
    { error: smtpError("EMESSAGE", "550 5.7.60 SMTP; Client does not have permissions to send as this sender [AM6PR..]", "DATA"), stage: "message", code: "sender_refused" },
    { error: smtpError("EENVELOPE", "551 5.7.1 Sender not allowed", "MAIL FROM"), stage: "envelope", code: "sender_refused" },
    { error: smtpError("EENVELOPE", "550 5.1.1 <nobody@acme.test>: Recipient address rejected: User unknown in local recipient table", "RCPT TO"), stage: "envelope", code: "recipient_refused" },
    { error: smtpError("EENVELOPE", "552 5.2.2 <full@acme.test>: Mailbox full", "RCPT TO"), stage: "envelope", code: "recipient_refused" },
    { error: smtpError("EMESSAGE", "552 5.3.4 Message size exceeds fixed maximum message size", "DATA"), stage: "message", code: "message_too_large" },
    { error: smtpError("EENVELOPE", "552 5.3.4 Message size exceeds fixed limit", "MAIL FROM"), stage: "envelope", code: "message_too_large" },
  ])("$error.response → $code at $stage", ({ error, stage, code }) => {
    const failure = classifySmtpError(error, at(stage === "message" ? "message" : "envelope"));
    expect(failure).toMatchObject({ stage, code, responseCode: error.responseCode });
  });
});

describe("network and TLS errors from Node and nodemailer", () => {
  it.each([
    { error: nodeError("ENOTFOUND", "getaddrinfo ENOTFOUND smtp.gmial.com"), stage: "resolve", expected: ["resolve", "host_not_found"] },
    { error: nodeError("EAI_AGAIN", "getaddrinfo EAI_AGAIN smtp.gmail.com"), stage: "resolve", expected: ["resolve", "host_not_found"] },
    { error: nodeError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:2525"), stage: "connect", expected: ["connect", "connection_refused"] },
    { error: nodeError("ETIMEDOUT", "connect ETIMEDOUT 142.250.0.1:25"), stage: "connect", expected: ["connect", "connection_timeout"] },
    { error: nodeError("EHOSTUNREACH", "connect EHOSTUNREACH 10.0.0.9:587"), stage: "connect", expected: ["connect", "network_unreachable"] },
    { error: nodeError("ENETUNREACH", "connect ENETUNREACH 2a00:1450::1:587"), stage: "connect", expected: ["connect", "network_unreachable"] },
    { error: nodeError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"), stage: "tls", expected: ["tls", "cert_self_signed"] },
    { error: nodeError("SELF_SIGNED_CERT_IN_CHAIN", "self-signed certificate in certificate chain"), stage: "tls", expected: ["tls", "cert_self_signed"] },
    { error: nodeError("UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"), stage: "tls", expected: ["tls", "cert_untrusted"] },
    { error: nodeError("UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "unable to get local issuer certificate"), stage: "tls", expected: ["tls", "cert_untrusted"] },
    {
      error: nodeError("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: "),
      stage: "tls",
      expected: ["tls", "cert_hostname_mismatch"],
    },
    { error: nodeError("CERT_HAS_EXPIRED", "certificate has expired"), stage: "tls", expected: ["tls", "cert_expired"] },
    // nodemailer wraps a failed STARTTLS handshake as ESOCKET and keeps Node's code in originalCode.
    { error: nodeError("ESOCKET", "self-signed certificate", { originalCode: "DEPTH_ZERO_SELF_SIGNED_CERT", command: "CONN" }), stage: "greeting", expected: ["tls", "cert_self_signed"] },
    { error: nodeError("ETIMEDOUT", "Greeting never received", { timeoutType: "GREETING_TIMEOUT", command: "CONN" }), stage: "greeting", expected: ["greeting", "greeting_timeout"] },
    { error: nodeError("ETIMEDOUT", "Timeout", { timeoutType: "SOCKET_TIMEOUT", command: "CONN" }), stage: "message", expected: ["message", "timeout"] },
    { error: nodeError("ECONNECTION", "Connection closed unexpectedly", { command: "CONN" }), stage: "message", expected: ["message", "connection_lost"] },
    { error: nodeError("ESOCKET", "read ECONNRESET", { originalCode: "ECONNRESET", command: "CONN" }), stage: "login", expected: ["login", "connection_lost"] },
    { error: smtpError("ETLS", "502 5.5.1 Error: command not recognized", "STARTTLS"), stage: "greeting", expected: ["tls", "starttls_unsupported"] },
    { error: nodeError("ERR_SSL_NO_CIPHERS_AVAILABLE", "no ciphers available"), stage: "tls", expected: ["tls", "tls_failed"] },
  ])("$error.code ($error.message) → $expected", ({ error, stage, expected }) => {
    const failure = classifySmtpError(error, at(stage as SmtpErrorContext["stage"]));
    expect([failure.stage, failure.code]).toEqual(expected);
    // Details show the server's reply when there is one, else Node's message.
    expect(failure.raw).toContain(String("response" in error ? error.response : error.message).slice(0, 20));
  });

  it("SSL/TLS against a plaintext server (wrong version number) suggests STARTTLS", () => {
    const error = nodeError("ERR_SSL_WRONG_VERSION_NUMBER", "C0F7A4E5:error:0A00010B:SSL routines:ssl3_get_record:wrong version number");
    expect(classifySmtpError(error, at("tls", "smtp.gmail.com", "tls"))).toMatchObject({ stage: "tls", code: "wrong_tls_mode_use_starttls", fix: { security: "starttls" } });
  });
});

describe("HTTP relay errors", () => {
  const fetchFailed = (cause: Error) => new TypeError("fetch failed", { cause });
  it.each([
    { error: fetchFailed(nodeError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9")), expected: ["connect", "connection_refused"] },
    { error: fetchFailed(nodeError("ENOTFOUND", "getaddrinfo ENOTFOUND relay.example")), expected: ["resolve", "host_not_found"] },
    { error: fetchFailed(nodeError("DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate")), expected: ["tls", "cert_self_signed"] },
    { error: fetchFailed(nodeError("UND_ERR_CONNECT_TIMEOUT", "Connect Timeout Error")), expected: ["connect", "connection_timeout"] },
    { error: new DOMException("The operation was aborted due to timeout", "TimeoutError"), expected: ["connect", "timeout"] },
    { error: fetchFailed(nodeError("UND_ERR_SOCKET", "other side closed")), expected: ["connect", "http_unreachable"] },
  ])("$error.message → $expected", ({ error, expected }) => {
    const failure = classifyHttpError(error, { stage: "connect", url: "https://relay.example/send" });
    expect([failure.stage, failure.code]).toEqual(expected);
  });
});

describe("secrets never reach the details text", () => {
  const username = "owner@acme.test";
  const password = "s3cret-Passw0rd!";

  it("redacts the password and its AUTH LOGIN / AUTH PLAIN forms", () => {
    const plain = Buffer.from(`\u0000${username}\u0000${password}`).toString("base64");
    const login = Buffer.from(password).toString("base64");
    const text = `AUTH PLAIN ${plain} rejected; LOGIN ${login}; said ${password}`;
    const redacted = redactSecrets(text, smtpSecrets(username, password));
    for (const secret of [password, plain, login]) expect(redacted).not.toContain(secret);
    expect(redacted).toContain("[redacted]");
    expect(redacted).toContain("AUTH PLAIN");
  });

  it("classifySmtpError redacts a server reply that echoes the credentials", () => {
    const plain = Buffer.from(`\u0000${username}\u0000${password}`).toString("base64");
    const error = smtpError("EAUTH", `535 5.7.8 Bad credentials for ${plain} (${password})`, "AUTH PLAIN");
    const failure = classifySmtpError(error, { ...at("login"), secrets: smtpSecrets(username, password) });
    expect(failure.raw).not.toContain(password);
    expect(failure.raw).not.toContain(plain);
    expect(failure.code).toBe("auth_failed");
  });

  it("every failure code is a known code", () => {
    expect(new Set(FAILURE_CODES).size).toBe(FAILURE_CODES.length);
  });
});
