import "./zod-jitless";
import { z } from "zod";
import { isEmailAddress, joinAddressList, MAX_ADDRESS_LENGTH, MAX_ADDRESSES, parseAddressList } from "./addresses";

/** One address: trimmed, otherwise exactly as typed. Messages are catalog keys. */
export const emailAddressSchema = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .max(MAX_ADDRESS_LENGTH, "validation.tooLong")
  .refine(isEmailAddress, "validation.email");

/**
 * A "To"/"Cc"/"Reply-to" field. Output is the normalized list joined with ", " (the storage format
 * of contacts.emails and email_settings.reply_to_addresses); call parseAddressList on it again to
 * get the array for the transport. Not required → "" is accepted and stays "".
 */
export function addressListSchema({ required }: { required: boolean }) {
  return z.string("validation.required").transform((input, ctx) => {
    const result = parseAddressList(input);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: "validation.addressList.invalid", params: { invalid: result.invalid } });
      return z.NEVER;
    }
    if (result.addresses.length === 0 && required) {
      ctx.addIssue({ code: "custom", message: "validation.required" });
      return z.NEVER;
    }
    if (result.addresses.length > MAX_ADDRESSES) {
      ctx.addIssue({ code: "custom", message: "validation.addressList.tooMany" });
      return z.NEVER;
    }
    return joinAddressList(result.addresses);
  });
}
