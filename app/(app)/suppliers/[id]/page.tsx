import { ContactPage, contactPageTitle } from "@/app/(app)/_contacts/pages";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return contactPageTitle("supplier", (await params).id);
}

export default async function Page({ params }: Props) {
  return <ContactPage kind="supplier" idParam={(await params).id} />;
}
