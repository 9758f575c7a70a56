import { ClientTranslations } from "@/app/_components/client-translations";

// Translated client components below: the document form, Delete, the Email dialog and Retry.
export default function DocumentLayout({ children }: { children: React.ReactNode }) {
  return <ClientTranslations>{children}</ClientTranslations>;
}
