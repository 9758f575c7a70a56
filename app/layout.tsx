import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import "./globals.css";

// Every page reads the session and the database per request; never prerender at build time
// (which would also create the database during `next build`).
export const dynamic = "force-dynamic";

// The product's name, the same in every language.
export const metadata: Metadata = {
  title: { default: "Mailroom", template: "%s · Mailroom" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
