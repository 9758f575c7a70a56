// The two sign-in providers: endpoints read from the environment at run time (tests point them at
// local fakes), scopes and authorize parameters as the providers document them.

import { oauthProviders, type OAuthProvider } from "@/db/enums";

export { oauthProviders, type OAuthProvider } from "@/db/enums";

export const isOAuthProvider = (value: string): value is OAuthProvider => (oauthProviders as readonly string[]).includes(value);

export const DEFAULT_MICROSOFT_TENANT = "common";

export const OAUTH_SCOPES: Record<OAuthProvider, string> = {
  microsoft: "offline_access openid email https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/User.Read",
  google: "openid email https://www.googleapis.com/auth/gmail.send",
};

export interface OAuthEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  /** Where the connected address comes from: Graph /me or the OpenID userinfo endpoint. */
  accountUrl: string;
  /** Graph or Gmail API base. */
  apiUrl: string;
  /** Only Google offers token revocation to a web app. */
  revokeUrl?: string;
  /** Extra authorize parameters: Google returns a refresh token only with offline access and consent. */
  authorizeParams: Record<string, string>;
}

const env = (name: string, fallback: string) => (process.env[name]?.trim() || fallback).replace(/\/+$/, "");

/** A tenant is a GUID, a domain or one of Microsoft's aliases: never a path. */
export function isValidTenant(tenant: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/.test(tenant);
}

export function oauthEndpoints(provider: OAuthProvider, tenant = DEFAULT_MICROSOFT_TENANT): OAuthEndpoints {
  if (provider === "microsoft") {
    const login = env("MICROSOFT_LOGIN_URL", "https://login.microsoftonline.com");
    const graph = env("MICROSOFT_GRAPH_URL", "https://graph.microsoft.com");
    const path = `${login}/${encodeURIComponent(isValidTenant(tenant) ? tenant : DEFAULT_MICROSOFT_TENANT)}/oauth2/v2.0`;
    return {
      authorizeUrl: `${path}/authorize`,
      tokenUrl: `${path}/token`,
      accountUrl: `${graph}/v1.0/me`,
      apiUrl: graph,
      authorizeParams: { response_mode: "query" },
    };
  }
  return {
    authorizeUrl: env("GOOGLE_AUTH_URL", "https://accounts.google.com/o/oauth2/v2/auth"),
    tokenUrl: env("GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token"),
    accountUrl: env("GOOGLE_USERINFO_URL", "https://openidconnect.googleapis.com/v1/userinfo"),
    apiUrl: env("GMAIL_API_URL", "https://gmail.googleapis.com"),
    revokeUrl: env("GOOGLE_REVOKE_URL", "https://oauth2.googleapis.com/revoke"),
    authorizeParams: { access_type: "offline", prompt: "consent" },
  };
}

/** The app registration every business shares, when the server operator set one. */
export function serverWideRegistration(provider: OAuthProvider): { clientId: string; clientSecret: string } | null {
  const prefix = provider === "microsoft" ? "MAILROOM_MICROSOFT" : "MAILROOM_GOOGLE";
  const clientId = process.env[`${prefix}_CLIENT_ID`]?.trim();
  const clientSecret = process.env[`${prefix}_CLIENT_SECRET`]?.trim();
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** The redirect URI to register with both providers, from the public URL of this install. */
export function oauthRedirectUri(provider: OAuthProvider): string {
  const base = (process.env.NEXTAUTH_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  return `${base}/oauth/${provider}/callback`;
}
