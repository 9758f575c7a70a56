import { currentUser } from "@/lib/auth/session";
import { parseRouteId } from "@/lib/validation/route-id";
import { contentDisposition } from "@/lib/documents/content-disposition";
import { documentPdf } from "@/lib/documents/pdf-file";
import { loadDocumentBundle } from "@/lib/documents/queries";
import { isDocumentType } from "@/lib/documents/types";
import { getRequestLocale } from "@/lib/i18n/request-locale";

/** The document as a PDF in the viewer's language; `?download=1` saves it, otherwise it shows inline. */
export async function GET(request: Request, { params }: { params: Promise<{ type: string; id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const { type, id } = await params;
  const documentId = parseRouteId(id);
  const bundle = documentId === null || !isDocumentType(type) ? null : loadDocumentBundle(user.businessId, documentId);
  if (!bundle || bundle.document.type !== type) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

  const { content, filename } = await documentPdf(bundle, await getRequestLocale());
  const download = new URL(request.url).searchParams.get("download") === "1";
  return new Response(new Uint8Array(content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", filename),
      "Content-Length": String(content.length),
      // Framing (same origin only, for the preview on the document page) is set in next.config.ts.
      "Cache-Control": "private, no-store",
    },
  });
}
