import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { buildMimeMessage } from "./mime";
import type { OutgoingMessage } from "./types";

const email = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  fromName: "Acme Supplies",
  fromAddress: "owner@acme.test",
  to: ["customer@example.test"],
  cc: [],
  bcc: ["archive@acme.test"],
  replyTo: [],
  subject: "Invoice INV-0001",
  text: "Hello",
  html: "<p>Hello</p>",
  attachments: [],
  ...overrides,
});

describe("the one outgoing message builder", () => {
  it("puts Bcc in the envelope only and gives the message an id at the sender's domain", async () => {
    const mime = await buildMimeMessage(email());
    expect(mime.envelope).toEqual({ from: "owner@acme.test", to: ["customer@example.test", "archive@acme.test"] });
    expect(mime.raw.toString()).not.toMatch(/^bcc:/im);
    expect(mime.raw.toString()).not.toContain("archive@acme.test");
    expect(mime.messageId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
    const parsed = await simpleParser(mime.raw);
    expect(parsed.messageId).toBe(mime.messageId);
    expect(parsed.text?.trim()).toBe("Hello");
    expect(parsed.html).toContain("<p>Hello</p>");
  });

  it("keeps CR/LF in names and subjects from injecting headers", async () => {
    const mime = await buildMimeMessage(email({ fromName: "Acme\r\nBcc: spy@evil.test", subject: "Hi\r\nBcc: spy@evil.test", bcc: [] }));
    const parsed = await simpleParser(mime.raw);
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(mime.envelope.to).toEqual(["customer@example.test"]);
    expect(parsed.subject).toBe("Hi Bcc: spy@evil.test");
    expect(mime.raw.toString()).not.toMatch(/^Bcc:/im);
  });
});
