/** True when better-sqlite3 refused a write for this constraint (drizzle may wrap the error in `cause`). */
export function isConstraintError(error: unknown, kind: "UNIQUE" | "FOREIGNKEY"): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === `SQLITE_CONSTRAINT_${kind}`) return true;
    // ON DELETE RESTRICT fires as a trigger-style constraint, with this message.
    if (kind === "FOREIGNKEY" && code === "SQLITE_CONSTRAINT_TRIGGER" && message === "FOREIGN KEY constraint failed") return true;
  }
  return false;
}
