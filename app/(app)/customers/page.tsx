import { ContactListPage, contactTitle } from "@/app/(app)/_contacts/pages";

export const generateMetadata = () => contactTitle("customer", "title");

export default function Page() {
  return <ContactListPage kind="customer" />;
}
