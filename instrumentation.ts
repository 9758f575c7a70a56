// Runs once when the server process starts: open the database (which applies migrations),
// print the first-run setup code while there is no user, create the generated secrets, and start
// the worker that drains the outbox. Emails a crash cut off are found by their expired leases,
// not by a sweep here: another process may be sending them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { authSecret, encryptionKey } = await import("./lib/secrets");
  const { startOutboxWorker } = await import("./lib/mail/queue/outbox-worker");
  const { hasAnyUser } = await import("./lib/users/queries");
  const { setupCodeLogLine } = await import("./lib/auth/setup-code");
  getDb();
  if (!hasAnyUser()) console.log(setupCodeLogLine());
  authSecret();
  encryptionKey();
  startOutboxWorker();
}
