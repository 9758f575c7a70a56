import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMailServer } from "../../test/fixtures/mail-server";
import type { MailServer } from "../../test/fixtures/mail-server";
import { certPaths, testCaIsTrusted } from "../../test/fixtures/certs";
import { invoiceMessage, testPdf } from "../../test/fixtures/messages";
import { solidPng } from "../../test/fixtures/png";
import { smtpSecrets } from "./explain";
import { createSmtpTransport } from "./smtp-transport";
import { createTransport } from "./transport";
import type { FailureCode, OutgoingMessage, SendResult, SmtpConfig, StageEvent, StageName } from "./types";

let server: MailServer;
const invoiceEmail = (overrides: Partial<OutgoingMessage> = {}) =>
  invoiceMessage({ fromAddress: server.user, cc: ["accounts@example.test"], bcc: ["archive@example.test"], ...overrides });

function smtp(overrides: Partial<SmtpConfig> & Pick<SmtpConfig, "port" | "security">): SmtpConfig {
  return { kind: "smtp", host: "localhost", username: server.user, password: server.password, skipTlsVerify: false, ...overrides };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function expectFailure(result: SendResult, code: FailureCode, stage: StageName) {
  if (result.ok) throw new Error(`expected ${code} at ${stage}, but the send succeeded`);
  expect({ code: result.failure.code, stage: result.failure.stage }, result.failure.raw).toEqual({ code, stage });
  for (const secret of smtpSecrets(server.user, server.password)) expect(result.failure.raw).not.toContain(secret);
  expect(result.stages.at(-1)).toMatchObject({ stage, status: "failed" });
  return result.failure;
}

beforeAll(async () => {
  // The verified-TLS paths (happy path, host-name mismatch) need the test CA trusted by Node.
  if (!testCaIsTrusted()) throw new Error(`run with NODE_EXTRA_CA_CERTS=${certPaths.ca} so the test CA is trusted (verification stays on)`);
  server = await startMailServer();
});
afterEach(() => server.reset());
afterAll(() => server?.close());

describe("owner sends an invoice over their own SMTP account", () => {
  it.each([
    { name: "STARTTLS", security: "starttls" as const, port: () => server.starttlsPort },
    { name: "implicit TLS", security: "tls" as const, port: () => server.tlsPort },
  ])("delivers over $name with AUTH: headers, recipients, Bcc and the PDF arrive intact", async ({ security, port }) => {
    const events: StageEvent[] = [];
    const result = await createSmtpTransport(smtp({ port: port(), security })).send(invoiceEmail(), { onStage: (event) => events.push(event) });
    if (!result.ok) throw new Error(`send failed: ${result.failure.code} ${result.failure.raw}`);

    const [received] = await server.waitForMessages(1);
    expect(received.auth.username).toBe(server.user);
    expect(["PLAIN", "LOGIN"]).toContain(received.auth.method);
    expect(received.secure).toBe(true);
    expect(received.envelope.mailFrom).toBe(server.user);
    expect(received.envelope.rcptTo.sort()).toEqual(["accounts@example.test", "archive@example.test", "customer@example.test"]);

    const mail = received.parsed;
    expect(mail.from?.value).toEqual([{ name: "Acme Supplies", address: server.user }]);
    expect(mail.from?.text).toBe(`"Acme Supplies" <${server.user}>`);
    expect(received.raw.toString("latin1")).toMatch(/^From: Acme Supplies <owner@example\.test>\r$/m);
    expect([mail.to].flat().flatMap((a) => a?.value.map((v) => v.address))).toEqual(["customer@example.test"]);
    expect([mail.cc].flat().flatMap((a) => a?.value.map((v) => v.address))).toEqual(["accounts@example.test"]);
    expect(mail.replyTo?.value.map((v) => v.address)).toEqual(["replies@example.test"]);
    expect(mail.bcc).toBeUndefined();
    expect(received.raw.toString("latin1")).not.toContain("archive@example.test");
    expect(mail.subject).toBe("Invoice INV-0001");
    expect(mail.text?.trim()).toBe("Please find invoice INV-0001 attached.");
    expect(mail.html).toContain("<b>INV-0001</b>");
    expect(mail.messageId).toBe(result.messageId);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe("INV-0001.pdf");
    expect(mail.attachments[0].contentType).toBe("application/pdf");
    expect(Buffer.compare(mail.attachments[0].content, testPdf)).toBe(0);

    const finished = result.stages.filter((event) => event.status !== "running");
    expect(finished.map((event) => event.stage).sort()).toEqual(["connect", "envelope", "greeting", "login", "message", "resolve", "tls"]);
    expect(finished.every((event) => event.status === "ok")).toBe(true);
    expect(events).toEqual(result.stages);
  });

  it("a logo shown in the HTML arrives as an inline image part beside the HTML, linked by its cid, and the PDF stays an attachment", async () => {
    const logo = solidPng(30, 10, [220, 38, 38]);
    const message = invoiceEmail({
      html: '<p>Please find invoice <b>INV-0001</b> attached.</p><img src="cid:logo.png" alt="Acme Supplies">',
      attachments: [...invoiceMessage().attachments, { filename: "logo.png", contentType: "image/png", content: logo, contentId: "logo.png" }],
    });
    const result = await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls" })).send(message);
    if (!result.ok) throw new Error(`send failed: ${result.failure.code} ${result.failure.raw}`);

    const [received] = await server.waitForMessages(1);
    const raw = received.raw.toString("latin1");
    // mixed( alternative( text, related( html, image ) ), pdf ): the image belongs to the HTML, the PDF to the message.
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(raw).toMatch(/^Content-Type: multipart\/related; type="text\/html";/m);
    expect(raw).toMatch(/^Content-ID: <logo\.png>\r$/m);
    // Read as a mail client does, without the parser swapping cid: links for data: URLs.
    const mail = await simpleParser(received.raw, { keepCidLinks: true });
    expect(mail.html).toContain('<img src="cid:logo.png" alt="Acme Supplies">');
    const image = mail.attachments.find((a) => a.contentType === "image/png");
    expect(image).toMatchObject({ cid: "logo.png", related: true, contentDisposition: "inline", filename: "logo.png" });
    expect(Buffer.compare(image!.content, logo)).toBe(0);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf).toMatchObject({ filename: "INV-0001.pdf", contentDisposition: "attachment" });
    expect(pdf!.related).toBeFalsy();
    expect(Buffer.compare(pdf!.content, testPdf)).toBe(0);
  });

  it("a wrong password fails at login with a generic 535 (auth_failed)", async () => {
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls", password: "wrong-password-123" })).send(invoiceEmail()),
      "auth_failed",
      "login",
    );
    expect(failure.responseCode).toBe(535);
    expect(failure.raw).not.toContain("wrong-password-123");
    expect(server.messages).toHaveLength(0);
  });

  it("Gmail's 5.7.8 BadCredentials reply is explained as 'use an app password'", async () => {
    server.behaviour.authFailureText =
      "535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials";
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.tlsPort, security: "tls", password: "my-google-password" })).send(invoiceEmail()),
      "auth_gmail_app_password",
      "login",
    );
    expect(failure.raw).toContain("BadCredentials");
  });

  it("Microsoft's 5.7.139 reply is explained as SMTP AUTH disabled", async () => {
    server.behaviour.authFailureText =
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.";
    expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls", password: "nope-nope" })).send(invoiceEmail()),
      "auth_microsoft_smtp_auth_disabled",
      "login",
    );
  });

  it("a sender the account does not own is refused at the envelope stage", async () => {
    server.behaviour.rejectSender = true;
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls" })).send(invoiceEmail()),
      "sender_refused",
      "envelope",
    );
    expect(failure.responseCode).toBe(553);
    expect(failure.raw).toContain("Sender address rejected: not owned by user");
  });

  it("a refused recipient is reported at the envelope stage", async () => {
    server.behaviour.rejectRecipient = true;
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls" })).send(invoiceEmail()),
      "recipient_refused",
      "envelope",
    );
    expect(failure.responseCode).toBe(550);
  });

  it("a message over the server's SIZE limit is reported as too large", async () => {
    server.behaviour.sizeLimit = 2_000;
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "starttls" })).send(invoiceEmail()),
      "message_too_large",
      "message",
    );
    expect(failure.responseCode).toBe(552);
    expect(server.messages).toHaveLength(0);
  });

  it("a server that hangs up after DATA is reported as a lost connection, quickly", async () => {
    server.behaviour.dropAfterData = true;
    const started = Date.now();
    const result = await createSmtpTransport(smtp({ port: server.tlsPort, security: "tls" })).send(invoiceEmail());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(["connection_lost", "timeout"]).toContain(result.failure.code);
    expect(result.failure.stage).toBe("message");
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("createTransport picks the SMTP transport for protocol smtp", async () => {
    const result = await createTransport(smtp({ port: server.tlsPort, security: "tls" })).send(invoiceEmail({ bcc: [] }));
    expect(result.ok).toBe(true);
    expect((await server.waitForMessages(1))[0].envelope.rcptTo.sort()).toEqual(["accounts@example.test", "customer@example.test"]);
  });
});

describe("certificates are verified unless the owner opted out", () => {
  it("a self-signed certificate (implicit TLS) fails at the TLS stage", async () => {
    expectFailure(await createSmtpTransport(smtp({ port: server.selfSignedPort, security: "tls" })).send(invoiceEmail()), "cert_self_signed", "tls");
    expect(server.messages).toHaveLength(0);
  });

  it("a self-signed certificate behind STARTTLS fails at the TLS stage, before any login", async () => {
    const result = await createSmtpTransport(smtp({ port: server.selfSignedStarttlsPort, security: "starttls" })).send(invoiceEmail());
    expectFailure(result, "cert_self_signed", "tls");
    expect(result.stages.some((event) => event.stage === "login")).toBe(false);
  });

  it("with 'Do not verify TLS certificate' the self-signed server accepts the message", async () => {
    const result = await createSmtpTransport(smtp({ port: server.selfSignedPort, security: "tls", skipTlsVerify: true })).send(invoiceEmail());
    expect(result.ok).toBe(true);
    const [received] = await server.waitForMessages(1);
    expect(received.secure).toBe(true);
    expect(received.auth.username).toBe(server.user);
  });

  it("the CA-signed certificate reached as 127.0.0.1 is a host-name mismatch", async () => {
    expectFailure(
      await createSmtpTransport(smtp({ host: "127.0.0.1", port: server.tlsPort, security: "tls" })).send(invoiceEmail()),
      "cert_hostname_mismatch",
      "tls",
    );
  });
});

describe("wrong TLS mode and plaintext servers", () => {
  it("SSL/TLS against a STARTTLS port suggests STARTTLS", async () => {
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "tls" })).send(invoiceEmail()),
      "wrong_tls_mode_use_starttls",
      "tls",
    );
    expect(failure.fix).toEqual({ security: "starttls" });
  });

  it("None against a port that wants STARTTLS before AUTH suggests STARTTLS", async () => {
    const failure = expectFailure(
      await createSmtpTransport(smtp({ port: server.starttlsPort, security: "none" })).send(invoiceEmail()),
      "wrong_tls_mode_use_starttls",
      "login",
    );
    expect(failure.fix).toEqual({ security: "starttls" });
  });

  it("STARTTLS required but the server does not support it", async () => {
    expectFailure(
      await createSmtpTransport(smtp({ port: server.plainPort, security: "starttls" })).send(invoiceEmail()),
      "starttls_unsupported",
      "tls",
    );
    expect(server.messages).toHaveLength(0);
  });

  it("security None sends in plaintext to a plaintext server", async () => {
    const result = await createSmtpTransport(smtp({ port: server.plainPort, security: "none" })).send(invoiceEmail());
    expect(result.ok).toBe(true);
    expect(result.stages).toContainEqual({ stage: "tls", status: "skipped" });
    const [received] = await server.waitForMessages(1);
    expect(received.secure).toBe(false);
    expect(received.auth.username).toBe(server.user);
  });
});

describe("network failures answer fast", () => {
  it("a refused port answers in well under a second", async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await createSmtpTransport(smtp({ host: "127.0.0.1", port, security: "starttls" })).send(invoiceEmail());
    expect(Date.now() - started).toBeLessThan(1_000);
    expectFailure(result, "connection_refused", "connect");
  });

  it("an unknown host is reported as host not found", async () => {
    const result = await createSmtpTransport(smtp({ host: "no-such-host.invalid", port: 587, security: "starttls" })).send(invoiceEmail());
    expectFailure(result, "host_not_found", "resolve");
  });
});
