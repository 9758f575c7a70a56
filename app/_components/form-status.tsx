"use client";

/**
 * Both live regions stay mounted so screen readers announce changes: progress and success are
 * polite (role=status), errors assertive (role=alert).
 */
export function FormStatus({ kind, children }: { kind: "ok" | "error" | "info" | null; children?: React.ReactNode }) {
  const show = Boolean(kind && children);
  return (
    <>
      <div role="status">{show && kind !== "error" ? <div className={`notice ${kind}`}>{children}</div> : null}</div>
      <div role="alert">{show && kind === "error" ? <div className="notice error">{children}</div> : null}</div>
    </>
  );
}
