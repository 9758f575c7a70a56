import "server-only";
import { notFound } from "next/navigation";
import { parseRouteId } from "@/lib/validation/route-id";
import { isDocumentType, type DocumentType } from "@/lib/documents/types";

export type TypeParams = { params: Promise<{ type: string }> };
export type DocumentParams = { params: Promise<{ type: string; id: string }> };

/** The `[type]` segment, or a 404 page for anything that is not one of the five types. */
export async function documentTypeParam({ params }: TypeParams): Promise<DocumentType> {
  const { type } = await params;
  if (!isDocumentType(type)) notFound();
  return type;
}

/** `[type]` and `[id]`; whether the id is this business's is for the caller's query to decide. */
export async function documentParams({ params }: DocumentParams): Promise<{ type: DocumentType; id: number }> {
  const { type, id } = await params;
  const documentId = parseRouteId(id);
  if (!isDocumentType(type) || documentId === null) notFound();
  return { type, id: documentId };
}
