import { NewContactPage, contactTitle } from "@/app/(app)/_contacts/pages";

export const generateMetadata = () => contactTitle("customer", "new");

export default function Page() {
  return <NewContactPage kind="customer" />;
}
