import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { guideFor, guideStepPath } from "@/lib/guides/guides";

/** /guides/<provider> starts the wizard at its first step. */
export default async function GuideStartPage({ params }: { params: Promise<{ provider: string }> }) {
  await requireUser();
  const { provider } = await params;
  const guide = guideFor(provider);
  if (!guide) notFound();
  redirect(guideStepPath(guide.slug, 1));
}
