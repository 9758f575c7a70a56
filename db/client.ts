import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databasePath } from "./config";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

// One connection per process, kept on globalThis so dev hot reloads do not open another.
const globalForDb = globalThis as unknown as { mailroomDb?: { db: Db; sqlite: Database.Database } };

/** Opens (and migrates) a SQLite file the way the app does; tests open a second connection with it. */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  return { db, sqlite };
}

export function getDb(): Db {
  globalForDb.mailroomDb ??= openDatabase(databasePath());
  return globalForDb.mailroomDb.db;
}

export { schema };
