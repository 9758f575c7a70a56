import { ContactPage, contactPageTitle } from "@/app/(app)/_contacts/pages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return contactPageTitle("customer", (await params).id);
}

export default async function Page({ params }: Props) {
  return <ContactPage kind="customer" idParam={(await params).id} />;
}
