import "server-only";
import type { OAuthApiConfig } from "../types";
import { createAccessTokenSource } from "./access-token";
import { connectionSummary, connectionTokenStore, oauthClientFor } from "./connection-store";
import { oauthEndpoints, oauthRedirectUri, type OAuthProvider } from "./providers";
import { ProviderHttpError, refreshAccessToken } from "./token-client";

/** The transport config of a business's Microsoft or Google mailbox; not connected, its token source says so. */
export function oauthApiConfig(businessId: number, provider: OAuthProvider, now: () => number = Date.now): OAuthApiConfig {
  const connection = connectionSummary(businessId, provider);
  const client = oauthClientFor(businessId, provider);
  return {
    kind: provider,
    apiUrl: oauthEndpoints(provider).apiUrl,
    address: connection?.connected ? connection.address : "",
    redirectUri: oauthRedirectUri(provider),
    accessToken: createAccessTokenSource({
      key: `${provider}:${businessId}`,
      store: connectionTokenStore(businessId, provider, now),
      refresh: (refreshToken) =>
        client
          ? refreshAccessToken(client, refreshToken, now)
          : // The saved client secret cannot be opened (the encryption key changed): it must be entered again.
            Promise.reject(new ProviderHttpError(401, { error: "invalid_client" }, "The saved client secret cannot be read.")),
      now,
    }),
  };
}
