import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authSecret } from "@/lib/secrets";
import { dummyPasswordHash, verifyPassword } from "./password";
import { beginSignInAttempt, signInSucceeded } from "./throttle";
import { recordActivity } from "@/lib/activity/log";
import { clientIp } from "./client-ip";
import { endSessions, sessionIsCurrent } from "./revoke";
import { SESSION_IDLE_SECONDS, sessionTokenExpired } from "./session-lifetime";

/** Error codes the sign-in form translates; "throttled:<minutes>" carries the wait. */
export const SIGN_IN_FAILED = "invalid";
const SESSION_EXPIRED = "session expired";

export const authOptions: NextAuthOptions = {
  // Read on use, not on import: `next build` loads this module and must not create secrets.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
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

        // A locked pair or address is answered before any hashing: refusing must stay cheap.
        const attempt = beginSignInAttempt(db, email, ip);
        if (attempt.locked) throw new Error(`throttled:${Math.ceil(attempt.waitMs / 60_000)}`);
        if (attempt.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));

        const user = email ? db.select().from(users).where(eq(users.email, email)).get() : undefined;
        const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
        // A disabled account gets the same answer as a wrong password.
        if (!user || !ok || user.disabledAt) {
          recordActivity({ businessId: user?.businessId ?? null, kind: "sign_in_failed", subject: email, ipAddress: ip });
          throw new Error(SIGN_IN_FAILED);
        }
        signInSucceeded(db, email, ip);
        recordActivity({ businessId: user.businessId, kind: "sign_in", actor: user, subject: user.email, ipAddress: ip });
        return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  events: {
    // next-auth's own /api/auth/signout ends the sessions too, not just this browser's cookie.
    signOut({ token }) {
      const id = Number(token?.sub);
      if (Number.isInteger(id) && id > 0 && !sessionTokenExpired(token)) endSessions(id, Number(token.sessionVersion ?? 0));
    },
  },
  // next-auth logs errors with their metadata; keep tokens and credentials out of the log.
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      const message = error instanceof Error ? error.message : "";
      if (message === SESSION_EXPIRED) return;
      console.error(`[next-auth] ${code}${message ? `: ${message}` : ""}`);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
  callbacks: {
    // The token carries the user id and session version; role and business are read fresh from
    // the database on every request (lib/auth/session.ts), which also rejects a signed-out version.
    // A token past its lifetime or from before a sign-out is refused here, so next-auth's own
    // /api/auth/session neither answers nor renews it: throwing clears the cookie.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.signedInAt = Date.now();
        return token;
      }
      if (sessionTokenExpired(token) || !sessionIsCurrent(Number(token.sub), Number(token.sessionVersion ?? 0))) {
        throw new Error(SESSION_EXPIRED);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.sub, sessionVersion: token.sessionVersion });
      return session;
    },
  },
};
