import { getTranslations } from "next-intl/server";
import { signOut } from "./sign-out-action";

/** A plain form: signing out works before the page's JavaScript has loaded, or without it. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOut}>
      <button type="submit" className="secondary">
        {t("signOut")}
      </button>
    </form>
  );
}
