import { ClientTranslations } from "@/app/_components/client-translations";

// Translated client components below: the contact form and Delete.
export default function CustomersLayout({ children }: { children: React.ReactNode }) {
  return <ClientTranslations>{children}</ClientTranslations>;
}
