import { currentUser } from "@/lib/auth/session";
import { getBusinessLogo } from "@/lib/businesses/queries";

/** The business's logo for the Business details form; every user of the business sees it on its PDFs anyway. */
export async function GET() {
  const user = await currentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const logo = getBusinessLogo({ businessId: user.businessId });
  if (!logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(logo.content), {
    headers: { "Content-Type": logo.contentType, "Content-Length": String(logo.content.length), "Cache-Control": "private, no-store" },
  });
}
