import crypto from "node:crypto";
import { isLoopback } from "./client-ip";

// Until the first administrator exists, whoever reaches /setup owns the install. From this
// machine that is the person who started it; from elsewhere they must show the one-time code
// the server printed to its log at start (as Jenkins and Grafana do).
const holder = globalThis as unknown as { mailroomSetupCode?: string };

/** The code of this server process, made on first use: "7KQ4-M2XD-9PAR". */
export function setupCode(): string {
  holder.mailroomSetupCode ??= Array.from({ length: 3 }, () =>
    Array.from(crypto.randomBytes(4), (b) => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[b % 32]).join(""),
  ).join("-");
  return holder.mailroomSetupCode;
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toUpperCase());
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Whether a setup request may go ahead: from loopback, or with the right code. */
export function setupAllowed(clientAddress: string, givenCode: string | undefined, expected = setupCode()): boolean {
  return isLoopback(clientAddress) || sameCode(givenCode ?? "", expected);
}

/** The start-up log line; only printed while there is no user. */
export function setupCodeLogLine(): string {
  return `[mailroom] First run: open /setup on this machine, or from another one with the setup code ${setupCode()}`;
}
