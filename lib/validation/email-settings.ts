import "./zod-jitless";
import { z } from "zod";
import { emailSettingsDefaults, mailProtocols, smtpSecurityModes } from "@/db/enums";
import { isBlockedAddress } from "@/lib/net/blocked-address";
import type { OAuthProvider } from "@/lib/mail/oauth/providers";
import { addressListSchema, emailAddressSchema } from "./address-schemas";
import { isEmailAddress, joinAddressList, parseAddressList } from "./addresses";
import { canReuseSavedPassword, needsSenderAddress, type SavedPasswordOwner } from "./email-settings-rules";

// One schema for the email settings form: the save and test handlers (safeParse) build it with the
// same context; the form applies ./email-settings-rules while typing. Messages are catalog keys.

const hostLabel = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const hostnamePattern = new RegExp(`^(?:${hostLabel}\\.)*${hostLabel}$`);
const ipv4Pattern = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const ipv6Pattern = /^\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?$/;
const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** An SMTP server as the user types it: a host name or IP, never a URL. "" when left blank. */
export function smtpHostProblem(value: string): string | undefined {
  if (value === "") return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.includes("/")) return "emailSettings.errors.hostScheme";
  if (/\s/.test(value)) return "emailSettings.errors.hostSpaces";
  if (value.length > 253) return "validation.tooLong";
  if (!hostnamePattern.test(value) && !ipv4Pattern.test(value) && !ipv6Pattern.test(value)) {
    return "emailSettings.errors.hostInvalid";
  }
  if (isBlockedAddress(value)) return "emailSettings.errors.hostBlocked";
  return undefined;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The HTTP relay URL: https, or http only for this machine. */
export function relayUrlProblem(value: string): string | undefined {
  if (value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "emailSettings.errors.urlInvalid";
  }
  if (controlChars.test(value) || /\s/.test(value) || url.username || url.password) return "emailSettings.errors.urlInvalid";
  if (isBlockedAddress(url.hostname)) return "emailSettings.errors.hostBlocked";
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return undefined;
  return "emailSettings.errors.urlHttps";
}

const oneLine = (max: number) =>
  z
    .string("validation.required")
    .trim()
    .max(max, "validation.tooLong")
    .refine((s) => !controlChars.test(s), "validation.controlChars");

function normalizedList(value: string): string {
  const parsed = parseAddressList(value);
  return parsed.ok ? joinAddressList(parsed.addresses) : value;
}

/** savedPassword: whom a stored password belongs to; connected: the providers a mailbox is signed in with. */
export function emailSettingsSchema({ savedPassword, connected = [] }: { savedPassword: SavedPasswordOwner; connected?: readonly OAuthProvider[] }) {
  return z
    .object({
      protocol: z.enum(mailProtocols, "validation.required"),
      smtpHost: oneLine(253),
      smtpPort: z.coerce
        .number("emailSettings.errors.port")
        .int("emailSettings.errors.port")
        .min(1, "emailSettings.errors.port")
        .max(65535, "emailSettings.errors.port"),
      smtpSecurity: z.enum(smtpSecurityModes, "validation.required"),
      smtpUsername: oneLine(254),
      smtpEmail: oneLine(254),
      // Write-only: blank means "keep the saved password". Never trimmed: spaces may be part of it.
      smtpPassword: z
        .string("validation.required")
        .max(1000, "validation.tooLong")
        .refine((s) => !controlChars.test(s), "validation.controlChars"),
      copyEnabled: z.boolean("validation.required"),
      copyAddress: oneLine(254),
      replyToEnabled: z.boolean("validation.required"),
      replyToAddresses: z.string("validation.required").max(2000, "validation.tooLong"),
      skipTlsVerify: z.boolean("validation.required"),
      httpUrl: oneLine(2000),
      httpReplyTo: oneLine(254),
      // Blank: the provider's published limit (unknown providers: no limit).
      sendRatePerMinute: z.union([
        z.literal("").transform(() => null),
        z.null(),
        z.coerce.number("emailSettings.errors.sendRate").int("emailSettings.errors.sendRate").min(1, "emailSettings.errors.sendRate").max(10_000, "emailSettings.errors.sendRate"),
      ]),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const checkAddress = (path: string, value: string, required: boolean) => {
        if (value === "") {
          if (required) issue(path, "validation.required");
        } else if (!emailAddressSchema.safeParse(value).success) issue(path, "validation.email");
      };

      // Fields of the protocol not in use are still checked for shape (nothing junk is stored),
      // but only the active protocol's fields are required.
      const smtp = v.protocol === "smtp";
      const http = v.protocol === "http";
      // Copy and Reply-to apply to every kind that sends as a mailbox (not the HTTP relay).
      const mailbox = !http;
      if ((v.protocol === "microsoft" || v.protocol === "google") && !connected.includes(v.protocol)) issue("protocol", "emailSettings.errors.signInFirst");
      const hostProblem = smtpHostProblem(v.smtpHost);
      if (hostProblem) issue("smtpHost", hostProblem);
      else if (smtp && !v.smtpHost) issue("smtpHost", "validation.required");
      if (smtp && !v.smtpUsername) issue("smtpUsername", "validation.required");
      checkAddress("smtpEmail", v.smtpEmail, smtp && needsSenderAddress(v.smtpUsername));
      if (smtp && !v.smtpPassword && !canReuseSavedPassword(savedPassword, v)) {
        issue("smtpPassword", savedPassword ? "emailSettings.errors.passwordForNewServer" : "validation.required");
      }
      checkAddress("copyAddress", v.copyAddress, mailbox && v.copyEnabled);
      const replyTo = addressListSchema({ required: mailbox && v.replyToEnabled }).safeParse(v.replyToAddresses);
      if (!replyTo.success) issue("replyToAddresses", replyTo.error.issues[0]?.message ?? "validation.email");

      const urlProblem = relayUrlProblem(v.httpUrl);
      if (urlProblem) issue("httpUrl", urlProblem);
      else if (http && !v.httpUrl) issue("httpUrl", "validation.required");
      checkAddress("httpReplyTo", v.httpReplyTo, http);
    })
    .transform((v) => ({
      ...v,
      // The sender is the username when it is an address; the extra field only matters otherwise.
      smtpEmail: isEmailAddress(v.smtpUsername) ? "" : v.smtpEmail,
      replyToAddresses: normalizedList(v.replyToAddresses),
    }));
}

export type EmailSettingsInput = z.input<ReturnType<typeof emailSettingsSchema>>;
export type EmailSettingsValues = z.output<ReturnType<typeof emailSettingsSchema>>;

/** The form before anything is saved: the database's defaults, everything else blank. */
export const blankEmailSettings: EmailSettingsInput = {
  ...emailSettingsDefaults,
  smtpHost: "",
  smtpUsername: "",
  smtpEmail: "",
  smtpPassword: "",
  copyEnabled: false,
  copyAddress: "",
  replyToEnabled: false,
  replyToAddresses: "",
  skipTlsVerify: false,
  httpUrl: "",
  httpReplyTo: "",
  sendRatePerMinute: "",
};
