import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Catalogs are precompiled at build time, so browsers get next-intl without its ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Every response carries its page's metadata (the title) before the content, instead of
  // streaming it after: no page, nor a page that re-reads itself, is ever shown without its title.
  htmlLimitedBots: /./,
  // pdfkit reads its font metrics from node_modules at run time, so it must not be bundled; the
  // document font is parsed with the same fontkit pdfkit uses.
  serverExternalPackages: ["better-sqlite3", "pdfkit", "fontkit", "nodemailer"],
  experimental: {
    authInterrupts: true,
    // A logo of up to 1 MB travels base64-encoded (a third larger) with the business details.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    // Pages get a nonce-based CSP, Permissions-Policy and HSTS from proxy.ts; these hold everywhere.
    const common = [
      { key: "X-Frame-Options", value: "SAMEORIGIN" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    // Route handlers (JSON, the PDF framed by the document page) have no scripts to allow. The PDF
    // keeps object-src 'self': Chromium's viewer embeds the PDF in its own response.
    const routeCsp = { key: "Content-Security-Policy", value: "frame-ancestors 'self'; object-src 'self'; base-uri 'self'" };
    return [
      { source: "/:path*", headers: common },
      { source: "/api/:path*", headers: [routeCsp] },
      { source: "/documents/:type/:id/pdf", headers: [routeCsp] },
    ];
  },
};

export default withNextIntl(nextConfig);
