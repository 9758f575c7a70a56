"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

// Sessions are JWTs in next-auth's cookies: signing out is removing them (both the plain and the
// __Secure- names, whichever this deployment uses).
const SESSION_COOKIES = ["session-token", "csrf-token", "callback-url"].flatMap((name) => [
  `next-auth.${name}`,
  `__Secure-next-auth.${name}`,
  `__Host-next-auth.${name}`,
]);

export async function signOut(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) if (jar.has(name)) jar.delete(name);
  redirect("/login");
}
