"use server";

import { revalidatePath } from "next/cache";
import { recordActivity, type ActivityKind } from "@/lib/activity/log";
import { adminAction } from "@/lib/auth/action";
import { commonPasswordErrors } from "@/lib/auth/common-passwords";
import { requestIp } from "@/lib/auth/request-ip";
import type { CurrentUser } from "@/lib/auth/session";
import { asLocale } from "@/lib/i18n/locale";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import {
  changeUserRole,
  createPasswordResetToken,
  deleteUserWithoutHistory,
  findBusinessUser,
  setTemporaryPassword,
  setUserDisabled,
  signOutEverywhere,
  type LifecycleResult,
} from "@/lib/users/lifecycle";
import { sendPasswordResetEmail } from "@/lib/users/password-reset-email";
import type { ActionResult } from "@/lib/validation/action-result";
import { changeRoleSchema, temporaryPasswordSchema, userIdSchema } from "@/lib/validation/user-lifecycle";

/** One answer shape for every user-page action, and one activity entry when it went through. */
async function answer(result: LifecycleResult, admin: CurrentUser, kind: ActivityKind): Promise<ActionResult> {
  if (!result.ok) {
    if (result.reason === "not_found") return { ok: false, error: "not_found" };
    return { ok: false, error: "conflict", message: `settings.users.refusals.${result.reason}` };
  }
  recordActivity({ businessId: admin.businessId, kind, actor: admin, subject: result.email, ipAddress: await requestIp() });
  revalidatePath("/settings/users", "layout");
  return { ok: true, data: undefined };
}

export const disableUser = adminAction(userIdSchema, async ({ userId }, admin) =>
  answer(setUserDisabled({ businessId: admin.businessId, userId, disabled: true }), admin, "user_disabled"),
);

export const enableUser = adminAction(userIdSchema, async ({ userId }, admin) =>
  answer(setUserDisabled({ businessId: admin.businessId, userId, disabled: false }), admin, "user_enabled"),
);

export const deleteUser = adminAction(userIdSchema, async ({ userId }, admin) =>
  answer(deleteUserWithoutHistory({ businessId: admin.businessId, userId, actingUserId: admin.id }), admin, "user_deleted"),
);

export const changeRole = adminAction(changeRoleSchema, async ({ userId, role }, admin) =>
  answer(changeUserRole({ businessId: admin.businessId, userId, role }), admin, "role_changed"),
);

export const endUserSessions = adminAction(userIdSchema, async ({ userId }, admin) =>
  answer(signOutEverywhere({ businessId: admin.businessId, userId }), admin, "signed_out_everywhere"),
);

export const setUserTemporaryPassword = adminAction(temporaryPasswordSchema, async ({ userId, password }, admin) => {
  const common = commonPasswordErrors("password", password);
  if (common) return common;
  return answer(await setTemporaryPassword({ businessId: admin.businessId, userId, password }), admin, "temporary_password_set");
});

/** Emails a single-use link valid for an hour, through the business's own email settings. */
export const sendResetLink = adminAction(userIdSchema, async ({ userId }, admin) => {
  const user = findBusinessUser({ businessId: admin.businessId, userId });
  if (!user) return { ok: false, error: "not_found" };
  const token = createPasswordResetToken({ userId });
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  // The email speaks the recipient's language when they chose one.
  const locale = user.locale ? asLocale(user.locale) : await getRequestLocale();
  const sent = await sendPasswordResetEmail(admin.businessId, user.email, new URL(`/reset-password?token=${token}`, base).toString(), locale);
  if (sent !== "sent") return { ok: false, error: "failed", message: `settings.users.resetLink.${sent}` };
  return answer({ ok: true, email: user.email }, admin, "password_reset_sent");
});
