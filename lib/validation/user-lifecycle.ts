import "./zod-jitless";
import { z } from "zod";
import { userRoles } from "@/lib/auth/roles";
import { newPasswordSchema } from "./auth";

const userId = z.coerce.number("validation.required").int().positive();

/** Forms of the user page under Settings → Users: each names the user it acts on. */
export const userIdSchema = z.object({ userId });
export const changeRoleSchema = z.object({ userId, role: z.enum(userRoles, "validation.required") });
export const temporaryPasswordSchema = z.object({ userId, password: newPasswordSchema });

export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string("validation.required").min(1, "validation.required").max(1024, "validation.tooLong"),
  password: newPasswordSchema,
});

export const resetPasswordSchema = z.object({
  token: z.string("validation.required").min(20).max(200),
  password: newPasswordSchema,
});
