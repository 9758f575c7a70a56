import type { UserRole } from "@/lib/auth/roles";
import type { MailFailure } from "./types";

/** The server's own text ("Details") can name internal hosts and software: admins only. */
export function failureForViewer(failure: MailFailure, role: UserRole): MailFailure {
  return role === "admin" ? failure : { ...failure, raw: "" };
}

/** The same rule for a send's outcome. */
export function outcomeForViewer<T extends { status: string }>(outcome: T, role: UserRole): T {
  return "failure" in outcome ? { ...outcome, failure: failureForViewer(outcome.failure as MailFailure, role) } : outcome;
}
