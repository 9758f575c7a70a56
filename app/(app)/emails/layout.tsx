import { ClientTranslations } from "@/app/_components/client-translations";

// Translated client components below: Retry and the diagnosis.
export default function EmailsLayout({ children }: { children: React.ReactNode }) {
  return <ClientTranslations>{children}</ClientTranslations>;
}
