import { ClientTranslations } from "@/app/_components/client-translations";

// Translated client components below: the sign-in and first-run forms.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientTranslations>{children}</ClientTranslations>;
}
