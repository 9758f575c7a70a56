import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authSecret } from "@/lib/secrets";
import { dummyPasswordHash, verifyPassword } from "./password";
import { beginSignInAttempt, signInSucceeded } from "./throttle";
import { clientIp } from "./client-ip";

/** Error codes the sign-in form translates; "throttled:<minutes>" carries the wait. */
export const SIGN_IN_FAILED = "invalid";

export const authOptions: NextAuthOptions = {
  // Read on use, not on import: `next build` loads this module and must not create secrets.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 1024);
        const ip = clientIp(req?.headers ?? {});
        const db = getDb();

        const waitMs = beginSignInAttempt(db, email, ip);
        if (waitMs > 0) throw new Error(`throttled:${Math.ceil(waitMs / 60_000)}`);

        const user = email ? db.select().from(users).where(eq(users.email, email)).get() : undefined;
        const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
        if (!user || !ok) throw new Error(SIGN_IN_FAILED);
        signInSucceeded(db, email, ip);
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries the user id and session version; role and business are read fresh from
    // the database on every request (lib/auth/session.ts), which also rejects a signed-out version.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.sub, sessionVersion: token.sessionVersion });
      return session;
    },
  },
};
