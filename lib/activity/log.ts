import "server-only";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { ActivityKind } from "@/db/enums";
import { activityLog } from "@/db/schema";

export type { ActivityKind };

export interface ActivityEntry {
  businessId: number | null;
  kind: ActivityKind;
  actor?: { id: number; email: string } | null;
  /** What it was about, never a secret: a user's email, a template's type, a server name. */
  subject?: string;
  ipAddress?: string;
}

export function recordActivity(entry: ActivityEntry): void {
  getDb()
    .insert(activityLog)
    .values({
      businessId: entry.businessId,
      kind: entry.kind,
      actorUserId: entry.actor?.id ?? null,
      actorLabel: (entry.actor?.email ?? "").slice(0, 254),
      subject: (entry.subject ?? "").slice(0, 300),
      ipAddress: (entry.ipAddress ?? "").slice(0, 64),
    })
    .run();
}

/** The newest entries for a business, with failed sign-ins on unknown addresses (no business). */
export function listActivity({ businessId, limit = 200 }: { businessId: number; limit?: number }) {
  return getDb()
    .select()
    .from(activityLog)
    .where(or(eq(activityLog.businessId, businessId), and(isNull(activityLog.businessId), eq(activityLog.kind, "sign_in_failed"))))
    .orderBy(desc(activityLog.createdAt), desc(activityLog.id))
    .limit(limit)
    .all();
}

/** How settings are named in the log: protocol and server, never a username or password. */
export function settingsSummary(values: { protocol: string; smtpHost: string; smtpPort: number | string; httpUrl: string }): string {
  return values.protocol === "smtp"
    ? configSummary({ kind: "smtp", host: values.smtpHost, port: values.smtpPort })
    : configSummary({ kind: "http", url: values.httpUrl });
}

export function configSummary(
  config: { kind: "smtp"; host: string; port: number | string } | { kind: "http"; url: string } | { kind: "microsoft" | "google"; address: string },
): string {
  if (config.kind === "smtp") return `SMTP ${config.host}:${config.port}`;
  if (config.kind !== "http") return `${config.kind === "microsoft" ? "Microsoft" : "Google"} ${config.address}`;
  try {
    return `HTTP ${new URL(config.url).host}`;
  } catch {
    return "HTTP";
  }
}
