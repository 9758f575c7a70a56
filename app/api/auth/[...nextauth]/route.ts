import NextAuth from "next-auth";
import { callbackUrlsOf, isSafeCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers a callbackUrl it cannot use (javascript:, another site) with a 500: refuse it first.
async function handler(request: Request, context: Context) {
  const origin = new URL(process.env.NEXTAUTH_URL ?? request.url).origin;
  const urls = await callbackUrlsOf(request);
  if (!urls.every((url) => isSafeCallbackUrl(url, origin))) {
    return Response.json({ error: "invalid callbackUrl" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  return nextAuth(request, context);
}

export { handler as GET, handler as POST };
