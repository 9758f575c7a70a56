import type { ContactKind } from "@/db/enums";

export { contactKinds, type ContactKind } from "@/db/enums";

/** Where each kind of contact lives and which catalog keys name it. Pure data: safe in client components. */
export const contactKindInfo = {
  customer: { kind: "customer", basePath: "/customers", messages: "contacts.customer" },
  supplier: { kind: "supplier", basePath: "/suppliers", messages: "contacts.supplier" },
} as const satisfies Record<ContactKind, { kind: ContactKind; basePath: string; messages: string }>;
