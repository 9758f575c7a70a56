import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { businesses, users } from "@/db/schema";
import {
  changeUserRole,
  createPasswordResetToken,
  peekPasswordResetToken,
  redeemPasswordResetToken,
  RESET_LINK_LIFETIME_MS,
  setUserDisabled,
} from "./lifecycle";

let db: Db;
let businessId: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  process.env.DATABASE_PATH = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-users-")), "test.db");
  db = (await import("@/db/client")).getDb();
  businessId = db.insert(businesses).values({ name: "Acme" }).returning().get().id;
  for (const [name, role] of [["ann", "admin"], ["bob", "admin"], ["cat", "staff"]] as const) {
    ids[name] = db.insert(users).values({ businessId, name, email: `${name}@acme.test`, passwordHash: "x", role }).returning().get().id;
  }
});

describe("user lifecycle", () => {
  it("never leaves the business without an active administrator", () => {
    expect(setUserDisabled({ businessId, userId: ids.bob, disabled: true })).toEqual({ ok: true, email: "bob@acme.test" });
    expect(setUserDisabled({ businessId, userId: ids.ann, disabled: true })).toEqual({ ok: false, reason: "last_admin" });
    expect(changeUserRole({ businessId, userId: ids.ann, role: "staff" })).toEqual({ ok: false, reason: "last_admin" });
    expect(changeUserRole({ businessId, userId: ids.cat, role: "admin" })).toEqual({ ok: true, email: "cat@acme.test" });
    expect(changeUserRole({ businessId, userId: ids.ann, role: "staff" })).toEqual({ ok: true, email: "ann@acme.test" });
  });

  it("a reset token works once, within the hour, and only its hash is stored", async () => {
    const now = Date.now();
    const token = createPasswordResetToken({ userId: ids.cat, now });
    expect(JSON.stringify(db.select().from((await import("@/db/schema")).passwordResetTokens).all())).not.toContain(token);
    expect(peekPasswordResetToken({ token, now: now + RESET_LINK_LIFETIME_MS + 1 })).toBeNull();
    const [first, second] = await Promise.all([
      redeemPasswordResetToken({ token, password: "cat-new-password-1", now: now + 1000 }),
      redeemPasswordResetToken({ token, password: "cat-other-password-2", now: now + 1000 }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await redeemPasswordResetToken({ token, password: "cat-third-password-3", now: now + 2000 })).toBeNull();
  });

  it("an expired token is refused", async () => {
    const now = Date.now();
    const token = createPasswordResetToken({ userId: ids.ann, now });
    expect(await redeemPasswordResetToken({ token, password: "ann-new-password-1", now: now + RESET_LINK_LIFETIME_MS + 1 })).toBeNull();
  });
});
