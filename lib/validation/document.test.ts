import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./action-result";
import { decimalInput, documentFormSchemaFor, isIsoDate } from "./document";

const line = { description: "Consulting", quantity: "3", unitPrice: "0.10", taxRate: "21" };
const valid = {
  contactId: "7",
  reference: "INV-0001",
  issueDate: "2025-03-01",
  dueDate: "2025-03-31",
  notes: "",
  lines: [line],
};
const invoice = documentFormSchemaFor("sales-invoices");

function errors(schema: ReturnType<typeof documentFormSchemaFor>, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation error");
  return fieldErrorsOf(result.error);
}

describe("isIsoDate", () => {
  it("knows the calendar", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2025-04-31")).toBe(false);
    expect(isIsoDate("2025-13-01")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(isIsoDate("01/02/2025")).toBe(false);
    expect(isIsoDate("2025-01-01T00:00")).toBe(false);
  });
});

describe("decimalInput", () => {
  const quantity = decimalInput({ maxIntegerDigits: 9, maxFractionDigits: 4 });
  it.each([
    ["1", "1"],
    ["1.5", "1.5"],
    ["1,5", "1.5"],
    ["-2", "-2"],
    [" 12.50 ", "12.50"],
    ["007", "7"],
    [".5", "0.5"],
    ["-0", "0"],
    ["-0,00", "0.00"],
  ])("reads %j as %j", (input, output) => expect(quantity.parse(input)).toBe(output));

  it.each([
    ["abc", "validation.decimal"],
    ["1,234.5", "validation.decimal"],
    ["1.234,5", "validation.decimal"],
    ["1e3", "validation.decimal"],
    ["+1", "validation.decimal"],
    ["1.", "validation.decimal"],
    ["-", "validation.decimal"],
    ["", "validation.required"],
    ["1234567890", "validation.decimalTooLarge"],
    ["1.23456", "validation.decimalTooPrecise"],
  ])("rejects %j with %s", (input, message) => expect(quantity.safeParse(input).error?.issues[0].message).toBe(message));
});

describe("documentFormSchemaFor", () => {
  it("parses a sales invoice from form strings", () => {
    expect(invoice.parse({ ...valid, lines: [{ ...line, quantity: "1,5" }] })).toEqual({
      contactId: 7,
      reference: "INV-0001",
      issueDate: "2025-03-01",
      dueDate: "2025-03-31",
      notes: "",
      lines: [{ description: "Consulting", quantity: "1.5", unitPrice: "0.10", taxRate: "21" }],
    });
  });

  it("treats a blank due date as none", () => {
    expect(invoice.parse({ ...valid, dueDate: "" }).dueDate).toBeNull();
    expect(invoice.parse({ ...valid, dueDate: undefined }).dueDate).toBeNull();
  });

  it("refuses a due date before the issue date, on the due date field", () => {
    expect(errors(invoice, { ...valid, dueDate: "2025-02-28" })).toEqual({ dueDate: "validation.dueBeforeIssue" });
  });

  it("reports the due date problem together with the other fields' errors", () => {
    expect(errors(invoice, { ...valid, reference: "", dueDate: "2025-02-28" })).toEqual({
      reference: "validation.required",
      dueDate: "validation.dueBeforeIssue",
    });
  });

  it("drops the due date for credit notes and purchase orders", () => {
    expect(documentFormSchemaFor("credit-notes").parse({ ...valid, dueDate: "2025-01-01" }).dueDate).toBeNull();
    expect(documentFormSchemaFor("purchase-orders").parse(valid).dueDate).toBeNull();
    expect(documentFormSchemaFor("sales-quotes").parse(valid).dueDate).toBe("2025-03-31");
  });

  it("needs a contact, a reference and a real issue date", () => {
    expect(errors(invoice, { ...valid, contactId: "", reference: " ", issueDate: "2025-02-30" })).toEqual({
      contactId: "validation.contactRequired",
      reference: "validation.required",
      issueDate: "validation.date",
    });
    expect(errors(invoice, { ...valid, contactId: "-3" })).toEqual({ contactId: "validation.contactRequired" });
    expect(errors(invoice, { ...valid, contactId: "1.5" })).toEqual({ contactId: "validation.contactRequired" });
  });

  it("keeps references on one line and short", () => {
    expect(errors(invoice, { ...valid, reference: "INV-1\r\nBcc: x@y.com" })).toEqual({ reference: "validation.controlChars" });
    expect(errors(invoice, { ...valid, reference: "X".repeat(41) })).toEqual({ reference: "validation.tooLong" });
  });

  it("validates each line and points at the failing field", () => {
    expect(
      errors(invoice, {
        ...valid,
        lines: [line, { description: "", quantity: "two", unitPrice: "1e9", taxRate: "101" }],
      }),
    ).toEqual({
      "lines.1.description": "validation.required",
      "lines.1.quantity": "validation.decimal",
      "lines.1.unitPrice": "validation.decimal",
      "lines.1.taxRate": "validation.taxRateRange",
    });
    expect(errors(invoice, { ...valid, lines: [{ ...line, taxRate: "-1" }] })).toEqual({ "lines.0.taxRate": "validation.taxRateRange" });
  });

  it("accepts 0 and 100 % tax and negative discount lines", () => {
    const parsed = invoice.parse({
      ...valid,
      lines: [
        { ...line, taxRate: "0" },
        { ...line, taxRate: "100" },
        { description: "Discount", quantity: "-1", unitPrice: "5", taxRate: "21" },
      ],
    });
    expect(parsed.lines.map((l) => l.quantity)).toEqual(["3", "3", "-1"]);
  });

  it("reads a blank tax rate as 0 %, not as a missing field", () => {
    const parsed = invoice.parse({ ...valid, lines: [{ ...line, taxRate: "" }, { ...line, taxRate: "  " }] });
    expect(parsed.lines.map((l) => l.taxRate)).toEqual(["0", "0"]);
  });

  it("needs between 1 and 200 lines", () => {
    expect(errors(invoice, { ...valid, lines: [] })).toEqual({ lines: "validation.linesMin" });
    expect(errors(invoice, { ...valid, lines: Array(201).fill(line) })).toEqual({ lines: "validation.linesMax" });
    expect(invoice.parse({ ...valid, lines: Array(200).fill(line) }).lines).toHaveLength(200);
  });

  it("keeps notes multi-line with LF line ends", () => {
    expect(invoice.parse({ ...valid, notes: "Bank: ES12 3456\r\nThanks!" }).notes).toBe("Bank: ES12 3456\nThanks!");
    expect(invoice.parse({ ...valid, notes: undefined }).notes).toBe("");
  });
});
