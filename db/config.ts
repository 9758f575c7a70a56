import path from "node:path";

/** Where the SQLite file lives; generated key files sit in the same folder. */
export function databasePath(): string {
  const configured = process.env.DATABASE_PATH;
  return configured
    ? path.resolve(/*turbopackIgnore: true*/ configured)
    : path.join(/*turbopackIgnore: true*/ process.cwd(), "data", "mailroom.db");
}

export function dataDir(): string {
  return path.dirname(databasePath());
}
