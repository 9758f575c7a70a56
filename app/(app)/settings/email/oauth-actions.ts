"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/action";
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
  await disconnect(user.businessId, provider);
  revalidatePath("/", "layout");
  return { ok: true, data: undefined };
});
