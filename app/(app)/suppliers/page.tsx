import { ContactListPage, contactTitle } from "@/app/(app)/_contacts/pages";

export const generateMetadata = () => contactTitle("supplier", "title");

export default function Page() {
  return <ContactListPage kind="supplier" />;
}
