import type { UserRole } from "@/lib/auth/roles";
import type { MailFailure } from "./types";

/** The server's own text ("Details") can name internal hosts and software: admins only. */
export function failureForViewer(failure: MailFailure, role: UserRole): MailFailure {
  return role === "admin" ? failure : { ...failure, raw: "" };
}

/** The same rule for anything that carries a failure: a send's outcome, an email's progress. */
export function outcomeForViewer<T extends { status: string }>(outcome: T, role: UserRole): T {
  const failure = "failure" in outcome ? (outcome.failure as MailFailure | null) : null;
  return failure ? { ...outcome, failure: failureForViewer(failure, role) } : outcome;
}
