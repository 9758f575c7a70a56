import { ComingSoon } from "@/app/_components/coming-soon";

export default function Page() {
  return <ComingSoon titleKey="nav.suppliers" />;
}
