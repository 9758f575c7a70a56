// Runs once when the server process starts: open the database (which applies migrations) and
// create the generated secrets, so the first request does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { authSecret, encryptionKey } = await import("./lib/secrets");
  getDb();
  authSecret();
  encryptionKey();
}
