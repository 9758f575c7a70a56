// Browser-safe: forms and navigation check roles too.
import type { UserRole } from "@/db/enums";

export { userRoles, type UserRole } from "@/db/enums";

/** The one admin check: pages, actions, route handlers and navigation all ask this. */
export function isAdmin(user: { role: UserRole } | null | undefined): boolean {
  return user?.role === "admin";
}
