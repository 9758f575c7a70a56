import { NextIntlClientProvider } from "next-intl";

/**
 * Messages for the translated client components below it. Only the route segments that have such
 * components use it, so next-intl's browser runtime (≈13 kB gzip) stays off every other page.
 */
export function ClientTranslations({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
