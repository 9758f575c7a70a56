/** True when better-sqlite3 refused a write for this constraint (drizzle may wrap the error in `cause`). */
export function isConstraintError(error: unknown, kind: "UNIQUE" | "FOREIGNKEY"): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === `SQLITE_CONSTRAINT_${kind}`) return true;
  }
  return false;
}
