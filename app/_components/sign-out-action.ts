"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSessions } from "@/lib/auth/revoke";
import { currentUser } from "@/lib/auth/session";

// Sessions are JWTs in next-auth's cookies: signing out ends the user's sessions server-side
// (so a copied token stops working too) and removes the cookies (plain or __Secure- names).
const SESSION_COOKIES = ["session-token", "csrf-token", "callback-url"].flatMap((name) => [
  `next-auth.${name}`,
  `__Secure-next-auth.${name}`,
  `__Host-next-auth.${name}`,
]);

export async function signOut(): Promise<void> {
  const user = await currentUser();
  if (user) endSessions(user.id);
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
  redirect("/login");
}
