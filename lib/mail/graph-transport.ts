import "server-only";
import { createOAuthApiTransport } from "./oauth-api-transport";
import type { OAuthApiConfig, Transport } from "./types";

// Graph takes about 4 MB per request without an upload session; the MIME travels base64 (4/3 larger).
const GRAPH_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Microsoft Graph: POST /v1.0/me/sendMail with the base64 MIME message as text/plain; 202 means accepted. */
export function createGraphTransport(config: OAuthApiConfig): Transport {
  return createOAuthApiTransport(config, {
    maxMimeBytes: Math.floor((GRAPH_MAX_REQUEST_BYTES * 3) / 4),
    limitMb: 4,
    post: (mime, accessToken, signal) =>
      fetch(`${config.apiUrl}/v1.0/me/sendMail`, {
        method: "POST",
        headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "text/plain" },
        body: mime.toString("base64"),
        signal,
        redirect: "error",
      }),
  });
}
