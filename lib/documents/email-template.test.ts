import { describe, expect, it } from "vitest";
import { defaultEmailTemplate } from "./email-content";
import {
  fillSubject,
  fillTemplate,
  findUnknownPlaceholders,
  renderEmailBody,
  templatePlaceholders,
} from "./email-template";
import { documentTypes } from "./types";

const values = {
  reference: "INV-0001",
  contact_name: "Núñez y Asociados",
  business_name: "Acme Tools",
  total: "1,234.56",
  due_date: "31 Mar 2025",
  document_type: "Sales invoice",
};

describe("default templates", () => {
  it("exist for every type in both languages and only use known placeholders", () => {
    for (const type of documentTypes) {
      for (const locale of ["en", "es"] as const) {
        const { subject, body } = defaultEmailTemplate(type, locale);
        expect(subject).toContain("{{reference}}");
        expect(body).toContain("{{contact_name}}");
        expect(body).toContain("{{total}}");
        expect(findUnknownPlaceholders(subject + body)).toEqual([]);
      }
    }
  });

  it("reads naturally once filled", () => {
    const { subject, body } = defaultEmailTemplate("sales-invoices", "en");
    expect(fillSubject(subject, values)).toBe("Invoice INV-0001 from Acme Tools");
    expect(renderEmailBody(fillTemplate(body, values)).text).toBe(
      "Hello Núñez y Asociados,\n\nPlease find attached invoice INV-0001 for 1,234.56, due on 31 Mar 2025.\n\n" +
        "Thank you for your business.\n\nKind regards,\nAcme Tools\n",
    );
    const es = defaultEmailTemplate("sales-invoices", "es");
    expect(fillSubject(es.subject, values)).toBe("Factura INV-0001 de Acme Tools");
  });
});

describe("findUnknownPlaceholders", () => {
  it("lists unknown names once, tolerating spaces inside the braces", () => {
    expect(findUnknownPlaceholders("{{ reference }} {{customer}} {{ customer }} {{Total}} {{due_date}}")).toEqual(["customer", "Total"]);
  });

  it("accepts every documented placeholder", () => {
    expect(findUnknownPlaceholders(templatePlaceholders.map((p) => `{{${p}}}`).join(" "))).toEqual([]);
  });

  it("reports an empty placeholder", () => {
    expect(findUnknownPlaceholders("Hi {{ }}")).toEqual([""]);
  });
});

describe("fillTemplate", () => {
  it("replaces known placeholders, with or without inner spaces, and leaves unknown ones visible", () => {
    expect(fillTemplate("{{ reference }}/{{reference}}/{{nope}}", values, { format: "plain" })).toBe("INV-0001/INV-0001/{{nope}}");
  });

  it("fills missing values with nothing", () => {
    expect(fillTemplate("Due: {{due_date}}.", {}, { format: "plain" })).toBe("Due: .");
  });

  it("does not re-expand placeholders that appear inside values", () => {
    expect(fillTemplate("{{contact_name}}", { contact_name: "{{business_name}}" }, { format: "plain" })).toBe("{{business_name}}");
  });

  it("escapes values so a contact name cannot inject Markdown or HTML", () => {
    const filled = fillTemplate("Hello {{contact_name}},", { contact_name: "*Evil* <script>alert(1)</script> [x](javascript:alert(1))" });
    const { html, text } = renderEmailBody(filled);
    expect(html).not.toContain("<em>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<a ");
    expect(html).toContain("*Evil* &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))");
    expect(text).toBe("Hello *Evil* <script>alert(1)</script> [x](javascript:alert(1)),\n");
  });

  it("fills a draft readably, but a contact named like a link or image never becomes one", () => {
    for (const name of ["[x](https://evil.test)", "![](https://tracker.test/p.gif)", "<https://evil.test>", "x\\[y](https://evil.test)"]) {
      const draft = fillTemplate("Hello {{contact_name}}, total {{total}}.", { contact_name: name, total: "67.16" }, { format: "draft" });
      expect(draft).toContain("total 67.16.");
      const { html, text } = renderEmailBody(draft);
      expect(html, name).not.toMatch(/<a |<img |href=|src=/);
      expect(text, name).toContain(name.replace("\\\\", "\\"));
    }
  });

  it("keeps a multi-line value on one line so it cannot start a heading or list", () => {
    const filled = fillTemplate("Dear {{contact_name}}", { contact_name: "Bob\n# Heading\n- item" });
    expect(renderEmailBody(filled).html).not.toMatch(/<h1|<li/);
  });
});

describe("fillSubject", () => {
  it("never lets a value add a header line", () => {
    expect(fillSubject("Invoice {{reference}}", { reference: "INV-1\r\nBcc: victim@example.com" })).toBe(
      "Invoice INV-1 Bcc: victim@example.com",
    );
    expect(fillSubject("Line one\r\nLine two {{reference}}", { reference: "X" })).toBe("Line one Line two X");
  });

  it("does not escape Markdown characters in the subject", () => {
    expect(fillSubject("{{business_name}}", { business_name: "A*B_C (Ltd.)" })).toBe("A*B_C (Ltd.)");
  });
});

describe("renderEmailBody", () => {
  it("renders Markdown the owner wrote into a complete HTML document and matching plain text", () => {
    const { html, text } = renderEmailBody("Hello **Ana**,\n\n- one\n- two\n\nSee [our site](https://example.com).\nBye");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<strong>Ana</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com">our site</a>');
    expect(html).toContain("<br>");
    expect(text).toBe("Hello Ana,\n\n- one\n- two\n\nSee our site (https://example.com).\nBye\n");
  });

  it("escapes raw HTML the owner typed", () => {
    const { html } = renderEmailBody('<img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("refuses javascript:, data: and other unsafe links", () => {
    for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd"]) {
      const { html } = renderEmailBody(`[click](${url})`);
      expect(html).not.toContain("<a ");
    }
    expect(renderEmailBody("<javascript:alert(1)>").html).not.toContain("<a ");
  });

  it("allows mailto and tel links", () => {
    expect(renderEmailBody("[mail](mailto:a@b.com) [call](tel:+34911234567)").html).toContain('<a href="mailto:a@b.com">mail</a>');
    expect(renderEmailBody("[call](tel:+34911234567)").html).toContain('<a href="tel:+34911234567">call</a>');
  });

  it("sets the document language", () => {
    expect(renderEmailBody("Hola", { lang: "es" }).html).toContain('<html lang="es">');
  });

  it("ends with the sender's details as a footer, escaped, blank lines left out, in both parts", () => {
    const footer = { lines: ["Muñoz & Hijos <SL>", "Calle Mayor 1\n28013 Madrid", "", "NIF/CIF: B12345678"], logoSrc: "cid:logo", logoAlt: "Muñoz" };
    const { html, text } = renderEmailBody("Hola", { footer });
    expect(html).toContain("Muñoz &amp; Hijos &lt;SL&gt;<br>Calle Mayor 1<br>28013 Madrid<br>NIF/CIF: B12345678");
    expect(html).toContain('<img src="cid:logo" alt="Muñoz"');
    expect(html.indexOf("Hola")).toBeLessThan(html.indexOf("NIF/CIF"));
    expect(text).toBe("Hola\n\n-- \nMuñoz & Hijos <SL>\nCalle Mayor 1\n28013 Madrid\nNIF/CIF: B12345678\n");
    expect(renderEmailBody("Hola", { footer: { lines: ["", " "] } }).html).not.toContain("border-top");
  });
});
