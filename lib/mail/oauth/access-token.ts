import "server-only";
import { ProviderHttpError, type TokenSet } from "./token-client";

/** An access token is reused until this long before it expires, so it never dies mid-send. */
export const ACCESS_TOKEN_MARGIN_MS = 60_000;

export interface StoredTokens {
  /** May be opened only when read; throws NotConnectedError when it cannot be. */
  refreshToken: string;
  accessToken: string | null;
  accessTokenExpiresAt: number | null;
}

/** Where one connection's tokens live (sealed in the database in the app, in memory in tests). */
export interface TokenStore {
  /** Read at the moment of use, so a send never refreshes with a refresh token that was already rotated. */
  read(): StoredTokens | null;
  write(tokens: { refreshToken: string; accessToken: string; accessTokenExpiresAt: number }): void;
  /** The provider refused the refresh token for good: the admin must sign in again. */
  markReconnectNeeded(): void;
}

export class NotConnectedError extends Error {
  constructor() {
    super("The account is not connected.");
    this.name = "NotConnectedError";
  }
}

export interface AccessTokenSource {
  /** A valid access token; `forceRefresh` proves the refresh token still works (the settings test). */
  get(options?: { forceRefresh?: boolean }): Promise<string>;
}

// One refresh at a time per connection in this process: concurrent sends share it.
const refreshesInFlight = new Map<string, Promise<string>>();

export function isInvalidGrant(error: unknown): boolean {
  return error instanceof ProviderHttpError && error.body.error === "invalid_grant";
}

/** The stored access token while it has more than the margin left; the expiry is checked first, so an expired one is never opened. */
function liveAccessToken(stored: StoredTokens | null | undefined, now: number): string | null {
  return stored?.accessTokenExpiresAt && stored.accessTokenExpiresAt - ACCESS_TOKEN_MARGIN_MS > now ? stored.accessToken : null;
}

export function createAccessTokenSource({
  key,
  store,
  refresh,
  now = Date.now,
  alreadyRead,
}: {
  /** Identifies the connection, e.g. "microsoft:12". */
  key: string;
  store: TokenStore;
  refresh: (refreshToken: string) => Promise<TokenSet>;
  now?: () => number;
  /** The tokens read a moment ago with the rest of the connection: the first get takes a live access token from them. */
  alreadyRead?: StoredTokens | null;
}): AccessTokenSource {
  let firstRead = alreadyRead;
  return {
    get({ forceRefresh = false } = {}) {
      const pending = refreshesInFlight.get(key);
      if (pending) return pending;
      const first = forceRefresh ? null : liveAccessToken(firstRead, now());
      firstRead = undefined;
      if (first) return Promise.resolve(first);
      // Read now, not earlier: a refresh must use the refresh token as it is at this moment.
      const stored = store.read();
      if (!stored) return Promise.reject(new NotConnectedError());
      const accessToken = forceRefresh ? null : liveAccessToken(stored, now());
      if (accessToken) return Promise.resolve(accessToken);
      const refreshing = Promise.resolve()
        .then(() => refresh(stored.refreshToken))
        .then(
          (tokens) => {
            // Every rotated refresh token is kept: the old one may stop working at any time.
            store.write({
              refreshToken: tokens.refreshToken ?? stored.refreshToken,
              accessToken: tokens.accessToken,
              accessTokenExpiresAt: tokens.expiresAt,
            });
            return tokens.accessToken;
          },
          (error: unknown) => {
            if (isInvalidGrant(error)) store.markReconnectNeeded();
            throw error;
          },
        )
        .finally(() => refreshesInFlight.delete(key));
      refreshesInFlight.set(key, refreshing);
      return refreshing;
    },
  };
}
