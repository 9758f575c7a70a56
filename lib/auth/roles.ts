// Browser-safe: forms validate roles too, and importing them from db/schema would ship drizzle.
export const userRoles = ["admin", "staff"] as const;
export type UserRole = (typeof userRoles)[number];
