import { NewContactPage, contactTitle } from "@/app/(app)/_contacts/pages";

export const generateMetadata = () => contactTitle("supplier", "new");

export default function Page() {
  return <NewContactPage kind="supplier" />;
}
