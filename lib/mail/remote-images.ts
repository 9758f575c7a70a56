/** Whether an email's HTML asks for images from other hosts, which previews hold back until asked. */
export function hasRemoteImages(html: string): boolean {
  return /<img\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//i.test(html) || /url\(\s*["']?\s*(https?:)?\/\//i.test(html);
}

/**
 * The policy for an email body shown with its images: no script, no form, no frame, nothing of
 * Mailroom's reachable (a sandbox without same-origin), only images from anywhere.
 */
export const EMAIL_BODY_WITH_IMAGES_CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
