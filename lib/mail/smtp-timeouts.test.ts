// The slow paths (each waits out a 5 s greeting or handshake timeout), run concurrently against their own server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer } from "../../test/fixtures/mail-server";
import type { MailServer } from "../../test/fixtures/mail-server";
import { SMTP_LIMITS, createSmtpTransport } from "./smtp-transport";
import type { OutgoingMessage, SmtpConfig } from "./types";

let server: MailServer;
beforeAll(async () => {
  server = await startMailServer();
});
afterAll(() => server.close());

const testEmail = (): OutgoingMessage => ({
  fromName: "Acme Supplies",
  fromAddress: server.user,
  to: [server.user],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: "Test email",
  text: "It works.",
  html: "<p>It works.</p>",
  attachments: [],
});
const smtp = (port: number, security: SmtpConfig["security"]): SmtpConfig => ({
  kind: "smtp",
  host: "localhost",
  port,
  security,
  username: server.user,
  password: server.password,
  skipTlsVerify: false,
});

describe.concurrent("servers that never answer the way we expect are bounded", () => {
  it("STARTTLS against an implicit-TLS port suggests SSL/TLS within 15 s", async () => {
    const started = Date.now();
    const result = await createSmtpTransport(smtp(server.tlsPort, "starttls")).send(testEmail());
    const elapsed = Date.now() - started;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ code: "wrong_tls_mode_use_tls", stage: "greeting", fix: { security: "tls" } });
    expect(elapsed).toBeLessThan(15_000);
    expect(server.messages).toHaveLength(0);
  });

  it("None against an implicit-TLS port suggests SSL/TLS too", async () => {
    const result = await createSmtpTransport(smtp(server.selfSignedPort, "none")).send(testEmail());
    expect(result.ok ? "ok" : result.failure).toMatchObject({ code: "wrong_tls_mode_use_tls", fix: { security: "tls" } });
  });

  it("a silent server is a greeting timeout (STARTTLS) within 15 s", async () => {
    const started = Date.now();
    const result = await createSmtpTransport(smtp(server.silentPort, "starttls")).send(testEmail());
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.ok ? "ok" : result.failure).toMatchObject({ code: "greeting_timeout", stage: "greeting" });
    expect(result.ok ? [] : result.stages.at(-1)).toMatchObject({ stage: "greeting", status: "failed" });
  });

  it("a silent server is a timeout at the TLS stage (SSL/TLS) within 15 s", async () => {
    const started = Date.now();
    const result = await createSmtpTransport(smtp(server.silentPort, "tls")).send(testEmail());
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.ok ? "ok" : result.failure).toMatchObject({ code: "greeting_timeout", stage: "tls" });
  });

  it("the global deadline ends the send whatever stage is running", async () => {
    const started = Date.now();
    const result = await createSmtpTransport(smtp(server.silentPort, "starttls"), { ...SMTP_LIMITS, total: 1_500 }).send(testEmail());
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(2_500);
    expect(result.ok ? "ok" : result.failure).toMatchObject({ code: "greeting_timeout", stage: "greeting" });
  });
});
