// Runs once when the server process starts: open the database (which applies migrations),
// create the generated secrets, and mark emails a crash left half-sent as interrupted.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { authSecret, encryptionKey } = await import("./lib/secrets");
  const { markInterruptedEmails } = await import("./lib/mail/outbox");
  getDb();
  authSecret();
  encryptionKey();
  const interrupted = markInterruptedEmails();
  if (interrupted) console.warn(`[mailroom] ${interrupted} email(s) were cut off by a restart; they are marked interrupted and can be retried.`);
}
