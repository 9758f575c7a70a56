import type { ContactKind } from "@/db/schema";

export type { ContactKind } from "@/db/schema";

/** Where each kind of contact lives and which catalog keys name it. Pure data: safe in client components. */
export const contactKindInfo = {
  customer: { kind: "customer", basePath: "/customers", messages: "contacts.customer" },
  supplier: { kind: "supplier", basePath: "/suppliers", messages: "contacts.supplier" },
} as const satisfies Record<ContactKind, { kind: ContactKind; basePath: string; messages: string }>;

/** "12" → 12; anything that is not a positive integer id → null (the page answers 404). */
export function parseId(value: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
