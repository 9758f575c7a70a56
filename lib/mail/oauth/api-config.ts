import "server-only";
import type { OAuthApiConfig } from "../types";
import { createAccessTokenSource } from "./access-token";
import { connectionTokenStore, oauthClientFor, readConnection } from "./connection-store";
import { oauthEndpoints, oauthRedirectUri, type OAuthProvider } from "./providers";
import { ProviderHttpError, refreshAccessToken } from "./token-client";

/**
 * The transport config of a business's Microsoft or Google mailbox; not connected, its token
 * source says so. Secrets are opened only when used: the access token on each send, the client
 * secret only to refresh.
 */
export function oauthApiConfig(businessId: number, provider: OAuthProvider, now: () => number = Date.now): OAuthApiConfig {
  // One read gives the sender's address and, for the send that follows, its access token.
  const { address, tokens } = readConnection(businessId, provider);
  return {
    kind: provider,
    apiUrl: oauthEndpoints(provider).apiUrl,
    address,
    redirectUri: oauthRedirectUri(provider),
    accessToken: createAccessTokenSource({
      key: `${provider}:${businessId}`,
      store: connectionTokenStore(businessId, provider, now),
      refresh: (refreshToken) => {
        const client = oauthClientFor(businessId, provider);
        return client
          ? refreshAccessToken(client, refreshToken, now)
          : // The saved client secret cannot be opened (the encryption key changed): it must be entered again.
            Promise.reject(new ProviderHttpError(401, { error: "invalid_client" }, "The saved client secret cannot be read."));
      },
      now,
      alreadyRead: tokens,
    }),
  };
}
