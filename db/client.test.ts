import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the database files", () => {
  it("live in a 0700 folder, and the database, WAL and SHM files are 0600", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-modes-")), "data");
    process.env.DATABASE_PATH = path.join(dir, "mailroom.db");
    const previous = process.umask(0o022);
    try {
      const { getDb } = await import("./client");
      getDb().run("select 1");
      const mode = (file: string) => fs.statSync(file).mode & 0o777;
      expect(mode(dir)).toBe(0o700);
      for (const file of ["mailroom.db", "mailroom.db-wal", "mailroom.db-shm"]) expect(mode(path.join(dir, file)), file).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
