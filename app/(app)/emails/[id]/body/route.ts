import { currentUser } from "@/lib/auth/session";
import { htmlWithInlineImages } from "@/lib/mail/compose";
import { loadEmail } from "@/lib/mail/email-log";
import { EMAIL_BODY_WITH_IMAGES_CSP } from "@/lib/mail/remote-images";
import { parseRouteId } from "@/lib/validation/route-id";

/** A logged email's HTML with its remote images allowed: what the email page's "Load images" shows. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const emailId = parseRouteId((await params).id);
  const found = emailId === null ? null : loadEmail(user.businessId, emailId);
  if (!found) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(htmlWithInlineImages(found.email.bodyHtml, found.inlineImages), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": EMAIL_BODY_WITH_IMAGES_CSP,
      // Image hosts learn nothing of Mailroom's addresses.
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
