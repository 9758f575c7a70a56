import "server-only";
import fs from "node:fs";
import path from "node:path";

// The 10,000 most common passwords, most common first (from zxcvbn 4.4.2's list, MIT), one a line.
const LIST_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "auth", "common-passwords.txt");

let common: Set<string> | undefined;

/** Compared case-insensitively: "Password12" is as guessable as "password12". */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(fs.readFileSync(LIST_FILE, "utf8").split("\n").filter(Boolean));
  return common.has(password.toLowerCase());
}

/** The field error for a new password found in the list, for an action to return before hashing. */
export function commonPasswordErrors(field: string, password: string): { ok: false; error: "invalid"; fieldErrors: Record<string, string> } | null {
  return isCommonPassword(password) ? { ok: false, error: "invalid", fieldErrors: { [field]: "validation.passwordCommon" } } : null;
}
