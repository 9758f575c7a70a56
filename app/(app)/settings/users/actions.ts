"use server";

import { revalidatePath } from "next/cache";
import { recordActivity } from "@/lib/activity/log";
import { adminAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/auth/request-ip";
import { commonPasswordErrors } from "@/lib/auth/common-passwords";
import { hashPassword } from "@/lib/auth/password";
import { addUser, isEmailTaken } from "@/lib/users/queries";
import { newUserSchema } from "@/lib/validation/auth";

const emailTaken = { ok: false, error: "conflict", fieldErrors: { email: "settings.users.emailTaken" } } as const;

export const addUserAction = adminAction(newUserSchema, async (input, admin) => {
  const common = commonPasswordErrors("password", input.password);
  if (common) return common;
  if (isEmailTaken({ email: input.email })) return emailTaken;
  const passwordHash = await hashPassword(input.password);
  const added = addUser({ businessId: admin.businessId, name: input.name, email: input.email, role: input.role, passwordHash });
  if (!added.ok) return emailTaken;
  recordActivity({ businessId: admin.businessId, kind: "user_added", actor: admin, subject: `${input.email} (${input.role})`, ipAddress: await requestIp() });
  revalidatePath("/settings/users");
  return { ok: true, data: undefined };
});
