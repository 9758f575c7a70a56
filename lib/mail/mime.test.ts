import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { buildMimeMessage, compileMimeTree, serializeMimeTree } from "./mime";
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

describe("the message written in one walk of nodemailer's tree", () => {
  const pdf = Buffer.from(Array.from({ length: 17_000 }, (_, i) => (i * 7919) % 256));
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  const cases: Record<string, OutgoingMessage> = {
    "an invoice: text, HTML and a PDF": email({ attachments: [{ filename: "Sales Invoice INV-0001.pdf", contentType: "application/pdf", content: pdf }] }),
    "Spanish names, subject, body and file name": email({
      fromName: "Panadería Ñandú",
      to: ["José Núñez <jose@example.test>"],
      cc: ["cuentas@example.test"],
      replyTo: ["facturas@acme.test"],
      subject: "Factura FAC-0001 de Panadería Ñandú — 1.234,56 €",
      text: "Hola José,\n\nAdjuntamos la factura **FAC-0001** por 1.234,56 €.\n\nUn saludo.",
      html: "<p>Hola José,</p><p>Adjuntamos la factura <strong>FAC-0001</strong> por 1.234,56 €.</p>",
      attachments: [{ filename: "Factura FAC-0001 — Ñandú.pdf", contentType: "application/pdf", content: pdf }],
    }),
    "long lines, quoted-printable": email({ text: `${"word ".repeat(60)}end\n${"x".repeat(200)}`, html: `<p>${"é".repeat(120)} ${"a".repeat(90)}</p>` }),
    "mostly non-Latin text, base64": email({ subject: "Счёт 12", text: "Здравствуйте! Счёт приложен. ".repeat(20), html: "<p>株式会社のお客様へ</p>".repeat(10) }),
    "an inline logo beside the HTML": email({ html: '<p><img src="cid:logo@mailroom"> Hello</p>', attachments: [{ filename: "logo.png", contentType: "image/png", content: png, contentId: "logo@mailroom" }] }),
    "text only, Bcc kept": email({ html: "", bcc: ["archive@acme.test"] }),
    "CRLF and lone CR in the text": email({ text: "one\r\ntwo\rthree\n", html: "<p>a</p>\r\n" }),
    "trailing blanks after a long line": email({ text: `Total: 12,50 € ${"x".repeat(70)} \t  `, html: `<p>${"ü".repeat(30)}</p>   ` }),
  };

  it.each(Object.entries(cases))("%s: the same bytes as nodemailer's stream", async (_name, message) => {
    const node = compileMimeTree(message, { keepBcc: _name.includes("Bcc kept") });
    const walked = serializeMimeTree(node);
    expect(walked, "the walk handles it").not.toBeNull();
    expect(walked!.toString("latin1")).toBe((await node.build()).toString("latin1"));
  });

  it("leaves to the stream what only it can encode (a long quoted-printable body), and buildMimeMessage still sends it", async () => {
    const message = email({ text: `Total: 12,50 € ${"word ".repeat(15_000)}end`, html: "" });
    expect(serializeMimeTree(compileMimeTree(message))).toBeNull();
    const parsed = await simpleParser((await buildMimeMessage(message)).raw);
    expect(parsed.text?.trimEnd()).toBe(`Total: 12,50 € ${"word ".repeat(15_000)}end`);
  });

  it("matches the stream for 300 generated messages", async () => {
    // A small deterministic generator: ASCII, accents, symbols, blanks, line breaks and long runs.
    let seed = 42;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ["a", "Z", "9", " ", "\t", "\n", "\r\n", "é", "ñ", "€", "—", "日", "=", ".", "<b>", "x".repeat(80), "ü ".repeat(40)];
    const text = () => Array.from({ length: next(60) }, () => pieces[next(pieces.length)]).join("");
    let walked = 0;
    for (let i = 0; i < 300; i++) {
      const message = email({ subject: text().replace(/\s+/g, " "), text: text(), html: next(2) ? `<p>${text()}</p>` : "", attachments: next(2) ? [{ filename: `${text().slice(0, 20) || "a"}.pdf`, contentType: "application/pdf", content: pdf.subarray(0, next(5000)) }] : [] });
      const node = compileMimeTree(message);
      const bytes = serializeMimeTree(node);
      if (!bytes) continue;
      walked++;
      expect(bytes.toString("latin1"), `message ${i}`).toBe((await node.build()).toString("latin1"));
    }
    expect(walked).toBeGreaterThan(250);
  });
});
