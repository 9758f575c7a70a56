"use server";

import { revalidatePath } from "next/cache";
import { configSummary, recordActivity } from "@/lib/activity/log";
import { adminAction } from "@/lib/auth/action";
import { requestIp } from "@/lib/auth/request-ip";
import { oauthProviders, serverWideRegistration } from "@/lib/mail/oauth/providers";
import { disconnect, startSignIn } from "@/lib/mail/oauth/sign-in";
import { oauthProviderSchema, oauthSignInSchema } from "@/lib/validation/oauth-sign-in";

/** Records a sign-in for this admin and answers where to send the browser (the provider's sign-in page). */
export const startSignInAction = adminAction(
  () => oauthSignInSchema({ serverWide: oauthProviders.filter((provider) => serverWideRegistration(provider)) }),
  async (values, user) => {
    const started = startSignIn({ businessId: user.businessId, userId: user.id, ...values });
    if (!started.ok) return { ok: false, error: "invalid", fieldErrors: { clientSecret: "emailSettings.errors.clientSecretRequired" } };
    return { ok: true, data: { authorizeUrl: started.authorizeUrl } };
  },
);

/** Revokes (Google) and deletes the stored tokens. */
export const disconnectAction = adminAction(oauthProviderSchema, async ({ provider }, user) => {
  const disconnected = await disconnect(user.businessId, provider);
  if (disconnected) {
    const subject = configSummary({ kind: provider, address: disconnected.address });
    recordActivity({ businessId: user.businessId, kind: "email_disconnected", actor: user, subject, ipAddress: await requestIp() });
  }
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});
