import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/secrets";

// Only a convenience redirect for anonymous page visits. It does not stand in front of server
// actions (POSTs with a Next-Action header), API routes or document PDFs: every page, action and
// route handler checks the session and role itself, and the tests call them anonymously to prove it.
export default withAuth({
  // Read on use, not on import: `next build` loads this module and must not create secrets.
  get secret() {
    return authSecret();
  },
  pages: { signIn: "/login" },
  callbacks: {
    authorized: ({ req, token }) => Boolean(token) || req.headers.has("next-action"),
  },
});

export const config = {
  matcher: ["/((?!login|setup|api/|documents/[^/]+/[^/]+/pdf$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
