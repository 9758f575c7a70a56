import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/secrets";

// Only a convenience redirect for anonymous page visits (API routes and document PDFs answer 401 themselves): every page, action and route handler
// checks the session and role itself.
export default withAuth({
  // Read on use, not on import: `next build` loads this module and must not create secrets.
  get secret() {
    return authSecret();
  },
  pages: { signIn: "/login" },
});

export const config = {
  matcher: ["/((?!login|setup|api/|documents/[^/]+/[^/]+/pdf$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
