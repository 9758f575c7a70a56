import Link from "next/link";
import type { ReactNode } from "react";
import type { getTranslations } from "next-intl/server";
import { guideStepPath, registrationGuideFor, type Guide } from "@/lib/guides/guides";

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

/**
 * Renders one guide text of the "guides" namespace with its tags: the link goes to the provider's
 * (or cloud console's) page, the wizard link to the app-registration wizard of its sign-in.
 */
export function guideText(t: Translator, key: string, guide: Guide, appName: string): ReactNode {
  const signIn = guide.provider?.signIn?.with;
  return t.rich(key, {
    appName,
    strong: (chunks) => <strong>{chunks}</strong>,
    code: (chunks) => <code>{chunks}</code>,
    link: (chunks) => (
      <ProviderLink href={guide.linkUrl} newTabLabel={t("opensInNewTab")}>
        {chunks}
      </ProviderLink>
    ),
    wizard: (chunks) => (signIn ? <Link href={guideStepPath(registrationGuideFor(signIn).slug, 1)}>{chunks}</Link> : chunks),
  });
}
