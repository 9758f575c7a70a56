import type { z } from "zod";

/** What every server action answers. Field errors are message keys the form translates. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: "unauthorized" | "forbidden" | "invalid" | "conflict" | "not_found" | "failed";
      fieldErrors?: Record<string, string>;
      message?: string;
    };

/** Zod issues → { "lines.0.quantity": "validation.decimal" } (first message per field). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
