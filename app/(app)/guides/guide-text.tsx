import type { ReactNode } from "react";
import type { getTranslations } from "next-intl/server";
import type { EmailProvider } from "@/lib/mail/providers";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** A link to the provider's own page; it opens in a new tab so the guide stays where it was. */
export function ProviderLink({ href, newTabLabel, children }: { href: string; newTabLabel: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {newTabLabel}</span>
    </a>
  );
}

/** Renders one guide text of the "guides" namespace with its tags; the link goes to the provider's security page. */
export function guideText(t: Translator, key: string, provider: EmailProvider, appName: string): ReactNode {
  return t.rich(key, {
    appName,
    strong: (chunks) => <strong>{chunks}</strong>,
    code: (chunks) => <code>{chunks}</code>,
    link: (chunks) => (
      <ProviderLink href={provider.securityUrl} newTabLabel={t("opensInNewTab")}>
        {chunks}
      </ProviderLink>
    ),
  });
}
