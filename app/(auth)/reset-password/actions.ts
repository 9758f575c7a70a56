"use server";

import { recordActivity } from "@/lib/activity/log";
import { commonPasswordErrors } from "@/lib/auth/common-passwords";
import { requestIp } from "@/lib/auth/request-ip";
import { redeemPasswordResetToken } from "@/lib/users/lifecycle";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { resetPasswordSchema } from "@/lib/validation/user-lifecycle";

/** Public: the emailed token is the only credential; it works once, within the hour. */
export async function resetPassword(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    return fieldErrors.token ? { ok: false, error: "forbidden", message: "resetPassword.invalidLink" } : { ok: false, error: "invalid", fieldErrors };
  }
  const common = commonPasswordErrors("password", parsed.data.password);
  if (common) return common;
  const redeemed = await redeemPasswordResetToken(parsed.data);
  if (!redeemed) return { ok: false, error: "forbidden", message: "resetPassword.invalidLink" };
  recordActivity({ businessId: redeemed.businessId, kind: "password_reset_used", subject: redeemed.email, ipAddress: await requestIp() });
  return { ok: true, data: undefined };
}
