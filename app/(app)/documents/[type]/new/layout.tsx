import { ClientTranslations } from "@/app/_components/client-translations";

// Translated client components below: the document form.
export default function NewDocumentLayout({ children }: { children: React.ReactNode }) {
  return <ClientTranslations>{children}</ClientTranslations>;
}
