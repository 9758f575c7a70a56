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

// The folder holds the database and generated keys: only Mailroom's own user may enter it.
// SQLite gives the -wal and -shm files the database file's mode, so 0600 there covers them.
function restrictFiles(file: string): void {
  fs.chmodSync(path.dirname(file), 0o700);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }
}

/** Opens (and migrates) a SQLite file the way the app does; tests open a second connection with it. */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new Database(file);
  restrictFiles(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  restrictFiles(file);
  return { db, sqlite };
}

export function getDb(): Db {
  globalForDb.mailroomDb ??= openDatabase(databasePath());
  return globalForDb.mailroomDb.db;
}

export { schema };
