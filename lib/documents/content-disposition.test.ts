import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";
import { attachmentFilename } from "./types";

describe("contentDisposition", () => {
  it("names the download after the document", () => {
    expect(contentDisposition("attachment", attachmentFilename("sales-invoices", "INV-0001"))).toBe(
      `attachment; filename="Sales Invoice INV-0001.pdf"; filename*=UTF-8''Sales%20Invoice%20INV-0001.pdf`,
    );
  });

  it("keeps non-ASCII names in filename* and a safe fallback in filename", () => {
    expect(contentDisposition("inline", "Credit Note Año-1 (1).pdf")).toBe(
      `inline; filename="Credit Note A_o-1 (1).pdf"; filename*=UTF-8''Credit%20Note%20A%C3%B1o-1%20%281%29.pdf`,
    );
  });

  it("cannot be broken out of with quotes, backslashes or line breaks", () => {
    const header = contentDisposition("attachment", 'a"b\\c\r\nX-Evil: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="a_b_c__X-Evil: 1.pdf"; ')).toBe(true);
  });
});
