import { isEmailAddress } from "./addresses";

// What the email settings form decides while typing (which fields show, which security a port
// means, when a blank password keeps the saved one), free of zod so the form ships no schema to the
// browser; the schema in ./email-settings applies the same rules on the server.

export { mailProtocols, smtpSecurityModes } from "@/db/enums";

export const SECURITY_FOR_PORT: Record<number, "tls" | "starttls"> = { 465: "tls", 587: "starttls", 25: "starttls" };
export const QUICK_PORTS = [465, 587, 25] as const;

/** The Email address field appears (and is required) only for a username that is not an address. */
export function needsSenderAddress(username: string): boolean {
  return username.trim() !== "" && !isEmailAddress(username.trim());
}

/** How a stored password was saved to be sent; null when none is stored (or readable). */
export type SavedPasswordOwner = {
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  skipTlsVerify: boolean;
  username: string;
} | null;

type PasswordDestination = { smtpHost: string; smtpPort: unknown; smtpSecurity: string; skipTlsVerify: boolean; smtpUsername: string };

/**
 * A blank password means "keep the saved one" only for the server, port, security, certificate
 * check and username it was saved with: otherwise a changed form could send the stored password
 * to another server, or in clear text, or to a server whose certificate is not checked.
 */
export function canReuseSavedPassword(saved: SavedPasswordOwner, form: PasswordDestination): boolean {
  return Boolean(
    saved &&
      saved.host.toLowerCase() === form.smtpHost.trim().toLowerCase() &&
      saved.port === Number(form.smtpPort) &&
      saved.security === form.smtpSecurity &&
      saved.skipTlsVerify === Boolean(form.skipTlsVerify) &&
      saved.username === form.smtpUsername.trim(),
  );
}
