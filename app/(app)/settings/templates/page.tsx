import { ComingSoon } from "@/app/_components/coming-soon";
import { requireAdmin } from "@/lib/auth/session";

export default async function Page() {
  await requireAdmin();
  return <ComingSoon titleKey="settings.templates.title" />;
}
