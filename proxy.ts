import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { refuseMalformedAction } from "@/lib/http/action-guard";
import { contentSecurityPolicy, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { authSecret } from "@/lib/secrets";

// Pages anyone may open; every other page sends anonymous visitors to sign in.
const PUBLIC_PAGES = /^\/(login|setup|reset-password)\/?$/;

/**
 * Sets every page's security headers (a fresh CSP nonce each time, which Next.js puts on its own
 * scripts), refuses malformed server action posts with a 4xx, and redirects anonymous page
 * visits to /login. It is only a convenience for access: every page, server action and route
 * handler checks the session and role itself, and the tests call them anonymously to prove it.
 */
export default async function proxy(request: NextRequest) {
  const refusal = await refuseMalformedAction(request);
  if (refusal) return new NextResponse(refusal.reason, { status: refusal.status, headers: { "Content-Type": "text/plain" } });

  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.test(pathname) && !request.headers.has("next-action")) {
    const token = await getToken({ req: request, secret: authSecret() });
    if (!token) {
      const login = new URL("/login", request.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Permissions-Policy", PERMISSIONS_POLICY);
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  // Pages and server actions; route handlers (api/, document PDFs, email bodies) and static files set their own headers.
  matcher: ["/((?!api/|documents/[^/]+/[^/]+/pdf$|emails/[^/]+/body$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
