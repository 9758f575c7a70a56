import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { preparedOn } from "@/db/prepared";
import { mailOauthConnections, users } from "@/db/schema";
import { open, seal, SecretBoxError } from "@/lib/crypto/secret-box";
import { encryptionKey } from "@/lib/secrets";
import { NotConnectedError, type StoredTokens, type TokenStore } from "./access-token";
import { serverWideRegistration, type OAuthProvider } from "./providers";
import type { OAuthClient, TokenSet } from "./token-client";

type ConnectionRow = typeof mailOauthConnections.$inferSelect;

const sealContext = (businessId: number, provider: OAuthProvider, field: "client-secret" | "refresh-token" | "access-token") =>
  `mail-oauth:${businessId}:${provider}:${field}`;

function openOrNull(sealed: string | null, context: string): string | null {
  if (!sealed) return null;
  try {
    return open(sealed, encryptionKey(), context);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return null;
  }
}

const where = (businessId: number, provider: OAuthProvider) =>
  and(eq(mailOauthConnections.businessId, businessId), eq(mailOauthConnections.provider, provider));

// Every Graph or Gmail send reads its connection row: the statement is built once per connection.
const rowStatement = (db: Db) =>
  db
    .select()
    .from(mailOauthConnections)
    .where(and(eq(mailOauthConnections.businessId, sql.placeholder("businessId")), eq(mailOauthConnections.provider, sql.placeholder("provider"))))
    .prepare();

function readRow(businessId: number, provider: OAuthProvider): ConnectionRow | undefined {
  return preparedOn(getDb(), rowStatement).get({ businessId, provider });
}

/** A row's tokens as the token source reads them, each opened only when it is used. */
function storedTokens(row: ConnectionRow, refreshTokenSealed: string): StoredTokens {
  const { businessId, provider, accessTokenSealed } = row;
  return {
    // Opened only to refresh: a send with a live access token never touches it.
    get refreshToken() {
      const refreshToken = openOrNull(refreshTokenSealed, sealContext(businessId, provider, "refresh-token"));
      if (!refreshToken) throw new NotConnectedError();
      return refreshToken;
    },
    get accessToken() {
      return openOrNull(accessTokenSealed, sealContext(businessId, provider, "access-token"));
    },
    accessTokenExpiresAt: row.accessTokenExpiresAt,
  };
}

/**
 * The mailbox a connection sends as ("" when none is connected) and its tokens, in the one read
 * a send needs; no secret is opened here.
 */
export function readConnection(businessId: number, provider: OAuthProvider): { address: string; tokens: StoredTokens | null } {
  const row = readRow(businessId, provider);
  return row?.refreshTokenSealed ? { address: row.address, tokens: storedTokens(row, row.refreshTokenSealed) } : { address: "", tokens: null };
}

/** What the settings page may show about a connection: never a token or the secret. */
export interface ConnectionSummary {
  provider: OAuthProvider;
  clientId: string;
  tenant: string;
  /** A client secret is saved (or the server supplies one). */
  hasClientSecret: boolean;
  /** Connected: a refresh token that can be opened, and the mailbox address. */
  connected: boolean;
  address: string;
  connectedAt: Date | null;
  connectedBy: string | null;
  reconnectNeeded: boolean;
}

export function connectionSummary(businessId: number, provider: OAuthProvider): ConnectionSummary | null {
  const row = getDb()
    .select({ connection: mailOauthConnections, connectedBy: users.name })
    .from(mailOauthConnections)
    .leftJoin(users, eq(users.id, mailOauthConnections.connectedByUserId))
    .where(where(businessId, provider))
    .get();
  if (!row) return null;
  const { connection } = row;
  const refreshToken = openOrNull(connection.refreshTokenSealed, sealContext(businessId, provider, "refresh-token"));
  return {
    provider,
    clientId: connection.clientId,
    tenant: connection.tenant,
    hasClientSecret: Boolean(connection.clientSecretSealed) || serverWideRegistration(provider) !== null,
    connected: Boolean(refreshToken && connection.address),
    address: connection.address,
    connectedAt: connection.connectedAt,
    connectedBy: row.connectedBy,
    reconnectNeeded: connection.reconnectNeededAt !== null,
  };
}

/** The saved client secret, only for the client ID it was saved with (a changed ID needs its own). */
export function savedClientSecret(businessId: number, provider: OAuthProvider, clientId: string): string | null {
  const row = readRow(businessId, provider);
  if (!row || row.clientId !== clientId) return null;
  return openOrNull(row.clientSecretSealed, sealContext(businessId, provider, "client-secret"));
}

/** The app registration a connection refreshes with: the server-wide one, else the business's own. */
export function oauthClientFor(businessId: number, provider: OAuthProvider): OAuthClient | null {
  const row = readRow(businessId, provider);
  if (!row) return null;
  const serverWide = serverWideRegistration(provider);
  if (serverWide && serverWide.clientId === row.clientId) return { provider, tenant: row.tenant, ...serverWide };
  const clientSecret = openOrNull(row.clientSecretSealed, sealContext(businessId, provider, "client-secret"));
  return clientSecret ? { provider, clientId: row.clientId, clientSecret, tenant: row.tenant } : null;
}

/** Stores a fresh sign-in: the registration it used, the mailbox and its tokens, all secrets sealed. */
export function saveConnection(
  businessId: number,
  {
    client,
    secretIsServerWide,
    tokens,
    address,
    userId,
    now,
  }: { client: OAuthClient; secretIsServerWide: boolean; tokens: TokenSet & { refreshToken: string }; address: string; userId: number; now: number },
): void {
  const { provider } = client;
  const key = encryptionKey();
  const values = {
    clientId: client.clientId,
    clientSecretSealed: secretIsServerWide ? null : seal(client.clientSecret, key, sealContext(businessId, provider, "client-secret")),
    tenant: client.tenant,
    address,
    refreshTokenSealed: seal(tokens.refreshToken, key, sealContext(businessId, provider, "refresh-token")),
    accessTokenSealed: seal(tokens.accessToken, key, sealContext(businessId, provider, "access-token")),
    accessTokenExpiresAt: tokens.expiresAt,
    connectedAt: new Date(now),
    connectedByUserId: userId,
    reconnectNeededAt: null,
  };
  getDb()
    .insert(mailOauthConnections)
    .values({ businessId, provider, ...values })
    .onConflictDoUpdate({ target: [mailOauthConnections.businessId, mailOauthConnections.provider], set: values })
    .run();
}

/** The connection's tokens as lib/mail/oauth/access-token uses them, read and written sealed. */
export function connectionTokenStore(businessId: number, provider: OAuthProvider, now: () => number = Date.now): TokenStore {
  return {
    read() {
      return readConnection(businessId, provider).tokens;
    },
    write({ refreshToken, accessToken, accessTokenExpiresAt }) {
      const key = encryptionKey();
      getDb()
        .update(mailOauthConnections)
        .set({
          refreshTokenSealed: seal(refreshToken, key, sealContext(businessId, provider, "refresh-token")),
          accessTokenSealed: seal(accessToken, key, sealContext(businessId, provider, "access-token")),
          accessTokenExpiresAt,
          reconnectNeededAt: null,
        })
        .where(where(businessId, provider))
        .run();
    },
    markReconnectNeeded() {
      getDb()
        .update(mailOauthConnections)
        .set({ reconnectNeededAt: new Date(now()), accessTokenSealed: null, accessTokenExpiresAt: null })
        .where(where(businessId, provider))
        .run();
    },
  };
}

/**
 * Removes the tokens from the row (the registration stays, so signing in again needs no
 * retyping) and returns the refresh token so the caller can revoke it.
 */
export function removeConnectionTokens(businessId: number, provider: OAuthProvider): { address: string; refreshToken: string | null } | null {
  const row = readRow(businessId, provider);
  if (!row?.connectedAt) return null;
  const refreshToken = openOrNull(row.refreshTokenSealed, sealContext(businessId, provider, "refresh-token"));
  getDb()
    .update(mailOauthConnections)
    .set({
      address: "",
      refreshTokenSealed: null,
      accessTokenSealed: null,
      accessTokenExpiresAt: null,
      connectedAt: null,
      connectedByUserId: null,
      reconnectNeededAt: null,
    })
    .where(where(businessId, provider))
    .run();
  return { address: row.address, refreshToken };
}
