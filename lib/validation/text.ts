import "./zod-jitless";
import { z } from "zod";

// C0 controls (tab and newlines included), DEL, C1 controls, Unicode line/paragraph separators.
const anyControl = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Same, but tab and LF are fine inside multi-line text (CRLF is normalised to LF first).
const controlExceptTabNewline = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

// Bidi embeddings, overrides and isolates, and zero-width characters: invisible, they can make
// "Evil\u202Egnp.exe" read as "Evil exe.png".
const invisibleFormatting = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/;

/** A one-line field (names, references, subjects): trimmed; messages are catalog keys. */
export function singleLineText({ max, required }: { max: number; required: boolean }) {
  const base = z.string("validation.required").trim();
  return (required ? base.min(1, "validation.required") : base)
    .max(max, "validation.tooLong")
    .refine((s) => !anyControl.test(s), "validation.controlChars")
    .refine((s) => !invisibleFormatting.test(s), "validation.invisibleChars");
}

/** A textarea (addresses, notes, line descriptions): CRLF → LF, trimmed, tabs and newlines allowed. */
export function multiLineText({ max, required }: { max: number; required: boolean }) {
  const base = z.string("validation.required").transform((s) => s.replace(/\r\n?/g, "\n").trim());
  return base
    .refine((s) => !required || s.length > 0, "validation.required")
    .refine((s) => s.length <= max, "validation.tooLong")
    .refine((s) => !controlExceptTabNewline.test(s), "validation.controlChars");
}
