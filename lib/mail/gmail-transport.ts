import "server-only";
import { createOAuthApiTransport } from "./oauth-api-transport";
import type { OAuthApiConfig, Transport } from "./types";

const MB = 1024 * 1024;
// Above this the JSON form gets heavy; the media upload form takes the MIME bytes as they are.
const GMAIL_JSON_MAX_BYTES = 5 * MB;

/** Gmail API: messages.send with { raw } (base64url MIME), or its media upload form for large messages. */
export function createGmailTransport(config: OAuthApiConfig): Transport {
  return createOAuthApiTransport(config, {
    maxMimeBytes: 35 * MB,
    limitMb: 35,
    post: (mime, accessToken, signal) =>
      mime.length <= GMAIL_JSON_MAX_BYTES
        ? fetch(`${config.apiUrl}/gmail/v1/users/me/messages/send`, {
            method: "POST",
            headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
            body: JSON.stringify({ raw: mime.toString("base64url") }),
            signal,
            redirect: "error",
          })
        : fetch(`${config.apiUrl}/upload/gmail/v1/users/me/messages/send?uploadType=media`, {
            method: "POST",
            headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "message/rfc822" },
            body: new Uint8Array(mime),
            signal,
            redirect: "error",
          }),
  });
}
