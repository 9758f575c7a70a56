import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";

export function hasAnyUser(): boolean {
  return Boolean(getDb().select({ one: sql`1` }).from(users).limit(1).get());
}
