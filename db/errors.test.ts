import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isConstraintError } from "./errors";

describe("isConstraintError", () => {
  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  sqlite.exec("create table p (id integer primary key, ref text unique); create table c (p_id integer references p(id) on delete restrict)");
  sqlite.exec("insert into p values (1, 'A'); insert into c values (1)");
  const failure = (sql: string) => {
    try {
      sqlite.prepare(sql).run();
    } catch (error) {
      return error;
    }
    throw new Error("expected the statement to fail");
  };

  it("tells unique and foreign-key refusals apart, also when wrapped", () => {
    const unique = failure("insert into p values (2, 'A')");
    const foreignKey = failure("delete from p where id = 1");
    expect(isConstraintError(unique, "UNIQUE")).toBe(true);
    expect(isConstraintError(unique, "FOREIGNKEY")).toBe(false);
    expect(isConstraintError(foreignKey, "FOREIGNKEY")).toBe(true);
    expect(isConstraintError(new Error("query failed", { cause: foreignKey }), "FOREIGNKEY")).toBe(true);
    expect(isConstraintError(new Error("other"), "UNIQUE")).toBe(false);
    expect(isConstraintError(undefined, "UNIQUE")).toBe(false);
  });
});
