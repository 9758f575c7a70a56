import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHttpRelay } from "../../test/fixtures/http-relay";
import type { HttpRelay } from "../../test/fixtures/http-relay";
import { invoiceMessage, testPdf } from "../../test/fixtures/messages";
import { solidPng } from "../../test/fixtures/png";
import { createHttpRelayTransport } from "./http-relay-transport";
import { createTransport } from "./transport";
import type { OutgoingMessage } from "./types";

let relay: HttpRelay;
beforeAll(async () => {
  relay = await startHttpRelay();
});
afterEach(() => relay.reset());
afterAll(() => relay.close());

const invoiceEmail = (overrides: Partial<OutgoingMessage> = {}) => invoiceMessage({ to: ["customer@example.test", "boss@example.test"], ...overrides });

describe("owner sends through an HTTP email relay", () => {
  it("posts one multipart form with the fields and the PDF file part", async () => {
    const result = await createHttpRelayTransport({ kind: "http", url: relay.url }).send(invoiceEmail({ cc: ["accounts@example.test"] }));
    expect(result.ok).toBe(true);
    expect(relay.requests).toHaveLength(1);
    const [request] = relay.requests;
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.fields).toEqual({
      from: "Acme Supplies",
      reply_to: "replies@example.test",
      to: "customer@example.test, boss@example.test",
      cc: "accounts@example.test",
      subject: "Invoice INV-0001",
      body: "<p>Please find invoice <b>INV-0001</b> attached.</p>",
    });
    expect(request.files).toHaveLength(1);
    expect(request.files[0]).toMatchObject({ field: "attachment", filename: "INV-0001.pdf", contentType: "application/pdf" });
    expect(Buffer.compare(request.files[0].content, testPdf)).toBe(0);
    if (result.ok) {
      expect(result.messageId).toMatch(/^<[0-9a-f-]{36}@mailroom>$/);
      expect(result.stages.filter((e) => e.status !== "running")).toEqual([
        expect.objectContaining({ stage: "resolve", status: "ok" }),
        expect.objectContaining({ stage: "connect", status: "ok" }),
        { stage: "tls", status: "skipped" },
        expect.objectContaining({ stage: "message", status: "ok" }),
      ]);
    }
  });

  it("sends a logo the HTML shows by its cid as an 'inline' file part named after the cid, beside the PDF attachment", async () => {
    const logo = solidPng(30, 10, [220, 38, 38]);
    const html = '<p>Invoice</p><img src="cid:logo.png" alt="Acme Supplies">';
    const result = await createHttpRelayTransport({ kind: "http", url: relay.url }).send(
      invoiceEmail({ html, attachments: [...invoiceMessage().attachments, { filename: "logo.png", contentType: "image/png", content: logo, contentId: "logo.png" }] }),
    );
    expect(result.ok).toBe(true);
    const [request] = relay.requests;
    expect(request.fields.body).toBe(html);
    expect(request.files.map(({ field, filename, contentType }) => ({ field, filename, contentType }))).toEqual([
      { field: "attachment", filename: "INV-0001.pdf", contentType: "application/pdf" },
      { field: "inline", filename: "logo.png", contentType: "image/png" },
    ]);
    expect(Buffer.compare(request.files[1].content, logo)).toBe(0);
  });

  it("leaves cc out when there is none and takes the relay's JSON id as the message id", async () => {
    relay.respondWith(202, JSON.stringify({ id: "relay-42" }));
    const result = await createTransport({ kind: "http", url: relay.url }).send(invoiceEmail({ attachments: [] }));
    expect(result).toMatchObject({ ok: true, messageId: "relay-42" });
    expect(relay.requests[0].fields).not.toHaveProperty("cc");
    expect(relay.requests[0].files).toEqual([]);
  });

  it("a 500 answer is a failure that shows the status and the body text", async () => {
    relay.respondWith(500, "mail queue is full, try later");
    const result = await createHttpRelayTransport({ kind: "http", url: relay.url }).send(invoiceEmail());
    expect(result.ok ? "ok" : result.failure).toEqual({ stage: "message", code: "http_status", httpStatus: 500, raw: "mail queue is full, try later" });
  });

  it("a 429 with Retry-After says how long the relay asked us to wait", async () => {
    relay.respondWith(429, "slow down", { "retry-after": "120" });
    const result = await createHttpRelayTransport({ kind: "http", url: relay.url }).send(invoiceEmail());
    expect(result.ok ? "ok" : result.failure).toEqual({ stage: "message", code: "http_status", httpStatus: 429, retryAfter: 120, raw: "slow down" });
  });

  it("long error bodies are cut to 500 characters", async () => {
    relay.respondWith(400, "x".repeat(2_000));
    const result = await createHttpRelayTransport({ kind: "http", url: relay.url }).send(invoiceEmail());
    expect(result.ok ? "ok" : result.failure.raw).toHaveLength(500);
  });

  it("a refused port is connection_refused at the connect stage, fast", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const started = Date.now();
    const result = await createHttpRelayTransport({ kind: "http", url: `http://127.0.0.1:${port}/send` }).send(invoiceEmail());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.ok ? "ok" : { code: result.failure.code, stage: result.failure.stage }).toEqual({ code: "connection_refused", stage: "connect" });
  });

  it("an unknown host is host_not_found at the resolve stage", async () => {
    const result = await createHttpRelayTransport({ kind: "http", url: "https://no-such-host.invalid/send" }).send(invoiceEmail());
    expect(result.ok ? "ok" : { code: result.failure.code, stage: result.failure.stage }).toEqual({ code: "host_not_found", stage: "resolve" });
  });
});
