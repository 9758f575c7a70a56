/**
 * `attachment; filename="Sales Invoice INV-0001.pdf"; filename*=UTF-8''Sales%20Invoice%20INV-0001.pdf`
 * (RFC 6266 with the RFC 5987 form for non-ASCII names); `inline` for the in-page preview.
 */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
