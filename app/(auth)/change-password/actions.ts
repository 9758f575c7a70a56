"use server";

import { recordActivity } from "@/lib/activity/log";
import { commonPasswordErrors } from "@/lib/auth/common-passwords";
import { verifyUserPassword } from "@/lib/auth/credentials";
import { requestIp } from "@/lib/auth/request-ip";
import { sessionUser } from "@/lib/auth/session";
import { replacePassword } from "@/lib/users/lifecycle";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { changeOwnPasswordSchema } from "@/lib/validation/user-lifecycle";

/**
 * Everyone changes their own password with the current one; a user with a temporary password
 * reaches only this. Every session ends, so the browser signs in again with the new password.
 */
export async function changeOwnPassword(input: unknown): Promise<ActionResult> {
  const user = await sessionUser();
  if (!user) return { ok: false, error: "unauthorized" };
  const parsed = changeOwnPasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!(await verifyUserPassword(user.id, parsed.data.currentPassword))) {
    return { ok: false, error: "invalid", fieldErrors: { currentPassword: "changePassword.currentWrong" } };
  }
  const common = commonPasswordErrors("password", parsed.data.password);
  if (common) return common;
  await replacePassword({ userId: user.id, password: parsed.data.password });
  recordActivity({ businessId: user.businessId, kind: "password_changed", actor: user, subject: user.email, ipAddress: await requestIp() });
  return { ok: true, data: undefined };
}
