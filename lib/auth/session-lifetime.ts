// A session token is renewed for another 8 hours whenever it is used (the idle limit), but never
// lives past 7 days from the password sign-in that created it (the absolute limit).
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** The token's own sign-in time decides; a token without one (older format) is expired. */
export function sessionTokenExpired(token: Record<string, unknown>, now = Date.now()): boolean {
  const signedInAt = Number(token.signedInAt);
  return !Number.isFinite(signedInAt) || signedInAt > now + 60_000 || now - signedInAt > SESSION_ABSOLUTE_MS;
}
