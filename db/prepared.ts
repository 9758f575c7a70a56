import { sql } from "drizzle-orm";
import type { Db } from "./client";

const statements = new WeakMap<Db, Map<(db: Db) => unknown, unknown>>();

/**
 * The statement `build` prepares, built once per connection: hot queries (the outbox worker's,
 * the bulk queue's) skip drizzle's SQL building and SQLite's parsing on every call. `build` must
 * be a module-level function, since it is the cache key; values go in as sql.placeholder(…).
 */
export function preparedOn<T>(db: Db, build: (db: Db) => T): T {
  let built = statements.get(db);
  if (!built) statements.set(db, (built = new Map()));
  if (!built.has(build)) built.set(build, build(db));
  return built.get(build) as T;
}

/** A value an UPDATE's SET takes from the statement's arguments (drizzle's SET types have no placeholders), bound as the driver stores it: ms for timestamps. */
export const setArgument = (name: string) => sql`${sql.placeholder(name)}`;
