// Headers every page answers with. Scripts run only with this response's nonce (and what those
// scripts load: 'strict-dynamic'); styles may be inline (React style props); images are ours or
// data: URLs, so an email preview (a sandboxed srcdoc frame inherits this policy) loads no
// remote image. No plugins: document PDFs are shown in frames, by the browser's own viewer.
export function contentSecurityPolicy(nonce: string, { dev = false }: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Browser features Mailroom never uses, turned off for every page and anything it embeds. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** Two years, subdomains included: only ever sent over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
